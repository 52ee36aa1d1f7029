"""Drafts of published guides: saved beside the guide, previewed by staff at the guide's own
address, published now or at a set time, each publication an entry in the guide's history."""

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.content import content_version
from guides.drafts import publish_draft, save_draft
from guides.models import Guide, GuideDraft, Section
from tests.admin_forms import form_data
from tests.conftest import give_pass
from tests.factories import UserFactory
from tests.guides.draft_helpers import (
    DRAFTED,
    PUBLISHED,
    change_url,
    edit,
    published_guide,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return published_guide()


def test_a_draft_is_kept_beside_the_published_guide(curator_client, client, guide, curator):
    response = edit(curator_client, guide, title="Rough play, safely and kindly")

    assert response.status_code == 302, response.context and response.context["errors"]
    assert "Saved as a draft" in str(list(get_messages(response.wsgi_request))[0])
    draft = GuideDraft.objects.get(guide=guide)
    assert draft.saved_by == curator
    assert draft.data["guide"]["title"] == "Rough play, safely and kindly"
    assert Section.objects.get(anchor="before").body == PUBLISHED
    customer = Client()
    give_pass(customer)
    page = customer.get(guide.get_absolute_url()).content.decode()
    assert PUBLISHED in page and DRAFTED not in page and "Draft preview" not in page


def test_saving_a_draft_keeps_the_content_version(
    curator_client, guide, django_capture_on_commit_callbacks
):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        edit(curator_client, guide)
    assert GuideDraft.objects.filter(guide=guide).exists()
    assert content_version() == before  # cached pages stay: customers see no change


def test_the_change_form_shows_the_draft_and_saving_again_keeps_editing_it(curator_client, guide):
    edit(curator_client, guide)
    response = curator_client.get(change_url(guide))
    page = response.content.decode()
    assert "Unpublished draft" in page
    assert DRAFTED in page
    # A second draft save starts from the draft: the first edit is not lost.
    data = form_data(response)
    data["sections-1-body"] = "Water, a blanket and a chat."
    data["_save_draft"] = "1"
    curator_client.post(change_url(guide), data)
    bodies = [item["body"] for item in GuideDraft.objects.get(guide=guide).data["sections"]]
    assert bodies == [DRAFTED, "Water, a blanket and a chat."]


def test_staff_preview_the_draft_at_the_guide_address_with_a_banner(curator_client, guide):
    edit(curator_client, guide)
    response = curator_client.get(guide.get_absolute_url() + "?preview=draft")
    page = response.content.decode()
    assert "Draft preview — customers see the published version" in page
    assert DRAFTED in page and PUBLISHED not in page
    assert "no-store" in response["Cache-Control"]
    assert response.page_cache is False
    # Without ?preview=draft, staff see what customers see.
    assert PUBLISHED in curator_client.get(guide.get_absolute_url()).content.decode()


def test_a_preview_shows_new_and_deleted_sections(curator_client, guide):
    data = form_data(curator_client.get(change_url(guide)))
    data.update(
        {
            "sections-1-DELETE": "on",
            "sections-TOTAL_FORMS": "3",
            "sections-2-heading": "Signals without words",
            "sections-2-anchor": "signals",
            "sections-2-position": "5",
            "sections-2-body": "Drop a ball to stop.",
            "_save_draft": "1",
        }
    )
    assert curator_client.post(change_url(guide), data).status_code == 302
    page = curator_client.get(guide.get_absolute_url() + "?preview=draft").content.decode()
    assert "Signals without words" in page and "Drop a ball to stop." in page
    assert 'id="aftercare"' not in page
    # The form shows the new section as a form and the deleted one ticked for deletion.
    form = curator_client.get(change_url(guide)).content.decode()
    assert "Drop a ball to stop." in form
    assert 'name="sections-1-DELETE" id="id_sections-1-DELETE" checked' in form


def test_customers_never_see_a_preview_and_it_is_never_cached(client, guide, settings, curator):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    save_draft(
        guide,
        guide_fields={"title": "Draft title", "summary": "s", "author": "a"},
        sections=[],
        user=curator,
    )
    for visitor in (client, Client(), UserFactory(username="shopper")):
        if isinstance(visitor, UserFactory._meta.model):
            shopper = Client()
            give_pass(shopper)
            shopper.force_login(visitor)
            visitor = shopper
        response = visitor.get(guide.get_absolute_url() + "?preview=draft", follow=True)
        assert "Draft title" not in response.content.decode()
        assert "Draft preview" not in response.content.decode()
    staff = Client()
    staff.force_login(curator)
    assert "Draft title" in staff.get(guide.get_absolute_url() + "?preview=draft").content.decode()
    assert not [key for key in cache._cache if "page-cache" in key]  # nothing kept for anyone


def test_publishing_the_draft_from_the_admin(
    curator_client, client, guide, curator, django_capture_on_commit_callbacks
):
    edit(curator_client, guide)
    before = content_version()
    url = reverse("admin:guides_guide_draft_publish", args=[guide.pk])
    assert curator_client.get(url).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        assert curator_client.post(url).status_code == 302
    assert not GuideDraft.objects.filter(guide=guide).exists()
    assert DRAFTED in client.get(guide.get_absolute_url()).content.decode()
    assert content_version() > before


def test_saving_normally_publishes_and_ends_the_draft(curator_client, client, guide):
    edit(curator_client, guide)
    data = form_data(curator_client.get(change_url(guide)))
    data["_save"] = "1"
    curator_client.post(change_url(guide), data)
    assert not GuideDraft.objects.filter(guide=guide).exists()
    assert DRAFTED in client.get(guide.get_absolute_url()).content.decode()


def test_discarding_the_draft(curator_client, client, guide):
    edit(curator_client, guide)
    curator_client.post(reverse("admin:guides_guide_draft_discard", args=[guide.pk]))
    assert not GuideDraft.objects.filter(guide=guide).exists()
    assert PUBLISHED in curator_client.get(change_url(guide)).content.decode()


def test_a_draft_cannot_change_the_address_or_publishing(curator_client, guide):
    response = edit(curator_client, guide, slug="another-address")
    assert response.status_code == 200
    assert "save changes to the slug with “Save”" in response.content.decode()
    assert not GuideDraft.objects.exists()


def test_who_a_guide_is_written_for_is_drafted_too(curator_client, guide, curator):
    other = next(
        value for value, _ in Guide._meta.get_field("level").choices if value != guide.level
    )
    assert edit(curator_client, guide, level=other).status_code == 302
    assert Guide.objects.get(pk=guide.pk).level != other
    publish_draft(GuideDraft.objects.get(guide=guide), user=curator)
    assert Guide.objects.get(pk=guide.pk).level == other


def test_a_draft_is_validated_like_a_save(curator_client, guide):
    response = edit(curator_client, guide, **{"sections-1-anchor": "main"})
    assert response.status_code == 200
    assert not GuideDraft.objects.exists()


# --- scheduled publishing -----------------------------------------------------------------
