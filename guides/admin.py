"""Admin for curators.

Django has no nested inlines, so editing follows the content's shape in three short hops:
the guide page edits the guide and its sections (ordered, anchors filled from headings) and
warns about picks customers cannot see; each section's page (the "Change" link on its row)
edits that section's picks, with product autocomplete, and its callouts; each callout's page
edits its items. Keeping picks on the section page means a curator picks products for one
category at a time, with the category check and the level check shown beside each row.
A Pick list (with a "problem" filter) gives the cross-guide view.

Drafts, schedule and preview are guides/admin_drafts.py; the history of a guide (its versions
with who and when, and revert) is django-reversion's: GuideAdmin and SectionAdmin are its
VersionAdmin, so a change saved from either page is an entry in the guide's history.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from reversion.admin import VersionAdmin

from catalog.admin_concurrency import OptimisticLockAdminMixin
from catalog.admin_input import GuardedAdminMixin, GuardedInlineMixin
from guides.admin_drafts import DraftSectionInlineMixin, GuideDraftAdminMixin
from guides.drafts import ensure_history
from guides.models import Callout, CalloutItem, Guide, Pick, Section

PICK_DISPLAY_RELATED = ["product__safety_notes", "product__category__safety_notes"]


def problem_picks(guide) -> list[Pick]:
    return list(
        Pick.objects.with_problems()
        .filter(section__guide=guide)
        .select_related("product__category", "section")
        .prefetch_related(*PICK_DISPLAY_RELATED)
        .order_by("section__position", "level", "position")
    )


def describe_problem(pick: Pick):
    product_url = reverse("admin:catalog_product_change", args=[pick.product_id])
    section_url = reverse("admin:guides_section_change", args=[pick.section_id])
    return format_html(
        '<a href="{}">{}</a> ({} pick in <a href="{}">{}</a>) is hidden from the guide: {}.',
        product_url,
        pick.product,
        pick.get_level_display().lower(),
        section_url,
        pick.section,
        "; ".join(pick.problems),
    )


class ProblemPicksFilter(admin.SimpleListFilter):
    title = "picks"
    parameter_name = "picks"

    def lookups(self, request, model_admin):
        return [("problems", "Has problem picks"), ("ok", "All picks shown")]

    def queryset(self, request, queryset):
        if self.value() == "problems":
            return queryset.with_problem_picks()
        if self.value() == "ok":
            return queryset.without_problem_picks()
        return queryset


class SectionInline(DraftSectionInlineMixin, GuardedInlineMixin, admin.StackedInline):
    model = Section
    extra = 0
    fields = ["position", "heading", "anchor", "category", "body"]
    prepopulated_fields = {"anchor": ["heading"]}
    autocomplete_fields = ["category"]
    show_change_link = True
    ordering = ["position", "pk"]
    verbose_name_plural = "sections (use “Change” on a section to edit its picks and callouts)"


@admin.register(Guide)
class GuideAdmin(GuardedAdminMixin, GuideDraftAdminMixin, OptimisticLockAdminMixin, VersionAdmin):
    list_display = [
        "title",
        "level",
        "is_published",
        "position",
        "section_count",
        "problem_pick_count",
        "updated_at",
    ]
    list_editable = ["position"]
    list_filter = ["is_published", "level", ProblemPicksFilter]
    search_fields = ["title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["pick_warnings", "created_at", "updated_at"]
    inlines = [SectionInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "author", "level"]}),
        (
            "Publishing",
            {
                "fields": ["is_published", "position"],
                "description": "Unpublished guides are hidden from customers; staff can "
                "preview them with “View on site”. To change a published guide without "
                "customers seeing it yet, use “Save as draft”.",
            },
        ),
        ("Picks to check", {"fields": ["pick_warnings"]}),
        ("Dates", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        problems = (
            Pick.objects.with_problems()
            .filter(section__guide=OuterRef("pk"))
            .order_by()
            .values("section__guide")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_sections=Count("sections", distinct=True),
                n_problems=Coalesce(Subquery(problems, output_field=IntegerField()), Value(0)),
            )
        )

    @admin.display(description="sections", ordering="n_sections")
    def section_count(self, guide):
        return guide.n_sections

    @admin.display(description="problem picks", ordering="n_problems")
    def problem_pick_count(self, guide):
        if guide.n_problems:
            return format_html("<strong>{}: check them</strong>", guide.n_problems)
        return 0

    @admin.display(description="pick warnings")
    def pick_warnings(self, guide):
        if guide.pk is None:
            return "Save the guide, then add picks on each category section."
        picks = problem_picks(guide)
        if not picks:
            return "Every pick is published, in stock, has safety notes and suits its level."
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((describe_problem(p),) for p in picks)),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            guide = self.get_object(request, object_id)
            if guide is not None:
                for pick in problem_picks(guide):
                    self.message_user(request, describe_problem(pick), messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)


class PickInline(GuardedInlineMixin, admin.TabularInline):
    model = Pick
    extra = 2
    fields = ["product", "level", "reason", "position", "status"]
    readonly_fields = ["status"]
    autocomplete_fields = ["product"]
    ordering = ["level", "position", "pk"]
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"size": 60})}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("product__category")
            .prefetch_related(*PICK_DISPLAY_RELATED)
        )

    @admin.display(description="status")
    def status(self, pick):
        if pick.pk is None:
            return "-"
        problems = pick.problems
        if problems:
            return format_html("<strong>Hidden: {}</strong>", "; ".join(problems))
        return "Shown"


class CalloutInline(GuardedInlineMixin, admin.TabularInline):
    model = Callout
    extra = 0
    fields = ["kind", "title", "level", "position", "item_count"]
    readonly_fields = ["item_count"]
    show_change_link = True
    ordering = ["position", "pk"]
    verbose_name_plural = "callouts (use “Change” on a callout to edit its items)"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_items=Count("items"))

    @admin.display(description="items")
    def item_count(self, callout):
        return getattr(callout, "n_items", 0) if callout.pk else "-"


def touch_guide(guide_id) -> None:
    """Editing a section, pick or callout updates the guide's 'last updated' date."""
    Guide.objects.filter(pk=guide_id).update(updated_at=timezone.now())


@admin.register(Section)
class SectionAdmin(GuardedAdminMixin, VersionAdmin):
    list_display = ["heading", "guide", "category", "position", "pick_count"]
    list_filter = ["guide", "category"]
    list_select_related = ["guide", "category"]
    search_fields = ["heading", "anchor", "body", "guide__title"]
    autocomplete_fields = ["guide", "category"]
    prepopulated_fields = {"anchor": ["heading"]}
    inlines = [PickInline, CalloutInline]
    save_on_top = True
    fields = ["guide", "position", "heading", "anchor", "category", "body"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_picks=Count("picks"))

    @admin.display(description="picks", ordering="n_picks")
    def pick_count(self, section):
        return section.n_picks

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        touch_guide(form.instance.guide_id)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            section = self.get_object(request, object_id)
            if section is not None:
                ensure_history(section.guide_id)  # before VersionAdmin's revision of this save
        return super().change_view(request, object_id, form_url, extra_context)


class CalloutItemInline(GuardedInlineMixin, admin.TabularInline):
    model = CalloutItem
    extra = 1
    fields = ["label", "text", "position"]
    ordering = ["position", "pk"]


@admin.register(Callout)
class CalloutAdmin(GuardedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "level", "section", "guide"]
    list_filter = ["kind", "level", "section__guide"]
    list_select_related = ["section__guide"]
    search_fields = ["title", "items__label", "items__text"]
    autocomplete_fields = ["section"]
    inlines = [CalloutItemInline]
    fields = ["section", "kind", "title", "level", "position"]

    @admin.display(description="guide", ordering="section__guide__title")
    def guide(self, callout):
        return callout.section.guide

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        touch_guide(form.instance.section.guide_id)


class PickProblemFilter(admin.SimpleListFilter):
    title = "shown in the guide"
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("no", "Hidden (problem picks)"), ("yes", "Shown")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.with_problems()
        if self.value() == "yes":
            return queryset.shown()
        return queryset


@admin.register(Pick)
class PickAdmin(GuardedAdminMixin, admin.ModelAdmin):
    """Every pick across guides, to find the ones customers cannot see."""

    list_display = ["product", "level", "section", "guide", "reason", "status"]
    list_filter = [PickProblemFilter, "level", "section__guide", "product__category"]
    list_select_related = ["section__guide", "product__category"]
    search_fields = ["product__name", "reason", "section__heading"]
    autocomplete_fields = ["section", "product"]
    fields = ["section", "product", "level", "reason", "position"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(*PICK_DISPLAY_RELATED)

    @admin.display(description="guide", ordering="section__guide__title")
    def guide(self, pick):
        return pick.section.guide

    @admin.display(description="status")
    def status(self, pick):
        problems = pick.problems
        if problems:
            return format_html("<strong>Hidden: {}</strong>", "; ".join(problems))
        return "Shown"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        touch_guide(obj.section.guide_id)
