"""Guides by level: who each guide is for, the guide list's level and topic filters, and the
guide page's switch that shows one level's picks and notes and hides the rest."""

import re

import pytest
from django.http import QueryDict
from django.urls import reverse

from core.content import content_version
from guides.canonical import guide_list_query, guide_page_query
from guides.models import Guide
from tests.factories import (
    CalloutFactory,
    CalloutItemFactory,
    CategoryFactory,
    GuideFactory,
    PickFactory,
    ProductFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def main_html(response) -> str:
    return response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.fixture
def guide():
    """A guide with one category section: a beginner pick of a beginner-only product, an
    experienced pick of an experienced-only product, and a callout for each level and both."""
    guide = GuideFactory(title="Impact, gently")
    section = SectionFactory(guide=guide, category=CategoryFactory(kind="impact"), anchor="impact")
    PickFactory(
        section=section,
        level="beginner",
        product=ProductFactory(name="Gentle Paddle", category=section.category),
    )
    PickFactory(
        section=section,
        level="experienced",
        product=ProductFactory(
            name="Heavy Oak Paddle",
            category=section.category,
            for_beginner=False,
            for_experienced=True,
        ),
    )
    for level, title in (
        ("beginner", "Your first session"),
        ("experienced", "Going heavier"),
        ("both", "For everyone"),
    ):
        CalloutItemFactory(callout=CalloutFactory(section=section, level=level, title=title))
    return guide


def test_without_a_level_the_page_shows_every_pick_and_note(client, guide):
    html = main_html(client.get(guide.get_absolute_url()))
    for text in ("Gentle Paddle", "Heavy Oak Paddle", "Your first session", "Going heavier"):
        assert text in html
    assert "For everyone" in html


def test_beginners_see_no_experienced_pick_or_note(client, guide):
    response = client.get(guide.get_absolute_url(), {"level": "beginner"})
    assert response.status_code == 200
    html = main_html(response)
    assert "Gentle Paddle" in html and "Your first session" in html and "For everyone" in html
    assert "Heavy Oak Paddle" not in html  # not in the picks, nor in the comparison table
    assert "Going heavier" not in html
    assert "For experienced people<span" not in html  # no experienced picks column
    assert "Showing the picks and notes for beginners only." in html


def test_experienced_people_see_their_picks_and_notes(client, guide):
    html = main_html(client.get(guide.get_absolute_url(), {"level": "experienced"}))
    assert "Heavy Oak Paddle" in html and "Going heavier" in html and "For everyone" in html
    assert "Gentle Paddle" not in html and "Your first session" not in html


def test_both_is_the_whole_page(client, guide):
    def without_tokens(response) -> bytes:  # each response has its own CSRF token (basket forms)
        return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", response.content)

    whole = without_tokens(client.get(guide.get_absolute_url()))
    assert without_tokens(client.get(guide.get_absolute_url(), {"level": "both"})) == whole


def test_the_switch_is_plain_links_marking_the_current_level(client, guide):
    html = main_html(client.get(guide.get_absolute_url(), {"level": "experienced"}))
    switch = html.split('class="level-switch', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a class="level-switch__link" href="([^"]+)"([^>]*)>([^<]+)</a>', switch)
    url = guide.get_absolute_url()
    assert [(href, label) for href, _, label in links] == [
        (f"{url}?level=beginner", "For beginners"),
        (f"{url}?level=experienced", "For experienced people"),
        (url, "Both"),
    ]
    assert [label for _, current, label in links if 'aria-current="page"' in current] == [
        "For experienced people"
    ]
    assert "<script" not in switch and "<form" not in switch


def test_a_bad_level_shows_everything_says_why_and_answers_400(client, guide):
    response = client.get(guide.get_absolute_url(), {"level": "expert"})
    assert response.status_code == 400
    html = main_html(response)
    assert "There is no level “expert”" in html
    assert "Gentle Paddle" in html and "Heavy Oak Paddle" in html


def test_a_guide_without_picks_or_level_notes_has_no_switch(client):
    guide = GuideFactory()
    SectionFactory(guide=guide)
    CalloutItemFactory(callout=CalloutFactory(section=SectionFactory(guide=guide)))
    html = main_html(client.get(guide.get_absolute_url()))
    assert "level-switch" not in html


def test_the_page_says_who_the_guide_is_for(client):
    guide = GuideFactory(level="experienced")
    assert "For experienced people" in main_html(client.get(guide.get_absolute_url()))


@pytest.mark.parametrize("level", ["", "beginner", "experienced"])
def test_the_level_switch_adds_no_queries(client, guide, level, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        client.get(guide.get_absolute_url(), {"level": level} if level else {})


def test_the_demo_guide_for_beginners_shows_no_experienced_only_product(client):
    from io import StringIO

    from django.core.management import call_command

    from catalog.models import Product

    call_command("seed_demo", stdout=StringIO())
    html = main_html(client.get("/guides/consensual-rough-play/", {"level": "beginner"}))
    experienced_only = Product.objects.filter(for_experienced=True, for_beginner=False)
    assert experienced_only.exists()
    assert [p.name for p in experienced_only if f">{p.name}<" in html] == []
    for title in ("If you are experienced", "Going heavier", "Moving on to rigid rings"):
        assert title not in html
    for title in ("If you are new", "Your first impact session", "Your first time in restraints"):
        assert title in html


# --- the page cache keys a guide page by its level -------------------------------------------


@pytest.mark.parametrize(
    "query, key",
    [
        ("", []),
        ("level=both", []),
        ("level=", []),
        ("level=beginner", [("level", "beginner")]),
        ("level=experienced", [("level", "experienced")]),
        ("level=expert", None),
        ("level=beginner&level=experienced", None),
        ("level=beginner&utm_source=x", None),
    ],
)
def test_a_guide_page_is_cached_by_its_level(query, key):
    assert guide_page_query(QueryDict(query)) == key


def test_each_level_of_a_guide_is_cached_apart(client, guide, settings):
    settings.PAGE_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()
    url = guide.get_absolute_url()
    for _ in range(2):
        assert "Heavy Oak Paddle" not in main_html(client.get(url, {"level": "beginner"}))
        assert "Gentle Paddle" not in main_html(client.get(url, {"level": "experienced"}))
        assert "Gentle Paddle" in main_html(client.get(url))
    cache.clear()


# --- the guide list filters by level and topic -----------------------------------------------


@pytest.fixture
def guides():
    impact, rings = (
        CategoryFactory(kind="impact", slug="impact"),
        CategoryFactory(kind="cock-rings", slug="cock-rings"),
    )
    made = {
        "first": GuideFactory(title="First steps", level="beginner"),
        "further": GuideFactory(title="Further along", level="experienced"),
        "all": GuideFactory(title="For all of us", level="both"),
    }
    SectionFactory(guide=made["first"], category=impact)
    SectionFactory(guide=made["further"], category=rings)
    SectionFactory(guide=made["all"], category=impact)
    return made


def titles(response) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', main_html(response))


def test_the_list_shows_every_guide_with_who_it_is_for(client, guides):
    response = client.get(reverse("guides:list"))
    assert sorted(titles(response)) == ["First steps", "For all of us", "Further along"]
    html = main_html(response)
    for text in ("For beginners", "For experienced people", "For beginners and experienced"):
        assert text in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"level": "beginner"}, ["First steps", "For all of us"]),
        ({"level": "experienced"}, ["For all of us", "Further along"]),
        ({"category": "impact"}, ["First steps", "For all of us"]),
        ({"category": "cock-rings"}, ["Further along"]),
        ({"level": "experienced", "category": "impact"}, ["For all of us"]),
        ({"level": "", "category": ""}, ["First steps", "For all of us", "Further along"]),
    ],
)
def test_the_list_filters_by_level_and_topic(client, guides, query, expected):
    response = client.get(reverse("guides:list"), query)
    assert response.status_code == 200
    assert sorted(titles(response)) == expected


def test_the_filter_form_is_a_labelled_get_form(client, guides):
    html = main_html(client.get(reverse("guides:list"), {"category": "impact"}))
    form = html.split('<form class="guide-filters"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in form
    assert '<label for="id_level">Written for</label>' in form
    assert '<label for="id_category">Topic</label>' in form
    assert '<option value="impact" selected>' in form


@pytest.mark.parametrize(
    "query, message, expected",
    [
        ({"level": "expert"}, "There is no level “expert”", None),
        ({"category": "massage"}, "There is no topic “massage”", None),
        ({"level": "both"}, "There is no level “both”", None),
        ({"level": "expert", "category": "cock-rings"}, "There is no level", ["Further along"]),
    ],
)
def test_bad_filters_are_named_left_out_and_answer_400(client, guides, query, message, expected):
    response = client.get(reverse("guides:list"), query)
    assert response.status_code == 400
    html = main_html(response)
    assert message in html and "Part of this address did not make sense" in html
    assert sorted(titles(response)) == (expected or sorted(g.title for g in guides.values()))


def test_no_match_says_so_and_offers_every_guide(client, guides):
    Guide.objects.filter(level="both").delete()
    response = client.get(reverse("guides:list"), {"level": "experienced", "category": "impact"})
    assert "No guide matches these choices yet." in main_html(response)


def test_topics_offered_are_those_published_guides_cover(client, guides):
    CategoryFactory(kind="vibrators", slug="vibrators", name="Vibrators")
    html = main_html(client.get(reverse("guides:list")))
    assert 'value="impact"' in html and 'value="vibrators"' not in html


def test_the_list_runs_the_same_queries_with_3_or_30_guides(
    client, guides, django_assert_max_num_queries
):
    query = {"level": "beginner", "category": "impact"}
    content_version()  # the row is made on first use in an emptied test database, not per page
    # The topics, the guides, their sections, and the content version (read once per request:
    # a scheduled draft that is due is published by the first reader).
    with django_assert_max_num_queries(4):
        client.get(reverse("guides:list"), query)
    for _ in range(27):
        SectionFactory(guide=GuideFactory(), category=guides["first"].sections.get().category)
    with django_assert_max_num_queries(4):
        client.get(reverse("guides:list"), query)


@pytest.mark.parametrize(
    "query, key",
    [
        ("", []),
        ("level=&category=", []),
        ("level=beginner&category=impact", [("level", "beginner"), ("category", "impact")]),
        ("category=impact&level=experienced", [("level", "experienced"), ("category", "impact")]),
        ("level=both", None),
        ("level=expert", None),
        ("category=not a slug", None),
        ("category=a&category=b", None),
        ("page=2", None),
    ],
)
def test_the_list_is_cached_by_its_canonical_filters(query, key):
    assert guide_list_query(QueryDict(query)) == key
