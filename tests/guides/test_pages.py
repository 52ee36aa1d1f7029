import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.content import content_version
from tests.factories import (
    CalloutFactory,
    CalloutItemFactory,
    CategoryFactory,
    GuideFactory,
    PickFactory,
    ProductFactory,
    SafetyNoteFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def page(client, guide):
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def between(html, start, end):
    """The part of the page between two markers (e.g. one column of picks)."""
    return html.split(start, 1)[1].split(end, 1)[0]


def category_section(guide, category=None, beginner=2, experienced=2, callout=True):
    """A section about a category with picks at both levels and a callout."""
    section = SectionFactory(guide=guide, category=category or CategoryFactory(kind="impact"))
    for _ in range(beginner):
        PickFactory(section=section, level="beginner")
    for _ in range(experienced):
        PickFactory(section=section, level="experienced")
    if callout:
        CalloutItemFactory.create_batch(2, callout=CalloutFactory(section=section))
    return section


def test_guide_list_shows_published_guides_only(client):
    GuideFactory(title="Rough play, gently", summary="Consent first.")
    GuideFactory(title="Draft guide", is_published=False)
    response = client.get(reverse("guides:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rough play, gently" in html and "Consent first." in html
    assert "Draft guide" not in html


def test_unpublished_guide_is_404_for_customers_and_a_preview_for_staff(client, curator):
    guide = GuideFactory(title="Work in progress", is_published=False)
    SectionFactory(guide=guide, heading="Aftercare matters")
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()

    client.force_login(curator)
    html = page(client, guide)
    assert "Work in progress" in html and "Aftercare matters" in html
    assert "Preview: this guide is not published" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_unknown_guide_is_a_friendly_404(client):
    response = client.get(reverse("guides:detail", kwargs={"slug": "no-such-guide"}))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_guide_page_has_contents_sections_reading_time_and_last_updated(client):
    guide = GuideFactory(title="Consensual rough play", author="The Safeword editors")
    SectionFactory(guide=guide, heading="Consent", anchor="consent", body="word " * 450)
    SectionFactory(guide=guide, heading="Aftercare", anchor="aftercare", body="Water.")
    html = page(client, guide)
    contents = between(html, 'id="contents"', "</nav>")
    assert '<a href="#consent">Consent</a>' in contents
    assert '<a href="#aftercare">Aftercare</a>' in contents
    assert contents.index("#consent") < contents.index("#aftercare")
    assert 'id="consent"' in html and 'id="aftercare"' in html
    assert "3 min read" in html  # about 460 words
    assert f'datetime="{guide.updated_at.isoformat()}"' in html
    assert "By The Safeword editors" in html


def test_section_bodies_are_rendered_markdown_without_raw_html(client):
    guide = GuideFactory()
    SectionFactory(
        guide=guide,
        body="A **safe word** first. <script>alert('x')</script> <img src=x onerror=alert(1)>"
        " [bad](javascript:alert(1))",
    )
    html = page(client, guide)
    assert "<strong>safe word</strong>" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_picks_are_shown_side_by_side_by_level_with_price_reason_and_top_safety_note(client):
    guide = GuideFactory()
    category = CategoryFactory(
        name="Impact toys",
        kind="impact",
        safety_notes=[
            SafetyNoteFactory(text="Start lighter than you think.", severity="caution"),
            SafetyNoteFactory(text="Never strike the spine or kidneys.", severity="warning"),
        ],
    )
    section = SectionFactory(guide=guide, category=category)
    PickFactory(
        section=section,
        level="beginner",
        product__name="Feather Paddle",
        product__price=Decimal("24.00"),
        reason="The gentlest paddle we stock.",
    )
    PickFactory(
        section=section,
        level="experienced",
        product__name="Oak Paddle",
        product__intensity=5,
        reason="Heavy thud for practised hands.",
    )
    html = page(client, guide)
    beginners = between(html, "picks--beginner", "picks--experienced")
    experienced = between(html, "picks--experienced", "Compare our")
    assert "Feather Paddle" in beginners and "Oak Paddle" not in beginners
    assert "Oak Paddle" in experienced and "Feather Paddle" not in experienced
    assert "£24.00" in beginners
    assert "The gentlest paddle we stock." in beginners
    assert 'badge--beginner">Beginner<' in beginners
    assert 'badge--experienced">Experienced<' in experienced
    # The most severe note only, on each pick.
    assert "Never strike the spine or kidneys." in beginners
    assert "Start lighter than you think." not in beginners


def test_comparison_table_is_built_from_product_data(client):
    guide = GuideFactory()
    section = SectionFactory(
        guide=guide, category=CategoryFactory(name="Impact toys", kind="impact")
    )
    PickFactory(
        section=section,
        product__name="Feather Paddle",
        product__price=Decimal("24.00"),
        product__intensity=1,
        product__sensation="thud",
    )
    PickFactory(
        section=section,
        level="experienced",
        product__name="Leather Strap",
        product__price=Decimal("64.00"),
        product__intensity=4,
        product__sensation="sting",
    )
    table = between(page(client, guide), "<table", "</table>")
    assert "Compare our impact toys picks" in table
    for header in ["Price", "Suits", "Intensity", "Sensation"]:
        assert f'<th scope="col">{header}</th>' in table
    feather = between(table, "Feather Paddle", "</tr>")
    strap = between(table, "Leather Strap", "</tr>")
    assert "£24.00" in feather and "1 of 5 (very gentle)" in feather and "Thud" in feather
    assert "£64.00" in strap and "4 of 5 (strong)" in strap and "Sting" in strap


def test_picks_customers_must_not_see_are_hidden_and_staff_are_told_why(client, curator):
    guide = GuideFactory()
    section = SectionFactory(guide=guide, category=CategoryFactory(kind="restraints"))
    PickFactory(section=section, product__name="Soft Cuffs")
    PickFactory(section=section, product__name="Draft Cuffs", product__is_published=False)
    PickFactory(section=section, product__name="Sold Out Cuffs", product__stock=0)
    html = page(client, guide)
    assert "Soft Cuffs" in html
    assert "Draft Cuffs" not in html and "Sold Out Cuffs" not in html
    assert "Staff only" not in html

    client.force_login(curator)
    html = page(client, guide)
    assert "Staff only: 2 picks hidden from customers" in html
    assert "Draft Cuffs (beginner pick): the product is not published" in html
    assert "Sold Out Cuffs (beginner pick): the product is out of stock" in html


def test_links_to_the_filtered_catalog_return_exactly_that_category_and_level(client):
    impact = CategoryFactory(name="Impact toys", slug="impact", kind="impact")
    beginner_only = ProductFactory(category=impact, name="Feather Paddle")
    both = ProductFactory(category=impact, name="Suede Flogger", for_experienced=True)
    experienced_only = ProductFactory(
        category=impact, name="Oak Paddle", for_beginner=False, for_experienced=True, intensity=5
    )
    ProductFactory(category=impact, name="Draft Paddle", is_published=False)
    ProductFactory(category=CategoryFactory(kind="vibrators"), name="Pebble Bullet")
    guide = GuideFactory()
    section = SectionFactory(guide=guide, category=impact)
    PickFactory(section=section, product=beginner_only)
    PickFactory(section=section, product=experienced_only, level="experienced")
    html = page(client, guide)

    all_names = {"Feather Paddle", "Suede Flogger", "Oak Paddle", "Draft Paddle", "Pebble Bullet"}
    expected = {
        "beginner": {beginner_only.name, both.name},
        "experienced": {both.name, experienced_only.name},
    }
    for level, names in expected.items():
        link = re.search(rf'<a href="([^"]+)">All {level} impact toys</a>', html)
        assert link, level
        assert link.group(1) == f"/catalog/impact/?level={level}"
        listing = client.get(link.group(1))
        assert listing.status_code == 200
        shown = {name for name in all_names if name in listing.content.decode()}
        assert shown == names


def test_callouts_are_distinct_accessible_blocks(client):
    guide = GuideFactory()
    section = SectionFactory(guide=guide)
    light = CalloutFactory(section=section, kind="traffic_light", title="The traffic lights")
    for label, text in [("Green", "Keep going."), ("Yellow", "Slow down."), ("Red", "Stop.")]:
        CalloutItemFactory(callout=light, label=label, text=text)
    signs = CalloutFactory(section=section, kind="signs_to_stop", title="Stop if you notice")
    CalloutItemFactory(callout=signs, label="Sudden silence", text="Pause and ask.")
    aftercare = CalloutFactory(section=section, kind="aftercare", title="Aftercare checklist")
    CalloutItemFactory(callout=aftercare, label="Water", text="Keep some within reach.")
    html = page(client, guide)

    lights = between(html, 'class="traffic-light"', "</ul>")
    for colour, text in [("green", "Keep going."), ("yellow", "Slow down."), ("red", "Stop.")]:
        item = between(lights, f"traffic-light__item--{colour}", "</li>")
        # The colour is named in words, not only shown as a colour.
        assert f'traffic-light__label">{colour.capitalize()}</strong>' in item
        assert text in item
    assert f'aria-labelledby="callout-{light.pk}"' in html
    assert "<dt>Sudden silence</dt><dd>Pause and ask.</dd>" in html
    assert "checklist" in html and "<strong>Water:</strong> Keep some within reach." in html


def test_each_category_section_offers_the_starter_kit_form_by_post(client):
    guide = GuideFactory()
    SectionFactory(guide=guide, category=CategoryFactory(name="Restraints", slug="restraints"))
    form = between(page(client, guide), '<form class="starter-kit', "</form>")
    assert 'method="post"' in form and 'action="/finder/"' in form
    assert 'name="csrfmiddlewaretoken"' not in form  # the finder only reads; the page caches
    assert '<input type="hidden" name="categories" value="restraints">' in form
    assert "Find your starter kit" in form


def test_article_structured_data_is_valid_json_that_cannot_break_out_of_its_script(client):
    guide = GuideFactory(
        title="Play safely </script><script>alert(1)</script>", summary="Consent & care."
    )
    SectionFactory(guide=guide, heading="Consent")
    html = page(client, guide)
    raw = between(html, '<script type="application/ld+json">', "</script>")
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Article"
    assert data["headline"] == guide.title
    assert data["description"] == "Consent & care."
    assert data["url"] == f"https://shop.example.com{guide.get_absolute_url()}"
    assert data["articleSection"] == ["Consent"]
    assert data["dateModified"].startswith(guide.updated_at.date().isoformat())


def test_home_and_navigation_lead_to_the_guides(client):
    GuideFactory(title="Consensual rough play", summary="Talk first.")
    GuideFactory(title="Hidden draft", is_published=False)
    html = client.get(reverse("home")).content.decode()
    guides_block = between(html, 'id="guides-heading"', "</section>")
    assert "Consensual rough play" in guides_block and "Talk first." in guides_block
    assert "Hidden draft" not in html
    nav = between(html, 'aria-label="Main"', "</nav>")
    assert f'<a href="{reverse("guides:list")}">Guides</a>' in nav


def queries_for(client, guide) -> int:
    with CaptureQueriesContext(connection) as context:
        page(client, guide)
    return len(context)


@pytest.mark.parametrize("staff", [False, True])
def test_guide_page_runs_the_same_queries_with_1_or_20_sections(client, curator, staff):
    if staff:
        client.force_login(curator)
    small, large = GuideFactory(), GuideFactory()
    category_section(small)
    for _ in range(20):
        category_section(large)
    content_version()  # the row is made on first use in an emptied test database, not per page
    small_count = queries_for(client, small)
    assert queries_for(client, large) == small_count
    limit = 13 if staff else 10
    assert small_count <= limit


def test_structured_data_names_the_configured_origin_whatever_the_request_says(
    client, settings, django_capture_on_commit_callbacks
):
    """The page may be kept in the shared cache and served to everyone: an odd Host port or
    X-Forwarded-Proto in one request must not end up in it."""
    settings.PAGE_CACHE_SECONDS = 300
    guide = GuideFactory()
    SectionFactory(guide=guide, heading="Consent")
    odd = client.get(
        guide.get_absolute_url(), HTTP_HOST="testserver:8443", HTTP_X_FORWARDED_PROTO="http"
    )
    plain = client.get(guide.get_absolute_url())
    for response in (odd, plain):
        html = response.content.decode()
        raw = between(html, '<script type="application/ld+json">', "</script>")
        assert json.loads(raw)["url"] == f"https://shop.example.com{guide.get_absolute_url()}"
        assert "8443" not in html
