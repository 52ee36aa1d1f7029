"""Drafts of product descriptions: kept beside the product, previewed by staff on the product
page, published now or at a set time, with a history to go back to."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Product, ProductDraft
from core.content import content_version, schedule
from tests.admin_forms import form_data
from tests.conftest import give_pass
from tests.factories import ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db

PUBLISHED = "A soft, quiet bullet for beginners."
DRAFTED = "A soft, quiet bullet for beginners; rinse it with warm water and mild soap."


@pytest.fixture
def product():
    product = ProductFactory(name="Pebble", slug="pebble", description=PUBLISHED)
    product.safety_notes.add(SafetyNoteFactory())
    return product


def change_url(product):
    return reverse("admin:catalog_product_change", args=[product.pk])


def edit(curator_client, product, button="_save_description_draft", **changes):
    data = form_data(curator_client.get(change_url(product)))
    data["description"] = DRAFTED
    data.update(changes)
    data[button] = "1"
    return curator_client.post(change_url(product), data)


def customer():
    client = Client()
    give_pass(client)
    return client


def test_a_description_draft_is_previewed_by_staff_only(curator_client, product, curator):
    response = edit(curator_client, product)
    assert response.status_code == 302, response.context and response.context["errors"]
    draft = ProductDraft.objects.get(product=product)
    assert draft.saved_by == curator and draft.description == DRAFTED
    assert Product.objects.get(pk=product.pk).description == PUBLISHED

    url = product.get_absolute_url()
    page = customer().get(url + "?preview=draft").content.decode()
    assert PUBLISHED in page and DRAFTED not in page and "Draft preview" not in page
    preview = curator_client.get(url + "?preview=draft")
    assert "Draft preview — customers see the published version." in preview.content.decode()
    assert DRAFTED in preview.content.decode()
    assert "no-store" in preview["Cache-Control"] and preview.page_cache is False
    # The admin form goes on from the draft, and says so.
    form = curator_client.get(change_url(product)).content.decode()
    assert DRAFTED in form and "unpublished description draft" in form


def test_a_draft_holds_the_description_only(curator_client, product):
    response = edit(curator_client, product, price="25.00")
    assert response.status_code == 200
    assert "A draft holds the description only" in response.content.decode()
    assert not ProductDraft.objects.exists()


def test_publish_now_and_discard(curator_client, product, django_capture_on_commit_callbacks):
    edit(curator_client, product)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(reverse("admin:catalog_product_draft_publish", args=[product.pk]))
    assert Product.objects.get(pk=product.pk).description == DRAFTED
    assert content_version() > before
    assert not ProductDraft.objects.exists()

    edit(curator_client, product, description="Something else")
    curator_client.post(reverse("admin:catalog_product_draft_discard", args=[product.pk]))
    assert not ProductDraft.objects.exists()
    assert Product.objects.get(pk=product.pk).description == DRAFTED


def test_a_scheduled_description_goes_live_at_its_time(curator_client, product, monkeypatch):
    due = (timezone.now() + datetime.timedelta(hours=3)).replace(second=0, microsecond=0)
    local = timezone.localtime(due)
    response = edit(
        curator_client,
        product,
        description_publish_at_0=local.strftime("%Y-%m-%d"),
        description_publish_at_1=local.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302
    schedule(due)  # as when the draft's transaction commits
    monkeypatch.setattr(timezone, "now", lambda: due - datetime.timedelta(seconds=1))
    assert PUBLISHED in customer().get(product.get_absolute_url()).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: due)
    assert DRAFTED in customer().get(product.get_absolute_url()).content.decode()
    assert not ProductDraft.objects.exists()


def test_history_and_revert_of_a_description(curator_client, product, curator):
    edit(curator_client, product, button="_save")
    assert Product.objects.get(pk=product.pk).description == DRAFTED
    history = curator_client.get(reverse("admin:catalog_product_history", args=[product.pk]))
    actions = history.context["action_list"]
    assert len(actions) == 2
    assert actions[1]["revision"].user == curator
    revision_form = curator_client.get(actions[0]["url"])
    assert PUBLISHED in revision_form.content.decode()
    data = form_data(revision_form)
    data["_save"] = "1"
    assert curator_client.post(actions[0]["url"], data).status_code == 302
    assert Product.objects.get(pk=product.pk).description == PUBLISHED
