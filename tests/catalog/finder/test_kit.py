"""The starter kit: exact (not greedy), within the budget, and safe together."""

from decimal import Decimal

import pytest

from catalog.finder import Answers, recommend
from catalog.finder import kit as kit_search
from catalog.finder.kit import Candidate
from tests.factories import MaterialFactory, ProductFactory, kind_category

D = Decimal


def test_the_exact_search_beats_the_greedy_choice():
    # Greedy takes the best of the first group (score 3, £80) and then can only afford a
    # score-0 item; the optimum takes score 2 + score 2.
    groups = [
        [Candidate(1, 3, D("80")), Candidate(2, 2, D("50"))],
        [Candidate(3, 2, D("50")), Candidate(4, 0, D("10"))],
    ]
    solution = kit_search.solve(groups, D("100"))
    assert [item.pk for item in solution.items] == [2, 3]
    assert (solution.score, solution.total) == (4, D("100"))


def test_equal_scores_prefer_the_cheaper_kit_then_the_smaller_ids():
    groups = [[Candidate(5, 1, D("10")), Candidate(2, 1, D("10")), Candidate(9, 1, D("9"))]]
    assert [item.pk for item in kit_search.solve(groups, None).items] == [9]
    groups = [[Candidate(5, 1, D("10")), Candidate(2, 1, D("10"))]]
    assert [item.pk for item in kit_search.solve(groups, None).items] == [2]


def test_no_kit_when_nothing_fits_the_budget_and_the_cheapest_total_is_known():
    groups = [[Candidate(1, 0, D("30"))], [Candidate(2, 0, D("25")), Candidate(3, 1, D("40"))]]
    assert kit_search.solve(groups, D("54.99")) is None
    assert kit_search.cheapest_total(groups) == D("55")
    assert kit_search.solve(groups, D("55")).total == D("55")


def test_a_silicone_toy_and_a_silicone_lube_never_share_a_kit():
    toys = [Candidate(1, 2, D("10"), kit_search.SILICONE_TOY)]
    lubes = [
        Candidate(2, 2, D("5"), kit_search.SILICONE_LUBE),
        Candidate(3, 0, D("9"), 0),
    ]
    solution = kit_search.solve([toys, lubes], None)
    assert [item.pk for item in solution.items] == [1, 3]
    latex_toys = [Candidate(4, 0, D("10"), kit_search.LATEX_TOY)]
    oils = [Candidate(5, 0, D("5"), kit_search.OIL_LUBE)]
    assert kit_search.solve([latex_toys, oils], None) is None


# --- through the database ----------------------------------------------------------------


@pytest.mark.django_db
def test_kit_takes_one_per_category_with_the_best_total_score_within_budget():
    vibes, lubes = kind_category("vibrators"), kind_category("lubricants")
    ProductFactory(category=vibes, name="Wand", vibrator_type="wand", price=D("70"))
    ProductFactory(category=vibes, name="Bullet", vibrator_type="bullet", price=D("25"))
    ProductFactory(category=lubes, name="Glide", price=D("9"))
    answers = Answers(
        level="beginner",
        categories=("vibrators", "lubricants"),
        vibrator_type="wand",
        budget=D("60"),
    )
    result = recommend(answers)
    # The wand alone is over budget, so the kit takes the bullet; the picks still show the wand.
    assert [p.product.name for p in result.kit.items] == ["Bullet", "Glide"]
    assert result.kit.total == D("34")
    wand = result.picks["vibrators"][0]
    assert (wand.product.name, wand.over_budget) == ("Wand", True)


@pytest.mark.django_db
def test_no_kit_within_budget_says_what_the_cheapest_safe_kit_costs():
    impact, lubes = kind_category("impact"), kind_category("lubricants")
    ProductFactory(category=impact, name="Paddle", price=D("24"))
    ProductFactory(category=lubes, name="Glide", price=D("9"))
    result = recommend(
        Answers(level="beginner", categories=("impact", "lubricants"), budget=D("30"))
    )
    assert result.kit is None
    assert "No kit fits a budget of £30.00" in result.kit_message
    assert "costs £33.00" in result.kit_message
    assert [p.product.name for p in result.picks["impact"]] == ["Paddle"]


@pytest.mark.django_db
def test_the_kit_pairs_a_silicone_toy_with_a_lube_that_is_safe_for_it_and_says_so():
    silicone = MaterialFactory(silicone=True)
    rings, lubes = kind_category("cock-rings"), kind_category("lubricants")
    ProductFactory(category=rings, name="Silicone Ring", materials=[silicone])
    ProductFactory(category=lubes, name="Silk Serum", lubricant_base="silicone", price=D("4"))
    ProductFactory(category=lubes, name="Water Glide", lubricant_base="water", price=D("9"))
    # The customer did not say they own silicone toys, but the kit has one.
    result = recommend(Answers(level="beginner", categories=("cock-rings", "lubricants")))
    assert [p.product.name for p in result.picks["lubricants"]] == ["Silk Serum", "Water Glide"]
    assert [p.product.name for p in result.kit.items] == ["Silicone Ring", "Water Glide"]
    assert result.kit.notes == (
        "Water Glide is water-based, so it is safe with the silicone in Silicone Ring.",
    )


@pytest.mark.django_db
def test_the_kit_leaves_out_an_empty_category_and_says_so():
    restraints, lubes = kind_category("restraints"), kind_category("lubricants")
    ProductFactory(category=restraints, name="Buckle Cuffs", quick_release=False)
    ProductFactory(category=lubes, name="Glide")
    result = recommend(Answers(level="beginner", categories=("restraints", "lubricants")))
    assert [p.product.name for p in result.kit.items] == ["Glide"]
    assert (
        result.kit_message == "The kit leaves out restraints: nothing there fits your answers yet."
    )
