"""Soft preferences: the score, its reasons, the order of the picks, and the safety add-ons."""

from decimal import Decimal

import pytest

from finder.logic import Answers, recommend
from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db


def names(picks):
    return [pick.product.name for pick in picks]


def test_top_three_per_category_best_score_first_then_cheaper_then_older():
    vibes = kind_category("vibrators")
    ProductFactory(category=vibes, name="Wand A", vibrator_type="wand", price=Decimal("50"))
    ProductFactory(category=vibes, name="Bullet Dear", vibrator_type="bullet", price=Decimal("30"))
    ProductFactory(category=vibes, name="Bullet Cheap", vibrator_type="bullet", price=Decimal("10"))
    ProductFactory(
        category=vibes, name="Bullet Twin 1", vibrator_type="bullet", price=Decimal("20")
    )
    ProductFactory(
        category=vibes, name="Bullet Twin 2", vibrator_type="bullet", price=Decimal("20")
    )
    result = recommend(Answers(level="beginner", categories=("vibrators",), vibrator_type="bullet"))
    picks = result.picks["vibrators"]
    assert names(picks) == ["Bullet Cheap", "Bullet Twin 1", "Bullet Twin 2"]
    assert [pick.score for pick in picks] == [2, 2, 2]
    assert "Bullet, the type you asked for" in picks[0].reasons
    assert "Small bullet vibes are a gentle start" in picks[0].reasons


def test_each_preference_adds_to_the_score_with_its_reason():
    impact, restraints = kind_category("impact"), kind_category("restraints")
    rings, vibes = kind_category("cock-rings"), kind_category("vibrators")
    ProductFactory(
        category=impact, name="Thud 4", intensity=4, sensation="thud", for_experienced=True
    )
    ProductFactory(
        category=impact, name="Sting 3", intensity=3, sensation="sting", for_experienced=True
    )
    ProductFactory(category=restraints, name="Ankle", restraint_type="ankle", for_experienced=True)
    ProductFactory(category=restraints, name="Wrist", restraint_type="wrist", for_experienced=True)
    ProductFactory(category=rings, name="Steel", ring_fit="rigid", for_experienced=True)
    ProductFactory(category=rings, name="Soft", ring_fit="soft", for_experienced=True)
    ProductFactory(category=vibes, name="Wand", vibrator_type="wand", for_experienced=True)
    ProductFactory(category=vibes, name="Egg", vibrator_type="egg", for_experienced=True)
    answers = Answers(
        level="experienced",
        categories=("impact", "restraints", "cock-rings", "vibrators"),
        intensity=4,
        sensation="thud",
        restraint_type="ankle",
        ring_fit="rigid",
        vibrator_type="wand",
    )
    picks = recommend(answers).picks
    thud, sting = picks["impact"]
    assert (thud.product.name, thud.score) == ("Thud 4", 4)
    assert "Intensity 4 of 5 (strong): what you asked for" in thud.reasons
    assert "A deep, thuddy feel that spreads, the feel you asked for" in thud.reasons
    assert (sting.product.name, sting.score) == ("Sting 3", 1)
    assert "Intensity 3 of 5 (medium): one step from what you asked for" in sting.reasons
    assert [(p.product.name, p.score) for p in picks["restraints"]] == [("Ankle", 2), ("Wrist", 0)]
    assert "Ankle cuffs, the kind you asked for" in picks["restraints"][0].reasons
    assert [(p.product.name, p.score) for p in picks["cock-rings"]] == [("Steel", 2), ("Soft", 0)]
    assert "The fit you asked for" in picks["cock-rings"][0].reasons
    assert [(p.product.name, p.score) for p in picks["vibrators"]] == [("Wand", 2), ("Egg", 0)]
    assert "Wand, the type you asked for" in picks["vibrators"][0].reasons


def test_preferences_are_soft_a_mismatch_is_still_shown():
    vibes = kind_category("vibrators")
    ProductFactory(category=vibes, name="Egg", vibrator_type="egg")
    result = recommend(Answers(level="beginner", categories=("vibrators",), vibrator_type="wand"))
    assert names(result.picks["vibrators"]) == ["Egg"]
    assert result.picks["vibrators"][0].score == 0


def test_within_budget_scores_and_says_so_and_dearer_picks_are_marked_over_budget():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Big Bottle", price=Decimal("30"))
    ProductFactory(category=lubes, name="Sachets", price=Decimal("6"))
    result = recommend(Answers(level="beginner", categories=("lubricants",), budget=Decimal("20")))
    cheap, dear = result.picks["lubricants"]
    assert (cheap.product.name, cheap.score, cheap.over_budget) == ("Sachets", 1, False)
    assert "Within your budget of £20.00" in cheap.reasons
    assert (dear.product.name, dear.score, dear.over_budget) == ("Big Bottle", 0, True)


def test_no_categories_chosen_means_a_bit_of_everything():
    for kind in ("impact", "lubricants"):
        ProductFactory(category=kind_category(kind), name=f"Only {kind}")
    result = recommend(Answers(level="beginner"))
    assert {slug: names(picks) for slug, picks in result.picks.items()} == {
        "impact": ["Only impact"],
        "lubricants": ["Only lubricants"],
    }


def test_safety_shears_are_an_add_on_with_restraints_never_a_restraint_pick():
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Clip Cuffs", price=Decimal("30"))
    ProductFactory(
        category=restraints,
        name="Safety Shears",
        restraint_type="safety-shears",
        price=Decimal("6"),
        for_experienced=True,
    )
    result = recommend(Answers(level="beginner", categories=("restraints",)))
    assert names(result.picks["restraints"]) == ["Clip Cuffs"]
    assert [item.product.name for item in result.kit.items] == ["Clip Cuffs"]
    [add_on] = result.add_ons
    assert add_on.pick.product.name == "Safety Shears"
    assert "Keep safety shears within reach" in add_on.why
    assert not any("Quick release" in reason for reason in add_on.pick.reasons)


def test_no_shears_add_on_without_restraints_or_when_the_catalog_has_none():
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Clip Cuffs")
    assert recommend(Answers(level="beginner", categories=("restraints",))).add_ons == ()
    ProductFactory(category=restraints, name="Safety Shears", restraint_type="safety-shears")
    kind_category("impact")
    assert recommend(Answers(level="beginner", categories=("impact",))).add_ons == ()


def test_a_toy_brings_a_lube_add_on_that_is_safe_with_it():
    silicone = MaterialFactory(silicone=True)
    vibes, lubes = kind_category("vibrators"), kind_category("lubricants")
    ProductFactory(category=vibes, name="Silicone Bullet", materials=[silicone])
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone", price=Decimal("5"))
    ProductFactory(category=lubes, name="Coconut Balm", lubricant_base="oil", price=Decimal("4"))
    ProductFactory(category=lubes, name="Water Glide", lubricant_base="water", price=Decimal("9"))
    result = recommend(Answers(level="beginner", categories=("vibrators",)))
    [add_on] = result.add_ons
    assert add_on.pick.product.name == "Water Glide"
    assert "Water-based: safe with every toy and condom" in add_on.pick.reasons


def test_the_lube_add_on_respects_the_lube_rules_and_the_toys_materials():
    latex = MaterialFactory(latex=True)
    rings, lubes = kind_category("cock-rings"), kind_category("lubricants")
    ProductFactory(category=rings, name="Rubber Ring", materials=[latex])
    ProductFactory(category=lubes, name="Coconut Balm", lubricant_base="oil", price=Decimal("4"))
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone", price=Decimal("5"))
    # Oil never goes with latex; silicone lube is fine with a latex ring.
    result = recommend(Answers(level="beginner", categories=("cock-rings",)))
    assert [a.pick.product.name for a in result.add_ons] == ["Silk Serum"]
    # ...unless the customer owns silicone toys: then nothing here is safe to suggest.
    result = recommend(
        Answers(level="beginner", categories=("cock-rings",), owns_silicone_toys=True)
    )
    assert result.add_ons == ()


def test_no_lube_add_on_when_lubricants_are_chosen_anyway():
    vibes, lubes = kind_category("vibrators"), kind_category("lubricants")
    ProductFactory(category=vibes, name="Bullet")
    ProductFactory(category=lubes, name="Water Glide")
    result = recommend(Answers(level="beginner", categories=("vibrators", "lubricants")))
    assert result.add_ons == ()
    assert names(result.picks["lubricants"]) == ["Water Glide"]
