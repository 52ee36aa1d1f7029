"""The product admin's description drafts (logic in catalog/drafts.py).

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
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from catalog.admin_input import is_key
from catalog.drafts import publish_description_draft, save_description_draft
from catalog.models import Product, ProductDraft
from core.history import ensure_history

SAVE_DRAFT = "_save_description_draft"
PUBLISH_AT = "description_publish_at"
DRAFTABLE = {"description", PUBLISH_AT, "loaded_version"}


def when(value) -> str:
    return date_format(timezone.localtime(value), "j F Y \\a\\t H:i")


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


class ProductDescriptionDraftMixin:
    """For ProductAdmin, before OptimisticLockAdminMixin and VersionAdmin."""

    def saving_draft(self, request) -> bool:
        return request.method == "POST" and SAVE_DRAFT in request.POST

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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and is_key(Product, None, unquote(object_id)):
            ensure_history(Product, unquote(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

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

    def save_model(self, request, obj, form, change):
        if change and self.saving_draft(request):
            return
        super().save_model(request, obj, form, change)

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
        if change and ProductDraft.objects.filter(product=form.instance).delete()[0]:
            self.message_user(request, "The description draft was published with this save.")

    def construct_change_message(self, request, form, formsets, add=False):
        if not add and self.saving_draft(request):
            return "Saved a description draft."
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if not self.saving_draft(request):
            return super().response_change(request, obj)
        self.message_user(
            request,
            format_html(
                "Saved the description as a draft: customers still read the published one. "
                '<a href="{}?preview=draft">Preview the draft</a>.',
                obj.get_absolute_url(),
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/draft/publish/",
                view(self.publish_description_draft_view),
                name=f"{name}_draft_publish",
            ),
            path(
                "<path:object_id>/draft/discard/",
                view(self.discard_description_draft_view),
                name=f"{name}_draft_discard",
            ),
            *super().get_urls(),
        ]

    def _description_draft(self, request, object_id):
        if request.method != "POST":
            return None, HttpResponseNotAllowed(["POST"])
        object_id = unquote(object_id)
        product = (
            Product.objects.filter(pk=object_id).first()
            if is_key(Product, None, object_id)
            else None
        )
        if product is None:
            raise Http404("No such product.")
        if not self.has_change_permission(request, product):
            raise PermissionDenied
        back = HttpResponseRedirect(reverse("admin:catalog_product_change", args=[product.pk]))
        draft = ProductDraft.objects.filter(product=product).first()
        if draft is None:
            self.message_user(request, "This product has no description draft.", messages.WARNING)
        return draft, back

    def publish_description_draft_view(self, request, object_id):
        draft, response = self._description_draft(request, object_id)
        if draft is not None:
            product = publish_description_draft(draft, user=request.user)
            self.log_change(request, product, "Published the description draft.")
            self.message_user(request, "The description draft is published.")
        return response

    def discard_description_draft_view(self, request, object_id):
        draft, response = self._description_draft(request, object_id)
        if draft is not None:
            draft.delete()
            self.log_change(request, draft.product, "Discarded the description draft.")
            self.message_user(request, "The description draft is discarded.")
        return response
