"""The finder flow at /finder/: steps, back and skip, defaults, validation, results."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import ProductFactory, kind_category

pytestmark = pytest.mark.django_db
URL = "/finder/"


def post(client, step, action="next", **answers):
    return client.post(URL, {"step": step, "action": action, **answers})


def html(response):
    return response.content.decode()


def hidden_inputs(response) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html(response)):
        name = re.search(r'name="([^"]+)"', tag).group(1)
        value = re.search(r'value="([^"]*)"', tag)
        found.setdefault(name, []).append(value.group(1) if value else "")
    return found


def visible_inputs(response) -> set[str]:
    return set(
        re.findall(r'<input type="(?:radio|checkbox|number)" name="([^"]+)"', html(response))
    )


def test_the_urls_are_the_shared_contract():
    assert reverse("finder:start") == "/finder/"
    assert reverse("finder:api") == "/finder/api/"


def test_the_main_navigation_offers_the_finder(client):
    assert '<a href="/finder/">Find your starter kit</a>' in html(client.get("/"))


def test_get_shows_step_one_empty_with_a_sensible_default(client, small_catalog):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Step 1 of 4" in html(response)
    assert visible_inputs(response) == {"level"}
    assert re.search(
        r'<input type="radio" name="level" value="beginner"[^>]*checked', html(response)
    )
    carried = hidden_inputs(response)
    assert "csrfmiddlewaretoken" not in carried  # the flow only reads: no token needed
    del carried["step"]
    assert {value for values in carried.values() for value in values} <= {"", "False"}
    assert "categories" not in carried
    assert "no-store" in response["Cache-Control"]


def test_walking_every_step_to_the_results(client, small_catalog):
    step2 = post(client, 1, level="beginner")
    assert "Step 2 of 4" in html(step2)
    assert visible_inputs(step2) == {"categories"}
    assert hidden_inputs(step2)["level"] == ["beginner"]

    step3 = post(client, 2, level="beginner", categories=["restraints", "lubricants"])
    assert "Step 3 of 4" in html(step3)
    # Only the questions that matter for restraints and lubricants, and the customer's
    # experience with each of them.
    assert visible_inputs(step3) == {
        "restraint_type",
        "lube_thickness",
        "level_restraints",
        "level_lubricants",
    }
    assert hidden_inputs(step3)["categories"] == ["restraints", "lubricants"]

    step4 = post(
        client, 3, level="beginner", categories=["restraints", "lubricants"], restraint_type="wrist"
    )
    assert "Step 4 of 4" in html(step4)
    assert visible_inputs(step4) == {
        "budget",
        "latex_allergy",
        "owns_silicone_toys",
        "uses_latex_condoms",
        "anal_play",
    }
    assert hidden_inputs(step4)["restraint_type"] == ["wrist"]

    results = post(
        client,
        4,
        level="beginner",
        categories=["restraints", "lubricants"],
        restraint_type="wrist",
        budget="40",
        owns_silicone_toys="on",
    )
    page = html(results)
    assert results.status_code == 200
    assert "Your starter picks" in page
    assert "Clip Cuffs" in page and "Water Glide" in page
    assert "Buckle Cuffs</a>" not in page and "Silk Serum</a>" not in page
    assert "Wrist cuffs, the kind you asked for" in page
    assert "Water-based: safe with your silicone toys" in page
    assert "Non-quick-release restraints hidden" in page
    assert "Silicone and hybrid lubes hidden: they can damage your silicone toys" in page
    assert "Safety add-ons" in page and "Blunt Shears" in page
    assert "£33.00</strong> in all" in page  # the kit: cuffs and glide
    assert 'href="/finder/" data-finder-restart>Start again</a>' in page  # not the primary
    assert '<a class="button" href="/finder/"' not in page
    assert "no-store" in results["Cache-Control"]


def test_back_keeps_the_answers_given(client, small_catalog):
    response = post(client, 3, "back", level="experienced", categories=["lubricants", "cock-rings"])
    page = html(response)
    assert "Step 2 of 4" in page
    assert re.search(r'value="lubricants"[^>]*checked', page)
    assert re.search(r'value="cock-rings"[^>]*checked', page)
    assert hidden_inputs(response)["level"] == ["experienced"]


def test_back_from_step_one_stays_on_step_one(client, small_catalog):
    assert "Step 1 of 4" in html(post(client, 1, "back", level="beginner"))


def test_skipping_the_level_assumes_new_to_this(client, small_catalog):
    response = post(client, 1, "skip")
    assert "Step 2 of 4" in html(response)
    assert hidden_inputs(response)["level"] == ["beginner"]


def test_the_flow_asks_what_to_explore_and_assumes_nothing(client, small_catalog):
    """No categories, no guess: skipping or choosing none asks again, in inclusive words."""
    for action in ("skip", "next"):
        response = post(client, 2, action, level="experienced")
        page = html(response)
        assert "Step 2 of 4" in page
        assert "Choose at least one thing you would like to explore." in page
    # Even posted straight to the results.
    assert "Your starter picks" not in html(post(client, 4, level="beginner"))


def test_skipping_the_last_step_shows_results_without_limits(client, small_catalog):
    response = post(
        client,
        4,
        "skip",
        level="beginner",
        categories=["lubricants"],
        budget="5",
        latex_allergy="on",
    )
    page = html(response)
    assert "Your starter picks" in page
    assert "<dt>Budget</dt><dd>No limit</dd>" in page


def test_the_experience_is_asked_per_chosen_category_and_followed(client, small_catalog):
    step3 = html(post(client, 2, level="beginner", categories=["restraints"]))
    assert "Restraints: your experience" in step3
    results = html(
        post(client, 4, level="beginner", categories=["restraints"], level_restraints="experienced")
    )
    # Experienced with restraints: the cuffs without quick release are open to them.
    assert "Buckle Cuffs</a>" in results
    assert "<dt>Experience with restraints</dt><dd>I have some experience</dd>" in results


def test_beginners_are_only_offered_the_gentle_end_of_the_intensity_scale(client):
    ProductFactory(category=kind_category("impact"))  # a live category
    page = html(post(client, 2, level="beginner", categories=["impact"]))
    assert "2 of 5: gentle" in page and "3 of 5" not in page
    page = html(post(client, 2, level="experienced", categories=["impact"]))
    assert "5 of 5: intense" in page


def test_beginners_are_only_offered_soft_or_adjustable_rings(client, small_catalog):
    page = html(post(client, 2, level="beginner", categories=["cock-rings"]))
    assert 'value="adjustable"' in page and 'value="rigid"' not in page


@pytest.mark.parametrize(
    "budget,message",
    [
        ("-5", "The budget cannot be negative."),
        ("lots", "Enter the budget as a number of pounds, like 60 or 59.99."),
        ("1e9", "Enter a budget of at most £100,000."),
        ("99999999999999999999", "Enter a budget of at most £100,000."),
        ("12.345", "Use at most two decimal places (pence)."),
    ],
)
def test_a_bad_budget_is_shown_on_its_step_and_nothing_is_lost(
    client, small_catalog, budget, message
):
    response = post(
        client, 4, level="beginner", categories=["lubricants"], budget=budget, latex_allergy="on"
    )
    assert response.status_code == 200
    page = html(response)
    assert "Step 4 of 4" in page
    assert message in page
    assert hidden_inputs(response)["categories"] == ["lubricants"]
    assert re.search(r'name="latex_allergy"[^>]*checked', page)


def test_a_tampered_earlier_answer_sends_you_back_to_its_step(client, small_catalog):
    response = post(client, 3, level="expert", categories=["lubricants"])
    page = html(response)
    assert "Step 1 of 4" in page
    assert "Choose “beginner” or “experienced”." in page


def test_an_unknown_category_is_caught_at_the_categories_step(client, small_catalog):
    response = post(client, 2, level="beginner", categories=["no-such-thing"])
    page = html(response)
    assert "Step 2 of 4" in page
    assert "There is no category called “no-such-thing”." in page


def test_a_junk_step_is_a_400_not_a_500(client):
    assert post(client, "seven").status_code == 400
    assert post(client, 1, "explode", level="beginner").status_code == 400


def test_a_guide_button_starts_the_flow_with_its_category_chosen(client, small_catalog):
    response = client.post(URL, {"categories": ["restraints", "made-up"]})
    assert response.status_code == 200
    assert "Step 1 of 4" in html(response)
    assert hidden_inputs(response)["categories"] == ["restraints"]
    step2 = post(client, 1, level="beginner", categories=hidden_inputs(response)["categories"])
    assert re.search(r'value="restraints"[^>]*checked', html(step2))


def test_an_empty_category_says_why_and_offers_no_button_that_drops_a_protection(
    client, small_catalog
):
    lubes = small_catalog["lubricants"]
    lubes.products.filter(lubricant_base="water").update(stock=0)
    results = post(client, 4, level="beginner", categories=["lubricants"], owns_silicone_toys="on")
    page = html(results)
    assert "is silicone-based or hybrid, which can damage your silicone toys" in page
    assert "We keep this protection on." in page
    assert "Show them anyway" not in page
    # The only forms that carry answers ("Change my answers") keep every safety answer.
    for form in re.findall(r"<form[^>]*>(?:(?!</form>).)*</form>", page, re.S):
        fields = re.findall(r'name="([^"]+)" value="([^"]*)"', form)
        if not any(name == "level" for name, _ in fields):
            continue  # the basket's forms carry a product, never an answer
        assert ("owns_silicone_toys", "on") in fields
        assert ("level", "beginner") in fields


def test_change_my_answers_returns_to_the_last_step_with_everything_kept(client, small_catalog):
    results = html(post(client, 4, level="beginner", categories=["lubricants"], budget="30.5"))
    form = re.search(
        r"<form[^>]*>(?:(?!</form>).)*Change my answers(?:(?!</form>).)*</form>", results, re.S
    )
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(0)))
    page = html(client.post(URL, fields))
    assert "Step 4 of 4" in page
    assert 'value="30.50"' in page


def test_results_link_each_category_to_its_guide_section_when_one_exists(
    client, small_catalog, monkeypatch
):
    restraints = small_catalog["restraints"]
    monkeypatch.setattr(
        "finder.views.guide_links_for",
        lambda ids: (
            {restraints.pk: "/guides/rough-play/#restraints"} if restraints.pk in ids else {}
        ),
    )
    page = html(post(client, 4, level="beginner", categories=["restraints", "lubricants"]))
    assert '<a href="/guides/rough-play/#restraints">Read our guide to restraints</a>' in page
    assert "Read our guide to lubricants" not in page


def test_the_results_page_prints_cleanly(client, small_catalog):
    page = html(post(client, 4, level="beginner", categories=["restraints"]))
    assert "data-print" in page  # the print button, shown by the script
    assert 'class="finder-actions no-print"' in page
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    finder_css = css[css.index("/* ---- Finder") :]
    assert "@media print" in finder_css


def test_the_site_sends_a_same_origin_referrer_policy(client, small_catalog):
    assert client.get(URL)["Referrer-Policy"] == "same-origin"
    assert post(client, 4, level="beginner")["Referrer-Policy"] == "same-origin"


def test_the_finder_needs_no_csrf_token_because_it_changes_nothing(small_catalog):
    from django.test import Client

    from tests.conftest import give_pass

    strict = give_pass(Client(enforce_csrf_checks=True))
    assert 'name="csrfmiddlewaretoken"' not in html(strict.get(URL))
    response = strict.post(URL, {"step": 1, "level": "beginner"})
    assert "Step 2 of 4" in html(response)


def test_results_link_to_the_real_guide_section_about_the_category(client, small_catalog):
    from tests.factories import GuideFactory, SectionFactory

    guide = GuideFactory(slug="rough-play")
    SectionFactory(guide=guide, category=small_catalog["restraints"], anchor="restraints")
    page = html(post(client, 4, level="beginner", categories=["restraints", "lubricants"]))
    assert 'href="/guides/rough-play/#restraints"' in page
    assert "Read our guide to lubricants" not in page
