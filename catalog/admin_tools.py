"""The product admin's tools beside the change list: CSV export and import (catalog.spreadsheet)
and the safety linter's report (catalog.lint)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from catalog import lint, spreadsheet

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="The export's columns, or some of them.")
    dry_run = forms.BooleanField(
        label="Dry run: check and show what would change, save nothing",
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("At most 5 MB at a time: split the file.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("Save the file as CSV in UTF-8.") from None


class ProductToolsMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("export/", wrap(self.export_view), name="catalog_product_export"),
            path("import/", wrap(self.import_view), name="catalog_product_import"),
            path("lint/", wrap(self.lint_view), name="catalog_product_lint"),
            *super().get_urls(),
        ]

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            **extra,
        }

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="products.csv"'
        spreadsheet.export_csv(response)
        return response

    def import_view(self, request):
        if not (self.has_change_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        result, problem = None, ""
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            dry_run = form.cleaned_data["dry_run"]
            try:
                result = spreadsheet.import_csv(form.cleaned_data["file"], dry_run=dry_run)
            except spreadsheet.SpreadsheetError as error:
                problem = str(error)
            else:
                if result.saved:
                    self.message_user(
                        request,
                        f"Imported: {len(result.changed)} of {len(result.changes)} product(s) "
                        "changed.",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:catalog_product_changelist"))
        context = self._context(
            request, "Import products", form=form, result=result, problem=problem
        )
        return TemplateResponse(request, "admin/catalog/product/import.html", context)

    def lint_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        findings = lint.run()
        groups = [
            (key, title, [f for f in findings if f.rule == key])
            for key, (title, _) in lint.RULES.items()
        ]
        problems = sum(f.severity == lint.PROBLEM for f in findings)
        context = self._context(request, "Safety linter", groups=groups, problems=problems)
        return TemplateResponse(request, "admin/catalog/product/lint.html", context)
