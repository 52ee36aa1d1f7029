"""Search synonyms as curators keep them: the admin, the model's checks, the content version
(cached search pages refresh when a synonym changes) and the demo file."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalog import search_terms
from catalog.demo import load_synonyms
from catalog.models import SearchSynonym
from core.content import content_version
from tests.catalog.conftest import get_json, names
from tests.factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db


def test_a_curator_adds_a_synonym_in_the_admin_and_the_search_uses_it(
    client, curator_client, django_capture_on_commit_callbacks
):
    restraints = CategoryFactory(slug="restraints", name="Restraints", kind="restraints")
    ProductFactory(name="Soft Cuffs", category=restraints)
    assert get_json(client, "/catalog/?q=manacles")["count"] == 0
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            reverse("admin:catalog_searchsynonym_add"),
            {"term": "  Manacles ", "replacements": "Cuffs,  restraints", "note": ""},
        )
    assert response.status_code == 302
    assert content_version() > before  # cached pages of the old meaning are out of date
    synonym = SearchSynonym.objects.get()
    assert (synonym.term, synonym.replacements) == ("manacles", "cuffs, restraints")
    assert names(get_json(client, "/catalog/?q=manacles")) == ["Soft Cuffs"]


@pytest.mark.parametrize("replacements", ["", " , ", "lube", "Lube, gel"])
def test_a_synonym_needs_a_replacement_other_than_itself(replacements):
    with pytest.raises(ValidationError) as caught:
        SearchSynonym(term="lube", replacements=replacements).full_clean()
    assert "replacements" in caught.value.message_dict


def test_the_admin_refuses_a_duplicate_term_with_a_form_error(curator_client):
    SearchSynonym.objects.create(term="lube", replacements="lubricant")
    response = curator_client.post(
        reverse("admin:catalog_searchsynonym_add"), {"term": "lube", "replacements": "gel"}
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_the_demo_synonyms_load_twice_without_change():
    count = load_synonyms()
    first = list(SearchSynonym.objects.values_list("term", "replacements", "related_only"))
    assert load_synonyms() == count == len(first)
    assert list(SearchSynonym.objects.values_list("term", "replacements", "related_only")) == first
    assert ("handcuffs", "cuffs, restraints", False) in first
    assert ("blindfold", "restraints", True) in first


def test_synonyms_and_typos_make_the_plan():
    SearchSynonym.objects.create(term="lube", replacements="lubricant")
    SearchSynonym.objects.create(term="blindfold", replacements="restraints", related_only=True)
    ProductFactory(name="Feather Paddle", description="A padded, wide face.")
    vocab = search_terms.build_vocabulary()
    plan = search_terms.plan("Lube paddel blindfold", vocab)
    assert plan.groups == [["lube", "lubricant"], ["paddel", "paddle"], ["blindfold"]]
    assert plan.corrections == {"paddel": "paddle"}  # a name's word, not "padded"
    assert plan.corrected_text == "lube paddle blindfold"
    assert plan.related == ["restraints"]


def test_short_long_and_numeric_words_are_not_corrected():
    ProductFactory(name="Feather Paddle")
    vocab = search_terms.build_vocabulary()
    assert search_terms.closest_words(["pad", "x" * 41, "12345"], vocab) == {}


def test_curators_list_and_search_synonyms_in_the_admin(curator_client):
    SearchSynonym.objects.create(term="blindfold", replacements="restraints", related_only=True)
    url = reverse("admin:catalog_searchsynonym_changelist")
    html = curator_client.get(url, {"q": "blind", "related_only__exact": "1"}).content.decode()
    assert "blindfold" in html and "restraints" in html
