"""A category's pickable classes in the finder's index, grouped by the hard rules they break.

The engine sorts a chosen category's classes by the first rule each breaks
(`engine.sort_by_rules`). The classes of a category share a few sets of broken rules (a
class's `breaks`, worked out when the index is built), so the sort goes over those few groups,
not over every class (~130 a category at 100,000 products). The groups depend on the index
alone, never on an answer: they are worked out once per index and category and kept with the
index they came from, which is checked against the content version on every request
(`index.finder_index`), so they are never stale. Nothing here is in the shared cache, so the
shape of what is cached (`index.SHAPE`) does not change.
"""

from dataclasses import dataclass

from .classes import ProductClass


@dataclass(frozen=True)
class RuleGroup:
    """The pickable classes of one category that break exactly the same rules."""

    breaks: frozenset  # the keys of the rules they break
    classes: tuple[ProductClass, ...]  # in the index's order
    size: int  # the products in them


_kept: tuple[object, dict[int, tuple[RuleGroup, ...]]] = (None, {})  # (index, its groups)


def _group(classes) -> tuple[RuleGroup, ...]:
    by_breaks: dict[frozenset, list[ProductClass]] = {}
    for product_class in classes:
        if product_class.pickable:
            by_breaks.setdefault(product_class.breaks, []).append(product_class)
    return tuple(
        RuleGroup(breaks, tuple(group), sum(c.size for c in group))
        for breaks, group in by_breaks.items()
    )


def rule_groups(index, category_pk: int) -> tuple[RuleGroup, ...]:
    """The groups of a category's pickable classes in `index` (a `FinderIndex`), in the order
    of their first class; worked out once per index (this process keeps the last index's)."""
    global _kept
    kept, groups = _kept
    if kept is not index:
        groups = {}
        _kept = (index, groups)  # one assignment: threads see the old pair or the new
    found = groups.get(category_pk)
    if found is None:
        found = groups[category_pk] = _group(index.by_category.get(category_pk, ()))
    return found
