"""Guide drafts published at a set time, the history of versions and revert, staff past the age
gate, and View on site."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.content import content_version, publish_due, schedule
from core.models import ContentVersion
from guides.drafts import publish_draft, save_draft
from guides.models import Guide, GuideDraft, Section
from tests.admin_forms import form_data
from tests.conftest import give_pass
from tests.factories import GuideFactory, UserFactory
from tests.guides.draft_helpers import (
    DRAFTED,
    PUBLISHED,
    change_url,
    edit,
    published_guide,
    set_due,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return published_guide()


def frozen(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_a_scheduled_draft_goes_live_at_its_time_and_not_before(
    curator_client, guide, monkeypatch, django_capture_on_commit_callbacks
):
    start = timezone.now()
    due = (start + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    local = timezone.localtime(due)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(
            curator_client,
            guide,
            publish_at_0=local.strftime("%Y-%m-%d"),
            publish_at_1=local.strftime("%H:%M:%S"),
        )
    assert response.status_code == 302
    assert GuideDraft.objects.get(guide=guide).publish_at == due
    assert ContentVersion.objects.get(pk=1).due_at == due
    customer = Client()
    give_pass(customer)

    frozen(monkeypatch, due - datetime.timedelta(seconds=1))
    assert PUBLISHED in customer.get(guide.get_absolute_url()).content.decode()
    assert GuideDraft.objects.filter(guide=guide).exists()

    frozen(monkeypatch, due)
    before = ContentVersion.objects.get(pk=1).version
    assert DRAFTED in customer.get(guide.get_absolute_url()).content.decode()
    assert not GuideDraft.objects.filter(guide=guide).exists()
    row = ContentVersion.objects.get(pk=1)
    assert row.version > before and row.due_at is None
    assert Guide.objects.get(pk=guide.pk).updated_at == due


def test_a_cached_page_changes_exactly_when_the_draft_is_due(guide, curator, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 300
    due = timezone.now() + datetime.timedelta(hours=1)
    sections = [
        {"id": s.pk, "position": s.position, "heading": s.heading, "anchor": s.anchor,
         "category": None, "body": DRAFTED if s.anchor == "before" else s.body}
        for s in guide.sections.all()
    ]  # fmt: skip
    fields = {"title": guide.title, "summary": guide.summary, "author": guide.author}
    save_draft(guide, guide_fields=fields, sections=sections, user=curator, publish_at=due)
    schedule(due)  # as on commit
    customer = Client()
    give_pass(customer)
    assert PUBLISHED in customer.get(guide.get_absolute_url()).content.decode()
    # The page is kept now: a later change made behind the cache's back does not show...
    Section.objects.filter(anchor="aftercare").update(body="Changed behind the cache")
    frozen(monkeypatch, due - datetime.timedelta(microseconds=1))
    page = customer.get(guide.get_absolute_url()).content.decode()
    assert PUBLISHED in page and "Changed behind the cache" not in page
    # ...until the draft is due: the version moves, so every worker renders the page anew.
    frozen(monkeypatch, due)
    page = customer.get(guide.get_absolute_url()).content.decode()
    assert DRAFTED in page and PUBLISHED not in page


def test_a_schedule_in_the_past_is_refused(curator_client, guide):
    past = timezone.localtime() - datetime.timedelta(hours=1)
    response = edit(
        curator_client,
        guide,
        publish_at_0=past.strftime("%Y-%m-%d"),
        publish_at_1=past.strftime("%H:%M:%S"),
    )
    assert response.status_code == 200
    assert "Choose a time in the future" in response.content.decode()


def test_the_next_schedule_stays_due_after_the_first(guide, curator, monkeypatch):
    now = timezone.now()
    other = GuideFactory(slug="other")
    soon, later = now + datetime.timedelta(minutes=5), now + datetime.timedelta(days=1)
    fields = {"title": "Soon", "summary": "s", "author": "a"}
    save_draft(guide, guide_fields=fields, sections=[], user=curator, publish_at=soon)
    save_draft(other, guide_fields={**fields, "title": "Later"}, sections=[], publish_at=later)
    set_due(soon)

    publish_due(soon)
    assert Guide.objects.get(pk=guide.pk).title == "Soon"
    assert Guide.objects.get(pk=other.pk).title != "Later"
    assert ContentVersion.objects.get(pk=1).due_at == later


@pytest.mark.parametrize("problem", ["deleted category", "clashing anchors"])
def test_a_scheduled_draft_that_no_longer_fits_is_kept_unscheduled(guide, curator, client, problem):
    due = timezone.now() - datetime.timedelta(minutes=1)
    new = {"id": None, "position": 9, "heading": "New", "anchor": "later", "body": "x"}
    if problem == "deleted category":
        sections = [{**new, "category": 987654}]
    else:  # two sections with one anchor: the database refuses the second
        sections = [{**new, "category": None}, {**new, "position": 10, "category": None}]
    save_draft(
        guide,
        guide_fields={"title": "Clashing", "summary": "s", "author": "a"},
        sections=sections,
        user=curator,
        publish_at=due,
    )
    set_due(due)
    assert client.get(guide.get_absolute_url()).status_code == 200
    assert Guide.objects.get(pk=guide.pk).title == "Rough play, safely"
    assert guide.sections.count() == 2
    assert GuideDraft.objects.get(guide=guide).publish_at is None
    assert ContentVersion.objects.get(pk=1).due_at is None


def test_publish_scheduled_command_publishes_what_is_due(guide, curator, monkeypatch, capsys):
    due = timezone.now() + datetime.timedelta(minutes=1)
    save_draft(
        guide,
        guide_fields={"title": "From cron", "summary": "s", "author": "a"},
        sections=[],
        user=curator,
        publish_at=due,
    )
    call_command("publish_scheduled")
    assert Guide.objects.get(pk=guide.pk).title != "From cron"
    frozen(monkeypatch, due)
    call_command("publish_scheduled")
    assert Guide.objects.get(pk=guide.pk).title == "From cron"
    assert "Published what was due" in capsys.readouterr().out


# --- history and revert ---------------------------------------------------------------------


def test_history_lists_each_published_version_with_who_and_when(curator_client, guide, curator):
    edit(curator_client, guide, button="_save", title="First change")
    edit(curator_client, guide)  # a draft is not a version
    publish_draft(GuideDraft.objects.get(guide=guide), user=curator)
    response = curator_client.get(reverse("admin:guides_guide_history", args=[guide.pk]))
    page = response.content.decode()
    users = re.findall(r"<td>\s*(\w+)\s*</td>", page)
    assert users.count(curator.username) == 2
    assert "Published the draft." in page
    assert timezone.localtime().strftime("%Y") in page


def test_revert_restores_the_text_and_moves_the_content_version(
    curator_client, client, guide, django_capture_on_commit_callbacks
):
    edit(curator_client, guide, button="_save", title="Second title")
    assert DRAFTED in client.get(guide.get_absolute_url()).content.decode()
    history = curator_client.get(reverse("admin:guides_guide_history", args=[guide.pk]))
    actions = history.context["action_list"]
    # The guide as seeded is recorded before its first change, so it can be gone back to.
    assert [a["revision"].get_comment() for a in actions][0].startswith("The guide as it was")
    original = actions[0]["url"]

    revision_form = curator_client.get(original)
    assert revision_form.status_code == 200
    assert 'name="_save_draft"' not in revision_form.content.decode()
    assert PUBLISHED in revision_form.content.decode()
    before = content_version()
    data = form_data(revision_form)
    data["_save"] = "1"
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(original, data)
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.title == "Rough play, safely"
    assert content_version() > before
    page = client.get(guide.get_absolute_url()).content.decode()
    assert PUBLISHED in page and DRAFTED not in page


# --- age gate and view on site --------------------------------------------------------------


def test_signed_in_staff_pass_the_age_gate_and_customers_do_not(curator, guide):
    staff = Client()
    staff.force_login(curator)
    assert staff.get(guide.get_absolute_url()).status_code == 200
    customer = Client()
    assert customer.get(guide.get_absolute_url()).status_code == 302
    signed_in_customer = Client()
    signed_in_customer.force_login(UserFactory(username="shopper"))
    assert signed_in_customer.get(guide.get_absolute_url()).status_code == 302


def test_view_on_site_keeps_the_section_anchor(curator_client, guide):
    section = guide.sections.get(anchor="aftercare")
    page = curator_client.get(change_url(guide)).content.decode()
    view_on_site = reverse("admin:view_on_site", args=[section_content_type(), section.pk])
    assert view_on_site in page  # the section inline's own link
    response = curator_client.get(view_on_site)
    assert response.status_code == 302
    assert response["Location"].endswith("/guides/rough-play/#aftercare")


def section_content_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Section).pk
