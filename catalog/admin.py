from django.contrib import admin, messages
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from catalog.admin_concurrency import OptimisticLockAdminMixin
from catalog.admin_drafts import ProductDescriptionDraftMixin
from catalog.admin_input import GuardedAdminMixin, GuardedInlineMixin
from catalog.admin_product_form import (
    KindSelect,
    ProductAdminForm,
    attribute_fieldsets,
    chosen_kind,
)
from catalog.admin_tools import ProductToolsMixin
from catalog.beginner_rules import beginner_problem
from catalog.models import (
    Category,
    Material,
    Product,
    ProductPhoto,
    SafetyNote,
    SearchSynonym,
    StorePage,
)


@admin.register(SafetyNote)
class SafetyNoteAdmin(GuardedAdminMixin, OptimisticLockAdminMixin, admin.ModelAdmin):
    list_display = [
        "text",
        "severity",
        "condition_label",
        "category_count",
        "product_count",
        "updated_at",
    ]
    list_filter = ["severity", "condition_attribute"]
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

    @admin.display(description="applies only when")
    def condition_label(self, note):
        return note.condition_label or "always"

    @admin.display(description="categories", ordering="n_categories")
    def category_count(self, note):
        return note.n_categories

    @admin.display(description="products", ordering="n_products")
    def product_count(self, note):
        return note.n_products


@admin.register(Material)
class MaterialAdmin(GuardedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "body_safe", "contains_latex", "is_silicone"]
    list_filter = ["body_safe", "contains_latex", "is_silicone"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StorePage)
class StorePageAdmin(GuardedAdminMixin, admin.ModelAdmin):
    """Delivery and returns: the texts product pages and the basket summarise and link to."""

    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "body"]


@admin.register(SearchSynonym)
class SearchSynonymAdmin(GuardedAdminMixin, admin.ModelAdmin):
    """Words customers search for and what the catalog calls them (docs/search.md). Saving
    one changes the content version, so cached search pages show the new meaning at once."""

    list_display = ["term", "replacements", "related_only", "note"]
    list_filter = ["related_only"]
    search_fields = ["term", "replacements"]


@admin.register(Category)
class CategoryAdmin(GuardedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "position", "is_published", "live", "product_count"]
    list_editable = ["position"]
    list_filter = ["is_published", "kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["safety_notes"]

    def get_queryset(self, request):
        ready = Product.objects.recommendable().filter(category_id=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .annotate(n_products=Count("products"), has_ready_product=Exists(ready))
        )

    @admin.display(description="live for customers", boolean=True)
    def live(self, category):
        return category.is_published and category.has_ready_product

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


# Where the attribute fieldsets go; get_fieldsets puts the chosen kind's in its place.
ATTRIBUTES_PLACE = ("Attributes", {"fields": []})


class ProductPhotoInline(GuardedInlineMixin, admin.TabularInline):
    """Photos, in order: each upload checked and re-encoded (catalog/images.py), alt text
    required; their smaller sizes are made when the product is saved."""

    model = ProductPhoto
    fields = ["image", "alt", "position"]
    extra = 1
    verbose_name = "photo"
    verbose_name_plural = "photos (the first is the cover; without any, the drawing is shown)"


@admin.register(Product)
class ProductAdmin(
    ProductToolsMixin,
    GuardedAdminMixin,
    ProductDescriptionDraftMixin,
    OptimisticLockAdminMixin,
    VersionAdmin,
):
    # Ours lists the linter and the spreadsheet beside reversion's "Recover deleted" link.
    change_list_template = "admin/catalog/product/change_list.html"
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
        "water_resistance",
        "flared_base",
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
    inlines = [ProductPhotoInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["name", "slug", "sku", "brand", "category", "description"]}),
        ("Picture", {"fields": ["drawing", "image"], "classes": ["collapse"]}),
        (
            "Selling",
            {"fields": ["price", "stock", "is_published", "is_featured", "checkout_ref"]},
        ),
        (
            "Experience level",
            {
                "fields": ["for_beginner", "for_experienced"],
                "description": "Tick one or both. Beginners are only shown what carries the "
                "beginner tag, so the beginner rules apply to it.",
            },
        ),
        ("Materials and safety", {"fields": ["materials", "safety_notes", "safety_status"]}),
        ATTRIBUTES_PLACE,
        (
            "Sizes",
            {
                "fields": [
                    "ring_inner_diameter_mm",
                    ("cuff_min_mm", "cuff_max_mm"),
                    ("insertable_length_mm", "insertable_width_mm"),
                ],
                "description": "In millimetres, where they apply: shoppers see them on the "
                "product page beside the size guide.",
            },
        ),
        ("History", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    form = ProductAdminForm

    class Media:
        js = ["js/admin_product_form.js"]

    def get_fieldsets(self, request, obj=None):
        """Only the chosen category's attribute fields (catalog.admin_product_form)."""
        fieldsets = []
        for fieldset in super().get_fieldsets(request, obj):
            if fieldset is ATTRIBUTES_PLACE:
                fieldsets.extend(attribute_fieldsets(chosen_kind(request, obj)))
            else:
                fieldsets.append(fieldset)
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "category":
            kwargs.setdefault("widget", KindSelect)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
