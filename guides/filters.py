"""The guide pages' query parameters, each validated by a form field: the list's `level` and
`category` (a django-filter FilterSet) and a guide page's `level` switch.

As in the catalog, a bad value does not stop the page: the form drops it, the page shows what
the valid parameters ask for and answers 400 with the form's message.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from catalog.forms import no_such
from catalog.models import Category
from guides.models import Audience, Section

LEVEL_ERROR = "There is no level “%(value)s”: choose beginners, experienced people or both."
LIST_LEVEL_ERROR = "There is no level “%(value)s”: choose beginners or experienced people."


def topic_choices() -> list[tuple[str, str]]:
    """(slug, name) of the categories a published guide has a section about. One query."""
    sections = Section.objects.filter(category=OuterRef("pk"), guide__is_published=True)
    covered = Category.objects.filter(Exists(sections)).order_by("position", "name")
    return list(covered.values_list("slug", "name"))


class GuideFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(
        label="Written for",
        choices=[(Audience.BEGINNER, "Beginners"), (Audience.EXPERIENCED, "Experienced people")],
        empty_label="Anyone",
        method="filter_level",
        error_messages={"invalid_choice": LIST_LEVEL_ERROR},
    )
    category = django_filters.ChoiceFilter(
        label="Topic",
        choices=[],  # set per request: the topics published guides cover
        empty_label="Any topic",
        method="filter_category",
        error_messages=no_such("topic"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once and shared by validation and the select, so a topic costs no extra query.
        self.filters["category"].extra["choices"] = topic_choices()

    def filter_level(self, queryset, name, value):
        return queryset.for_level(value) if value else queryset

    def filter_category(self, queryset, name, value):
        return queryset.covering(value) if value else queryset  # value: a category slug

    def input_errors(self) -> list[tuple[str, str]]:
        """(label, message) for each parameter the page had to leave out."""
        fields = self.form.fields
        return [
            (fields[name].label if name in fields else name, message)
            for name, messages in self.form.errors.items()
            for message in messages
        ]


class GuideLevelForm(forms.Form):
    """A guide page's level switch: beginners, experienced people, or both (the default)."""

    level = forms.ChoiceField(
        label="Show picks and notes for",
        choices=Audience.choices,
        required=False,
        error_messages={"invalid_choice": LEVEL_ERROR},
    )

    def chosen(self) -> str:
        """The level to show; both when none (or a bad one) was asked for."""
        if self.is_valid():
            return self.cleaned_data["level"] or Audience.BOTH
        return Audience.BOTH
