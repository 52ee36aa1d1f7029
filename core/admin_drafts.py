"""What the admins of drafted content share (drafts are core.models.ScheduledDraft): "Save as
draft" kept apart from "Save", and the "publish the draft now" and "discard the draft" buttons,
each a POST-only view at `<object id>/draft/publish/` and `<object id>/draft/discard/`.

The product admin's description drafts (catalog/admin_drafts.py) and the guide admin's drafts
(guides/admin_drafts.py) name the draft model, the button, the wording and how a draft is
published; what a draft holds and how the form shows it stay theirs.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from core.history import ensure_history
from core.keys import is_key


def when(value) -> str:
    return date_format(timezone.localtime(value), "j F Y \\a\\t H:i")


class DraftAdminMixin:
    """For a ModelAdmin, before VersionAdmin, whose objects have at most one draft each."""

    draft_model = None  # the draft's model, with a one-to-one field `draft_of` to self.model
    draft_of = ""
    save_draft_button = ""  # the name of the "Save as draft" submit button
    # Entries in the object's history (change messages):
    draft_saved_log = ""
    draft_published_log = ""
    draft_discarded_log = ""
    # Messages to the curator:
    no_draft_message = ""
    draft_published_message = ""
    draft_discarded_message = ""
    draft_published_with_save_message = ""

    def draft_saved_message(self, request, obj):
        """The message after "Save as draft"."""
        raise NotImplementedError

    def publish_draft_now(self, request, draft):
        """Publish `draft`: its object, or None when it was not published (after saying why)."""
        raise NotImplementedError

    def saving_draft(self, request) -> bool:
        return request.method == "POST" and self.save_draft_button in request.POST

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Outside VersionAdmin's revision for this save: the version before it comes first.
        if request.method == "POST" and is_key(self.model, None, unquote(object_id)):
            ensure_history(self.model, unquote(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change and self.saving_draft(request):
            return  # kept as a draft in save_related, once the inlines are validated too
        super().save_model(request, obj, form, change)

    def end_draft(self, request, obj) -> None:
        """After "Save": the object's draft, if any, is gone (its changes were in the form)."""
        if self.draft_model.objects.filter(**{self.draft_of: obj}).delete()[0]:
            self.message_user(request, self.draft_published_with_save_message)

    def construct_change_message(self, request, form, formsets, add=False):
        if not add and self.saving_draft(request):
            return self.draft_saved_log
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if not self.saving_draft(request):
            return super().response_change(request, obj)
        self.message_user(request, self.draft_saved_message(request, obj), messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    # Publishing and discarding: buttons in the change form (formaction), POST only.

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/draft/publish/",
                view(self.publish_draft_view),
                name=f"{name}_draft_publish",
            ),
            path(
                "<path:object_id>/draft/discard/",
                view(self.discard_draft_view),
                name=f"{name}_draft_discard",
            ),
            *super().get_urls(),
        ]

    def _draft_for_action(self, request, object_id):
        """(the object's draft or None, the response): the change form, or 405 for a GET."""
        if request.method != "POST":
            return None, HttpResponseNotAllowed(["POST"])
        object_id = unquote(object_id)
        obj = (
            self.model._default_manager.filter(pk=object_id).first()
            if is_key(self.model, None, object_id)
            else None
        )
        if obj is None:
            raise Http404(f"No such {self.model._meta.verbose_name}.")
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        opts = self.model._meta
        back = HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )
        draft = self.draft_model.objects.filter(**{self.draft_of: obj}).first()
        if draft is None:
            self.message_user(request, self.no_draft_message, messages.WARNING)
        return draft, back

    def publish_draft_view(self, request, object_id):
        draft, response = self._draft_for_action(request, object_id)
        if draft is not None:
            obj = self.publish_draft_now(request, draft)
            if obj is not None:
                self.log_change(request, obj, self.draft_published_log)
                self.message_user(request, self.draft_published_message)
        return response

    def discard_draft_view(self, request, object_id):
        draft, response = self._draft_for_action(request, object_id)
        if draft is not None:
            draft.delete()
            self.log_change(request, getattr(draft, self.draft_of), self.draft_discarded_log)
            self.message_user(request, self.draft_discarded_message)
        return response
