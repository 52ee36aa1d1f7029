"""A shop assistant's ranking (issue 13, items 3 and 4): gentlest first for beginners, gear
aimed at experienced people first for them (beginner gear still open), curators weigh in,
price breaks ties; reasons in a customer's words."""

from decimal import Decimal

import pytest

from finder.logic import Answers, recommend
from tests.factories import (
    GuideFactory,
    MaterialFactory,
    PickFactory,
    ProductFactory,
    SectionFactory,
    kind_category,
)

pytestmark = pytest.mark.django_db


def names(result, slug):
    return [pick.product.name for pick in result.picks[slug]]


def test_a_beginners_first_impact_pick_is_the_gentlest_not_the_cheapest():
    impact = kind_category("impact")
    ProductFactory(category=impact, name="Stingy Slapper", intensity=2, price=Decimal("8"))
    ProductFactory(category=impact, name="Soft Paddle", intensity=1, price=Decimal("22"))
    result = recommend(Answers(level="beginner", categories=("impact",)))
    assert names(result, "impact") == ["Soft Paddle", "Stingy Slapper"]
    first = result.picks["impact"][0]
    assert first.reasons[0] == "The gentlest impact toy we have in stock"
    assert not any("Stingy" in reason for pick in result.picks["impact"] for reason in pick.reasons)


def test_soft_rings_before_adjustable_and_latex_free_first_for_beginners():
    rings = kind_category("cock-rings")
    latex = MaterialFactory(latex=True)
    ProductFactory(
        category=rings, name="Latex Stretch", ring_fit="soft", materials=[latex], price=5
    )
    ProductFactory(category=rings, name="Lasso", ring_fit="adjustable", price=6)
    ProductFactory(category=rings, name="Silicone Stretch", ring_fit="soft", price=12)
    result = recommend(Answers(level="beginner", categories=("cock-rings",)))
    assert names(result, "cock-rings") == ["Silicone Stretch", "Latex Stretch", "Lasso"]


def test_thick_lube_first_for_beginners_and_for_anal_play():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Thin Sachets", thickness="thin", price=3)
    ProductFactory(
        category=lubes, name="Thick Gel", thickness="thick", price=12, for_experienced=True
    )
    assert (
        names(recommend(Answers(level="beginner", categories=("lubricants",))), "lubricants")[0]
        == "Thick Gel"
    )
    experienced = Answers(level="experienced", categories=("lubricants",), anal_play=True)
    assert names(recommend(experienced), "lubricants")[0] == "Thick Gel"


def test_featured_products_weigh_in_and_price_breaks_the_remaining_ties():
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Cheap Cuffs", price=10)
    ProductFactory(category=restraints, name="Featured Cuffs", price=30, is_featured=True)
    ProductFactory(category=restraints, name="Dear Cuffs", price=40)
    result = recommend(Answers(level="beginner", categories=("restraints",)))
    assert names(result, "restraints") == ["Featured Cuffs", "Cheap Cuffs", "Dear Cuffs"]
    assert "One of our featured products" in result.picks["restraints"][0].reasons


def test_an_experienced_customer_asking_for_a_bullet_or_a_soft_ring_gets_them():
    vibes, rings = kind_category("vibrators"), kind_category("cock-rings")
    ProductFactory(category=vibes, name="Mini Bullet", vibrator_type="bullet")
    ProductFactory(category=vibes, name="Big Wand", vibrator_type="wand", for_experienced=True)
    ProductFactory(category=rings, name="Stretch Ring", ring_fit="soft")
    ProductFactory(category=rings, name="Steel Ring", ring_fit="rigid", for_experienced=True)
    answers = Answers(
        level="experienced",
        categories=("vibrators", "cock-rings"),
        vibrator_type="bullet",
        ring_fit="soft",
    )
    result = recommend(answers)
    assert names(result, "vibrators") == ["Mini Bullet", "Big Wand"]
    assert names(result, "cock-rings") == ["Stretch Ring", "Steel Ring"]
    assert result.hidden == ()
    # Fitting equally, gear aimed at experienced people comes first.
    plain = recommend(Answers(level="experienced", categories=("vibrators",)))
    assert names(plain, "vibrators") == ["Big Wand", "Mini Bullet"]


def test_each_category_follows_its_own_level():
    impact, restraints = kind_category("impact"), kind_category("restraints")
    ProductFactory(category=impact, name="Heavy Paddle", intensity=4, for_experienced=True)
    ProductFactory(category=restraints, name="Locking Cuffs", quick_release=False)
    answers = Answers(
        level="beginner",
        levels=(("impact", "experienced"),),
        categories=("impact", "restraints"),
    )
    result = recommend(answers)
    assert names(result, "impact") == ["Heavy Paddle"]
    assert names(result, "restraints") == []  # new to restraints: quick release only
    assert [r.level for r in result.results] == ["experienced", "beginner"]


def test_a_guides_beginner_pick_ranks_first_and_says_so():
    """Two cuffs alike in every way but price: the dearer one is a published guide's beginner
    pick, so a beginner meets it first and reads why; an unpublished guide's pick counts for
    nothing, and the pick is for beginners, not for experienced people."""
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Plain Cuffs", price=20)
    picked = ProductFactory(category=restraints, name="Picked Cuffs", price=30)
    drafted = ProductFactory(category=restraints, name="Drafted Cuffs", price=25)
    section = SectionFactory(category=restraints)
    PickFactory(section=section, product=picked, level="beginner")
    draft = SectionFactory(category=restraints, guide=GuideFactory(is_published=False))
    PickFactory(section=draft, product=drafted, level="beginner")

    result = recommend(Answers(level="beginner", categories=("restraints",)))
    assert names(result, "restraints") == ["Picked Cuffs", "Plain Cuffs", "Drafted Cuffs"]
    first, second, third = result.picks["restraints"]
    assert "Our guide picks it for beginners" in first.reasons
    assert not any("guide" in reason for reason in second.reasons + third.reasons)

    experienced = recommend(Answers(level="experienced", categories=("restraints",)))
    assert names(experienced, "restraints") == ["Plain Cuffs", "Drafted Cuffs", "Picked Cuffs"]
    assert not any("guide" in r for pick in experienced.picks["restraints"] for r in pick.reasons)


def test_a_guides_experienced_pick_ranks_first_for_experienced_people():
    restraints = kind_category("restraints")
    ProductFactory(category=restraints, name="Plain Cuffs", price=20, for_experienced=True)
    picked = ProductFactory(
        category=restraints, name="Picked Cuffs", price=30, for_experienced=True
    )
    PickFactory(section=SectionFactory(category=restraints), product=picked, level="experienced")
    result = recommend(Answers(level="experienced", categories=("restraints",)))
    assert names(result, "restraints") == ["Picked Cuffs", "Plain Cuffs"]
    assert "Our guide picks it for experienced people" in result.picks["restraints"][0].reasons
