import pytest

from catalog.models import Product
from guides.selectors import (
    featured_in,
    featured_in_by_product,
    section_urls_for_categories,
    sections_for_categories,
)
from tests.factories import (
    CategoryFactory,
    GuideFactory,
    PickFactory,
    ProductFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def test_section_urls_for_categories_maps_each_category_to_its_section_in_one_query(
    django_assert_num_queries,
):
    impact = CategoryFactory(slug="impact")
    restraints = CategoryFactory(slug="restraints")
    uncovered = CategoryFactory(slug="vibrators")
    guide = GuideFactory(slug="rough-play")
    SectionFactory(guide=guide, anchor="consent")
    SectionFactory(guide=guide, anchor="impact", category=impact)
    SectionFactory(guide=guide, anchor="restraints", category=restraints)
    with django_assert_num_queries(1):
        urls = section_urls_for_categories([impact.pk, restraints.pk, uncovered.pk])
    assert urls == {
        impact.pk: "/guides/rough-play/#impact",
        restraints.pk: "/guides/rough-play/#restraints",
    }


def test_unpublished_guides_are_never_linked():
    category = CategoryFactory()
    SectionFactory(guide=GuideFactory(is_published=False), category=category)
    assert section_urls_for_categories([category.pk]) == {}


def test_no_categories_means_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert section_urls_for_categories([]) == {}


def test_the_most_focused_guide_wins_when_several_cover_a_category():
    lubricants, impact, rings = CategoryFactory(), CategoryFactory(), CategoryFactory()
    broad = GuideFactory(slug="rough-play", position=0)
    for category in [impact, rings, lubricants]:
        SectionFactory(guide=broad, category=category, anchor=f"about-{category.pk}")
    focused = GuideFactory(slug="choosing-a-lubricant", position=1)
    SectionFactory(guide=focused, anchor="why-lube")
    SectionFactory(guide=focused, category=lubricants, anchor="bases")
    urls = section_urls_for_categories([lubricants.pk, impact.pk])
    assert urls[lubricants.pk] == "/guides/choosing-a-lubricant/#bases"
    assert urls[impact.pk] == f"/guides/rough-play/#about-{impact.pk}"


def test_within_a_guide_the_first_section_about_a_category_wins():
    category = CategoryFactory()
    guide = GuideFactory(slug="g")
    SectionFactory(guide=guide, category=category, anchor="later", position=5)
    SectionFactory(guide=guide, category=category, anchor="first", position=1)
    assert sections_for_categories([category.pk])[category.pk].anchor == "first"


def test_featured_in_lists_published_guides_that_show_the_pick(django_assert_num_queries):
    section = SectionFactory(with_category=True, guide__title="Rough play", heading="Impact toys")
    product = ProductFactory(category=section.category, for_beginner=True, for_experienced=True)
    PickFactory(section=section, product=product, level="beginner")
    PickFactory(section=section, product=product, level="experienced")
    draft = SectionFactory(guide__is_published=False, category=section.category)
    PickFactory(section=draft, product=product)
    with django_assert_num_queries(1):
        entries = featured_in(product)
    assert [(e["section"].heading, e["levels"]) for e in entries] == [
        ("Impact toys", ["Beginner", "Experienced"])
    ]
    assert entries[0]["section"].guide.title == "Rough play"


def test_a_product_the_guide_hides_is_not_featured_in_it():
    pick = PickFactory(product__stock=0)
    assert featured_in(pick.product) == []


def test_every_products_picks_read_at_once_are_what_its_page_shows(django_assert_num_queries):
    section = SectionFactory(with_category=True, heading="Impact toys")
    both = ProductFactory(category=section.category, for_beginner=True, for_experienced=True)
    PickFactory(section=section, product=both, level="experienced")
    PickFactory(section=section, product=both, level="beginner")
    PickFactory(section=SectionFactory(category=section.category, heading="More"), product=both)
    PickFactory(section=section, product__stock=0)  # hidden: out of stock
    PickFactory(section=section, product__is_published=False)  # hidden: unpublished
    PickFactory(section=SectionFactory(guide__is_published=False, category=section.category))
    dropped = PickFactory(section=section, level="beginner")
    dropped_tags = {"for_beginner": False, "for_experienced": True}
    Product.objects.filter(pk=dropped.product_id).update(**dropped_tags)  # level not carried
    with django_assert_num_queries(1):
        by_product = featured_in_by_product()
    assert set(by_product) == {both.pk}
    for product in Product.objects.all():
        assert by_product.get(product.pk, []) == featured_in(product)
    assert sorted((e["section"].heading, e["levels"]) for e in by_product[both.pk]) == [
        ("Impact toys", ["Beginner", "Experienced"]),
        ("More", ["Beginner"]),
    ]
