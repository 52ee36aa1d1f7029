"""A search's matches and their order from the search index (`catalog.search_index`), in this
process: what `catalog.search.ranked_groups` and `matching_ids` compute in SQL, the same
products in the same groups, for the facet index's listing (`catalog.facet_listing`).

PostgreSQL still reads the query: one small query turns the plan's words into its tsqueries
(`websearch_to_tsquery`, `plainto_tsquery`, as the SQL path writes them: no stemming here) and
upper-cases the words (`UPPER`, as the tiers' `LIKE` does). The tsquery's lexemes are then
looked up in the index: AND, OR and NOT of bitmaps. The rank is PostgreSQL's own `ts_rank`,
asked once for each kind of document it can tell apart and remembered with the index: without
a distance between words (a query whose top is not AND), a document's rank depends only on the
weights of each query lexeme's positions in order; with one, on their positions, worked out per
document that has two of the lexemes (the others rank 1e-20, as `ts_rank` has it).

Anything else is left to the SQL path (`None`): other databases, phrases (`<->`), weights or
prefixes in the query, quotes or backslashes in a lexeme, a word with white space in it (a
phrase's synonym).

A search's results are kept with the index (`SearchIndex.searches`, so per content version
without stock, as the index itself): visitors repeat searches ("cuffs", "ring"), and a kept one
costs neither the query for its tsqueries nor the work on bitmaps and ranks (~1.5-2 ms of CPU
a search). They are keyed by the plan's text, words and categories, and by its vocabulary
(the same object for a version in a process; a plan made with other words is worked out
afresh), and kept as frozen bitmaps (no caller can change them); up to `MAX_SEARCHED_IDS`
ids in all (a few MB) and `MAX_SEARCHES` searches, then forgotten.
"""

from functools import lru_cache, reduce
from operator import or_

from django.db import connection
from lark import Lark, LarkError, Transformer
from pyroaring import BitMap, FrozenBitMap

from catalog.models.search import SEARCH_CONFIG
from catalog.search import BRAND_TIER, CATEGORY_TIER, KIND_TIER, NAME_TIER, TEXT_TIER
from catalog.search_index import SearchIndex, current_index
from catalog.search_terms import SearchPlan, type_values

MAX_REMEMBERED = 20_000  # ranks remembered per index (a few MB at most), then forgotten
MAX_SEARCHED_IDS = 1_000_000  # ids held by the kept results (2-4 MB at most), then forgotten
MAX_SEARCHES = 4096  # kept results (most hold few ids: a search that finds nothing holds none)
DUMMY = "'- -':1"  # a lexeme no query has: a made-up document is never empty


def ranked_groups(search_plan: SearchPlan) -> list[BitMap] | None:
    """The matches in groups of equal relevance, best first (as `search.ranked_groups`)."""
    return _kept("ranked", search_plan, _ranked_groups)


def matching(search_plan: SearchPlan) -> BitMap | None:
    """The matches (as `search.matching_ids`)."""
    return _kept("matching", search_plan, _matching)


def _kept(kind: str, search_plan: SearchPlan, work):
    """`work(search_plan)`'s result, kept with the current index (see the module's doc)."""
    if connection.vendor != "postgresql" or not search_plan.groups:
        return None
    index = current_index()
    key = (
        kind,
        search_plan.text,
        tuple(tuple(group) for group in search_plan.groups),
        frozenset(search_plan.category_ids),
    )
    kept = index.searches.get(key)
    if kept is not None and kept[0] is search_plan.vocab:
        return kept[1]
    found, size = work(index, search_plan), 0
    if found is None:
        pass  # left to SQL: kept as such
    elif isinstance(found, BitMap):
        found, size = FrozenBitMap(found), len(found)
    else:
        found = [FrozenBitMap(group) for group in found]
        size = sum(len(group) for group in found)
    if index.searched_ids + size > MAX_SEARCHED_IDS or len(index.searches) >= MAX_SEARCHES:
        index.searches.clear()
        index.searched_ids = 0
    index.searches[key] = (search_plan.vocab, found)
    index.searched_ids += size
    return found


def _ranked_groups(index: SearchIndex, search_plan: SearchPlan) -> list[BitMap] | None:
    found = _found(index, search_plan)
    if found is None:
        return None
    matches, queries, uppers = found
    ranks = _ranks_of(index, matches, queries[-1])
    tiers = _tiers(index, search_plan, matches, uppers)
    groups: dict[tuple[int, float], BitMap] = {}
    for tier, in_tier in tiers.items():
        for rank, ranked in ranks.items():
            if both := in_tier & ranked:
                groups[(tier, rank)] = both
    return [groups[key] for key in sorted(groups, reverse=True)]


def _matching(index: SearchIndex, search_plan: SearchPlan) -> BitMap | None:
    found = _found(index, search_plan)
    return None if found is None else found[0]


def _found(index: SearchIndex, search_plan: SearchPlan):
    """(matches, the plan's tsqueries as text, each alternative upper-cased), or None when the
    index does not answer the plan."""
    alternatives = [alt for group in search_plan.groups for alt in group]
    if any(alt.split() != [alt] for alt in alternatives):
        return None
    texts, uppers = _ask(search_plan, alternatives)
    trees = [_parse(text) for text in texts]
    if any(tree is False for tree in trees):
        return None
    if not search_plan.widened:
        matches = _evaluate(index, trees[0])
    else:
        matches = index.all
        for group, tree in zip(search_plan.groups, trees, strict=False):
            matches = matches & (_evaluate(index, tree) | _structured(index, search_plan, group))
    return matches, texts, dict(zip(alternatives, uppers, strict=True))


def _ask(search_plan: SearchPlan, alternatives: list[str]) -> tuple[list[str], list[str]]:
    """The plan's tsqueries as text (for a widened plan one per word, then all of them ANDed)
    and the alternatives upper-cased, from PostgreSQL in one query."""
    if not search_plan.widened:
        queries, params = (
            ["websearch_to_tsquery(%s::regconfig, %s)"],
            [SEARCH_CONFIG, search_plan.text],
        )
    else:
        queries, params = [], []
        for group in search_plan.groups:
            queries.append(
                "(" + " || ".join(["plainto_tsquery(%s::regconfig, %s)"] * len(group)) + ")"
            )
            for alt in group:
                params += [SEARCH_CONFIG, alt]
        queries.append("(" + " && ".join(queries) + ")")
        params += params
    columns = ", ".join(f"({query})::text" for query in queries)
    uppers = ", ".join(["UPPER(%s)"] * len(alternatives))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ARRAY[{columns}], ARRAY[{uppers}]", [*params, *alternatives])
        texts, upper = cursor.fetchone()
    return texts, upper


# --- tsquery text -----------------------------------------------------------------------------


# PostgreSQL's text of a tsquery of lexemes, NOT, AND, OR and parentheses (the operators bind in
# that order, as in PostgreSQL); anything else in it (phrases, weights, prefixes, a quote or a
# backslash in a lexeme) is left to the SQL path before it gets here.
GRAMMAR = r"""
?start: or_
?or_: and_ | or_ "|" and_ -> or_
?and_: not_ | and_ "&" not_ -> and_
?not_: atom | "!" not_ -> not_
?atom: LEXEME -> lex | "(" or_ ")"
LEXEME: /'[^'\\]*'/
%ignore " "
"""


class _Tree(Transformer):
    """The parse as tuples: ("lex", word), ("not", tree), ("and"|"or", left, right)."""

    def lex(self, children):
        return ("lex", children[0][1:-1])

    def not_(self, children):
        return ("not", children[0])

    def and_(self, children):
        return ("and", *children)

    def or_(self, children):
        return ("or", *children)


_PARSER = Lark(GRAMMAR, parser="lalr", transformer=_Tree())


@lru_cache(maxsize=4096)  # a pure function of the text; a search reads its query twice
def _parse(text: str):
    """A tsquery's text as a tree: ("lex", word), ("not", tree), ("and"|"or", left, right);
    None for an empty query; False for one the index does not answer."""
    if not text.strip():
        return None
    if "<" in text or "':" in text or "''" in text or "\\" in text:
        return False
    try:
        return _PARSER.parse(text)
    except LarkError:
        return False


def _evaluate(index: SearchIndex, tree) -> BitMap:
    """The listed products whose document matches the tree (`@@`)."""
    if tree is None:
        return BitMap()  # an empty query matches nothing
    kind = tree[0]
    if kind == "lex":
        return index.having(tree[1])
    if kind == "not":
        return index.all - _evaluate(index, tree[1])
    left, right = _evaluate(index, tree[1]), _evaluate(index, tree[2])
    return left & right if kind == "and" else left | right


def _lexemes(tree, found: list[str]) -> list[str]:
    if tree is not None:
        if tree[0] == "lex":
            if tree[1] not in found:
                found.append(tree[1])
        else:
            for part in tree[1:]:
                _lexemes(part, found)
    return found


# --- tiers and ranks --------------------------------------------------------------------------


def _structured(index: SearchIndex, search_plan: SearchPlan, alternatives: list[str]) -> BitMap:
    """As `search.structured_q`: the products of the categories, types and materials named."""
    found = [
        index.by_category.get(pk, BitMap()) for pk in search_plan.categories_named(alternatives)
    ]
    for field_name, values in type_values(alternatives).items():
        found += [index.by_type[field_name].get(value, BitMap()) for value in values]
    found += [
        index.by_material.get(pk, BitMap()) for pk in search_plan.materials_named(alternatives)
    ]
    return reduce(or_, found, BitMap())


def _tiers(index, search_plan: SearchPlan, matches: BitMap, uppers: dict) -> dict[int, BitMap]:
    """As `search.tier`: name, else material or type, else brand, else text; plus the
    category's part."""
    alternatives = list(uppers)
    named = reduce(or_, (index.names.containing(uppers[alt]) for alt in alternatives), BitMap())
    branded = reduce(or_, (index.brands.containing(uppers[alt]) for alt in alternatives), BitMap())
    rest = matches
    tiers = {}
    for tier, having in (
        (NAME_TIER, named),
        (KIND_TIER, _structured(index, search_plan, alternatives)),
        (BRAND_TIER, branded),
    ):
        tiers[tier] = rest & having
        rest = rest - having
    tiers[TEXT_TIER] = rest
    in_categories = reduce(
        or_, (index.by_category.get(pk, BitMap()) for pk in search_plan.category_ids), BitMap()
    )
    found = {}
    for tier, ids in tiers.items():
        if named_category := ids & in_categories:
            found[tier + CATEGORY_TIER] = named_category
        if other := ids - in_categories:
            found[tier] = other
    return found


def _ranks_of(index: SearchIndex, matches: BitMap, query: str) -> dict[float, BitMap]:
    """The matches by `ts_rank(search_document, query)`."""
    tree = _parse(query)
    items = _lexemes(tree, [])
    documents = matches - index.empty
    found: dict[float, BitMap] = {}
    if empty := (matches & index.empty if items else matches):
        found[0.0] = empty  # ts_rank of an empty document, or of an empty query
    if not items or not documents:
        return found
    with_distances = tree[0] == "and" and len(items) >= 2
    kinds = (
        _by_distances(index, documents, items)
        if with_distances
        else _by_weights(index, documents, items)
    )
    ranks = _rank_values(index.ranks, query, list(kinds), with_distances)
    for kind, ids in kinds.items():
        rank = ranks[kind]
        found[rank] = found[rank] | ids if rank in found else ids
    return found


def _by_weights(index: SearchIndex, documents: BitMap, items: list[str]) -> dict[tuple, BitMap]:
    cells: dict[tuple, BitMap] = {(): documents}
    for lexeme in items:
        classes = index.by_weights(lexeme)
        having = index.having(lexeme)
        refined = {}
        for key, cell in cells.items():
            rest = cell
            if cell.intersect(having):
                for weights, ids in classes.items():
                    if part := cell & ids:
                        refined[(*key, weights)] = part
                rest = cell - having
            if rest:
                refined[(*key, None)] = rest
        cells = refined
    return cells


def _by_distances(index: SearchIndex, documents: BitMap, items: list[str]) -> dict[tuple, BitMap]:
    present = [index.having(lexeme) & documents for lexeme in items]
    two = BitMap()
    for i, one in enumerate(present):
        for other in present[i + 1 :]:
            two |= one & other
    cells: dict[tuple, list[int]] = {}
    columns = [index.numbers(lexeme, two) for lexeme in items]
    for pk, key in zip(two, zip(*columns, strict=True), strict=True):
        cells.setdefault(key, []).append(pk)
    signatures = index.signatures  # numbered one to one: the same cells, named by their text
    found = {
        tuple(None if number < 0 else signatures[number] for number in key): BitMap(ids)
        for key, ids in cells.items()
    }
    if rest := documents - two:
        found[(None,) * len(items)] = rest  # one lexeme or none: no distance, 1e-20
    return found


def _rank_values(
    known: dict, query: str, kinds: list[tuple], with_distances: bool
) -> dict[tuple, float]:
    """ts_rank of each kind of document: those not known yet from PostgreSQL in one query."""
    found = {kind: known.get((query, kind)) for kind in kinds}
    unknown = [kind for kind, rank in found.items() if rank is None]
    if unknown:
        items = _lexemes(_parse(query), [])
        documents = [_document(items, kind, with_distances) for kind in unknown]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ARRAY(SELECT ts_rank(d::tsvector, %s::tsquery) "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS t(d, n) ORDER BY n)",
                [query, documents],
            )
            values = cursor.fetchone()[0]
        if len(known) > MAX_REMEMBERED:
            known.clear()
        for kind, value in zip(unknown, values, strict=True):
            known[(query, kind)] = found[kind] = value
    return found


def _document(items: list[str], kind: tuple, with_distances: bool) -> str:
    """A made-up document that ts_rank ranks as it ranks the documents of that kind."""
    parts = [DUMMY]
    for lexeme, held in zip(items, kind, strict=True):
        if held is None:
            continue
        positions, _, weights = held.partition(":") if with_distances else ("", "", held)
        if with_distances:
            listed = [f"{at}{w}" for at, w in zip(positions.split(","), weights, strict=True)]
        else:
            listed = [f"{at}{w}" for at, w in enumerate(weights, start=1)]
        parts.append(f"'{lexeme}':{','.join(listed)}")
    return " ".join(parts)
