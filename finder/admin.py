"""The curators' finder-gaps report: every experience level x category x safety-answer
combination that would leave the finder with fewer than two safe, in-stock products, grouped
by cause (finder.gap_causes), and the categories the finder leaves out because they are not
live."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from finder import gap_causes
from finder.logic import coverage
from finder.models import FinderGap


@admin.register(FinderGap)
class FinderGapAdmin(admin.ModelAdmin):
    """A report, not a list of objects: the change list is the report, and nothing can be
    added, changed or deleted through it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = coverage.coverage()
        context = {
            **self.admin_site.each_context(request),
            "title": "Finder gaps",
            "opts": self.model._meta,
            "gaps": [row for row in rows if row.count < coverage.MINIMUM],
            "groups": gap_causes.group_gaps(rows),
            "hidden_categories": gap_causes.hidden_categories(),
            "combination_count": len(rows),
            "minimum": coverage.MINIMUM,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/finder/findergap/change_list.html", context)
