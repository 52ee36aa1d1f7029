"""Text search over the catalog, `?q=`.

On PostgreSQL: full-text search with ranking. The document is the product's name (weight A),
brand (B) and description (C) in the 'english' configuration, and migration 0003 builds a GIN
index on exactly that expression, so the planner can use it. Change `search_vector` only
together with a migration that rebuilds the index (a test EXPLAINs the query to check they
still match). The query is parsed with `websearch_to_tsquery`, which accepts anything a person
types ("soft cuffs", "-leather", quoted phrases) without syntax errors.

Elsewhere (SQLite, the embedded default): every word must appear in the name, brand or
description, case-insensitively. No ranking.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet

SEARCH_CONFIG = "english"
SEARCH_INDEX_NAME = "product_search_gin"
MAX_FALLBACK_WORDS = 8


def full_text_available() -> bool:
    return connection.vendor == "postgresql"


def search_vector() -> SearchVector:
    """The weighted document. Migration 0003 indexes this exact expression."""
    return (
        SearchVector("name", weight="A", config=SEARCH_CONFIG)
        + SearchVector("brand", weight="B", config=SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=SEARCH_CONFIG)
    )


def search_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def fallback_q(text: str) -> Q:
    """Every word somewhere in name, brand or description (for databases without FTS)."""
    condition = Q()
    for word in text.split()[:MAX_FALLBACK_WORDS]:
        condition &= (
            Q(name__icontains=word) | Q(brand__icontains=word) | Q(description__icontains=word)
        )
    return condition


def matching(products: QuerySet, text: str) -> QuerySet:
    """Only the products that match `text` (all of them when it is blank)."""
    text = text.strip()
    if not text:
        return products
    if full_text_available():
        return products.alias(search_document=search_vector()).filter(
            search_document=search_query(text)
        )
    return products.filter(fallback_q(text))


def with_rank(products: QuerySet, text: str) -> QuerySet:
    """Annotate `search_rank` (higher is better) where ranking exists; 0 elsewhere.
    Call after `matching`, which defines the document."""
    text = text.strip()
    if text and full_text_available():
        return products.annotate(search_rank=SearchRank(F("search_document"), search_query(text)))
    return products


def ranks(text: str) -> bool:
    """Whether results for `text` can be ordered by relevance."""
    return bool(text.strip()) and full_text_available()
