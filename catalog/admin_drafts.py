"""The product admin's description drafts (logic in catalog/drafts.py; what the guide admin's
drafts share, the publish and discard views among it, is core/admin_drafts.py).

"Save description as draft" validates the whole product form as "Save" does, then keeps the
new description as the product's draft instead of saving it; customers keep reading the
published description. While a draft exists the form shows it (and says so), "Save" publishes
it with the form, and two buttons publish the draft as saved or discard it. Only the
description can be drafted: any other change in a draft save is refused with a form error.

The buttons live in the submit row (`admin/catalog/product/submit_line.html`), so the product's
change form template stays free for the catalog's own use.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from catalog.drafts import publish_description_draft, save_description_draft
from catalog.models import Product, ProductDraft
from core.admin_drafts import DraftAdminMixin, when
from core.keys import is_key

SAVE_DRAFT = "_save_description_draft"
PUBLISH_AT = "description_publish_at"
DRAFTABLE = {"description", PUBLISH_AT, "loaded_version"}


class DescriptionDraftFormMixin:
    saving_draft = False
    draft_publish_at = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.draft_publish_at is not None and PUBLISH_AT in self.fields:
            self.fields[PUBLISH_AT].initial = timezone.localtime(self.draft_publish_at)

    def clean(self):
        cleaned_data = super().clean()
        if self.saving_draft:
            others = [name for name in self.changed_data if name not in DRAFTABLE]
            if others:
                labels = ", ".join(str(self.fields[name].label).lower() for name in others)
                raise ValidationError(
                    f"A draft holds the description only: save changes to the {labels} with "
                    "“Save”.",
                    code="not_in_draft",
                )
            publish_at = cleaned_data.get(PUBLISH_AT)
            if publish_at is not None and publish_at <= timezone.now():
                self.add_error(PUBLISH_AT, "Choose a time in the future, or use “Save” now.")
        return cleaned_data


class ProductDescriptionDraftMixin(DraftAdminMixin):
    """For ProductAdmin, before OptimisticLockAdminMixin and VersionAdmin."""

    draft_model = ProductDraft
    draft_of = "product"
    save_draft_button = SAVE_DRAFT
    draft_saved_log = "Saved a description draft."
    draft_published_log = "Published the description draft."
    draft_discarded_log = "Discarded the description draft."
    no_draft_message = "This product has no description draft."
    draft_published_message = "The description draft is published."
    draft_discarded_message = "The description draft is discarded."
    draft_published_with_save_message = "The description draft was published with this save."

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.insert(
                1,
                (
                    "Description draft",
                    {
                        "fields": [PUBLISH_AT],
                        "description": "“Save description as draft” keeps a new description "
                        "beside the published one: customers see no change until it is "
                        "published.",
                    },
                ),
            )
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        draft = getattr(request, "product_draft", None)
        kwargs["form"] = type(
            base.__name__,
            (DescriptionDraftFormMixin, base),
            {
                PUBLISH_AT: forms.SplitDateTimeField(
                    label="Publish the description draft at",
                    required=False,
                    widget=AdminSplitDateTime,
                    help_text="With “Save description as draft”: it goes live at this date "
                    "and time. Leave it empty to publish it yourself.",
                ),
                "saving_draft": self.saving_draft(request),
                "draft_publish_at": draft.publish_at if draft is not None else None,
            },
        )
        return super().get_form(request, obj, change=change, **kwargs)

    def get_object(self, request, object_id, from_field=None):
        product = super().get_object(request, object_id, from_field)
        draft = getattr(request, "product_draft_overlay", None)
        if product is not None and draft is not None and draft.product_id == product.pk:
            product.description = draft.description
        return product

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        revising = extra_context.get("revert") or extra_context.get("recover")
        if object_id and not revising and is_key(Product, None, unquote(object_id)):
            draft = (
                ProductDraft.objects.filter(product_id=unquote(object_id))
                .select_related("saved_by", "product")
                .first()
            )
            request.product_draft = draft
            if draft is not None:
                extra_context["description_draft"] = draft
                if request.method == "GET":
                    request.product_draft_overlay = draft
                    scheduled = (
                        f" It goes live on {when(draft.publish_at)}." if draft.publish_at else ""
                    )
                    self.message_user(
                        request,
                        format_html(
                            "This product has an unpublished description draft, saved{} on {}."
                            "{} The form shows it; customers read the published description. "
                            '<a href="{}?preview=draft">Preview the draft</a>.',
                            f" by {draft.saved_by.get_username()}" if draft.saved_by else "",
                            when(draft.saved_at),
                            scheduled,
                            draft.product.get_absolute_url(),
                        ),
                        messages.INFO,
                    )
        extra_context["show_save_description_draft"] = bool(object_id) and not revising
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        if change and self.saving_draft(request):
            save_description_draft(
                form.instance,
                description=form.cleaned_data["description"],
                user=request.user,
                publish_at=form.cleaned_data.get(PUBLISH_AT),
            )
            return
        super().save_related(request, form, formsets, change)
        if change:
            self.end_draft(request, form.instance)

    def draft_saved_message(self, request, obj):
        return format_html(
            "Saved the description as a draft: customers still read the published one. "
            '<a href="{}?preview=draft">Preview the draft</a>.',
            obj.get_absolute_url(),
        )

    def publish_draft_now(self, request, draft):
        return publish_description_draft(draft, user=request.user)
