"""When a category comes back empty: the answer that emptied it, and a retry without it."""

import pytest

from catalog.finder import Answers, recommend
from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db


def names(recommendations, slug):
    return [pick.product.name for pick in recommendations.picks[slug]]


def test_silicone_toys_emptied_the_lubes_and_the_retry_brings_them_back():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone")
    answers = Answers(level="beginner", categories=("lubricants",), owns_silicone_toys=True)
    result = recommend(answers)
    empty = result.empty["lubricants"]
    assert empty.because == "owns_silicone_toys"
    assert "silicone-based or hybrid, which can damage your silicone toys" in empty.message
    assert empty.retry == Answers(level="beginner", categories=("lubricants",))
    assert empty.retry_label.startswith("Show them anyway")
    assert names(recommend(empty.retry), "lubricants") == ["Silk Serum"]


def test_the_level_emptied_it_and_the_retry_widens_to_experienced_gear():
    restraints = kind_category("restraints")
    ProductFactory(
        category=restraints, name="Locking Cuffs", for_beginner=False, for_experienced=True
    )
    result = recommend(Answers(level="beginner", categories=("restraints",)))
    empty = result.empty["restraints"]
    assert empty.because == "level"
    assert empty.message == "Nothing in restraints suits beginners right now, so we show none."
    assert empty.retry.level == "experienced"
    assert names(recommend(empty.retry), "restraints") == ["Locking Cuffs"]


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
    assert empty.retry.latex_allergy is False


def test_the_least_risky_answer_is_offered_first_when_several_would_do():
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone")
    ProductFactory(
        category=lubes, name="Latex-bottle Water", materials=[MaterialFactory(latex=True)]
    )
    answers = Answers(
        level="beginner", categories=("lubricants",), owns_silicone_toys=True, latex_allergy=True
    )
    assert recommend(answers).empty["lubricants"].because == "owns_silicone_toys"


def test_answers_that_only_empty_it_together_name_the_one_that_rules_out_most():
    latex = MaterialFactory(latex=True)
    lubes = kind_category("lubricants")
    ProductFactory(category=lubes, name="Odd Serum", lubricant_base="silicone", materials=[latex])
    ProductFactory(category=lubes, name="Odd Balm", lubricant_base="hybrid", materials=[latex])
    ProductFactory(
        category=lubes,
        name="Latex Gel",
        lubricant_base="water",
        materials=[latex],
        for_beginner=False,
        for_experienced=True,
    )
    answers = Answers(
        level="beginner", categories=("lubricants",), owns_silicone_toys=True, latex_allergy=True
    )
    empty = recommend(answers).empty["lubricants"]
    # No single answer taken back brings anything back: the allergy hides three, the
    # silicone toys two, the level one.
    assert empty.because == "latex_allergy"
    assert empty.message == (
        "Nothing in lubricants fits all of your answers together; your latex allergy "
        "rules out the most."
    )
    assert empty.retry == Answers(
        level="beginner", categories=("lubricants",), owns_silicone_toys=True
    )


def test_a_category_with_nothing_recommendable_says_so_with_no_retry():
    kind_category("vibrators")
    result = recommend(Answers(level="beginner", categories=("vibrators",)))
    empty = result.empty["vibrators"]
    assert (empty.because, empty.retry) == ("categories", None)
    assert "nothing in vibrators we can recommend right now" in empty.message


def test_categories_that_have_picks_are_not_empty():
    ProductFactory(category=kind_category("vibrators"))
    assert recommend(Answers(level="beginner", categories=("vibrators",))).empty == {}
