"""Each hard rule of the brief: what it hides, the "why not" it gives, and the reason the
products it lets through carry."""

from decimal import Decimal

import pytest

from finder.logic import Answers, recommend
from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db


def picked(recommendations, slug):
    return [pick.product.name for pick in recommendations.picks[slug]]


def hidden(recommendations, slug):
    """{product name: why not} for what the rules hid in one category."""
    return {
        example.name: group.reason
        for result in recommendations.results
        if result.category.slug == slug
        for group in result.hidden
        for example in group.examples
    }


def reasons(recommendations, slug, name):
    for pick in recommendations.picks[slug]:
        if pick.product.name == name:
            return pick.reasons
    raise AssertionError(f"{name} was not picked")


def test_beginner_never_gets_an_experienced_only_product():
    impact = kind_category("impact")
    ProductFactory(category=impact, name="Gentle Paddle", for_beginner=True)
    ProductFactory(category=impact, name="Expert Paddle", for_beginner=False, for_experienced=True)
    result = recommend(Answers(level="beginner", categories=("impact",)))
    assert picked(result, "impact") == ["Gentle Paddle"]
    assert "Chosen for beginners" in reasons(result, "impact", "Gentle Paddle")
    assert hidden(result, "impact") == {
        "Expert Paddle": "Experienced-only gear hidden: you told us you are new to this, so we "
        "only show gear tagged for beginners."
    }


def test_experienced_people_get_their_gear_first_and_beginner_gear_stays_open():
    impact = kind_category("impact")
    ProductFactory(category=impact, name="Starter Paddle", for_beginner=True, price=5)
    ProductFactory(
        category=impact, name="Oak Paddle", intensity=4, for_beginner=False, for_experienced=True
    )
    result = recommend(Answers(level="experienced", categories=("impact",)))
    assert picked(result, "impact") == ["Oak Paddle", "Starter Paddle"]
    assert "Made for experienced people" in reasons(result, "impact", "Oak Paddle")
    assert hidden(result, "impact") == {}


def test_beginner_never_gets_restraints_without_quick_release_even_if_mis_tagged():
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Clip Cuffs", quick_release=True)
    # Tagged for beginners by mistake (bulk edits skip validation): the filter still holds.
    ProductFactory(
        category=restraints, name="Buckle Cuffs", quick_release=False, for_experienced=True
    )
    result = recommend(Answers(level="beginner", categories=("restraints",)))
    assert picked(result, "restraints") == ["Clip Cuffs"]
    assert "Quick release: it opens in seconds if anyone needs out" in reasons(
        result, "restraints", "Clip Cuffs"
    )
    assert hidden(result, "restraints") == {
        "Buckle Cuffs": "Non-quick-release restraints hidden: beginners are only shown "
        "quick-release restraints."
    }


def test_experienced_people_may_see_restraints_without_quick_release():
    restraints = kind_category("restraints")
    ProductFactory(
        category=restraints,
        name="Buckle Cuffs",
        quick_release=False,
        for_beginner=False,
        for_experienced=True,
    )
    result = recommend(Answers(level="experienced", categories=("restraints",)))
    assert picked(result, "restraints") == ["Buckle Cuffs"]


def test_beginner_never_gets_a_rigid_ring():
    rings = kind_category("cock-rings")
    ProductFactory(
        category=rings,
        name="Stretch Ring",
        ring_fit="soft",
        materials=[MaterialFactory(silicone=True)],
    )
    ProductFactory(category=rings, name="Lasso Ring", ring_fit="adjustable", price=Decimal("25"))
    ProductFactory(category=rings, name="Steel Ring", ring_fit="rigid", for_experienced=True)
    result = recommend(Answers(level="beginner", categories=("cock-rings",)))
    assert picked(result, "cock-rings") == ["Stretch Ring", "Lasso Ring"]
    assert "Soft, stretchy silicone: the gentlest kind of ring to start with" in reasons(
        result, "cock-rings", "Stretch Ring"
    )
    assert "Adjustable: set it loose and tighten only to comfort" in reasons(
        result, "cock-rings", "Lasso Ring"
    )
    assert hidden(result, "cock-rings")["Steel Ring"].startswith("Rigid rings hidden")


def test_beginner_only_gets_impact_at_the_gentle_end():
    impact = kind_category("impact")
    ProductFactory(category=impact, name="Feather Paddle", intensity=1)
    ProductFactory(category=impact, name="Soft Flogger", intensity=2)
    ProductFactory(category=impact, name="Medium Paddle", intensity=3, for_experienced=True)
    result = recommend(Answers(level="beginner", categories=("impact",), intensity=2))
    assert picked(result, "impact") == ["Soft Flogger", "Feather Paddle"]
    assert "Intensity 2 of 5 (gentle): what you asked for" in reasons(
        result, "impact", "Soft Flogger"
    )
    assert "A deep, thuddy feel that spreads" in reasons(result, "impact", "Feather Paddle")
    assert hidden(result, "impact")["Medium Paddle"].startswith(
        "Harder-hitting impact toys hidden: beginners start at the gentle end"
    )


def test_owners_of_silicone_toys_get_no_silicone_or_hybrid_lube_and_are_told_why():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Water Glide", lubricant_base="water")
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone")
    ProductFactory(category=lubes, name="Hybrid Cream", lubricant_base="hybrid")
    result = recommend(
        Answers(level="beginner", categories=("lubricants",), owns_silicone_toys=True)
    )
    assert picked(result, "lubricants") == ["Water Glide"]
    assert "Water-based: safe with your silicone toys" in reasons(
        result, "lubricants", "Water Glide"
    )
    why_not = (
        "Silicone and hybrid lubes hidden: they can damage your silicone toys. "
        "Water-based lube is safe with them."
    )
    assert hidden(result, "lubricants") == {"Silk Serum": why_not, "Hybrid Cream": why_not}


def test_silicone_lube_is_fine_for_people_without_silicone_toys():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone")
    result = recommend(Answers(level="beginner", categories=("lubricants",)))
    assert picked(result, "lubricants") == ["Silk Serum"]


def test_latex_condom_users_get_no_oil_based_lube_and_are_told_why():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Water Glide", lubricant_base="water")
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone")
    ProductFactory(category=lubes, name="Coconut Balm", lubricant_base="oil")
    result = recommend(
        Answers(level="beginner", categories=("lubricants",), uses_latex_condoms=True)
    )
    assert sorted(picked(result, "lubricants")) == ["Silk Serum", "Water Glide"]
    assert "Safe with latex condoms" in reasons(result, "lubricants", "Silk Serum")
    assert hidden(result, "lubricants") == {
        "Coconut Balm": "Oil-based lube hidden: it weakens latex condoms and can make them "
        "fail. Water- and silicone-based lubes are safe with them."
    }


def test_latex_allergy_hides_everything_containing_latex_in_every_category():
    latex = MaterialFactory(latex=True)
    leather = MaterialFactory(name="Leather")
    impact, rings = kind_category("impact"), kind_category("cock-rings")
    ProductFactory(category=impact, name="Rubber Flogger", materials=[latex])
    ProductFactory(category=impact, name="Leather Paddle", materials=[leather])
    ProductFactory(category=rings, name="Rubber Ring", materials=[latex, leather])
    ProductFactory(category=rings, name="Strap Ring", ring_fit="adjustable", materials=[leather])
    result = recommend(
        Answers(level="beginner", categories=("impact", "cock-rings"), latex_allergy=True)
    )
    assert picked(result, "impact") == ["Leather Paddle"]
    assert picked(result, "cock-rings") == ["Strap Ring"]
    assert "Latex-free" in reasons(result, "impact", "Leather Paddle")
    why_not = "Hidden because it contains latex: you told us about a latex allergy."
    assert hidden(result, "impact") == {"Rubber Flogger": why_not}
    assert hidden(result, "cock-rings") == {"Rubber Ring": why_not}


def test_unpublished_out_of_stock_and_note_less_products_are_never_recommended_or_listed():
    vibes = kind_category("vibrators", safety_notes=[])
    ProductFactory(category=vibes, name="Draft Bullet", is_published=False)
    ProductFactory(category=vibes, name="Sold-out Bullet", stock=0)
    ProductFactory(
        category=vibes, name="Note-less Bullet"
    )  # neither it nor its category has a note
    # With nothing recommendable the category is not live: the finder leaves it out entirely.
    result = recommend(Answers(level="beginner", categories=("vibrators",)))
    assert "vibrators" not in result.picks
    assert result.hidden == () and result.empty == {}


def test_a_hidden_product_is_explained_by_the_most_specific_rule_it_breaks():
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Clip Cuffs")
    ProductFactory(
        category=restraints,
        name="Locking Cuffs",
        quick_release=False,
        for_beginner=False,
        for_experienced=True,
    )
    result = recommend(Answers(level="beginner", categories=("restraints",)))
    # Experienced-only AND not quick release: the restraint rule is the one worth saying.
    assert hidden(result, "restraints")["Locking Cuffs"].startswith("Non-quick-release")


def test_rules_follow_the_category_kind_not_the_slug():
    cuffs = kind_category("restraints", slug="bondage-basics", name="Bondage basics")
    ProductFactory(category=cuffs, name="Clip Cuffs", quick_release=True)
    ProductFactory(category=cuffs, name="Buckle Cuffs", quick_release=False)
    result = recommend(Answers(level="beginner", categories=("bondage-basics",)))
    assert picked(result, "bondage-basics") == ["Clip Cuffs"]


def test_hidden_lists_a_few_examples_but_counts_them_all():
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Clip Cuffs")
    for n in range(5):
        ProductFactory(category=restraints, name=f"Buckle Cuffs {n}", quick_release=False)
    result = recommend(Answers(level="beginner", categories=("restraints",)))
    [group] = result.results[0].hidden
    assert group.count == 5
    assert len(group.examples) == 3
    assert len(result.hidden) == 3
