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
from finder.logic.scoring import class_scorer, points
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
