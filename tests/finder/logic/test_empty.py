"""When a category comes back empty: the truth about which answers emptied it, with every
protection kept (issue 13, item 1)."""

import pytest

from finder.logic import Answers, recommend
from finder.logic.index import finder_index
from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db


def names(recommendations, slug):
    return [pick.product.name for pick in recommendations.picks[slug]]


def test_silicone_toys_emptied_the_lubes_and_the_protection_stays_on():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone")
    answers = Answers(level="beginner", categories=("lubricants",), owns_silicone_toys=True)
    empty = recommend(answers).empty["lubricants"]
    assert empty.because == "owns_silicone_toys"
    assert empty.message == (
        "Nothing in lubricants fits your answers right now. The only one we have in "
        "lubricants right now is silicone-based or hybrid, which can damage your silicone "
        "toys. We keep this protection on. Our guide says what to look for, and stock "
        "changes: please look again soon."
    )


def test_first_report_beginner_with_a_latex_allergy_whose_latex_free_rings_are_out():
    """The issue's first unsafe retry: the beginner rings left contain latex and the
    latex-free ring left is a rigid steel ring. The page blamed the level and offered
    `level=experienced`; it must name both answers and offer no retry."""
    latex = MaterialFactory(latex=True)
    rings = kind_category("cock-rings")
    ProductFactory(category=rings, name="Stretch Latex Ring", ring_fit="soft", materials=[latex])
    ProductFactory(category=rings, name="Easy Latex Ring", ring_fit="adjustable", materials=[latex])
    ProductFactory(
        category=rings,
        name="Steel Ring",
        ring_fit="rigid",
        for_beginner=False,
        for_experienced=True,
    )
    ProductFactory(category=rings, name="Sold-out Silicone Ring", ring_fit="soft", stock=0)
    answers = Answers(level="beginner", categories=("cock-rings",), latex_allergy=True)
    result = recommend(answers)
    empty = result.empty["cock-rings"]
    assert empty.because == "latex_allergy"  # it hides the most: two of the three
    assert "suits beginners" not in empty.message
    assert "two contain latex, and you told us about a latex allergy" in empty.message
    assert "one is a rigid ring, and beginners start with soft or adjustable ones" in (
        empty.message
    )
    assert result.kit is None


def test_first_report_water_lubes_out_with_silicone_toys_and_latex_condoms():
    """The issue's second unsafe retry: the lube section blamed the silicone toys, said all
    the lubes left were silicone-based (an oil lube was left) and offered to drop the
    protection."""
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone")
    ProductFactory(category=lubes, name="Coconut Balm", lubricant_base="oil")
    ProductFactory(category=lubes, name="Sold-out Water Gel", lubricant_base="water", stock=0)
    answers = Answers(
        level="beginner",
        categories=("lubricants",),
        owns_silicone_toys=True,
        uses_latex_condoms=True,
    )
    empty = recommend(answers).empty["lubricants"]
    assert "one is silicone-based or hybrid, which can damage your silicone toys" in empty.message
    assert "one is oil-based, which weakens latex condoms" in empty.message
    assert "We keep these protections on." in empty.message


def test_the_level_emptied_it():
    restraints = kind_category("restraints")
    ProductFactory(
        category=restraints,
        name="Locking Cuffs",
        quick_release=False,
        for_beginner=False,
        for_experienced=True,
    )
    empty = recommend(Answers(level="beginner", categories=("restraints",))).empty["restraints"]
    assert empty.because == "level"
    assert "has no quick release, which beginners always need" in empty.message


def test_latex_condoms_emptied_it():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Coconut Balm", lubricant_base="oil")
    result = recommend(
        Answers(level="beginner", categories=("lubricants",), uses_latex_condoms=True)
    )
    assert result.empty["lubricants"].because == "uses_latex_condoms"
    assert "oil-based, which weakens latex condoms" in result.empty["lubricants"].message


def test_the_latex_allergy_emptied_it():
    ProductFactory(
        category=kind_category("impact"),
        name="Rubber Flogger",
        materials=[MaterialFactory(latex=True)],
    )
    result = recommend(Answers(level="beginner", categories=("impact",), latex_allergy=True))
    empty = result.empty["impact"]
    assert empty.because == "latex_allergy"
    assert "contains latex" in empty.message


def test_a_category_with_nothing_recommendable_is_not_in_the_finder_at_all():
    """It is not live (catalog.CategoryQuerySet.live): the finder neither offers it nor
    explains an empty result with a wrong reason."""
    kind_category("vibrators")
    assert [c.slug for c in finder_index().categories] == []
    result = recommend(Answers(level="beginner", categories=("vibrators",)))
    assert (result.results, result.empty) == ((), {})


def test_categories_that_have_picks_are_not_empty():
    ProductFactory(category=kind_category("vibrators"))
    assert recommend(Answers(level="beginner", categories=("vibrators",))).empty == {}
