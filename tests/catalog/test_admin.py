import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from catalog.models import Product
from tests.factories import (
    CategoryFactory,
    MaterialFactory,
    ProductFactory,
    SafetyNoteFactory,
)

pytestmark = pytest.mark.django_db

CATALOG_MODELS = ["product", "category", "material", "safetynote"]


@pytest.fixture
def some_of_everything():
    note = SafetyNoteFactory()
    material = MaterialFactory()
    product = ProductFactory(materials=[material], safety_notes=[note])
    return {
        "product": product,
        "category": product.category,
        "material": material,
        "safetynote": note,
    }


@pytest.mark.parametrize("model", CATALOG_MODELS)
def test_curator_can_open_every_catalog_changelist_add_and_change_page(
    curator_client, some_of_everything, model
):
    obj = some_of_everything[model]
    for url in [
        reverse(f"admin:catalog_{model}_changelist"),
        reverse(f"admin:catalog_{model}_add"),
        reverse(f"admin:catalog_{model}_change", args=[obj.pk]),
    ]:
        response = curator_client.get(url)
        assert response.status_code == 200, url


def test_curator_is_not_a_superuser_and_is_refused_user_and_group_admin(curator, curator_client):
    assert not curator.is_superuser
    for url in [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_user_change", args=[curator.pk]),
    ]:
        assert curator_client.get(url).status_code == 403, url


def test_curator_group_holds_only_content_permissions():
    labels = set(
        Group.objects.get(name="Curator").permissions.values_list(
            "content_type__app_label", flat=True
        )
    )
    assert labels == {"catalog", "guides", "finder"}  # finder: its gaps report, view only


def product_form(category, **overrides):
    data = {
        "name": "New Cuffs",
        "slug": "new-cuffs",
        "sku": "NEW-1",
        "brand": "Kindred",
        "category": category.pk,
        "description": "Cuffs.",
        "price": "30.00",
        "stock": "3",
        "is_published": "on",
        "for_beginner": "on",
        "restraint_type": "wrist",
        "quick_release": "true",
        "materials": [],
        "safety_notes": [],
        "intensity": "",
        "sensation": "",
        "ring_fit": "",
        "lubricant_base": "",
        "thickness": "",
        "vibrator_type": "",
        "placement": "",
        "waterproof": "unknown",
        "drawing": "",
        # The photos inline (catalog.admin.ProductPhotoInline), empty.
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "50",
        "water_resistance": "",
        "flared_base": "unknown",
    }
    data.update(overrides)
    return data


def test_admin_refuses_a_restraint_without_a_quick_release_answer(curator_client):
    category = CategoryFactory(kind="restraints", name="Restraints")
    response = curator_client.post(
        reverse("admin:catalog_product_add"), product_form(category, quick_release="unknown")
    )
    assert response.status_code == 200
    assert "Restraints must say yes or no to quick release." in response.content.decode()
    assert not Product.objects.filter(slug="new-cuffs").exists()


def test_admin_saves_a_complete_restraint(curator_client):
    category = CategoryFactory(kind="restraints", name="Restraints")
    response = curator_client.post(reverse("admin:catalog_product_add"), product_form(category))
    assert response.status_code == 302
    assert Product.objects.get(slug="new-cuffs").quick_release is True


def test_admin_warns_when_a_saved_product_has_no_safety_notes(curator_client):
    category = CategoryFactory(kind="restraints", name="Restraints", safety_notes=[])
    response = curator_client.post(
        reverse("admin:catalog_product_add"), product_form(category), follow=True
    )
    assert "has no safety note" in response.content.decode()


def test_missing_safety_notes_filter_lists_only_incomplete_products(curator_client):
    ProductFactory(name="Complete One")
    ProductFactory(name="Incomplete One", category__safety_notes=[])
    response = curator_client.get(reverse("admin:catalog_product_changelist") + "?notes=missing")
    html = response.content.decode()
    assert "Incomplete One" in html
    assert "Complete One" not in html


def run_action(client, action, products):
    return client.post(
        reverse("admin:catalog_product_changelist"),
        {"action": action, "_selected_action": [p.pk for p in products]},
        follow=True,
    )


def test_publish_and_unpublish_actions(curator_client):
    products = ProductFactory.create_batch(3, is_published=False)
    response = run_action(curator_client, "publish", products)
    assert "3 products published." in response.content.decode()
    assert Product.objects.filter(is_published=True).count() == 3
    response = run_action(curator_client, "unpublish", products[:1])
    assert "1 product unpublished." in response.content.decode()


def test_tag_beginner_action_skips_products_unsafe_for_beginners(curator_client):
    rings = CategoryFactory(kind="cock-rings", name="Cock rings")
    soft = ProductFactory(category=rings, ring_fit="soft", for_beginner=False, for_experienced=True)
    rigid = ProductFactory(
        category=rings,
        ring_fit="rigid",
        for_beginner=False,
        for_experienced=True,
        name="Steel Ring",
    )
    response = run_action(curator_client, "tag_beginner", [soft, rigid])
    html = response.content.decode()
    assert "1 product tagged for beginners." in html
    assert "Steel Ring" in html and "never for beginners" in html
    soft.refresh_from_db()
    rigid.refresh_from_db()
    assert soft.for_beginner and not rigid.for_beginner


def test_tag_experienced_action(curator_client):
    product = ProductFactory(for_experienced=False)
    response = run_action(curator_client, "tag_experienced", [product])
    assert "1 product tagged for experienced people." in response.content.decode()
    product.refresh_from_db()
    assert product.for_experienced and product.for_beginner


def test_product_changelist_shows_levels_and_note_count(curator_client):
    ProductFactory(name="Listed Thing", for_experienced=True)
    html = curator_client.get(reverse("admin:catalog_product_changelist")).content.decode()
    assert "Listed Thing" in html
    assert "Beginner, Experienced" in html


def test_product_search_by_sku(curator_client):
    ProductFactory(name="Findable", sku="FIND-ME-1")
    ProductFactory(name="Not This")
    html = curator_client.get(
        reverse("admin:catalog_product_changelist") + "?q=FIND-ME"
    ).content.decode()
    assert "Findable" in html and "Not This" not in html
