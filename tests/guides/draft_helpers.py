"""Guide drafts: shared helpers."""

import pytest
from django.urls import reverse

from core.content import content_version
from core.models import ContentVersion
from tests.admin_forms import form_data
from tests.factories import GuideFactory, SectionFactory

pytestmark = pytest.mark.django_db

PUBLISHED = "Talk first and agree a safeword."
DRAFTED = "Talk first, agree a safeword, and agree a signal for when you cannot speak."


def published_guide():
    guide = GuideFactory(title="Rough play, safely", slug="rough-play")
    SectionFactory(guide=guide, heading="Before you start", anchor="before", body=PUBLISHED)
    SectionFactory(guide=guide, heading="Aftercare", anchor="aftercare", body="Water, blanket.")
    return guide


def change_url(guide):
    return reverse("admin:guides_guide_change", args=[guide.pk])


def edit(curator_client, guide, button: str = "_save_draft", **changes):
    """Load the guide's change page, change the first section's body, submit with `button`."""
    data = form_data(curator_client.get(change_url(guide)))
    data["sections-0-body"] = DRAFTED
    data.update(changes)
    data[button] = "1"
    return curator_client.post(change_url(guide), data)


def set_due(when) -> None:
    """Say in the content version row that something is due at `when`. The row is made first:
    a transactional test run before this one (a browser test, say) empties the table."""
    content_version()
    ContentVersion.objects.filter(pk=1).update(due_at=when)
