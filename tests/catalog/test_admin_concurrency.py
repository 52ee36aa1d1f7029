"""No lost edits: when two curators edit the same product, the second save is refused with a
clear message instead of silently overwriting the first."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Product, SafetyNote
from tests.catalog.test_admin import product_form
from tests.conftest import give_pass
from tests.factories import CategoryFactory, CuratorFactory, ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db

CONFLICT = (
    "Someone else saved this product at {time} while you were editing. "
    "Reload to see their changes; your edits are below."
)


@pytest.fixture
def cuffs():
    category = CategoryFactory(kind="restraints", name="Restraints")
    product = ProductFactory(
        name="New Cuffs", slug="new-cuffs", sku="NEW-1", brand="Kindred", category=category
    )
    return product


@pytest.fixture
def robin_client():
    """A second curator, in their own browser."""
    client = give_pass(Client())
    client.force_login(CuratorFactory(username="robin"))
    return client


def open_change_form(client, obj):
    url = reverse(f"admin:catalog_{obj._meta.model_name}_change", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    match = re.search(r'name="loaded_version" value="([^"]+)"', response.content.decode())
    assert match, "the change form carries the version it was loaded with"
    return url, match.group(1)


def save(client, url, product, version, **changes):
    data = product_form(product.category, loaded_version=version, **changes)
    return client.post(url, data)


def hhmm(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def test_the_second_save_is_refused_and_keeps_both_edits(curator_client, robin_client, cuffs):
    url, version_a = open_change_form(curator_client, cuffs)
    _, version_b = open_change_form(robin_client, cuffs)

    assert save(curator_client, url, cuffs, version_a, price="31.00").status_code == 302

    response = save(robin_client, url, cuffs, version_b, name="Renamed Cuffs")
    assert response.status_code == 200
    html = response.content.decode()
    cuffs.refresh_from_db()
    assert CONFLICT.format(time=hhmm(cuffs.updated_at)) in html
    assert 'value="Renamed Cuffs"' in html  # robin's edits are still on the page
    assert (cuffs.name, str(cuffs.price)) == ("New Cuffs", "31.00")  # the first save stands


def test_after_reloading_the_second_curator_can_save(curator_client, robin_client, cuffs):
    url, version_a = open_change_form(curator_client, cuffs)
    _, stale = open_change_form(robin_client, cuffs)
    save(curator_client, url, cuffs, version_a, price="31.00")
    assert save(robin_client, url, cuffs, stale, name="Renamed Cuffs").status_code == 200

    _, fresh = open_change_form(robin_client, cuffs)
    response = save(robin_client, url, cuffs, fresh, name="Renamed Cuffs", price="31.00")
    assert response.status_code == 302
    cuffs.refresh_from_db()
    assert (cuffs.name, str(cuffs.price)) == ("Renamed Cuffs", "31.00")


def test_one_curator_saving_again_and_again_is_never_refused(curator_client, cuffs):
    url, version = open_change_form(curator_client, cuffs)
    for price in ["31.00", "32.00", "33.00"]:
        response = save(curator_client, url, cuffs, version, price=price, _continue="1")
        assert response.status_code == 302
        url, version = open_change_form(curator_client, cuffs)
    cuffs.refresh_from_db()
    assert str(cuffs.price) == "33.00"


def test_publishing_from_the_list_while_someone_edits_counts_as_a_save(
    curator_client, robin_client, cuffs
):
    Product.objects.filter(pk=cuffs.pk).update(is_published=False)
    url, version = open_change_form(robin_client, cuffs)
    curator_client.post(
        reverse("admin:catalog_product_changelist"),
        {"action": "publish", "_selected_action": [cuffs.pk]},
    )
    response = save(robin_client, url, cuffs, version, is_published="")
    assert response.status_code == 200
    assert "Someone else saved this product" in response.content.decode()
    cuffs.refresh_from_db()
    assert cuffs.is_published


def test_a_change_form_without_its_version_is_refused(curator_client, cuffs):
    url = reverse("admin:catalog_product_change", args=[cuffs.pk])
    response = curator_client.post(url, product_form(cuffs.category, price="1.00"))
    assert response.status_code == 200
    assert "This product form is out of date. Reload the page" in response.content.decode()
    cuffs.refresh_from_db()
    assert str(cuffs.price) != "1.00"


def test_the_add_form_has_no_version_to_check(curator_client):
    response = curator_client.get(reverse("admin:catalog_product_add"))
    assert 'name="loaded_version"' not in response.content.decode()


def test_safety_notes_are_protected_too(curator_client, robin_client):
    note = SafetyNoteFactory(text="Check circulation every ten minutes.")
    url, version_a = open_change_form(curator_client, note)
    _, version_b = open_change_form(robin_client, note)
    data = {"text": "Check hands and feet every ten minutes.", "severity": "warning"}
    assert curator_client.post(url, {**data, "loaded_version": version_a}).status_code == 302
    response = robin_client.post(
        url, {"text": "Robin's wording.", "severity": "info", "loaded_version": version_b}
    )
    assert response.status_code == 200
    assert "Someone else saved this safety note at" in response.content.decode()
    assert SafetyNote.objects.get(pk=note.pk).text == "Check hands and feet every ten minutes."
