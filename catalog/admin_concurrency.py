"""No lost edits: optimistic concurrency for admin change forms.

`OptimisticLockAdminMixin` puts the object's version (by default its `updated_at`) in a hidden
field when the change form is loaded. On save, the form compares it with the row as it is now
(locked with SELECT ... FOR UPDATE inside the admin's transaction, so two saves cannot slip
past each other) and refuses the save when someone else saved in between, keeping the
curator's edits on the page:

    Someone else saved this product at 14:02 while you were editing. Reload to see their
    changes; your edits are below.

Usage (catalog, guides, any app): `class GuideAdmin(OptimisticLockAdminMixin, admin.ModelAdmin)`.
Bulk changes made elsewhere (admin actions, `QuerySet.update`) must bump the version field too.
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

VERSION_FIELD = "loaded_version"


def version_token(value) -> str:
    """The version as text for the hidden field: ISO 8601 with microseconds for datetimes."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def saved_at(value) -> str:
    """'14:02', or '3 March at 14:02' when it was not today (in the site's time zone)."""
    if not hasattr(value, "hour"):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    if local.date() == timezone.localdate():
        return f" at {date_format(local, 'H:i')}"
    return f" on {date_format(local, 'j F')} at {date_format(local, 'H:i')}"


class OptimisticLockFormMixin:
    """Form half of the lock. `version_field` names the model field that changes on every save."""

    version_field = "updated_at"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = version_token(
                getattr(self.instance, self.version_field)
            )

    def clean(self):
        cleaned_data = super().clean()
        instance = self.instance
        if instance.pk is None:
            return cleaned_data
        loaded = self.data.get(self.add_prefix(VERSION_FIELD), "")
        current = (
            type(instance)
            ._default_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list(self.version_field, flat=True)
            .first()
        )
        if loaded != version_token(current):
            name = instance._meta.verbose_name
            if not loaded:
                message = f"This {name} form is out of date. Reload the page to edit the {name}."
            else:
                message = (
                    f"Someone else saved this {name}{saved_at(current)} while you were "
                    "editing. Reload to see their changes; your edits are below."
                )
            raise ValidationError(message, code="edit_conflict")
        return cleaned_data


class OptimisticLockAdminMixin:
    """ModelAdmin half: adds the hidden version field to change forms (not to add forms)."""

    version_field = "updated_at"

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            base = kwargs.get("form", self.form)
            if VERSION_FIELD not in base.base_fields:
                kwargs["form"] = type(
                    base.__name__,
                    (OptimisticLockFormMixin, base),
                    {
                        VERSION_FIELD: forms.CharField(widget=forms.HiddenInput, required=False),
                        "version_field": self.version_field,
                    },
                )
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or VERSION_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        first = (name, {**options, "fields": [*options["fields"], VERSION_FIELD]})
        return [first, *rest]
