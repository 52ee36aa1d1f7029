"""The search's index of the listed products (PostgreSQL): what `catalog.search_indexed`
needs to find and rank a query's matches in this process instead of in the database.

For each lexeme of the listed products' stored documents (`Product.search_document`), the
products that have it and, for each of them, the lexeme's positions and weights as the
document stores them ("2,12,43:ACC"); for the tiers, the words of every name and brand as
PostgreSQL upper-cases them (`UPPER`, as the search's `LIKE` compares them), each product's
category and product types, and the materials' products.

Built with two queries and kept in this process under
`core.content.content_version_without_stock()`, as the facet index is (`catalog.facet_index`):
every change to a product's text moves that number, which every worker reads from the database
on each request, so no worker ranks by an older text; a stock sync rebuilds nothing (stock
plays no part in a search's matches or order).

Most lexemes (a name's number, an odd word) belong to one product: those are kept as one
integer each (the product's id and its positions' number), the few others as a bitmap of
their products with their positions' numbers in the bitmap's order.
"""

import sys
import threading
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models.functions import Upper
from pyroaring import BitMap

from catalog.models import Product
from core.content import content_version_without_stock

SHIFT = 24  # a lone lexeme's entry: product id << SHIFT | its positions' number
LOW = (1 << SHIFT) - 1
TYPE_FIELDS = ("lubricant_base", "restraint_type", "vibrator_type")


@dataclass
class Shared:
    """A lexeme (or word) that several products have: their ids and, in the bitmap's order,
    the number of each one's positions."""

    ids: BitMap
    signatures: array


class Words:
    """Upper-cased words (a name's or a brand's, split at white space) and the products whose
    text has each. `containing(pattern)` gives the products whose text contains `pattern` (no
    white space in it, so it lies within one word)."""

    def __init__(self):
        self._owners: dict[str, int | list[int]] = {}  # one owner's id, or several
        self.shared: dict[str, BitMap] = {}
        self.lone_ids, self.starts, self.lone_text = array("I"), array("I"), ""

    def add(self, pk: int, text: str) -> None:
        owners = self._owners
        for word in text.split():
            found = owners.get(word)
            if found is None:
                owners[word] = pk
            elif isinstance(found, list):
                found.append(pk)
            elif found != pk:
                owners[word] = [found, pk]

    def finish(self) -> "Words":
        owners, self._owners = self._owners, {}
        self.shared = {word: BitMap(ids) for word, ids in owners.items() if isinstance(ids, list)}
        lone = sorted((word, pk) for word, pk in owners.items() if not isinstance(pk, list))
        self.lone_ids = array("I", (pk for _word, pk in lone))
        at = 0
        for word, _pk in lone:
            self.starts.append(at)
            at += len(word) + 1
        self.lone_text = "\n".join(word for word, _pk in lone)
        return self

    def containing(self, pattern: str) -> BitMap:
        found = BitMap()
        for word, ids in self.shared.items():
            if pattern in word:
                found |= ids
        text, starts = self.lone_text, self.starts
        at = text.find(pattern)
        while at != -1:
            position = bisect_right(starts, at)  # the next word's index
            found.add(self.lone_ids[position - 1])
            if position == len(starts):
                break
            at = text.find(pattern, starts[position])
        return found


@dataclass
class SearchIndex:
    version: int
    all: BitMap
    empty: BitMap  # listed products whose document has no lexeme
    shared: dict[str, Shared]
    lone: dict[str, int]  # lexeme -> product id << SHIFT | positions' number
    signatures: list[str]  # positions' numbers -> "2,12,43:ACC"
    names: Words
    brands: Words
    by_category: dict[int, BitMap]
    by_type: dict[str, dict[str, BitMap]]
    by_material: dict[int, BitMap]
    _weights: dict = field(default_factory=dict)

    def having(self, lexeme: str) -> BitMap:
        if (shared := self.shared.get(lexeme)) is not None:
            return shared.ids
        if (entry := self.lone.get(lexeme)) is not None:
            return BitMap([entry >> SHIFT])
        return BitMap()

    def signature(self, lexeme: str, pk: int) -> str | None:
        """The lexeme's positions in the product's document ("2,12,43:ACC"), None if absent."""
        if (shared := self.shared.get(lexeme)) is not None:
            if pk not in shared.ids:
                return None
            return self.signatures[shared.signatures[shared.ids.rank(pk) - 1]]
        entry = self.lone.get(lexeme)
        if entry is None or entry >> SHIFT != pk:
            return None
        return self.signatures[entry & LOW]

    def by_weights(self, lexeme: str) -> dict[str, BitMap]:
        """The products that have the lexeme, by the weights of its positions in order
        ("ACC"): all a rank that ignores distances needs (kept once worked out)."""
        found = self._weights.get(lexeme)
        if found is None:
            found = {}
            if (shared := self.shared.get(lexeme)) is not None:
                for pk, number in zip(shared.ids, shared.signatures, strict=True):
                    weights = self.signatures[number].partition(":")[2]
                    found.setdefault(weights, BitMap()).add(pk)
            elif (entry := self.lone.get(lexeme)) is not None:
                weights = self.signatures[entry & LOW].partition(":")[2]
                found[weights] = BitMap([entry >> SHIFT])
            self._weights[lexeme] = found
        return found


# A row per lexeme that several products have: its products' ids (4 bytes each, in the ids'
# order, which the aggregate keeps: checked) and their positions (positions and weights as text,
# "2,12,43:ACC", separated by spaces); then one row for all the lexemes of one product each.
# Bytes and text, not arrays: no Python object per (lexeme, product) pair (1.2 million at
# 100,000 products), and one lexeme's at a time.
LEXEMES_SQL = """
WITH grouped AS MATERIALIZED (
    SELECT u.lexeme, count(*) AS products, string_agg(int4send(p.id::integer), ''::bytea) AS ids,
           string_agg(array_to_string(u.positions, ',') || ':' || array_to_string(u.weights, ''),
                      ' ') AS signatures
    FROM ({published}) AS p, unnest(p.search_document) AS u
    GROUP BY u.lexeme
)
SELECT lexeme, ids, signatures, NULL FROM grouped WHERE products > 1
UNION ALL
SELECT NULL, string_agg(ids, ''::bytea), string_agg(signatures, ' '), array_agg(lexeme)
FROM grouped WHERE products = 1
"""


class Numbers(dict):
    """Each positions' text -> its number (numbered as first seen)."""

    def __missing__(self, text: str) -> int:
        self[text] = number = len(self)
        return number


def build(version: int) -> SearchIndex:
    """Three queries: the listed products, their lexemes, the materials' products."""
    published = Product.objects.published().order_by("pk")
    rows = published.annotate(upper_name=Upper("name"), upper_brand=Upper("brand")).values_list(
        "pk", "category_id", *TYPE_FIELDS, "upper_name", "upper_brand"
    )
    everything = BitMap()
    by_category: dict[int, list[int]] = {}
    by_type: dict[str, dict[str, list[int]]] = {name: {} for name in TYPE_FIELDS}
    names, brands = Words(), Words()
    with connection.cursor() as cursor:
        cursor.execute(*rows.query.sql_with_params())
        for pk, category_id, *types, name, brand in cursor:
            by_category.setdefault(category_id, []).append(pk)
            for field_name, value in zip(TYPE_FIELDS, types, strict=True):
                if value:
                    by_type[field_name].setdefault(value, []).append(pk)
            names.add(pk, name)
            brands.add(pk, brand)
    for ids in by_category.values():
        everything.update(ids)
    shared, lone, numbers = _lexemes(published)
    having_any = BitMap(entry >> SHIFT for entry in lone.values())
    for entry in shared.values():
        having_any |= entry.ids
    return SearchIndex(
        version=version,
        all=everything,
        empty=everything - having_any,
        shared=shared,
        lone=lone,
        signatures=list(numbers),
        names=names.finish(),
        brands=brands.finish(),
        by_category={pk: BitMap(ids) for pk, ids in by_category.items()},
        by_type={
            name: {value: BitMap(ids) for value, ids in values.items()}
            for name, values in by_type.items()
        },
        by_material=_materials(everything),
    )


def _ids(data: bytes) -> array:
    ids = array("I")
    ids.frombytes(data)
    if sys.byteorder == "little":  # int4send: big-endian
        ids.byteswap()
    return ids


def _lexemes(published) -> tuple[dict[str, Shared], dict[str, int], Numbers]:
    shared, lone, numbers = {}, {}, Numbers()
    sql, params = published.values("id", "search_document").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(LEXEMES_SQL.format(published=sql), params)
        for lexeme, data, texts, lexemes in cursor:
            if data is None:  # no lexeme of one product alone
                continue
            ids, signatures = _ids(data), array("I", map(numbers.__getitem__, texts.split(" ")))
            if lexemes is not None:  # the lexemes of one product each
                lone = {
                    lexeme: pk << SHIFT | number
                    for lexeme, pk, number in zip(lexemes, ids, signatures, strict=True)
                }
                continue
            bitmap = BitMap(ids)
            if bitmap.to_array() != ids:  # not in the ids' order after all: put it in order
                pairs = sorted(zip(ids, signatures, strict=True))
                signatures = array("I", (number for _pk, number in pairs))
            shared[lexeme] = Shared(bitmap, signatures)
    return shared, lone, numbers


def _materials(listed: BitMap) -> dict[int, BitMap]:
    by_material: dict[int, list[int]] = {}
    through = Product.materials.through.objects.values_list("material_id", "product_id")
    with connection.cursor() as cursor:
        cursor.execute(*through.query.sql_with_params())
        for material_id, product_id in cursor:
            if product_id in listed:
                by_material.setdefault(material_id, []).append(product_id)
    return {pk: BitMap(ids) for pk, ids in by_material.items()}


class Keeper:
    """This process's copy, for the current version only (as `catalog.facet_index.Keeper`)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._kept: SearchIndex | None = None

    def forget(self) -> None:
        with self._lock:
            self._kept = None

    def current(self) -> SearchIndex:
        version = content_version_without_stock()
        kept = self._kept
        if kept is not None and kept.version == version:
            return kept
        if not settings.KEEP_PER_VERSION:  # tests: their changes do not move the version
            return build(version)
        with self._lock:
            kept = self._kept
            if kept is None or kept.version != version:
                kept = build(version)
                if self._kept is None or self._kept.version <= version:
                    self._kept = kept
        return kept


_keeper = Keeper()


def forget() -> None:
    """Drop this process's copy (as a freshly started worker would have none)."""
    _keeper.forget()


def current_index() -> SearchIndex:
    """The search index as of this request (built on first use per version)."""
    return _keeper.current()
