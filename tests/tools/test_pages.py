"""The tools' pages: behind the age gate, never cached, blank tools with no way to send an
answer (no form but the couple overlap's explicit finder button), and what each must show."""

import re

import pytest

from catalog.models import Category
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "/tools/": ["Play-safely tools", "Negotiation card", "Lube checker", "never leave your device"],
    "/tools/negotiation/": [
        "Negotiation card",
        "Hair pulling",
        "Safe word",
        "Aftercare plan",
        "Check in tomorrow",
        "Nothing around the neck",
        "prints as a blank card",
    ],
    "/tools/together/": ["Pass the phone", "You both said yes", "never shown"],
    "/tools/ring-timer/": [
        "Cock-ring timer",
        "Numbness",
        "Fingers and toes warm?",
        "Traffic-light",
    ],
    "/tools/lube-checker/": ["Polyisoprene", "Sensitive", "The compatibility chart", "Avoid"],
}


@pytest.mark.parametrize("url", list(PAGES))
def test_each_tool_shows_its_content_and_is_never_stored(client, url):
    response = client.get(url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control
    text = response.content.decode()
    for expected in PAGES[url]:
        assert expected.lower() in text.lower(), expected
    assert response.cookies == {} or set(response.cookies) <= {"csrftoken"}


@pytest.mark.parametrize("url", list(PAGES))
def test_without_a_pass_a_tool_sends_the_visitor_to_the_age_gate(anon_client, url):
    response = anon_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/age-check/?next=/tools/")
    assert anon_client.post(url).status_code == 403
    json_response = anon_client.get(url, HTTP_ACCEPT="application/json")
    assert json_response.status_code == 403


@pytest.mark.parametrize("url", list(PAGES))
def test_the_pages_take_no_answers(client, url):
    """A tool is a GET of a blank page: a POST is refused, and the answers' inputs are outside
    any form, so pressing Enter cannot put them in an address."""
    assert client.post(url, {"safe-word": "pineapple"}).status_code == 405
    html = client.get(url).content.decode()
    tool = html[html.index("<main") : html.index("</main>")]  # the header's search is the site's
    forms = re.findall(r"<form\b[^>]*>", tool)
    if url == "/tools/together/":
        assert forms == [
            '<form method="post" action="/finder/" class="together-finder" data-finder-form hidden>'
        ]
    else:
        assert forms == []


def test_the_tools_pages_stay_out_of_the_page_cache_and_need_few_queries(
    client, django_assert_max_num_queries
):
    for url in PAGES:
        with django_assert_max_num_queries(3):
            client.get(url)


def test_the_couple_overlap_maps_gear_activities_to_the_shops_categories(client):
    CategoryFactory(name="Impact toys", slug="impact", kind="impact")
    CategoryFactory(name="Restraints", slug="restraints", kind="restraints")
    html = client.get("/tools/together/").content.decode()
    assert 'data-activity="paddle" data-label="Paddles" data-categories="impact"' in html
    assert (
        'data-activity="cuffs" data-label="Cuffs on wrists or ankles" data-categories="restraints"'
        in html
    )
    assert 'data-activity="hair-pulling" data-label="Hair pulling" data-categories=""' in html
    assert 'data-impact="impact"' in html


def test_the_lube_checker_reads_every_in_stock_lube_from_a_fixed_address(client):
    CategoryFactory(name="Lubricants", slug="lubricants", kind="lubricants")
    html = client.get("/tools/lube-checker/").content.decode()
    assert 'data-catalog-url="/catalog/?category=lubricants&amp;in_stock=1"' in html


def test_the_lube_checker_says_so_when_the_shop_sells_no_lube(client):
    assert not Category.objects.filter(kind="lubricants").exists()
    html = client.get("/tools/lube-checker/").content.decode()
    assert 'data-catalog-url=""' in html
