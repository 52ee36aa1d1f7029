"""The ranking's shortcut scores exactly as the score's definition does (`scoring.points`):
every class keeps the tiers below the preferences per mode (`base_points`), and a ranking adds
what was asked (`class_scorer`); no database needed."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from catalog.attributes import (
    CategoryKind,
    LubricantBase,
    Placement,
    RestraintType,
    RingFit,
    Sensation,
    Thickness,
    VibratorType,
)
from finder.logic.classes import Offer, ProductClass
from finder.logic.scoring import class_scorer, points, points_by_price_from, rows_scorer
from finder.logic.tiers import base_points
from tests.finder.logic.random_catalogs import one_answers

PRICES = st.sampled_from([Decimal(p) for p in ("0", "4.99", "10", "20", "35.50", "90")])


@st.composite
def product_classes(draw):
    """A class of products of any kind with any attributes, priced from its cheapest."""
    prices = sorted(draw(st.lists(PRICES, min_size=1, max_size=3)))
    offers = tuple(Offer(pk, price, False, f"p{pk}", f"P{pk}") for pk, price in enumerate(prices))
    item = ProductClass(
        category_id=1,
        kind=draw(st.sampled_from(CategoryKind.values)),
        for_beginner=draw(st.booleans()),
        for_experienced=draw(st.booleans()),
        intensity=draw(st.none() | st.integers(1, 5)),
        sensation=draw(st.sampled_from(["", *Sensation.values])),
        restraint_type=draw(st.sampled_from(["", *RestraintType.values])),
        quick_release=draw(st.none() | st.booleans()),
        ring_fit=draw(st.sampled_from(["", *RingFit.values])),
        lubricant_base=draw(st.sampled_from(["", *LubricantBase.values])),
        thickness=draw(st.sampled_from(["", *Thickness.values])),
        numbing=draw(st.booleans()),
        vibrator_type=draw(st.sampled_from(["", *VibratorType.values])),
        placement=draw(st.sampled_from(["", *Placement.values])),
        flared_base=draw(st.none() | st.booleans()),
        is_featured=draw(st.booleans()),
        has_latex=draw(st.booleans()),
        has_silicone=draw(st.booleans()),
        beginner_pick=draw(st.booleans()),
        experienced_pick=draw(st.booleans()),
        size=len(offers),
        cheapest=offers,
        featured=None,
    )
    return ProductClass(**{**_values(item), "bases": base_points(item)})


def _values(item) -> dict:
    return {name: getattr(item, name) for name in ProductClass.__slots__}


@given(item=product_classes(), answers=one_answers)
def test_a_class_scores_at_its_cheapest_exactly_as_the_definition_says(item, answers):
    expected = points(item, item.cheapest[0].price, answers)
    assert class_scorer(item.kind, answers)(item) == expected


@given(items=st.lists(product_classes(), max_size=5), answers=one_answers)
def test_classes_scored_a_list_at_a_time_score_as_one_at_a_time(items, answers):
    for kind in {item.kind for item in items}:
        same_kind = [item for item in items if item.kind == kind]
        score = class_scorer(kind, answers)
        expected = [
            (-score(item), item.cheapest[0].price, item.cheapest[0].pk, item) for item in same_kind
        ]
        assert rows_scorer(kind, answers)(same_kind) == expected


@given(item=product_classes(), answers=one_answers)
def test_a_class_scores_at_each_price_from_its_cheapest_score_as_the_definition_says(item, answers):
    cheapest = item.cheapest[0].price
    by_price = points_by_price_from(class_scorer(item.kind, answers)(item), cheapest, answers)
    for offer in item.cheapest:
        assert by_price(offer.price) == points(item, offer.price, answers)
