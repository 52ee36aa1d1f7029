"""The product page's body is written in Python (catalog.product_html) rather than by its
template: it is, character for character, what `catalog/_product_body.html` renders (the
oracle, kept as the body's definition) for the same values, for every kind of product: no
photo, one, several, an older image, each kind's drawing; notes of each severity and none;
in and out of stock; unpublished; a description draft with and without its author and date;
no material, several, latex; sizes; related cards; the guides' "featured in"; and names,
descriptions and notes that need escaping."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db.models import Prefetch

from catalog import product_body
from catalog.demo import generate_products, load_catalog
from catalog.models import Product, ProductDraft, SafetyNote
from catalog.product_html import body_html
from catalog.product_page import assurances, category_part, related_cards
from guides.views import featured_in
from tests.catalog.test_pictures import add_photo
from tests.factories import (
    CategoryFactory,
    MaterialFactory,
    PickFactory,
    ProductFactory,
    SafetyNoteFactory,
    StorePageFactory,
    UserFactory,
    kind_category,
    oil_and_water_lubes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_catalog()
    generate_products(60)
    products = list(Product.objects.order_by("pk"))
    add_photo(products[0], alt="The cuffs laid flat")
    for position, alt in enumerate(['A "paddle" <face> & its edge', "Its back", "Its handle"]):
        add_photo(products[1], alt=alt, position=position, size=(200, 150))
    add_photo(products[2], alt="Front", position=0)
    add_photo(products[2], alt="Side", position=1, size=(600, 400))
    Product.objects.filter(pk=products[3].pk).update(image="products/old <one>.jpg")
    Product.objects.filter(pk__in=[p.pk for p in products[4:9]]).update(stock=0)
    Product.objects.filter(pk__in=[p.pk for p in products[9:12]]).update(is_published=False)
    Product.objects.filter(pk=products[12].pk).update(price=Decimal("1234.50"))
    Product.objects.filter(pk=products[13].pk).update(
        description='Line one & <two>\n"Three"\r\n\nFour'
    )
    oil_and_water_lubes()
    info = SafetyNoteFactory(severity="info", text="Wash before use.")
    caution = SafetyNoteFactory(severity="caution", text="Check in <often>.")
    latex = MaterialFactory(latex=True)
    leather = MaterialFactory(name="Leather & <suede>", care="Wipe it with a damp cloth.")
    rope = MaterialFactory(name="Rope", care="")
    ProductFactory(safety_notes=[info, caution], name="Info only").category.safety_notes.clear()
    ProductFactory(name="No notes", materials=[latex, leather, rope]).category.safety_notes.clear()
    play = CategoryFactory(kind="impact", slug="impact-play", name="Impact & <play>")
    ProductFactory(category=play, name="A <plain> & simple paddle", materials=[rope])
    ProductFactory(
        name="The <b>\"Bold\"</b> & 'odd' paddle",
        slug="odd-paddle",
        brand="Brand & <co>",
        sku="SKU-<1>",
        category=play,
        for_beginner=True,
        for_experienced=True,
        stock=0,
        materials=[leather],
    )
    ProductFactory(
        category=kind_category("cock-rings"),
        ring_inner_diameter_mm=Decimal("40.50"),
        materials=[latex],
    )
    ProductFactory(category=kind_category("restraints"), cuff_min_mm=150, cuff_max_mm=235)
    ProductFactory(
        category=kind_category("vibrators"), insertable_length_mm=120, insertable_width_mm=35
    )
    PickFactory(product=products[20], section__guide__title='Ropes & "knots"')
    StorePageFactory()
    return list(Product.objects.order_by("pk"))


def loaded(pks) -> list[Product]:
    """The products with their photos, materials and notes, as the page reads them."""
    notes = Prefetch("safety_notes", SafetyNote.objects.all())
    related = ("photos", "materials", notes, "category__safety_notes")
    return list(Product.objects.filter(pk__in=pks).prefetch_related(*related).order_by("pk"))


def both(product, rf, **values) -> tuple[str, str]:
    """The body by the writer and by the template, from the same values."""
    part = category_part(product.category_id)
    path = product.get_absolute_url()
    context = product_body.context_of(
        product,
        category_url=part.url,
        related=related_cards(part, product),
        path=path,
        assurances=assurances(rf.get(path)),
        **values,
    )
    return body_html(**context), product_body.render_plain(product_body.BODY, context)


def test_every_product_body_is_the_template(catalog, rf):
    written = []
    for product in loaded([p.pk for p in catalog]):
        html, by_template = both(product, rf)
        assert html == by_template, product.name
        written.append(html)
    html = "\n".join(written)  # the comparison covered each branch of the template
    for shown in (
        'class="product__photos"',
        'alt="A &quot;paddle&quot; &lt;face&gt; &amp; its edge" width="200" height="150"',
        "old%20%3Cone%3E.jpg",
        "data-drawing=",
        "stock--out",
        "Not published",
        "safety-note--warning",
        "safety-note--caution",
        "safety-note--info",
        "No safety notes yet",
        "Line one &amp; &lt;two&gt;<br>&quot;Three&quot;<br><br>Four",
        " (contains latex)",
        "Not applicable",
        "Leather &amp; &lt;suede&gt;",
        "Clean it as the maker's leaflet says",
        "Wipe it with a damp cloth.",
        "Inner diameter",
        "Fits wrists or ankles",
        "Insertable length",
        "&lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; &#x27;odd&#x27;",
        "More impact &amp; &lt;play&gt;",
        "£1234.50",
        'class="related"',
    ):
        assert shown in html, shown
    assert any('class="related"' not in body for body in written)


@pytest.mark.parametrize("saved_by", [True, False])
@pytest.mark.parametrize("publish_at", [None, datetime(2026, 3, 4, 17, 5, tzinfo=UTC)])
def test_a_draft_preview_is_the_template(catalog, rf, settings, saved_by, publish_at):
    settings.TIME_ZONE = "Europe/London"
    product = loaded([catalog[13].pk])[0]
    draft = ProductDraft.objects.create(
        product=product,
        description="New <words>\nhere",
        saved_by=UserFactory(username="ed & <co>") if saved_by else None,
        publish_at=publish_at,
    )
    product.description = draft.description
    html, by_template = both(product, rf, draft=draft)
    assert html == by_template
    assert "Draft preview" in html
    assert ("by ed &amp; &lt;co&gt;" in html) is saved_by
    assert ("goes live on 4 March 2026 at 17:05" in html) is (publish_at is not None)


def test_the_guides_featured_in_is_the_template(catalog, rf):
    product = loaded([catalog[20].pk])[0]
    extra = product_body.render_plain("guides/_featured_in.html", {"featured_in": []})
    assert extra.strip() == ""
    extra = product_body.render_plain(
        "guides/_featured_in.html", {"featured_in": featured_in(product)}
    )
    html, by_template = both(product, rf, extra=extra)
    assert html == by_template
    assert "Ropes &amp; &quot;knots&quot;" in html
