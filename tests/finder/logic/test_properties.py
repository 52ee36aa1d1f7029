"""Properties that must hold for every answer and every catalog (hypothesis).

Each example builds a small random catalog with the factories inside a transaction that is
rolled back afterwards, runs the finder for several random sets of answers, and checks it
against an independent, slow Python oracle: the hard rules written out again, and a
brute-force search for the kit.
"""

import dataclasses
from decimal import Decimal
from itertools import product as cartesian

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.models import Category, Product
from finder.logic import PREFERENCE_ANSWERS, Answers, recommend
from finder.logic import kit as kit_search
from finder.logic.index import item_for
from finder.logic.kit import Candidate
from finder.logic.scoring import budget_points, explain, preference_points
from tests.finder.logic.random_catalogs import (
    DB_EXAMPLES,
    allowed_by_category,
    answer_sets,
    as_the_forms_allow,
    brute_force_kit,
    build,
    catalogs,
    chosen_kinds,
    is_shears,
    loaded,
    may_show,
    rolled_back,
    safe_together,
    score,
    slot,
)


@DB_EXAMPLES
@given(catalog=catalogs, answer_set=answer_sets)
def test_no_hard_rule_is_ever_broken_and_the_kit_never_exceeds_the_budget(db, catalog, answer_set):
    with rolled_back():
        build(catalog)
        for answers in answer_set:
            check_hard_rules(answers)


def check_hard_rules(answers: Answers) -> None:
    answers = as_the_forms_allow(answers)
    if answers is None:
        return
    result = recommend(answers)
    for product in result.products():
        assert may_show(product, answers), product
    for slug, picks in result.picks.items():
        assert len(picks) <= 3
        assert all(p.product.category.slug == slug and not is_shears(p.product) for p in picks)
    if result.kit is not None:
        items = [pick.product for pick in result.kit.items]
        assert result.kit.total == sum(p.price for p in items)
        if answers.budget is not None:
            assert result.kit.total <= answers.budget
        assert safe_together(items)
        # Never two of a kind, never a category the customer did not choose.
        assert len({slot(p) for p in items}) == len(items)
        assert {p.category.slug for p in items} <= set(chosen_kinds(answers))
    # A lube add-on is safe with every toy on the page, whichever of them is bought.
    toys = [p for p in result.products() if p.category.kind in ("vibrators", "cock-rings")]
    for add_on in result.add_ons:
        if add_on.pick.product.category.kind == "lubricants":
            assert safe_together([add_on.pick.product, *toys])
    for hidden in result.hidden:
        product = Product.objects.get(slug=hidden.slug)
        assert not may_show(product, answers) and hidden.reason


@DB_EXAMPLES
@given(catalog=catalogs, answer_set=answer_sets)
def test_picks_are_the_best_three_and_the_kit_is_the_brute_force_optimum(db, catalog, answer_set):
    with rolled_back():
        build(catalog)
        products = loaded()
        for answers in answer_set:
            check_against_brute_force(products, answers)


def check_against_brute_force(products, answers: Answers) -> None:
    answers = as_the_forms_allow(answers)
    if answers is None:
        return
    result = recommend(answers)
    allowed = allowed_by_category(products, answers)
    live = set(Category.objects.live().values_list("kind", flat=True))
    for kind, group in allowed.items():
        if kind not in live:  # nothing recommendable: the finder leaves the category out
            assert kind not in result.picks and not group
            continue
        ranked = sorted(group, key=lambda p: (-score(p, answers), p.price, p.pk))
        picks = result.picks[kind]
        assert [p.product.pk for p in picks] == [p.pk for p in ranked[:3]]
        for pick in picks:  # the index and the explanation agree on every point
            assert pick.score == explain(pick.product, answers.for_category(kind)).score
        assert (kind in result.empty) == (not group)
        # Everything else that could be recommended there is counted as hidden, exactly.
        hidden = [
            p
            for p in products
            if p.category.kind == kind
            and p.is_published
            and p.stock > 0
            and p.all_safety_notes
            and not is_shears(p)
            and not may_show(p, answers)
        ]
        (category_result,) = [r for r in result.results if r.category.slug == kind]
        assert category_result.hidden_count == len(hidden)
        for group in category_result.hidden:
            assert 1 <= len(group.examples) <= 3
    expected = brute_force_kit(products, answers)
    if expected is None:
        assert result.kit is None
    else:
        assert [p.product.pk for p in result.kit.items] == [p.pk for p in expected]
        assert result.kit.total == sum(p.price for p in expected)


@DB_EXAMPLES
@given(catalog=catalogs, answer_set=answer_sets)
def test_every_empty_category_is_explained_and_preferences_never_hide_anything(
    db, catalog, answer_set
):
    with rolled_back():
        build(catalog)
        products = loaded()
        for answers in answer_set:
            check_empty_categories(products, answers)


def check_empty_categories(products, answers: Answers) -> None:
    answers = as_the_forms_allow(answers)
    if answers is None:
        return
    result = recommend(answers)
    for slug, empty in result.empty.items():
        assert empty.message
        in_category = [p for p in products if p.category.slug == slug and not is_shears(p)]
        if empty.because == "categories":
            recommendable = [p for p in in_category if p.is_published and p.stock]
            assert not any(p.all_safety_notes and may_show(p, answers) for p in recommendable)
            continue
        assert empty.because in answers.active_hard_answers()
    # Preferences and the budget only order the results: taken back, the same categories
    # are empty with the same message, and the same products hidden for the same reasons.
    # Asking for a vibrating ring is the one exception, and it only lets rings in: taken
    # back too, no empty category fills up. So no retry could ever show more.
    kept_ring = answers.vibrator_type == "ring"
    assert explained(recommend(without_preferences(answers, keep_ring=kept_ring))) == explained(
        result
    )
    if kept_ring:
        bare = recommend(without_preferences(answers))
        assert set(result.empty) <= set(bare.empty)


def without_preferences(answers: Answers, keep_ring: bool = False) -> Answers:
    """The answers with every preference and the budget taken back (but the vibrating ring
    asked for, with `keep_ring`: it lets vibrating rings in without cock rings chosen)."""
    cleared = {name: None if name == "intensity" else "" for name in PREFERENCE_ANSWERS}
    if keep_ring:
        del cleared["vibrator_type"]
    return dataclasses.replace(answers, budget=None, **cleared)


def explained(result) -> dict:
    """What a page says about each category, whatever order the picks are in."""
    return {
        r.category.slug: (
            len(r.picks),
            r.empty and (r.empty.because, r.empty.message),
            [(group.rule, group.reason, group.count) for group in r.hidden],
        )
        for r in result.results
    }


@DB_EXAMPLES
@given(catalog=catalogs, answer_set=answer_sets)
def test_a_beginners_first_pick_is_the_gentlest_of_those_that_fit_as_well(db, catalog, answer_set):
    with rolled_back():
        build(catalog)
        products = loaded()
        for answers in answer_set:
            check_gentlest_first(products, answers)


def check_gentlest_first(products, answers: Answers) -> None:
    answers = as_the_forms_allow(answers)
    if answers is None:
        return
    result = recommend(answers)
    for kind, group in allowed_by_category(products, answers).items():
        own = answers.for_category(kind)
        picks = result.picks.get(kind)
        if not own.is_beginner or not picks:
            continue
        first = picks[0].product
        same = preference_points(item_for(first), own) + budget_points(first.price, own)
        for other in group:
            fits_as_well = preference_points(item_for(other), own) + budget_points(other.price, own)
            if fits_as_well == same and other.intensity is not None:
                assert first.intensity <= other.intensity
            if fits_as_well == same and kind == "cock-rings":
                gentler = {"soft": 0, "adjustable": 1, "rigid": 2}
                assert gentler[first.ring_fit] <= gentler[other.ring_fit]


# --- the kit search alone, no database -----------------------------------------------------

candidates = st.builds(
    Candidate,
    pk=st.integers(1, 10_000),
    score=st.integers(0, 5),
    price=st.integers(0, 60).map(Decimal),
    flags=st.sampled_from(
        [0, kit_search.SILICONE_LUBE, kit_search.OIL_LUBE, kit_search.SILICONE_TOY]
        + [kit_search.LATEX_TOY, kit_search.SILICONE_TOY | kit_search.LATEX_TOY]
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    groups=st.lists(st.lists(candidates, min_size=1, max_size=5), min_size=1, max_size=4),
    budget=st.none() | st.integers(0, 150).map(Decimal),
)
def test_the_kit_search_equals_brute_force(groups, budget):
    """Partial kits included: any group may be passed over."""
    best = None
    for combination in cartesian(*[[None, *group] for group in groups]):
        chosen = [c for c in combination if c is not None]
        if not chosen:
            continue
        flags = 0
        for candidate in chosen:
            flags |= candidate.flags
        total = sum((c.price for c in chosen), Decimal("0"))
        if not kit_search.compatible(flags) or (budget is not None and total > budget):
            continue
        key = (-len(chosen), -sum(c.score for c in chosen), total, tuple(c.pk for c in chosen))
        if best is None or key < best:
            best = key
    solution = kit_search.solve(groups, budget)
    if best is None:
        assert solution is None
    else:
        found = (
            -len(solution.items),
            -solution.score,
            solution.total,
            tuple(c.pk for c in solution.items),
        )
        assert found == best
        assert budget is None or solution.total <= budget
