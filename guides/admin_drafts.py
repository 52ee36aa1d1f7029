"""The guide admin's drafts: "Save as draft", the draft shown in the form, schedule, publish,
discard (the logic is guides/drafts.py; what the product admin's description drafts share,
the publish and discard views among it, is core/admin_drafts.py).

"Save as draft" validates the guide form and its sections exactly as "Save" does, then keeps
the result as the guide's draft instead of saving it: customers keep seeing the published
guide. While a draft exists the change form shows it (the guide's words and its sections, a
section the draft deletes ticked for deletion), so editing goes on from the draft; "Save"
then publishes the form at once and the draft is gone. The history (django-reversion's
revision views) always shows the published versions, never the draft.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html

from core.admin_drafts import DraftAdminMixin, when
from core.keys import is_key
from guides.drafts import (
    GUIDE_FIELDS,
    SECTION_FIELDS,
    DraftError,
    apply_guide_fields,
    publish_draft,
    save_draft,
    section_data,
)
from guides.models import Guide, GuideDraft, Section

SAVE_DRAFT = "_save_draft"
# What a draft holds; any other change (the address, published or not, the position…) is
# refused in a draft save, with a message to use "Save".
DRAFTABLE = {*GUIDE_FIELDS, "publish_at", "loaded_version"}


def preview_url(guide) -> str:
    return f"{guide.get_absolute_url()}?preview=draft"


def section_initial(item: dict) -> dict:
    return {**{name: item[name] for name in SECTION_FIELDS}, "category": item["category"]}


class GuideAdminForm(forms.ModelForm):
    publish_at = forms.SplitDateTimeField(
        label="Publish the draft at",
        required=False,
        widget=AdminSplitDateTime,
        help_text="With “Save as draft”: the draft goes live at this date and time. Leave it "
        "empty to publish the draft yourself. “Save” publishes the form at once.",
    )
    saving_draft = False  # set for each request by GuideDraftAdminMixin.get_form
    draft_publish_at = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "publish_at" in self.fields and self.draft_publish_at is not None:
            self.fields["publish_at"].initial = timezone.localtime(self.draft_publish_at)

    def clean(self):
        cleaned_data = super().clean()
        if self.saving_draft:
            fixed = [name for name in self.changed_data if name not in DRAFTABLE]
            if fixed:
                labels = ", ".join(str(self.fields[name].label).lower() for name in fixed)
                raise ValidationError(
                    f"A draft holds the guide's words and sections only: save changes to the "
                    f"{labels} with “Save”.",
                    code="not_in_draft",
                )
            publish_at = cleaned_data.get("publish_at")
            if publish_at is not None and publish_at <= timezone.now():
                self.add_error(
                    "publish_at", "Choose a time in the future, or use “Save” to publish now."
                )
        return cleaned_data


class DraftSectionFormSet(BaseInlineFormSet):
    """Section forms showing the draft: a published section takes the draft's values, one the
    draft deletes is ticked for deletion; the draft's new sections are the extra forms."""

    def __init__(self, *args, draft_sections=None, **kwargs):
        self.draft_sections = (
            None
            if draft_sections is None
            else {item["id"]: item for item in draft_sections if item["id"] is not None}
        )
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        if self.draft_sections is not None and not self.is_bound and i < self.initial_form_count():
            item = self.draft_sections.get(self.get_queryset()[i].pk)
            kwargs["initial"] = section_initial(item) if item else {"DELETE": True}
        return super()._construct_form(i, **kwargs)


def draft_overlay(request) -> GuideDraft | None:
    """The draft shown in this request's change form (set for GET requests only)."""
    return getattr(request, "guide_draft_overlay", None)


def new_draft_sections(draft: GuideDraft) -> list[dict]:
    """The draft's sections that are not published sections (new, or deleted meanwhile)."""
    existing = set(Section.objects.filter(guide_id=draft.guide_id).values_list("pk", flat=True))
    return [item for item in draft.data["sections"] if item["id"] not in existing]


class DraftSectionInlineMixin:
    """For the guide page's section inline."""

    formset = DraftSectionFormSet

    def get_extra(self, request, obj=None, **kwargs):
        draft = draft_overlay(request)
        if draft is not None:
            return len(new_draft_sections(draft))
        return super().get_extra(request, obj, **kwargs)


class GuideDraftAdminMixin(DraftAdminMixin):
    """For GuideAdmin, before VersionAdmin. Its section inline uses DraftSectionInlineMixin."""

    form = GuideAdminForm
    change_form_template = "admin/guides/guide/change_form.html"
    draft_model = GuideDraft
    draft_of = "guide"
    save_draft_button = SAVE_DRAFT
    draft_saved_log = "Saved a draft."
    draft_published_log = "Published the draft."
    draft_discarded_log = "Discarded the draft."
    no_draft_message = "This guide has no draft."
    draft_published_message = "The draft is published: customers see it now."
    draft_discarded_message = "The draft is discarded: the form shows the published guide."
    draft_published_with_save_message = "The draft was published with this save."

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.append(
                (
                    "Draft and schedule",
                    {
                        "fields": ["publish_at"],
                        "description": "“Save as draft” keeps your changes beside the "
                        "published guide: customers see no change until it is published.",
                    },
                )
            )
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        draft = getattr(request, "guide_draft", None)
        return type(
            form.__name__,
            (form,),
            {
                "saving_draft": self.saving_draft(request),
                "draft_publish_at": draft.publish_at if draft is not None else None,
            },
        )

    def get_object(self, request, object_id, from_field=None):
        guide = super().get_object(request, object_id, from_field)
        draft = draft_overlay(request)
        if guide is not None and draft is not None and draft.guide_id == guide.pk:
            apply_guide_fields(guide, draft.data)
        return guide

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        draft = draft_overlay(request)
        if draft is not None and isinstance(inline, DraftSectionInlineMixin):
            kwargs["draft_sections"] = draft.data["sections"]
            kwargs["initial"] = [section_initial(item) for item in new_draft_sections(draft)]
        return kwargs

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        revising = extra_context.get("revert") or extra_context.get("recover")
        if object_id and not revising and is_key(Guide, None, unquote(object_id)):
            draft = (
                GuideDraft.objects.filter(guide_id=unquote(object_id))
                .select_related("saved_by", "guide")
                .first()
            )
            request.guide_draft = draft
            if draft is not None:
                if request.method == "GET":
                    request.guide_draft_overlay = draft
                extra_context["draft"] = draft
                extra_context["draft_preview_url"] = preview_url(draft.guide)
        extra_context["show_save_draft"] = bool(object_id) and not revising
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        if not (change and self.saving_draft(request)):
            super().save_related(request, form, formsets, change)
            if change:
                self.end_draft(request, form.instance)
            return
        sections = []
        for formset in formsets:
            if not isinstance(formset, DraftSectionFormSet):
                continue
            for section_form in formset.forms:
                instance_pk = section_form.instance.pk
                if formset._should_delete_form(section_form):
                    continue
                if instance_pk is None and not section_form.has_changed():
                    continue  # an empty extra form
                sections.append(section_data(instance_pk, section_form.cleaned_data))
        save_draft(
            form.instance,
            guide_fields={
                name: form.cleaned_data[name] for name in GUIDE_FIELDS if name in form.cleaned_data
            },
            sections=sections,
            user=request.user,
            publish_at=form.cleaned_data.get("publish_at"),
        )

    def draft_saved_message(self, request, obj):
        draft = GuideDraft.objects.get(guide_id=obj.pk)
        scheduled = (
            f" It goes live on {when(draft.publish_at)}."
            if draft.publish_at
            else " Publish it when it is ready, or set a time to publish it."
        )
        return format_html(
            "Saved as a draft: customers still see the published guide.{} "
            '<a href="{}">Preview the draft</a>.',
            scheduled,
            preview_url(obj),
        )

    def publish_draft_now(self, request, draft):
        try:
            return publish_draft(draft, user=request.user)
        except DraftError as error:
            self.message_user(request, f"The draft was not published: {error}", messages.ERROR)
            return None
