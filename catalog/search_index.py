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
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef
from pyroaring import BitMap, FrozenBitMap

from catalog import per_version
from catalog.models import Product

TYPE_FIELDS = ("lubricant_base", "restraint_type", "vibrator_type")


@dataclass
class Shared:
    """A lexeme (or word) that several products have: their ids and, in the bitmap's order,
    the number of each one's positions."""

    ids: BitMap
    signatures: array | None


class Lone:
    """Keys (lexemes, words) that one product each has: one text, " a b c ", the products'
    ids in the same order and, for lexemes, their positions' numbers. A few megabytes where
    a dict would take ~15 (a name's number is a key of its own at each of 100,000 products)."""

    def __init__(self, keys: str = "", ids: array | None = None, numbers: array | None = None):
        self.text = f" {keys} "
        self.ids = ids if ids is not None else array("I")
        self.numbers = numbers
        self.starts = array("I", accumulate((len(key) + 1 for key in keys.split(" ")), initial=1))

    def at(self, key: str) -> int | None:
        """The key's index, None if no product has it alone."""
        found = self.text.find(f" {key} ") if key and " " not in key else -1
        return None if found == -1 else bisect_right(self.starts, found + 1) - 1

    def containing(self, pattern: str) -> BitMap:
        """The products whose key contains the pattern (no white space in it)."""
        found, text, starts = BitMap(), self.text, self.starts
        at = text.find(pattern)
        while at != -1:
            index = bisect_right(starts, at) - 1
            found.add(self.ids[index])
            at = text.find(pattern, starts[index + 1])
        return found


MAX_PATTERNS = 4096  # patterns' products kept per index's names (or brands), then forgotten


@dataclass
class Words:
    """Upper-cased words of names or brands (split at spaces) and the products whose text has
    each: `containing(pattern)` gives the products whose text contains `pattern` (no white
    space in it, so it lies within one word). Finding them scans every word (a text of ~1 MB
    and a loop over the shared words: ~0.1-0.3 ms a pattern), and a search's words come back
    in other searches: each pattern's products are kept with the index (so per version)."""

    shared: dict[str, BitMap]
    lone: Lone
    found: dict[str, FrozenBitMap] = field(default_factory=dict)

    def containing(self, pattern: str) -> FrozenBitMap:
        kept = self.found.get(pattern)
        if kept is not None:
            return kept
        found = self.lone.containing(pattern)
        for word, ids in self.shared.items():
            if pattern in word:
                found |= ids
        if len(self.found) >= MAX_PATTERNS:
            self.found.clear()
        self.found[pattern] = kept = FrozenBitMap(found)
        return kept


@dataclass
class SearchIndex:
    version: int
    all: BitMap
    empty: BitMap  # listed products whose document has no lexeme
    shared: dict[str, Shared]
    lone: Lone
    signatures: list[str]  # positions' numbers -> "2,12,43:ACC"
    names: Words
    brands: Words
    by_category: dict[int, BitMap]
    by_type: dict[str, dict[str, BitMap]]
    by_material: dict[int, BitMap]
    _weights: dict = field(default_factory=dict)
    ranks: dict = field(default_factory=dict)  # (tsquery, kind of document) -> ts_rank
    searches: dict = field(default_factory=dict)  # a search's results (catalog.search_indexed)
    searched_ids: int = 0  # the ids those results hold, for their bound

    def having(self, lexeme: str) -> BitMap:
        if (shared := self.shared.get(lexeme)) is not None:
            return shared.ids
        if (at := self.lone.at(lexeme)) is not None:
            return BitMap([self.lone.ids[at]])
        return BitMap()

    def numbers(self, lexeme: str, ids: BitMap) -> list[int]:
        """For each of `ids` in order, the number of the lexeme's positions in its document
        (`signatures[number]` is "2,12,43:ACC"), -1 where it has none. The ranks are looked up
        in the bitmap in one pass of C calls, not one Python call per product (a two-word
        search ranks ~1,000 products by their words' distances)."""
        if (shared := self.shared.get(lexeme)) is not None:
            having = ids & shared.ids
            if not having:
                return [-1] * len(ids)
            numbers = shared.signatures
            ranks = map(shared.ids.rank, having)  # 1 for the first id
            held = dict(zip(having, [numbers[rank - 1] for rank in ranks], strict=True))
            return [held.get(pk, -1) for pk in ids]
        if (at := self.lone.at(lexeme)) is not None:
            owner, number = self.lone.ids[at], self.lone.numbers[at]
            return [number if pk == owner else -1 for pk in ids]
        return [-1] * len(ids)

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
            elif (at := self.lone.at(lexeme)) is not None:
                weights = self.signatures[self.lone.numbers[at]].partition(":")[2]
                found[weights] = BitMap([self.lone.ids[at]])
            self._weights[lexeme] = found
        return found


# For each lexeme (kind 0) and each word of the names (1) and of the brands (2, as PostgreSQL
# upper-cases them, as the tiers' LIKE compares them) that several products have, a row: its
# products' ids (4 bytes each, in the ids' order, which the aggregate keeps: checked) and, for
# a lexeme, their positions (positions and weights as text, "2,12,43:ACC", separated by
# spaces); then, for each kind, one row for all the keys one product each has, the keys as
# one text. Bytes and text, not arrays: no Python object per (lexeme, product) pair (1.2
# million at 100,000 products) nor per key of one product (95,000 lexemes, as many words).
KEYED_SQL = """
WITH p AS MATERIALIZED ({published}),
grouped AS MATERIALIZED (
    SELECT 0 AS kind, u.lexeme AS key, count(*) AS products,
           string_agg(int4send(p.id::integer), ''::bytea) AS ids,
           string_agg(array_to_string(u.positions, ',') || ':' || array_to_string(u.weights, ''),
                      ' ') AS signatures
    FROM p, unnest(p.search_document) AS u
    GROUP BY u.lexeme
    UNION ALL
    SELECT 1, w, count(*), string_agg(int4send(p.id::integer), ''::bytea), NULL
    FROM p, unnest(string_to_array(UPPER(p.name), ' ')) AS w WHERE w <> '' GROUP BY w
    UNION ALL
    SELECT 2, w, count(*), string_agg(int4send(p.id::integer), ''::bytea), NULL
    FROM p, unnest(string_to_array(UPPER(p.brand), ' ')) AS w WHERE w <> '' GROUP BY w
)
SELECT kind, key, ids, signatures, NULL FROM grouped WHERE products > 1
UNION ALL
SELECT kind, NULL, string_agg(ids, ''::bytea), string_agg(signatures, ' '), string_agg(key, ' ')
FROM grouped WHERE products = 1 GROUP BY kind
"""


class Numbers(dict):
    """Each positions' text -> its number (numbered as first seen)."""

    def __missing__(self, text: str) -> int:
        self[text] = number = len(self)
        return number


def build(version: int) -> SearchIndex:
    """Two queries: the listed products with their materials; their lexemes and words."""
    published = Product.objects.published().order_by("pk")
    made_of = Product.materials.through.objects.filter(product_id=OuterRef("pk"))
    rows = published.annotate(made_of=ArraySubquery(made_of.values("material_id"))).values_list(
        "pk", "category_id", "made_of", *TYPE_FIELDS
    )
    by_category: dict[int, list[int]] = {}
    by_material: dict[int, list[int]] = {}
    by_type: dict[str, dict[str, list[int]]] = {name: {} for name in TYPE_FIELDS}
    for pk, category_id, materials, *types in rows.iterator(chunk_size=2000):
        by_category.setdefault(category_id, []).append(pk)
        for material_id in materials:
            by_material.setdefault(material_id, []).append(pk)
        for field_name, value in zip(TYPE_FIELDS, types, strict=True):
            if value:
                by_type[field_name].setdefault(value, []).append(pk)
    everything = BitMap()
    for ids in by_category.values():
        everything.update(ids)
    numbers = Numbers()
    (shared, lone), names, brands = _keyed(published, numbers)
    having_any = BitMap(lone.ids)
    for entry in shared.values():
        having_any |= entry.ids
    return SearchIndex(
        version=version,
        all=everything,
        empty=everything - having_any,
        shared=shared,
        lone=lone,
        signatures=list(numbers),
        names=Words({word: entry.ids for word, entry in names[0].items()}, names[1]),
        brands=Words({word: entry.ids for word, entry in brands[0].items()}, brands[1]),
        by_category={pk: BitMap(ids) for pk, ids in by_category.items()},
        by_type={
            name: {value: BitMap(ids) for value, ids in values.items()}
            for name, values in by_type.items()
        },
        by_material={pk: BitMap(ids) for pk, ids in by_material.items()},
    )


def _ids(data: bytes) -> array:
    ids = array("I")
    ids.frombytes(data)
    if sys.byteorder == "little":  # int4send: big-endian
        ids.byteswap()
    return ids


def _keyed(published, numbers: Numbers) -> list[tuple[dict[str, Shared], Lone]]:
    """For lexemes, names' words and brands' words: the keys several products have, and those
    one product each has. Lexemes' positions are numbered."""
    found = [({}, Lone()) for _kind in range(3)]
    sql, params = published.values("id", "search_document", "name", "brand").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(KEYED_SQL.format(published=sql), params)
        for kind, key, data, texts, keys in cursor:
            if data is None:
                continue
            ids, signatures = _ids(data), None
            if texts is not None:
                signatures = array("I", map(numbers.__getitem__, texts.split(" ")))
            if keys is not None:  # the keys of one product each
                found[kind] = (found[kind][0], Lone(keys, ids, signatures))
                continue
            bitmap = BitMap(ids)
            if signatures is not None and bitmap.to_array() != ids:  # put them in order
                pairs = sorted(zip(ids, signatures, strict=True))
                signatures = array("I", (number for _pk, number in pairs))
            found[kind][0][key] = Shared(bitmap, signatures)
    return found


# This process's copy, for the current version only (`catalog.per_version`); a fresh
# `Keeper()` is what another worker sees.
Keeper = partial(per_version.Keeper, build)

_keeper = Keeper()


def forget() -> None:
    """Drop this process's copy (as a freshly started worker would have none)."""
    _keeper.forget()


def current_index() -> SearchIndex:
    """The search index as of this request (built on first use per version)."""
    return _keeper.current()
