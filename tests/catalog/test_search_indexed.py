"""`catalog.search_indexed`: a search's matches and their groups of equal relevance from the
in-process search index (`catalog.search_index`) are exactly those SQL gives
(`catalog.search.ranked_groups`, `matching_ids`), a change to a product's text shows at once
(the index is kept per content version), a stock change rebuilds nothing, and what the index
does not answer is left to SQL. PostgreSQL only (elsewhere the SQL path always answers)."""

import random

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import search, search_index, search_indexed, search_terms
from catalog.models import Product
from catalog.search_terms import plan, words_of
from tests.catalog import test_search_ranked_ids
from tests.catalog.test_search_ranked_ids import QUERIES, listed_ids

catalog = test_search_ranked_ids.catalog  # the demo catalog with generated products

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search: PostgreSQL"),
]

MORE = [
    "-leather",  # NOT alone: every document without the word
    "cuffs -leather",
    "soft | cuffs",
    "paddle silicone",  # a word and a material
    "wand vibrators",  # a type and a category
    "the",  # a stop word: an empty query
    "leather leather",
    "Paddle!",
]


def groups(found) -> list[set[int]]:
    return [set(group) for group in found]


def random_queries(count: int) -> list[str]:
    """Words of the catalog's names, descriptions and brands, one to three, some misspelt."""
    rng = random.Random(15)
    rows = Product.objects.values_list("name", "brand", "description")
    words = sorted({word for row in rows for text in row for word in words_of(text)})
    queries = []
    for _ in range(count):
        chosen = rng.sample(words, rng.randint(1, 3))
        for at, word in enumerate(chosen):
            if len(word) > 4 and rng.random() < 0.2:
                cut = rng.randrange(len(word))
                chosen[at] = word[:cut] + word[cut + 1 :]
        queries.append(" ".join(chosen))
    return queries


def test_the_index_finds_and_ranks_as_sql_does(catalog):
    different, answered = {}, 0
    for text in [q for q in QUERIES if q] + MORE + random_queries(120):
        search_plan = plan(text)
        found = search_indexed.ranked_groups(search_plan)
        if found is None:
            continue
        answered += 1
        if groups(found) != groups(search.ranked_groups(search_plan)):
            different[text] = "groups"
        if set(search_indexed.matching(search_plan)) != set(search.matching_ids(search_plan)):
            different[text] = "matches"
    assert not different
    assert answered > 100  # the index answers nearly all of them


def test_the_listing_is_in_the_order_sql_gives(client, catalog):
    for text in ("handcuffs", "soft cuffs", "silicone", "paddle -leather"):
        assert listed_ids(client, text) == search.ranked_ids(text), text


def test_what_the_index_does_not_answer_is_left_to_sql(catalog):
    phrase = plan('"soft leather"')
    assert not phrase.widened  # searched as typed: a phrase
    assert search_indexed.ranked_groups(phrase) is None
    assert search_indexed.matching(phrase) is None
    assert search_indexed.ranked_groups(plan("")) is None  # no search
    with_space = plan("cuffs")
    with_space.groups = [["cuffs", "wrist cuffs"]]  # a phrase's synonym
    assert search_indexed.ranked_groups(with_space) is None


def test_a_parsed_query_and_what_is_refused():
    assert search_indexed._parse("'soft' & 'cuff'") == ("and", ("lex", "soft"), ("lex", "cuff"))
    assert search_indexed._parse("( 'a' | 'b' ) & !'c'") == (
        "and",
        ("or", ("lex", "a"), ("lex", "b")),
        ("not", ("lex", "c")),
    )
    assert search_indexed._parse("") is None
    for refused in ("'a' <-> 'b'", "'a':*", "'a':AB", "'it''s'", "'a' 'b'", "( 'a'"):
        assert search_indexed._parse(refused) is False, refused


@pytest.fixture
def kept(settings, monkeypatch, django_capture_on_commit_callbacks):
    """A worker's copy kept per version, as in production; `change` commits a change."""
    settings.KEEP_PER_VERSION = True
    monkeypatch.setattr(search_index, "_keeper", search_index.Keeper())

    def change(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    return change


def test_a_changed_name_is_found_at_once_and_stock_rebuilds_nothing(catalog, kept):
    product = Product.objects.published().first()
    assert not search_indexed.matching(plan("zanzibar"))
    index = search_index.current_index()

    def rename():
        product.name = "Zanzibar Paddle"
        product.save()

    kept(rename)
    assert list(search_indexed.matching(plan("zanzibar"))) == [product.pk]
    assert search_index.current_index() is not index
    index = search_index.current_index()
    product.stock = 0

    kept(lambda: product.save(update_fields=["stock"]))
    found = search_indexed.ranked_groups(plan("zanzibar"))
    assert groups(found) == [{product.pk}]
    assert search_index.current_index() is index  # a stock change rebuilds nothing


@pytest.fixture
def words_kept(settings):
    """The vocabulary kept per version too, as in production (one object per version: a
    search's kept results are those of its words)."""
    settings.SEARCH_VOCABULARY_SECONDS = 60
    cache.clear()
    search_terms.forget()
    yield
    search_terms.forget()


def test_a_repeated_search_is_kept_with_the_index(catalog, kept, words_kept):
    search_plan = plan("soft cuffs")
    first = search_indexed.ranked_groups(search_plan)
    matches = search_indexed.matching(search_plan)
    with CaptureQueriesContext(connection) as queries:
        again = search_indexed.ranked_groups(plan("soft cuffs"))
        assert search_indexed.matching(plan("soft cuffs")) is matches
    assert again is first
    # the content version alone (read at each call outside a request): no tsquery, no rank
    assert all("core_contentversion" in query["sql"] for query in queries.captured_queries)
    assert groups(again) == groups(search.ranked_groups(search_plan))
    with pytest.raises(AttributeError):  # frozen: no caller changes what the next one reads
        first[0].add(0)


def test_a_kept_search_follows_the_text_and_its_words(catalog, kept, words_kept, monkeypatch):
    product = Product.objects.published().first()
    assert not search_indexed.matching(plan("zanzibar"))

    def rename():
        product.name = "Zanzibar Paddle"
        product.save()

    kept(rename)
    assert list(search_indexed.matching(plan("zanzibar"))) == [product.pk]
    other_words = plan("zanzibar")
    other_words.vocab = search_terms.build_vocabulary()  # not the words the result was kept for
    calls = []
    monkeypatch.setattr(search_indexed, "_ask", lambda *a: calls.append(a) or ([""], [""]))
    assert not search_indexed.matching(other_words)  # worked out afresh
    assert calls
    monkeypatch.setattr(search_indexed, "MAX_SEARCHED_IDS", 0)
    search_indexed.matching(plan("paddle"))
    assert len(search_index.current_index().searches) == 1  # over the bound: the rest forgotten
    monkeypatch.setattr(search_indexed, "MAX_SEARCHED_IDS", 10**6)
    monkeypatch.setattr(search_indexed, "MAX_SEARCHES", 2)
    for text in ("zzqx", "qqzx", "xqzz"):  # nothing found: no ids, still counted
        search_indexed.matching(plan(text))
    assert len(search_index.current_index().searches) <= 2


def test_the_products_a_pattern_is_in_are_kept_with_the_words(monkeypatch):
    """`Words.containing` (the tiers' names and brands): a pattern's products worked out once
    per index, the same as afresh, and forgotten past the bound."""
    from array import array

    from pyroaring import BitMap

    lone = search_index.Lone("PADDLE7 CUFF9 ROPE", array("I", [7, 9, 11]))
    words = search_index.Words({"CUFFS": BitMap([1, 2]), "SOFT": BitMap([3])}, lone)
    first = words.containing("CUFF")
    assert first == BitMap([1, 2, 9])
    assert words.containing("CUFF") is first
    assert words.containing("OPE") == BitMap([11]) and not words.containing("ZZ")
    monkeypatch.setattr(search_index, "MAX_PATTERNS", 1)
    assert words.containing("SOFT") == BitMap([3])
    assert list(words.found) == ["SOFT"]
