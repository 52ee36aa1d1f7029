"""The product form fits the category: only the chosen kind's attribute fields."""

import pytest
from django.urls import reverse

from catalog.admin_concurrency import VERSION_FIELD, version_token
from catalog.models import Product
from tests.catalog.test_admin import product_form
from tests.factories import ProductFactory, kind_category

pytestmark = pytest.mark.django_db
ADD = reverse("admin:catalog_product_add")


def test_the_change_form_shows_only_its_kind_s_attributes(curator_client):
    product = ProductFactory(category=kind_category("vibrators"), vibrator_type="egg")
    page = curator_client.get(reverse("admin:catalog_product_change", args=[product.pk]))
    html = page.content.decode()
    assert 'id="id_vibrator_type"' in html and 'id="id_flared_base"' in html
    for other in ("intensity", "restraint_type", "ring_fit", "lubricant_base"):
        assert f'id="id_{other}"' not in html


def test_the_add_form_for_a_chosen_category_shows_only_its_attributes(curator_client):
    impact = kind_category("impact")
    html = curator_client.get(f"{ADD}?category={impact.pk}").content.decode()
    assert 'id="id_intensity"' in html and 'id="id_vibrator_type"' not in html


def test_a_blank_add_form_shows_every_kind_marked_for_the_script(curator_client):
    impact = kind_category("impact")
    html = curator_client.get(ADD).content.decode()
    assert 'class="module aligned attributes attributes-impact"' in html
    assert 'class="module aligned attributes attributes-vibrators"' in html
    assert f'value="{impact.pk}" data-kind="impact"' in html
    assert "js/admin_product_form.js" in html
    assert "a impact" not in html and "Attributes: Impact toys" in html
    assert "<script>" not in html.replace('<script src="', "")  # no inline script (CSP)


def test_a_general_category_has_no_attribute_fields(curator_client):
    general = kind_category("general")
    html = curator_client.get(f"{ADD}?category={general.pk}").content.decode()
    assert "Attributes:" not in html


def test_moving_a_product_to_another_kind_clears_the_old_attributes(curator_client):
    product = ProductFactory(category=kind_category("vibrators"), slug="x", sku="X-1")
    restraints = kind_category("restraints")
    data = product_form(restraints, slug="x", sku="X-1")
    data[VERSION_FIELD] = version_token(product.updated_at)
    response = curator_client.post(reverse("admin:catalog_product_change", args=[product.pk]), data)
    assert response.status_code == 302
    product = Product.objects.get(pk=product.pk)
    assert (product.restraint_type, product.quick_release) == ("wrist", True)
    assert (product.vibrator_type, product.water_resistance, product.flared_base) == ("", "", None)


def test_a_bad_category_in_the_address_is_just_a_blank_form(curator_client):
    for value in ("abc", "99999999999999999999", "0"):
        assert curator_client.get(f"{ADD}?category={value}").status_code == 200
