"""What shoppers ask before buying: delivery and returns (staff-editable pages), care for the
product's materials, sizes, and the size guide's ring size."""

from decimal import Decimal

import pytest

from catalog.models import StorePage
from catalog.sizes import ring_diameter_mm
from tests.factories import MaterialFactory, ProductFactory, StorePageFactory, kind_category

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize(
    ("circumference", "diameter"),
    [("110", "35"), ("100", "32"), ("157", "50"), ("141.4", "45"), ("30", "9.5")],
)
def test_ring_diameter_is_circumference_over_pi_to_the_half_millimetre(circumference, diameter):
    assert ring_diameter_mm(Decimal(circumference)) == Decimal(diameter)


def test_the_size_guide_works_out_a_ring_size_without_script(client):
    page = client.get("/size-guide/")
    assert page.status_code == 200
    assert 'name="circumference"' in html(page) and 'method="get"' in html(page)
    answer = client.get("/size-guide/", {"circumference": "110"})
    assert "about <strong>35 mm</strong>" in html(answer)


@pytest.mark.parametrize("value", ["abc", "-5", "0", "10000", "1e400", "NaN", "12\x00"])
def test_a_bad_measurement_is_a_400_with_a_form_error(client, value):
    response = client.get("/size-guide/", {"circumference": value})
    assert response.status_code == 400
    assert 'class="error-summary"' in html(response)


def test_delivery_and_returns_are_staff_editable_pages(client, curator_client):
    StorePageFactory(slug="delivery", summary="Plain parcel, neutral name SW Trading.")
    StorePageFactory(slug="returns", title="Returns", summary="Unopened within 30 days.")
    page = client.get("/info/delivery/")
    assert page.status_code == 200 and "Plain parcel, neutral name SW Trading." in html(page)
    assert client.get("/info/nothing/").status_code == 404
    product = ProductFactory()
    product_page = html(client.get(product.get_absolute_url()))
    assert "Plain parcel, neutral name SW Trading." in product_page
    assert "Unopened within 30 days." in product_page
    assert 'href="/info/returns/"' in product_page
    # A curator changes the text in the admin.
    delivery = StorePage.objects.get(slug="delivery")
    change = f"/admin/catalog/storepage/{delivery.pk}/change/"
    assert curator_client.get(change).status_code == 200


def test_product_pages_show_sizes_care_and_the_add_form(client):
    silicone = MaterialFactory(name="Soft silicone", care="Wash with warm soapy water.")
    ring = ProductFactory(
        category=kind_category("cock-rings"),
        materials=[silicone],
        ring_inner_diameter_mm=Decimal("35.0"),
    )
    page = html(client.get(ring.get_absolute_url()))
    assert "Inner diameter" in page and "35 mm" in page
    assert 'href="/size-guide/"' in page
    assert "Wash with warm soapy water." in page
    assert 'action="/basket/add/"' in page
    cuffs = ProductFactory(category=kind_category("restraints"), cuff_min_mm=150, cuff_max_mm=220)
    assert "15 to 22 cm around" in html(client.get(cuffs.get_absolute_url()))


def test_product_pages_show_the_insertable_length_and_width_where_set(client):
    vibe = ProductFactory(
        category=kind_category("vibrators"), insertable_length_mm=125, insertable_width_mm=32
    )
    page = html(client.get(vibe.get_absolute_url()))
    assert "<dt>Insertable length</dt><dd>12.5 cm</dd>" in page
    assert "<dt>Insertable width</dt><dd>3.2 cm</dd>" in page
    assert 'href="/size-guide/"' in page
    only_length = ProductFactory(category=kind_category("vibrators"), insertable_length_mm=90)
    page = html(client.get(only_length.get_absolute_url()))
    assert "<dt>Insertable length</dt><dd>9 cm</dd>" in page
    assert "Insertable width" not in page
    unsized = html(
        client.get(ProductFactory(category=kind_category("vibrators")).get_absolute_url())
    )
    assert "Insertable" not in unsized


def test_an_out_of_stock_product_offers_no_add_form(client):
    product = ProductFactory(stock=0)
    assert 'action="/basket/add/"' not in html(client.get(product.get_absolute_url()))


def test_a_cuff_range_must_run_from_small_to_large():
    from django.core.exceptions import ValidationError

    cuffs = ProductFactory.build(
        category=kind_category("restraints"), cuff_min_mm=300, cuff_max_mm=200
    )
    with pytest.raises(ValidationError):
        cuffs.full_clean()
