"""The starter kit: exact (not greedy), within the budget, and safe together."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finder.logic import Answers, recommend
from finder.logic import kit as kit_search
from finder.logic.kit import Candidate
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


def test_the_search_tries_only_candidates_no_other_beats_in_every_kit():
    silicone = kit_search.SILICONE_TOY
    group = [
        Candidate(1, 2, D("20")),
        Candidate(2, 2, D("25")),  # dearer than 1 for the same score: never in a best kit
        Candidate(3, 1, D("20")),  # scores less than 1 for the same price
        Candidate(4, 2, D("20")),  # ties with 1, but the larger id loses the tie
        Candidate(5, 2, D("15"), silicone),  # cheaper, but not safe with a silicone lube
        Candidate(6, 3, D("30"), silicone),  # best score, silicone
        Candidate(7, 3, D("35"), silicone),  # dearer than 6 with the same flags
    ]
    assert [c.pk for c in kit_search.front(group)] == [1, 5, 6]
    lubes = [Candidate(8, 1, D("5"), kit_search.SILICONE_LUBE)]
    # With a silicone lube wanted, only 1 fits beside it; within £25 only 5 fits (partial).
    assert [c.pk for c in kit_search.solve([group, lubes], D("100")).items] == [1, 8]
    assert [c.pk for c in kit_search.solve([group, lubes], D("18")).items] == [5]


@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.sampled_from([D("5"), D("9.99"), D("10"), D("20")]),
            st.sampled_from([0, kit_search.SILICONE_TOY, kit_search.LATEX_TOY, 12]),
        ),
        max_size=8,
    )
)
def test_the_front_is_every_candidate_no_other_dominates(rows):
    group = [Candidate(pk, score, price, flags) for pk, (score, price, flags) in enumerate(rows)]
    expected = [
        candidate
        for candidate in group
        if not any(kit_search.dominated(candidate, other) for other in group)
    ]
    assert kit_search.front(group) == expected


def test_a_budget_too_small_for_every_group_gives_the_best_partial_kit():
    groups = [[Candidate(1, 0, D("30"))], [Candidate(2, 0, D("25")), Candidate(3, 1, D("40"))]]
    partial = kit_search.solve(groups, D("54.99"))
    assert [item.pk for item in partial.items] == [3]  # one group covered, the best score
    assert partial.left_out == (0,)
    assert kit_search.cost_to_add(partial, groups[0]) == D("30")
    assert kit_search.solve(groups, D("55")).total == D("55")
    assert kit_search.solve(groups, D("10")) is None  # nothing at all fits


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
    partial = kit_search.solve([latex_toys, oils], None)
    assert [item.pk for item in partial.items] == [5]  # one of the two, never both
    assert kit_search.cost_to_add(partial, latex_toys) is None


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
def test_a_budget_short_of_a_full_kit_gives_a_partial_kit_saying_what_it_leaves_out():
    impact, lubes = kind_category("impact"), kind_category("lubricants")
    ProductFactory(category=impact, name="Paddle", price=D("24"), intensity=1)
    ProductFactory(category=lubes, name="Glide", price=D("9"), thickness="thin")
    result = recommend(
        Answers(level="beginner", categories=("impact", "lubricants"), budget=D("30"))
    )
    # The gentlest paddle earns more than a thin lube: the kit keeps it, leaves the lube out.
    assert [p.product.name for p in result.kit.items] == ["Paddle"]
    [left_out] = result.kit.left_out
    assert (left_out.category.slug, left_out.cost) == ("lubricants", D("9"))
    assert left_out.reason == (
        "Left out to stay within your budget: the lubricants that suits you best for the money "
        "costs £9.00, which would bring the kit to £33.00."
    )
    assert result.kit_message.startswith("The kit leaves out lubricants")
    assert [p.product.name for p in result.picks["lubricants"]] == ["Glide"]


@pytest.mark.django_db
def test_no_kit_when_not_even_one_product_fits_the_budget():
    ProductFactory(category=kind_category("impact"), name="Paddle", price=D("24"))
    result = recommend(Answers(level="beginner", categories=("impact",), budget=D("10")))
    assert result.kit is None
    assert result.kit_message.startswith("No kit fits a budget of £10.00")
    assert "suits you costs £24.00" in result.kit_message


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
    assert result.kit_message.startswith("The kit leaves out restraints")
    assert [(row.category.slug, row.reason, row.cost) for row in result.kit.left_out] == [
        ("restraints", "Nothing in restraints fits your answers right now.", None)
    ]


@pytest.mark.django_db
def test_a_kit_never_holds_two_of_a_kind_a_vibrating_ring_is_a_ring():
    rings, vibes = kind_category("cock-rings"), kind_category("vibrators")
    ProductFactory(category=rings, name="Stretch Ring", ring_fit="soft", for_experienced=True)
    ProductFactory(
        category=vibes, name="Buzz Ring", vibrator_type="ring", price=D("5"), for_experienced=True
    )
    result = recommend(Answers(level="experienced", categories=("cock-rings", "vibrators")))
    assert len(result.kit.items) == 1
    assert result.kit.left_out[0].category.slug in ("cock-rings", "vibrators")


@pytest.mark.django_db
def test_without_chosen_categories_no_ring_is_assumed():
    ProductFactory(category=kind_category("cock-rings"), name="Stretch Ring")
    vibes = kind_category("vibrators")
    ProductFactory(category=vibes, name="Buzz Ring", vibrator_type="ring")
    ProductFactory(category=vibes, name="Bullet", vibrator_type="bullet", price=D("40"))
    result = recommend(Answers(level="beginner"))
    assert [r.category.slug for r in result.results] == ["vibrators"]
    assert [p.product.name for p in result.kit.items] == ["Bullet"]
    assert [p.product.name for p in result.picks["vibrators"]] == ["Bullet"]
    assert result.results[0].hidden[0].reason.startswith("Vibrating rings left out")
