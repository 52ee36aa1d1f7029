"""Bad input never gives a 500: a 400 with the page and a clear message (the products
filtered by the valid parameters that remain), JSON errors for JSON callers, the last page
for a page past the end, and clean URLs for empty parameters."""

import pytest

from tests.catalog.conftest import JSON, PUBLISHED, get_json, names, query

LIST = "/catalog/"
BEGINNER = {
    "Feather Paddle",
    "Rubber Flogger",
    "Soft Cuffs",
    "Stretch Ring",
    "Water Glide",
    "Silk Lube",
    "Pebble Bullet",
}


# (bad parameters, the field the error is reported on, words of the message)
BAD = [
    ({"level": "expert"}, "level", "no level “expert”"),
    ({"category": "no-such-thing"}, "category", "no category “no-such-thing”"),
    ({"material": "unobtainium"}, "material", "no material “unobtainium”"),
    ({"sensation": "loud"}, "sensation", "no sensation “loud”"),
    ({"ring_fit": "tight"}, "ring_fit", "no fit “tight”"),
    ({"vibrator_type": "jet"}, "vibrator_type", "no vibrator type “jet”"),
    ({"lubricant_base": "butter"}, "lubricant_base", "no lubricant base “butter”"),
    ({"sort": "random"}, "sort", "Sort by featured"),
    ({"price_min": "cheap"}, "price_min", "plain number"),
    ({"price_max": "12,50"}, "price_max", "plain number"),
    ({"price_min": "NaN"}, "price_min", "plain number"),
    ({"price_max": "Infinity"}, "price_max", "plain number"),
    ({"price_min": "-5"}, "price_min", "below zero"),
    ({"price_max": "1e20"}, "price_max", "more than anything here costs"),
    ({"price_max": "99999999999999999999999999"}, "price_max", "more than anything here costs"),
    ({"price_min": "10.505"}, "price_min", "at most two decimals"),
    ({"price_min": "50", "price_max": "10"}, "price_min", "lowest price is above the highest"),
    ({"intensity_min": "0"}, "intensity_min", "Intensity goes from 1"),
    ({"intensity_max": "9"}, "intensity_max", "Intensity goes from 1"),
    ({"intensity_max": "strong"}, "intensity_max", "Intensity goes from 1"),
    ({"intensity_min": "4", "intensity_max": "2"}, "intensity_min", "gentlest intensity is above"),
    ({"latex_free": "yes"}, "latex_free", "either on (1) or left out"),
    ({"in_stock": "0"}, "in_stock", "either on (1) or left out"),
    ([("level", "beginner"), ("level", "experienced")], "level", "only once"),
    ([("price_max", "10"), ("price_max", "20")], "price_max", "only once"),
    ([("sort", "price"), ("sort", "price")], "sort", "only once"),
    ([("page", "1"), ("page", "2")], "page", "only once"),
    ([("q", "cuffs"), ("q", "paddle")], "q", "only once"),
    ([("category", "impact")] * 31, "category", "at most 30"),
    ({"q": "x" * 201}, "q", "at most 200 characters"),
    ({"q": "cuffs\x00"}, "q", "Null characters are not allowed"),
    ({"category": "impact\x00"}, "category", "Null characters are not allowed"),
    ({"page": "two"}, "page", "whole number"),
    ({"page": "0"}, "page", "start at 1"),
    ({"page": "-3"}, "page", "start at 1"),
    ({"page": "99999999999999999999"}, "page", "far too large"),
    ({"page": "1" * 5000}, "page", "whole number"),
]


@pytest.mark.parametrize(("params", "field", "words"), BAD, ids=lambda v: str(v)[:40])
def test_bad_input_gives_400_json_errors(client, shop_catalog, params, field, words):
    payload = get_json(client, f"{LIST}?{query(params)}", status=400)
    assert field in payload["errors"]
    assert any(words in message for message in payload["errors"][field])
    # The rest of the answer is there as usual.
    assert {"count", "page", "num_pages", "results", "facets"} <= set(payload)


@pytest.mark.parametrize(("params", "field", "words"), BAD, ids=lambda v: str(v)[:40])
def test_bad_input_gives_400_page_with_a_clear_message(client, shop_catalog, params, field, words):
    response = client.get(f"{LIST}?{query(params)}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Part of this address did not make sense" in html
    assert words.replace("“", "&ldquo;") in html or words in html
    assert 'role="alert"' in html


def test_bad_parameters_are_left_out_and_the_valid_ones_still_apply(client, shop_catalog):
    payload = get_json(client, f"{LIST}?level=beginner&price_min=cheap", status=400)
    assert set(names(payload)) == BEGINNER
    html = client.get(f"{LIST}?level=beginner&price_min=cheap").content.decode()
    assert "The products below use your other filters" in html
    assert "Beginner level" in html  # its chip
    assert 'value="cheap"' in html  # nothing the visitor typed is lost


def test_with_nothing_valid_left_the_products_are_unfiltered_and_it_says_so(client, shop_catalog):
    payload = get_json(client, f"{LIST}?level=expert", status=400)
    assert set(names(payload)) == PUBLISHED
    html = client.get(f"{LIST}?level=expert").content.decode()
    assert "The products below are unfiltered" in html


def test_an_upside_down_range_drops_both_ends(client, shop_catalog):
    payload = get_json(client, f"{LIST}?price_min=50&price_max=10&category=impact", status=400)
    assert set(names(payload)) == {"Feather Paddle", "Rubber Flogger", "Oak Paddle"}


def test_a_repeated_single_value_is_not_guessed(client, shop_catalog):
    payload = get_json(client, f"{LIST}?level=beginner&level=experienced", status=400)
    assert set(names(payload)) == PUBLISHED


def test_a_bad_page_number_shows_the_first_page(client, shop_catalog):
    payload = get_json(client, f"{LIST}?page=abc", status=400)
    assert payload["page"] == 1 and len(payload["results"]) == 12


def test_a_page_past_the_end_shows_the_last_page(client, shop_catalog):
    from tests.factories import ProductFactory

    ProductFactory.create_batch(20, category=shop_catalog.lubes, lubricant_base="water")
    payload = get_json(client, f"{LIST}?page=9")
    assert payload["page"] == 2 and payload["num_pages"] == 2 and len(payload["results"]) == 8
    response = client.get(f"{LIST}?page=9999")
    assert response.status_code == 200
    assert "Page 2 of 2" in response.content.decode()


def test_a_page_past_the_end_of_no_results_is_the_empty_first_page(client, shop_catalog):
    payload = get_json(client, f"{LIST}?category=impact&ring_fit=rigid&page=5")
    assert (payload["count"], payload["page"], payload["num_pages"]) == (0, 1, 1)
    html = client.get(f"{LIST}?category=impact&ring_fit=rigid").content.decode()
    assert "No products match." in html


def test_unknown_parameter_names_are_ignored(client, shop_catalog):
    payload = get_json(client, f"{LIST}?utm_source=newsletter&colour=red&level=experienced")
    assert "errors" not in payload
    assert len(payload["results"]) == 6


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/catalog/?q=&level=", "/catalog/"),
        ("/catalog/?level=beginner&price_min=&price_max=", "/catalog/?level=beginner"),
        ("/catalog/?q=+++&category=impact", "/catalog/?category=impact"),
        ("/catalog/impact/?level=beginner&sort=", "/catalog/impact/?level=beginner"),
        ("/catalog/?junk=", "/catalog/"),
    ],
)
def test_empty_parameters_redirect_to_the_clean_url(client, shop_catalog, url, location):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == location
    assert "Accept" in response["Vary"]


def test_category_parameters_on_a_category_page_go_to_the_catalog(client, shop_catalog):
    response = client.get("/catalog/impact/?category=restraints&level=beginner")
    assert response.status_code == 302
    assert response["Location"] == ("/catalog/?category=impact&category=restraints&level=beginner")
    payload = get_json(client, response["Location"])
    assert set(names(payload)) == {"Feather Paddle", "Rubber Flogger", "Soft Cuffs"}


def test_unknown_category_page_is_404_in_html_and_json(client, shop_catalog):
    assert client.get("/catalog/no-such-category/").status_code == 404
    response = client.get("/catalog/no-such-category/", **JSON)
    assert response.status_code == 404
    assert response.json() == {"errors": {"category": ["There is no such category."]}}


def test_too_many_parameters_is_a_400_not_a_500(client, shop_catalog):
    response = client.get(LIST + "?" + "&".join(f"x{n}=1" for n in range(1200)))
    assert response.status_code == 400


@pytest.mark.parametrize(
    "raw",
    ["%", "%zz=1", "level=%ff%fe", "a=b=c&&&;", "=1", "level", "category[]=impact", "%00=%00"],
)
def test_malformed_query_strings_do_not_break_the_page(client, shop_catalog, raw):
    response = client.get(f"{LIST}?{raw}")
    assert response.status_code in {200, 302, 400}
