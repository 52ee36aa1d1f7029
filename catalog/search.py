"""Text search over the catalog, `?q=`: which products match, and in what order.

A query is first read as a `catalog.search_terms.SearchPlan`: each word with its alternatives
(synonyms, a typo's correction, a plural's singular) and the categories, materials and product
types they name. A product matches when every word matches one of its alternatives, in:

- its text: on PostgreSQL by full-text search over the name (weight A), brand (B) and
  description (C) in the 'english' configuration, read from the stored document
  `Product.search_document` (a generated column with a GIN index, migration 0013: a search
  never builds a product's document; a test EXPLAINs the query); elsewhere, `icontains` on
  the same three fields;
- its category, a material it is made of, or its product type (lubricant base, restraint or
  vibrator type), when the word names one.

A query that needs no alternative ("paddle" on a catalog that calls paddles paddles) is the
plain full-text search it always was on PostgreSQL: `websearch_to_tsquery`, which accepts
anything a person types ("soft cuffs", "-leather", quoted phrases) without syntax errors.

Ranking (the default sort while searching, on every database): products whose category the
words name come first, then those whose name matches, then material or product type, then
brand, then description-only matches (a score adding the category's part to the best of the
rest, so cuffs in Restraints come before the shears in Restraints for "handcuffs"); within
a tier, full-text rank on PostgreSQL, then the usual order (`USUAL_ORDER`, the catalog's
"featured" sort). `ranked_ids` gives that order as ids alone; `ranked_groups` the groups of
equally relevant matches, unsorted within, for the facets' index of the catalog, which knows
the usual order itself; `matching` and `ranked` give it as a queryset. On PostgreSQL the
catalog's listing takes the groups and matches from `catalog.search_indexed` (the same, from
an in-process index) and comes here for what that does not answer.
docs/search.md explains the whole.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from catalog.models import Product
from catalog.models.search import SEARCH_CONFIG
from catalog.search_terms import MAX_WORDS, SearchPlan, plan, type_values

SEARCH_INDEX_NAME = "product_search_document_gin"  # migration 0013, on `search_document`
DOCUMENT = "search_document"  # Product's stored full-text document (PostgreSQL)
MAX_FALLBACK_WORDS = MAX_WORDS
# Ties within a relevance tier and rank: the catalog's "featured" sort (catalog.filters).
USUAL_ORDER = ("-is_featured", "name", "pk")

# Ranking tiers (higher first).
CATEGORY_TIER, NAME_TIER, KIND_TIER, BRAND_TIER, TEXT_TIER = 4, 3, 2, 1, 0


def full_text_available() -> bool:
    return connection.vendor == "postgresql"


def search_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def any_of_query(alternatives: list[str]) -> SearchQuery:
    """One word's alternatives as a tsquery: any of them (each a plain query, so a phrase's
    words must all be there)."""
    queries = [SearchQuery(alt, search_type="plain", config=SEARCH_CONFIG) for alt in alternatives]
    return reduce(or_, queries)


def plan_query(search_plan: SearchPlan) -> SearchQuery:
    """The full-text query of a plan: the text as typed when it needs no alternatives."""
    if not search_plan.widened:
        return search_query(search_plan.text)
    return reduce(and_, [any_of_query(group) for group in search_plan.groups])


def fallback_q(text: str) -> Q:
    """Every word somewhere in name, brand or description (for databases without FTS)."""
    condition = Q()
    for word in text.split()[:MAX_FALLBACK_WORDS]:
        condition &= text_q([word])
    return condition


def text_q(alternatives: list[str], fields=("name", "brand", "description")) -> Q:
    return reduce(
        or_, (Q(**{f"{name}__icontains": alt}) for alt in alternatives for name in fields)
    )


class ContainsAny(Func):
    """Whether a text field contains any of the words, ignoring case: `icontains` OR-ed, with
    the field upper-cased once for all the words instead of once per word (the tiers are
    worked out for every match: ~20,000 rows when a word names a category). PostgreSQL."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, field: str, words: list[str]):
        super().__init__(F(field))
        self.words = list(words)

    def as_postgresql(self, compiler, connection, **extra_context):
        if not self.words:
            return "FALSE", []
        field_sql, params = compiler.compile(self.get_source_expressions()[0])
        patterns = [f"%{connection.ops.prep_for_like_query(word)}%" for word in self.words]
        array = ", ".join(["UPPER(%s)"] * len(patterns))  # as `icontains` writes each
        return f"UPPER({field_sql}::text) LIKE ANY (ARRAY[{array}])", [*params, *patterns]


def contains_any(field: str, words: list[str]) -> Q | ContainsAny:
    return ContainsAny(field, words) if full_text_available() else text_q(words, (field,))


def structured_q(search_plan: SearchPlan, alternatives: list[str]) -> Q | None:
    """The products whose category, material or product type the alternatives name (no
    query: the vocabulary knows the categories and materials)."""
    conditions = []
    if categories := search_plan.categories_named(alternatives):
        conditions.append(Q(category_id__in=categories))
    for field_name, values in type_values(alternatives).items():
        conditions.append(Q(**{f"{field_name}__in": values}))
    if materials := search_plan.materials_named(alternatives):
        # EXISTS, not `pk IN (...)`: PostgreSQL may then look up each match's materials by
        # the (product, material) index instead of hashing every row of the materials
        # (~27,000 for two materials) when the matches are few (the same products either way).
        made_of = Product.materials.through.objects.filter(
            material__in=materials, product_id=OuterRef("pk")
        )
        conditions.append(Q(Exists(made_of)))
    return reduce(or_, conditions) if conditions else None


def as_plan(text_or_plan: str | SearchPlan) -> SearchPlan:
    return plan(text_or_plan) if isinstance(text_or_plan, str) else text_or_plan


def matching(products: QuerySet, text_or_plan: str | SearchPlan) -> QuerySet:
    """Only the products that match (all of them when the query is blank)."""
    search_plan = as_plan(text_or_plan)
    if not search_plan.groups:
        return products
    if full_text_available() and not search_plan.widened:
        return products.filter(**{DOCUMENT: search_query(search_plan.text)})
    conditions = []
    for group in search_plan.groups:
        if full_text_available():
            condition = Q(**{DOCUMENT: any_of_query(group)})
        else:
            condition = text_q(group)
        if (structured := structured_q(search_plan, group)) is not None:
            condition |= structured
        conditions.append(condition)
    return products.filter(reduce(and_, conditions))


def tier(search_plan: SearchPlan):
    """How well a product matches, added up: its category is named (4), and the best of its
    name (3), its material or type (2), its brand (1); text alone is 0."""
    alternatives = [alt for group in search_plan.groups for alt in group]
    whens = [When(contains_any("name", alternatives), then=Value(NAME_TIER))]
    if (structured := structured_q(search_plan, alternatives)) is not None:
        whens.append(When(structured, then=Value(KIND_TIER)))
    whens.append(When(contains_any("brand", alternatives), then=Value(BRAND_TIER)))
    score = Case(*whens, default=Value(TEXT_TIER), output_field=IntegerField())
    if search_plan.category_ids:
        score = score + Case(
            When(category_id__in=search_plan.category_ids, then=Value(CATEGORY_TIER)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return score


def with_rank(products: QuerySet, text_or_plan: str | SearchPlan) -> QuerySet:
    """Annotate `search_tier` and, on PostgreSQL, `search_rank` (higher is better): the rank
    of the stored document, read, never built."""
    search_plan = as_plan(text_or_plan)
    if not search_plan.groups:
        return products
    products = products.annotate(search_tier=tier(search_plan))
    if full_text_available():
        products = products.annotate(search_rank=SearchRank(F(DOCUMENT), plan_query(search_plan)))
    return products


def rank_order(search_plan: SearchPlan) -> tuple[str, ...]:
    if not search_plan.groups:
        return ()
    return ("-search_tier", "-search_rank") if full_text_available() else ("-search_tier",)


def ranked(products: QuerySet, text_or_plan: str | SearchPlan) -> QuerySet:
    """The products in the order of relevance (the catalog's default sort while searching):
    tier, rank, then the usual order. Call after `matching`."""
    search_plan = as_plan(text_or_plan)
    return with_rank(products, search_plan).order_by(*rank_order(search_plan), *USUAL_ORDER)


def ranked_ids(text_or_plan: str | SearchPlan) -> list[int]:
    """The ids of every published product that matches, best first: exactly the order the
    catalog lists them in by default while searching (all of them for a blank query, in the
    usual order). One query reading ids, tiers and ranks (no model instances), plus, on
    PostgreSQL, one for typo corrections when `text_or_plan` is text with an unknown word."""
    search_plan = as_plan(text_or_plan)
    products = matching(Product.objects.published(), search_plan)
    return list(ranked(products, search_plan).values_list("pk", flat=True))


def ranked_groups(text_or_plan: str | SearchPlan) -> list[list[int]]:
    """The ids of every published product that matches, in groups of equal relevance (the
    same tier and, on PostgreSQL, the same rank), best group first, each group's ids in no
    particular order: `ranked_ids` is the groups one after the other, each in the usual order.
    For a caller that knows the usual order itself (the facet index, `catalog.facet_listing`):
    the database then neither sorts the matches (by name, in its collation: the costly part
    of `ranked_ids` at 20,000 matches) nor sends one row per match (on PostgreSQL one row per
    group, its ids as an array)."""
    search_plan = as_plan(text_or_plan)
    products = matching(Product.objects.published(), search_plan).order_by()
    if not search_plan.groups:
        return [list(products.values_list("pk", flat=True))]
    products = with_rank(products, search_plan)
    if full_text_available():
        keyed = [((tier, rank), ids) for tier, rank, ids in grouped_rows(products)]
    else:
        by_tier: dict[int, list[int]] = {}
        for pk, score in products.values_list("pk", "search_tier"):
            by_tier.setdefault(score, []).append(pk)
        keyed = list(by_tier.items())
    return [ids for _key, ids in sorted(keyed, key=lambda item: item[0], reverse=True)]


def grouped_rows(products: QuerySet) -> list[tuple[int, float, list[int]]]:
    """(tier, rank, ids) for each group of equally relevant matches, one row per group
    (PostgreSQL). The matches' query is compiled by the ORM and grouped around it: grouping
    in the ORM (`values().annotate()`) hashes and compares the whole tier and rank
    expressions to write its GROUP BY, ~a third of compiling the query, for the same SQL
    (PostgreSQL reads the subquery as one query: the same plan)."""
    inner = products.values_list("search_tier", "search_rank", "pk")  # in this order
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tier, rank, ARRAY_AGG(id) FROM ({sql}) AS matches (tier, rank, id) "
            "GROUP BY 1, 2",
            params,
        )
        return cursor.fetchall()


def matching_ids(text_or_plan: str | SearchPlan) -> list[int]:
    """The ids of every published product that matches, in no particular order: what a
    listing sorted otherwise than by relevance needs (no tier or rank worked out per match;
    on PostgreSQL one row, the ids as an array, not one row per match)."""
    search_plan = as_plan(text_or_plan)
    products = matching(Product.objects.published(), search_plan).order_by()
    if full_text_available():
        return products.aggregate(ids=ArrayAgg("pk", default=[]))["ids"]
    return list(products.values_list("pk", flat=True))


def ranks(text: str) -> bool:
    """Whether results for `text` are ordered by relevance (any query with words)."""
    return bool(text.strip())
