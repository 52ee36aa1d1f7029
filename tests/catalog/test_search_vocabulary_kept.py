"""The search's vocabulary (its words, synonyms, categories and materials) is kept in each
worker's memory under the content version without stock, read from the database at every
request: a search neither asks the shared cache for it nor builds it again, and a curator's
change is searched for at once by every worker."""

import pytest
from django.core.cache import cache

from catalog import search_terms
from catalog.models import Product, SearchSynonym
from tests.catalog.conftest import get_json, names
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings):
    settings.SEARCH_VOCABULARY_SECONDS = 60  # as in production
    cache.clear()


def change(django_capture_on_commit_callbacks, action):
    """A change made and committed, as a curator's is (it moves the content version)."""
    with django_capture_on_commit_callbacks(execute=True):
        action()


def test_a_search_reuses_this_workers_vocabulary_without_the_shared_cache(
    kept, client, monkeypatch, django_capture_on_commit_callbacks
):
    change(django_capture_on_commit_callbacks, lambda: ProductFactory(name="Oak Paddle"))
    assert "oak" in search_terms.vocabulary().words
    asked = []
    get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: asked.append(key) or get(key, *a, **k))
    payload = get_json(client, "/catalog/?q=oak")
    assert names(payload) == ["Oak Paddle"]
    assert not [key for key in asked if key.startswith("search-vocabulary")]


def test_a_synonym_added_by_a_curator_is_searched_for_at_once(
    kept, client, django_capture_on_commit_callbacks
):
    change(django_capture_on_commit_callbacks, lambda: ProductFactory(name="Oak Paddle"))
    assert names(get_json(client, "/catalog/?q=spanker")) == []
    change(
        django_capture_on_commit_callbacks,
        lambda: SearchSynonym.objects.create(term="spanker", replacements="paddle"),
    )
    payload = get_json(client, "/catalog/?q=spanker")
    assert names(payload) == ["Oak Paddle"]


def test_another_worker_takes_the_vocabulary_from_the_shared_cache_without_building_it(
    kept, monkeypatch, django_capture_on_commit_callbacks
):
    change(django_capture_on_commit_callbacks, lambda: ProductFactory(name="Oak Paddle"))
    first = search_terms.vocabulary()
    search_terms.forget()  # a worker that never searched at this version
    monkeypatch.setattr(search_terms, "build_vocabulary", lambda: pytest.fail("built again"))
    assert search_terms.vocabulary() == first


def test_a_renamed_product_is_found_by_its_new_word_on_a_worker_that_kept_the_old_words(
    kept, client, django_capture_on_commit_callbacks
):
    product = ProductFactory(name="Oak Paddle")
    change(django_capture_on_commit_callbacks, lambda: None)
    assert "zebrawood" not in search_terms.vocabulary().words
    change(
        django_capture_on_commit_callbacks,
        lambda: Product.objects.filter(pk=product.pk).update(name="Zebrawood Paddle"),
    )
    assert "zebrawood" in search_terms.vocabulary().words
    # A typo of the new word is corrected to it: the corrections use the new words.
    payload = get_json(client, "/catalog/?q=zebrawod")
    assert names(payload) == ["Zebrawood Paddle"]
