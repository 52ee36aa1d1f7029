"""No lost edits on guides: two curators editing the same guide, the second save is refused."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from guides.models import Guide
from tests.factories import CuratorFactory, GuideFactory

pytestmark = pytest.mark.django_db


def change_form(guide, curator, **changes):
    """The guide's admin change form as a curator loads it, then submits it with changes."""
    request = RequestFactory().get("/")
    request.user = curator
    model_admin = admin.site._registry[Guide]
    form_class = model_admin.get_form(request, guide, change=True)
    loaded = form_class(instance=guide)
    data = {name: loaded[name].value() for name in loaded.fields}
    data = {
        k: ("on" if v is True else "" if v is None or v is False else v) for k, v in data.items()
    }
    data.update(changes)
    return form_class(data=data, instance=Guide.objects.get(pk=guide.pk))


def test_a_second_curator_saving_a_stale_guide_is_refused_with_a_clear_message(curator):
    guide = GuideFactory(title="Rough play, safely")
    robin = CuratorFactory(username="robin")
    first = change_form(guide, curator, title="Rough play, safely and kindly")
    second = change_form(guide, robin, summary="Rewritten summary")

    assert first.is_valid(), first.errors
    first.save()

    assert not second.is_valid()
    assert "Someone else saved this guide" in " ".join(second.non_field_errors())
    guide.refresh_from_db()
    assert guide.title == "Rough play, safely and kindly"
    assert guide.summary != "Rewritten summary"


def test_a_fresh_form_saves(curator):
    guide = GuideFactory()
    form = change_form(guide, curator, title="New title")
    assert form.is_valid(), form.errors
    form.save()
    assert Guide.objects.get(pk=guide.pk).title == "New title"
