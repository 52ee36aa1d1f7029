"""Admin forms that answer any input with form errors, never a 500 or a minute's work.

- Relation fields: a value that cannot be a key (`category=abc`, a 20-digit id that overflows
  the column, a NUL) is refused by the field ("Select a valid choice") before any query, and
  Django's autocomplete widgets, which look the submitted values up again to show them when
  the form is re-rendered with errors, leave such values out of that lookup.
- Pictures: every image field is a `catalog.images.PictureField` (JPEG, PNG or WebP only,
  size and pixel limits, re-encoded so nothing but the pixels is kept).
- Inline formsets: each has a `max_num` and an `absolute_max`, validated, so a tampered
  `sections-TOTAL_FORMS=1000` builds at most `max_num` forms and is refused with a form
  error at once. The changelist's editable rows (`list_editable`) are bounded by the page size.

`GuardedAdminMixin` (for ModelAdmins) and `GuardedInlineMixin` (for inlines, with their own
`max_num`) put all of this in place; every admin of the catalog and the guides uses them.
"""

from django import forms
from django.contrib.admin.widgets import (
    AdminFileWidget,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
)
from django.core.exceptions import ValidationError
from django.db import models

from catalog.images import ACCEPT, PictureField
from core.keys import is_key

INLINE_MAX_NUM = 50  # rows of one inline on one page; far above what a curator types


class ValidKeysOnly:
    """An autocomplete widget that looks up only values that could be keys of its model."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        to_field = getattr(remote, "field_name", None)
        kept = [v for v in value if is_key(remote.model, to_field, v)]
        return super().optgroups(name, kept, attr)


class SafeAutocompleteSelect(ValidKeysOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(ValidKeysOnly, AutocompleteSelectMultiple):
    pass


class KeyChoiceField(forms.ModelChoiceField):
    """A relation field that refuses what cannot be a key before asking the database."""

    def to_python(self, value):
        if value not in self.empty_values and not is_key(
            self.queryset.model, self.to_field_name, value
        ):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class KeysChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for key in value:
            if not is_key(self.queryset.model, self.to_field_name, key):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super()._check_values(value)


class SafeFieldsMixin:
    """Relation fields that refuse non-keys, safe widgets for `autocomplete_fields`, and every
    picture checked and re-encoded (`catalog.images`)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.ImageField):
            kwargs.setdefault("form_class", PictureField)
            kwargs.setdefault("widget", AdminFileWidget(attrs={"accept": ACCEPT}))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", KeyChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", KeysChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class GuardedAdminMixin(SafeFieldsMixin):
    """For a ModelAdmin: safe autocomplete fields, editable changelist rows bounded."""

    def get_changelist_formset(self, request, **kwargs):
        # One form per row of the page: never more than a page holds.
        kwargs.setdefault("max_num", self.list_per_page)
        kwargs.setdefault("absolute_max", self.list_per_page)
        return super().get_changelist_formset(request, **kwargs)


class GuardedInlineMixin(SafeFieldsMixin):
    """For an inline: safe autocomplete fields, at most `max_num` rows, refused beyond."""

    max_num = INLINE_MAX_NUM

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.get_max_num(request, obj) or self.max_num)
        kwargs.setdefault("validate_max", True)
        return super().get_formset(request, obj, **kwargs)
