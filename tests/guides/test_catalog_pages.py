import pytest
from django.urls import resolve, reverse

from catalog import views as catalog_views
from guides import views as guide_views
from tests.factories import (
    CategoryFactory,
    GuideFactory,
    PickFactory,
    ProductFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def test_every_catalog_url_name_resolves_under_the_catalog_namespace():
    routed = {
        "list": reverse("catalog:list"),
        "category": reverse("catalog:category", kwargs={"slug": "impact"}),
        "product": reverse("catalog:product", kwargs={"slug": "soft-cuffs"}),
    }
    assert resolve(routed["list"]).func.view_class is guide_views.GuidedProductListView
    assert resolve(routed["category"]).func.view_class is guide_views.GuidedCategoryView
    assert resolve(routed["product"]).func.view_class is guide_views.GuidedProductDetailView
    assert issubclass(guide_views.GuidedProductListView, catalog_views.ProductListView)
    assert issubclass(guide_views.GuidedCategoryView, catalog_views.CategoryView)
    assert issubclass(guide_views.GuidedProductDetailView, catalog_views.ProductDetailView)


def test_product_page_says_which_guides_feature_it(client):
    pick = PickFactory(
        section__guide__title="Consensual rough play",
        section__guide__slug="rough-play",
        section__heading="Restraints",
        section__anchor="restraints",
        product__name="Soft Cuff Set",
    )
    html = client.get(pick.product.get_absolute_url()).content.decode()
    assert "Featured in our guides" in html
    assert (
        '<a href="/guides/rough-play/#restraints">Consensual rough play: Restraints</a>'
        " (beginner pick)" in html
    )
    # The catalog page is intact around it.
    assert "Safety notes" in html and "Soft Cuff Set" in html


def test_product_page_does_not_mention_unpublished_guides(client):
    pick = PickFactory(section__guide__is_published=False, section__guide__title="Secret draft")
    html = client.get(pick.product.get_absolute_url()).content.decode()
    assert "Featured in our guides" not in html and "Secret draft" not in html


def test_category_page_links_to_the_guide_section_about_it(client):
    category = CategoryFactory(name="Restraints", slug="restraints", intro="Held, safely.")
    ProductFactory(category=category)  # a live category: it has something to sell
    SectionFactory(
        guide=GuideFactory(title="Consensual rough play", slug="rough-play"),
        category=category,
        heading="Restraints",
        anchor="restraints",
    )
    html = client.get(category.get_absolute_url()).content.decode()
    assert '<a href="/guides/rough-play/#restraints">Restraints</a>' in html
    assert "Consensual rough play" in html
    # Just under the intro, before the products.
    assert html.index("Held, safely.") < html.index("/guides/rough-play/#restraints")


def test_category_page_without_a_guide_shows_no_guide_link(client):
    category = CategoryFactory(slug="vibrators")
    SectionFactory(guide=GuideFactory(is_published=False), category=category)
    html = client.get(category.get_absolute_url()).content.decode()
    assert "Read before you buy" not in html


def test_category_page_still_filters_by_level(client):
    pick = PickFactory(product__name="Gentle Thing")
    PickFactory(section=pick.section, level="experienced", product__name="Strong Thing")
    url = pick.section.category.get_absolute_url()
    html = client.get(url + "?level=experienced").content.decode()
    assert "Strong Thing" in html and "Gentle Thing" not in html
