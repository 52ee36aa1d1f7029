"""A category's classes grouped by the rules they break (finder/logic/rule_groups.py): every
pickable class in exactly one group, kept for one index only."""

from decimal import Decimal

import pytest

from finder.logic.index import build_index
from finder.logic.rule_groups import rule_groups
from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def impact():
    impact = kind_category("impact")
    latex = MaterialFactory(latex=True)
    for intensity, price in ((1, 10), (1, 12), (2, 20), (4, 30), (5, 40)):
        ProductFactory(category=impact, intensity=intensity, price=Decimal(price))
    ProductFactory(category=impact, intensity=1, price=Decimal(15), materials=[latex])
    ProductFactory(
        category=impact, intensity=1, price=Decimal(16), for_beginner=False, for_experienced=True
    )
    return impact


def test_every_pickable_class_is_in_the_group_of_the_rules_it_breaks(impact):
    index = build_index()
    classes = [c for c in index.by_category[impact.pk] if c.pickable]
    groups = rule_groups(index, impact.pk)
    assert sorted(id(c) for g in groups for c in g.classes) == sorted(id(c) for c in classes)
    assert len({g.breaks for g in groups}) == len(groups) > 1
    for group in groups:
        assert all(c.breaks == group.breaks for c in group.classes)
        assert group.size == sum(c.size for c in group.classes)


def test_groups_are_kept_for_their_index_only(impact):
    index = build_index()
    assert rule_groups(index, impact.pk) is rule_groups(index, impact.pk)
    ProductFactory(category=impact, intensity=3, price=Decimal(50), quick_release=False)
    fresh = build_index()
    assert sum(g.size for g in rule_groups(fresh, impact.pk)) == 8
    assert sum(g.size for g in rule_groups(index, impact.pk)) == 7
    assert rule_groups(fresh, 0) == ()
