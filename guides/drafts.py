"""Drafts of published guides: saved beside the guide, previewed by staff, published now or at
a set time, each publication a version in the guide's history (django-reversion).

A draft (`GuideDraft.data`) holds the guide's words (title, summary, author, who it is written
for) and its sections
(heading, anchor, category, body, order); picks and callouts are edited on each section's own
admin page as before. Publishing writes the draft into the guide and its sections in one
transaction and one history entry, then deletes the draft. Scheduled drafts go live through
`core.content.content_due` (see `publish_due_drafts`), so no job runner is needed.
"""

import logging

import reversion
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models.query import QuerySet

from catalog.models import Category
from core.history import ensure_history as core_ensure_history
from guides.models import Guide, GuideDraft, Section

logger = logging.getLogger(__name__)

GUIDE_FIELDS = ("title", "summary", "author", "level")
SECTION_FIELDS = ("position", "heading", "anchor", "body")


class DraftError(Exception):
    """The draft no longer fits the guide (e.g. its category was deleted); it is kept."""


def section_data(section_id, cleaned: dict) -> dict:
    """One section of a draft, from a section form's cleaned data."""
    category = cleaned.get("category")
    return {
        "id": section_id,
        **{name: cleaned.get(name) for name in SECTION_FIELDS},
        "category": category.pk if category is not None else None,
    }


def save_draft(guide, *, guide_fields: dict, sections: list[dict], user=None, publish_at=None):
    """Keep these changes as the guide's draft (replacing an earlier draft); the guide itself
    is not touched. A `publish_at` schedules it: the content version's due time is moved so the
    first request after that time publishes it."""
    from core.content import schedule

    data = {
        "guide": {name: guide_fields.get(name, getattr(guide, name)) for name in GUIDE_FIELDS},
        "sections": sorted(sections, key=lambda item: item["position"] or 0),
    }
    draft, _ = GuideDraft.objects.update_or_create(
        guide=guide,
        defaults={"data": data, "publish_at": publish_at, "saved_by": user},
    )
    if publish_at is not None:
        transaction.on_commit(lambda: schedule(publish_at))
    return draft


def apply_guide_fields(guide, data: dict) -> None:
    """The draft's guide fields onto `guide` (a field the draft predates keeps its value)."""
    for name in GUIDE_FIELDS:
        if name in data["guide"]:
            setattr(guide, name, data["guide"][name])


def draft_for(guide) -> GuideDraft | None:
    return GuideDraft.objects.filter(guide=guide).select_related("saved_by").first()


def previewed(guide, draft: GuideDraft):
    """`guide` as loaded for its page (guides.selectors.guide_for_page) with the draft's words
    and sections in place, in memory only. Sections already published keep their picks and
    callouts; new ones have none yet."""
    data = draft.data
    apply_guide_fields(guide, data)
    loaded = {section.pk: section for section in guide.sections.all()}
    category_ids = {item["category"] for item in data["sections"] if item["category"]}
    categories = Category.objects.in_bulk(category_ids)
    sections = []
    for number, item in enumerate(data["sections"], start=1):
        section = loaded.get(item["id"])
        if section is None:
            # Never saved: a negative id lets the page read its (empty) callouts.
            section = Section(guide=guide, pk=-number)
            section.shown_picks, section.hidden_picks = [], []
            section._prefetched_objects_cache = {"callouts": _loaded([], Section, "callouts")}
        for name in SECTION_FIELDS:
            setattr(section, name, item[name])
        section.category = categories.get(item["category"])
        sections.append(section)
    guide._prefetched_objects_cache["sections"] = _loaded(sections, Guide, "sections")
    return guide


def _loaded(objects: list, model, relation: str) -> QuerySet:
    """A queryset that answers with `objects`, as a prefetch leaves it (no query)."""
    related = model._meta.get_field(relation).related_model
    queryset = related._default_manager.none()
    queryset._result_cache, queryset._prefetch_done = list(objects), True
    return queryset


def ensure_history(guide_id) -> None:
    """Record the guide as it is before its first recorded change (core.history)."""
    core_ensure_history(Guide, guide_id)


@transaction.atomic
def publish_draft(draft: GuideDraft, *, user=None, comment: str = "Published the draft."):
    """Write the draft into the guide and its sections, as one entry in the guide's history,
    and delete the draft. DraftError (nothing changed) when the draft no longer fits."""
    guide = Guide.objects.select_for_update().get(pk=draft.guide_id)
    ensure_history(guide.pk)
    data = draft.data
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(comment)
        apply_guide_fields(guide, data)
        guide.save()
        _write_sections(guide, data["sections"])
    draft.delete()
    return guide


def _write_sections(guide, items: list[dict]) -> None:
    existing = {section.pk: section for section in guide.sections.all()}
    kept = {item["id"] for item in items if item["id"] in existing}
    for pk, section in existing.items():
        if pk not in kept:
            section.delete()
    category_ids = {item["category"] for item in items if item["category"]}
    categories = Category.objects.in_bulk(category_ids)
    if len(categories) != len(category_ids):
        raise DraftError("A category the draft uses has been deleted.")
    # Anchors are unique within the guide: park the ones that change, so two sections can
    # swap anchors.
    for item in items:
        section = existing.get(item["id"])
        if section is not None and section.anchor != item["anchor"]:
            Section.objects.filter(pk=section.pk).update(anchor=f"draft-moving-{section.pk}")
    for item in items:
        section = existing.get(item["id"]) or Section(guide=guide)
        for name in SECTION_FIELDS:
            setattr(section, name, item[name])
        section.category = categories.get(item["category"])
        try:
            section.clean()
        except ValidationError as error:
            raise DraftError(f"Section “{section.heading}”: {'; '.join(error.messages)}") from None
        section.save()


def publish_due_drafts(sender=None, now=None, **kwargs):
    """`core.content.content_due` receiver: publish the drafts scheduled for `now` or earlier,
    in the name of whoever saved them; return when the next one is due (or None). A draft that
    no longer fits (or clashes, e.g. an anchor taken since) is kept, unscheduled, and logged
    for the curators to look at: it never makes the requests that run this fail."""
    due = GuideDraft.objects.filter(publish_at__lte=now).select_related("saved_by")
    for draft in due.select_for_update(skip_locked=True, of=("self",)):
        try:
            with transaction.atomic():
                publish_draft(draft, user=draft.saved_by, comment="Published as scheduled.")
        except (DraftError, DatabaseError) as error:  # never every request failing on it
            logger.warning("scheduled draft of guide %s not published: %s", draft.guide_id, error)
            GuideDraft.objects.filter(pk=draft.pk).update(publish_at=None)
    upcoming = GuideDraft.objects.filter(publish_at__gt=now).order_by("publish_at").first()
    return upcoming.publish_at if upcoming is not None else None
