"""Answers are sensitive: never in a URL, a log record, the session or a database row."""

import json
import logging
import re

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

pytestmark = pytest.mark.django_db

# Distinctive answers, easy to spot anywhere they might leak.
BUDGET = "37.45"
ANSWERS = {
    "level": "experienced",
    "categories": ["restraints", "cock-rings"],
    "restraint_type": "spreader",
    "ring_fit": "rigid",
    "budget": BUDGET,
    "latex_allergy": "on",
    "owns_silicone_toys": "on",
    "uses_latex_condoms": "on",
}
TELLTALES = [BUDGET, "spreader", "rigid", "latex_allergy", "owns_silicone_toys", "uses_latex"]


def database_rows():
    return {
        model._meta.label: sorted(map(repr, model.objects.values_list()))
        for model in apps.get_models()
    }


def run_everything(client):
    """Every way answers reach the server: each step, back, skip, results, retry, the API."""
    responses = [client.get("/finder/"), client.post("/finder/", {"categories": ["restraints"]})]
    for step in (1, 2, 3, 4):
        for action in ("next", "back", "skip"):
            responses.append(client.post("/finder/", {"step": step, "action": action, **ANSWERS}))
    responses.append(client.post("/finder/", {"step": 4, **{**ANSWERS, "budget": "-1"}}))
    api_answers = {
        **ANSWERS,
        "budget": BUDGET,
        "latex_allergy": True,
        "owns_silicone_toys": True,
        "uses_latex_condoms": True,
    }
    responses.append(
        client.post("/finder/api/", json.dumps(api_answers), content_type="application/json")
    )
    responses.append(
        client.post(
            "/finder/api/",
            json.dumps({**api_answers, "budget": -5}),
            content_type="application/json",
        )
    )
    return responses


def test_no_answer_is_ever_stored_logged_or_put_in_a_url(client, small_catalog, caplog):
    caplog.set_level(logging.DEBUG)
    before = database_rows()
    responses = run_everything(client)

    # Every answer went in a POST body; nothing redirected, so no Location carried it.
    assert {r.status_code for r in responses} <= {200, 400}
    assert not any(r.has_header("Location") for r in responses)
    for response in responses:
        if response["Content-Type"].startswith("text/html"):
            page = response.content.decode()
            urls = re.findall(r'(?:href|src|action|formaction)="([^"]*)"', page)
            assert urls
            for url in urls:
                assert "?" not in url and "#" not in url.lstrip("#"), url
                assert not any(telltale in url for telltale in TELLTALES), url
            for form in re.findall(r"<form[^>]*>", page):
                if form.startswith('<form class="site-search"'):
                    continue  # the header's search box: checked below
                assert 'method="post"' in form
                # The finder's own forms, or the basket's, which carry product slugs only
                # (tests/finder/test_kit_to_basket.py).
                assert 'action="/finder/"' in form or 'action="/basket/add/"' in form
            # The header's search box sends only what the visitor types in it: no answer
            # rides along in a hidden field or a prefilled value.
            [search] = re.findall(r'<form class="site-search".*?</form>', page, re.DOTALL)
            assert 'type="hidden"' not in search and "value=" not in search

    # Nothing logged: not the answers, not even at DEBUG (the capture works: the rejected
    # API call is logged, by its path only).
    assert any(record.getMessage() == "Bad Request: /finder/api/" for record in caplog.records)
    for record in caplog.records:
        text = record.getMessage() + repr(record.args) + repr(getattr(record, "request", ""))
        assert not any(telltale in text for telltale in TELLTALES), text

    # Nothing kept server-side: no session, no new or changed database row.
    assert "sessionid" not in client.cookies
    assert Session.objects.count() == 0
    assert database_rows() == before


def test_the_results_page_is_never_cached_and_not_for_search_engines(client, small_catalog):
    response = client.post("/finder/", {"step": 4, **ANSWERS})
    assert "Your starter picks" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
