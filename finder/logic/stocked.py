"""The finder's index: the catalog index's classes with their products in stock only
(`index.py` says why there are two layers).

`apply_stock(catalog, out_of_stock)` works it out from scratch in milliseconds; given what it
worked out for the previous set of products out of stock over the same catalog index
(`previous`), it works out again only the classes holding a product whose stock went to 0
or came back, which a stock sync's change of one product a second makes one class, or none.
Either way the result is the same (`tests/finder/logic/test_stock.py` checks it against the
from-scratch result over random sequences of stock changes): what a process keeps here only
saves work, the set of products out of stock is always the one read for this content version.
"""

from dataclasses import dataclass, fields
from itertools import islice

from catalog.models import Category, Product

from .classes import CHEAPEST_PER_CLASS, Offer, ProductClass


@dataclass(frozen=True)
class FinderIndex:
    categories: tuple[Category, ...]  # every live category, in shop order
    by_category: dict[int, tuple[ProductClass, ...]]
    by_kind: dict[str, tuple[ProductClass, ...]]

    @property
    def classes(self) -> tuple[ProductClass, ...]:
        return tuple(c for classes in self.by_category.values() for c in classes)


@dataclass(frozen=True)
class Stocked:
    """The finder's index for one catalog index and one set of products out of stock, with
    what it took to work it out. Read-only: the next set makes a new one."""

    catalog: object  # the `index.CatalogIndex`
    out_of_stock: frozenset[int]
    gone: dict[int, int]  # class position -> how many of its products are out of stock (> 0)
    changed: dict[int, ProductClass | None]  # class position -> the class in stock (None: none)
    index: FinderIndex


def class_order(product_class: ProductClass) -> tuple:
    """A stable order, so the same catalog always gives the same index."""
    cheapest = product_class.cheapest[0]
    return (product_class.category_id, cheapest.price, cheapest.pk)


def group(categories, classes) -> FinderIndex:
    """The index: the classes grouped by category and by kind."""
    by_category: dict[int, list] = {}
    by_kind: dict[str, list] = {}
    for product_class in classes:
        by_category.setdefault(product_class.category_id, []).append(product_class)
        by_kind.setdefault(product_class.kind, []).append(product_class)
    return FinderIndex(
        categories=categories,
        by_category={key: tuple(value) for key, value in by_category.items()},
        by_kind={key: tuple(value) for key, value in by_kind.items()},
    )


def _places(catalog, pks):
    """The class position of each of these products that is in the catalog index."""
    first, places = catalog.first_pk, catalog.places
    for pk in pks:
        if 0 <= pk - first < len(places) and places[pk - first] >= 0:
            yield places[pk - first]


def apply_stock(catalog, out_of_stock, previous: Stocked | None = None) -> Stocked:
    """The catalog's classes with their products in stock only. A class without a product out
    of stock is taken as it is; the others (found by id) are counted again and their cheapest
    found past the ones out of stock; a class with nothing in stock is left out, and so is a
    category with no class left (exactly `Category.objects.live()`: published, with a
    recommendable product). A query only when a class's cheapest in stock lie past its kept
    offers. With `previous` over the same catalog index, only the classes whose products out
    of stock differ are worked out again."""
    out_of_stock = frozenset(out_of_stock)
    if previous is not None and previous.catalog is catalog:
        gone, changed = dict(previous.gone), dict(previous.changed)
        touched = set()
        for place in _places(catalog, out_of_stock - previous.out_of_stock):
            gone[place] = gone.get(place, 0) + 1
            touched.add(place)
        for place in _places(catalog, previous.out_of_stock - out_of_stock):
            gone[place] -= 1
            if not gone[place]:
                del gone[place]
            touched.add(place)
        if not touched:
            return Stocked(catalog, out_of_stock, gone, changed, previous.index)
    else:
        gone, changed = {}, {}
        for place in _places(catalog, out_of_stock):
            gone[place] = gone.get(place, 0) + 1
        touched = set(gone)
    cheapest: dict[int, list[int]] = {}  # touched class -> the ids of its cheapest in stock
    for place in touched:
        changed.pop(place, None)  # back to the class as it is, unless some are out of stock
        if place not in gone:
            continue
        if catalog.classes[place].size > gone[place]:
            stocked = (pk for pk in catalog.order[place] if pk not in out_of_stock)
            cheapest[place] = list(islice(stocked, CHEAPEST_PER_CLASS))
        else:
            changed[place] = None  # nothing in stock
    offers = {
        offer.pk: offer
        for place in cheapest
        for offer in (*catalog.classes[place].cheapest, *catalog.kept[place])
    }
    offers |= _offers({pk for pks in cheapest.values() for pk in pks} - offers.keys())
    for place, pks in cheapest.items():
        found = tuple(offers[pk] for pk in pks if pk in offers)
        if not found:
            changed[place] = None  # gone from the database since the catalog index was built
            continue
        product_class = catalog.classes[place]
        featured = found[0] if product_class.is_featured else None
        size = product_class.size - gone[place]
        changed[place] = _in_stock(product_class, size, found, featured)
    classes = []
    for place, product_class in enumerate(catalog.classes):
        if place in changed:
            product_class = changed[place]
            if product_class is None:
                continue
        classes.append(product_class)
    classes.sort(key=class_order)
    live = {product_class.category_id for product_class in classes}
    index = group(tuple(c for c in catalog.categories if c.pk in live), classes)
    return Stocked(catalog, out_of_stock, gone, changed, index)


_FIELDS = tuple(f.name for f in fields(ProductClass))


def _in_stock(product_class, size, cheapest, featured) -> ProductClass:
    """`dataclasses.replace(product_class, size=..., ...)`, ten times faster: the class is
    checked already, only what stock changes is set."""
    made = object.__new__(ProductClass)
    for name in _FIELDS:
        object.__setattr__(made, name, getattr(product_class, name))
    object.__setattr__(made, "size", size)
    object.__setattr__(made, "cheapest", cheapest)
    object.__setattr__(made, "featured", featured)
    return made


def _offers(pks) -> dict[int, Offer]:
    """Offers of products past their class's kept ones (one query, and rarely: only when all
    but a couple of a class's cheapest few are out of stock)."""
    if not pks:
        return {}
    rows = Product.objects.filter(pk__in=pks).values_list(
        "pk", "price", "is_featured", "slug", "name"
    )
    return {row[0]: Offer(*row) for row in rows}
