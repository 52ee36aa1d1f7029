from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from catalog.admin_concurrency import OptimisticLockAdminMixin
from catalog.finder import coverage
from catalog.models import Category, Material, Product, SafetyNote
from catalog.rules import beginner_problem


@admin.register(SafetyNote)
class SafetyNoteAdmin(OptimisticLockAdminMixin, admin.ModelAdmin):
    list_display = ["text", "severity", "category_count", "product_count", "updated_at"]
    list_filter = ["severity"]
    search_fields = ["text"]
    readonly_fields = ["created_at", "updated_at"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_categories=Count("categories", distinct=True),
                n_products=Count("products", distinct=True),
            )
        )

    @admin.display(description="categories", ordering="n_categories")
    def category_count(self, note):
        return note.n_categories

    @admin.display(description="products", ordering="n_products")
    def product_count(self, note):
        return note.n_products


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["name", "body_safe", "contains_latex", "is_silicone"]
    list_filter = ["body_safe", "contains_latex", "is_silicone"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "position", "product_count"]
    list_editable = ["position"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["safety_notes"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_products=Count("products"))

    @admin.display(description="products", ordering="n_products")
    def product_count(self, category):
        return category.n_products


class LevelFilter(admin.SimpleListFilter):
    title = "level"
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [
            ("beginner", "Beginner"),
            ("experienced", "Experienced"),
            ("both", "Both"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "beginner":
            return queryset.filter(for_beginner=True)
        if self.value() == "experienced":
            return queryset.filter(for_experienced=True)
        if self.value() == "both":
            return queryset.filter(for_beginner=True, for_experienced=True)
        return queryset


class SafetyNotesFilter(admin.SimpleListFilter):
    title = "safety notes"
    parameter_name = "notes"

    def lookups(self, request, model_admin):
        return [("missing", "Missing safety notes"), ("present", "Has safety notes")]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.without_safety_notes()
        if self.value() == "present":
            return queryset.with_safety_notes()
        return queryset


ATTRIBUTE_FIELDSETS = [
    ("Impact toys", ["intensity", "sensation"]),
    ("Restraints", ["restraint_type", "quick_release"]),
    ("Cock rings", ["ring_fit"]),
    ("Lubricants", ["lubricant_base", "thickness"]),
    ("Vibrators", ["vibrator_type", "placement", "waterproof"]),
]


@admin.register(Product)
class ProductAdmin(OptimisticLockAdminMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "category",
        "levels_display",
        "price",
        "stock",
        "is_published",
        "safety_note_count",
    ]
    list_filter = [
        "category",
        LevelFilter,
        "is_published",
        "quick_release",
        "lubricant_base",
        "materials",
        SafetyNotesFilter,
    ]
    list_select_related = ["category"]
    ordering = ["name", "pk"]  # explicit: the note-count annotation groups rows
    search_fields = ["name", "sku", "brand"]
    autocomplete_fields = ["materials", "safety_notes"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["safety_status", "created_at", "updated_at"]
    actions = ["publish", "unpublish", "tag_beginner", "tag_experienced"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["name", "slug", "sku", "brand", "category", "description", "image"]}),
        ("Selling", {"fields": ["price", "stock", "is_published", "is_featured"]}),
        (
            "Experience level",
            {
                "fields": ["for_beginner", "for_experienced"],
                "description": "Tick one or both. Beginners are only shown what carries the "
                "beginner tag, so the beginner rules apply to it.",
            },
        ),
        ("Materials and safety", {"fields": ["materials", "safety_notes", "safety_status"]}),
        *[
            (
                f"Attributes: {title}",
                {
                    "fields": fields,
                    "description": f"Fill these in only for products in a {title.lower()} "
                    "category.",
                },
            )
            for title, fields in ATTRIBUTE_FIELDSETS
        ],
        ("History", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_urls(self):
        gaps = self.admin_site.admin_view(self.finder_gaps_view)
        return [
            path("finder-gaps/", gaps, name="catalog_product_finder_gaps"),
            *super().get_urls(),
        ]

    def finder_gaps_view(self, request):
        """Every level x category x safety-answer combination that would leave the finder
        with fewer than two safe, in-stock products: gaps to fill before customers meet them."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = coverage.coverage()
        gaps = [row for row in rows if row.count < coverage.MINIMUM]
        context = {
            **self.admin_site.each_context(request),
            "title": "Finder gaps",
            "opts": self.model._meta,
            "gaps": gaps,
            "combination_count": len(rows),
            "minimum": coverage.MINIMUM,
        }
        return TemplateResponse(request, "admin/catalog/product/finder_gaps.html", context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_notes=Count("safety_notes", distinct=True)
                + Count("category__safety_notes", distinct=True)
            )
        )

    @admin.display(description="levels")
    def levels_display(self, product):
        return ", ".join(level.capitalize() for level in product.levels)

    @admin.display(description="safety notes", ordering="n_notes")
    def safety_note_count(self, product):
        if product.n_notes:
            return product.n_notes
        return mark_safe("<strong>0: incomplete</strong>")

    @admin.display(description="safety status")
    def safety_status(self, product):
        if product.pk is None:
            return "Save the product to see which safety notes apply."
        notes = product.all_safety_notes
        if not notes:
            return mark_safe(
                "<strong>Incomplete: no safety note applies to this product, so it will never "
                "be recommended.</strong> Add a note here or to its category."
            )
        return f"{len(notes)} safety note(s) apply (category and product)."

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        product = form.instance
        if not Product.objects.filter(pk=product.pk).with_safety_notes().exists():
            self.message_user(
                request,
                f"“{product}” has no safety note (its own or its category's): it is incomplete "
                "and will never be recommended.",
                messages.WARNING,
            )

    @admin.action(description="Publish selected products", permissions=["change"])
    def publish(self, request, queryset):
        updated = queryset.update(is_published=True, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%d product published.", "%d products published.", updated) % updated,
            messages.SUCCESS,
        )
        incomplete = queryset.without_safety_notes().count()
        if incomplete:
            self.message_user(
                request,
                ngettext(
                    "%d of them has no safety notes and will not be recommended.",
                    "%d of them have no safety notes and will not be recommended.",
                    incomplete,
                )
                % incomplete,
                messages.WARNING,
            )

    @admin.action(description="Unpublish selected products", permissions=["change"])
    def unpublish(self, request, queryset):
        updated = queryset.update(is_published=False, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%d product unpublished.", "%d products unpublished.", updated) % updated,
            messages.SUCCESS,
        )

    @admin.action(description="Tag selected products for beginners", permissions=["change"])
    def tag_beginner(self, request, queryset):
        allowed, refused = [], []
        for product in queryset.select_related("category"):
            problem = beginner_problem(product.category.kind, product)
            (refused if problem else allowed).append((product, problem))
        updated = Product.objects.filter(pk__in=[p.pk for p, _ in allowed]).update(
            for_beginner=True, updated_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext(
                "%d product tagged for beginners.", "%d products tagged for beginners.", updated
            )
            % updated,
            messages.SUCCESS,
        )
        for product, problem in refused:
            self.message_user(request, f"“{product}” not tagged: {problem}", messages.WARNING)

    @admin.action(
        description="Tag selected products for experienced people", permissions=["change"]
    )
    def tag_experienced(self, request, queryset):
        updated = queryset.update(for_experienced=True, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%d product tagged for experienced people.",
                "%d products tagged for experienced people.",
                updated,
            )
            % updated,
            messages.SUCCESS,
        )
