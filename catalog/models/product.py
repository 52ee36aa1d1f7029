from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from catalog.attributes import (
    ALL_ATTRIBUTES,
    INTENSITY_LABELS,
    INTENSITY_MAX,
    INTENSITY_MIN,
    LubricantBase,
    Placement,
    RestraintType,
    RingFit,
    Sensation,
    Thickness,
    VibratorType,
    attributes_for,
)
from catalog.rules import beginner_problem
from catalog.signals import content_changed

from .safety import SafetyNote, by_severity


class Level(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    EXPERIENCED = "experienced", "Experienced"


LEVEL_FIELDS = {Level.BEGINNER: "for_beginner", Level.EXPERIENCED: "for_experienced"}


class ProductQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """Bulk updates announce themselves (no model signals fire for them)."""
        rows = super().update(**kwargs)
        if rows:
            content_changed.send(sender=self.model)
        return rows

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_changed.send(sender=self.model)
        return created

    def published(self):
        return self.filter(is_published=True)

    def in_stock(self):
        return self.filter(stock__gt=0)

    def for_level(self, level: str):
        return self.filter(**{LEVEL_FIELDS[Level(level)]: True})

    def has_safety_notes_q(self) -> Q:
        """True where the product has a note of its own or through its category."""
        own = SafetyNote.objects.filter(products=OuterRef("pk"))
        via_category = SafetyNote.objects.filter(categories=OuterRef("category_id"))
        return Q(Exists(own)) | Q(Exists(via_category))

    def with_safety_notes(self):
        return self.filter(self.has_safety_notes_q())

    def without_safety_notes(self):
        return self.exclude(self.has_safety_notes_q())

    def recommendable(self):
        """What may ever be recommended: published, in stock, with at least one safety note."""
        return self.published().in_stock().with_safety_notes()

    def with_card_data(self):
        """Everything a product card, page or JSON object shows, in a constant number of queries."""
        return self.select_related("category").prefetch_related(
            "materials", "safety_notes", "category__safety_notes"
        )


class Product(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    sku = models.CharField("SKU", max_length=40, unique=True)
    brand = models.CharField(max_length=80, db_index=True)
    category = models.ForeignKey(
        "catalog.Category", on_delete=models.PROTECT, related_name="products"
    )
    description = models.TextField(blank=True)
    price = models.DecimalField(max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    stock = models.PositiveIntegerField(default=0, help_text="Units available; 0 = out of stock.")
    is_published = models.BooleanField("published", default=False)
    is_featured = models.BooleanField("featured", default=False)
    image = models.ImageField(
        upload_to="products/",
        blank=True,
        help_text="Optional. Drawings or neutral product shots only. Without one, the "
        "category's drawing is shown.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Experience tags: one or both, never neither (a database constraint holds this).
    for_beginner = models.BooleanField("beginner", default=False)
    for_experienced = models.BooleanField("experienced", default=False)

    materials = models.ManyToManyField("catalog.Material", blank=True, related_name="products")
    safety_notes = models.ManyToManyField(
        "catalog.SafetyNote",
        blank=True,
        related_name="products",
        help_text="Notes for this product only; its category's notes are shown too.",
    )

    # Category attributes: which ones a product must fill depends on its category's kind.
    intensity = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(INTENSITY_MIN), MaxValueValidator(INTENSITY_MAX)],
        help_text="Impact toys: 1 (very gentle) to 5 (intense).",
    )
    sensation = models.CharField(max_length=10, choices=Sensation.choices, blank=True)
    restraint_type = models.CharField(max_length=20, choices=RestraintType.choices, blank=True)
    quick_release = models.BooleanField(
        null=True, blank=True, help_text="Restraints: can it be undone in a second?"
    )
    ring_fit = models.CharField(max_length=12, choices=RingFit.choices, blank=True)
    lubricant_base = models.CharField(max_length=10, choices=LubricantBase.choices, blank=True)
    thickness = models.CharField(max_length=10, choices=Thickness.choices, blank=True)
    vibrator_type = models.CharField(max_length=12, choices=VibratorType.choices, blank=True)
    placement = models.CharField(max_length=10, choices=Placement.choices, blank=True)
    waterproof = models.BooleanField(null=True, blank=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="product_price_not_negative"),
            models.CheckConstraint(condition=Q(stock__gte=0), name="product_stock_not_negative"),
            models.CheckConstraint(
                condition=Q(for_beginner=True) | Q(for_experienced=True),
                name="product_has_experience_tag",
                violation_error_message=(
                    "Tag the product for beginners, experienced people, or both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(intensity__isnull=True)
                | Q(intensity__gte=INTENSITY_MIN, intensity__lte=INTENSITY_MAX),
                name="product_intensity_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(sensation="") | Q(sensation__in=Sensation.values),
                name="product_sensation_valid",
            ),
            models.CheckConstraint(
                condition=Q(restraint_type="") | Q(restraint_type__in=RestraintType.values),
                name="product_restraint_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(ring_fit="") | Q(ring_fit__in=RingFit.values),
                name="product_ring_fit_valid",
            ),
            models.CheckConstraint(
                condition=Q(lubricant_base="") | Q(lubricant_base__in=LubricantBase.values),
                name="product_lubricant_base_valid",
            ),
            models.CheckConstraint(
                condition=Q(thickness="") | Q(thickness__in=Thickness.values),
                name="product_thickness_valid",
            ),
            models.CheckConstraint(
                condition=Q(vibrator_type="") | Q(vibrator_type__in=VibratorType.values),
                name="product_vibrator_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(placement="") | Q(placement__in=Placement.values),
                name="product_placement_valid",
            ),
        ]
        indexes = [
            # The listing: published products in a category, in each sort order.
            models.Index(
                fields=["is_published", "category", "-is_featured", "name"],
                name="product_pub_cat_featured",
            ),
            models.Index(
                fields=["is_published", "-is_featured", "name"], name="product_pub_featured"
            ),
            models.Index(fields=["is_published", "price"], name="product_pub_price"),
            models.Index(fields=["is_published", "-created_at"], name="product_pub_newest"),
            models.Index(fields=["is_published", "name"], name="product_pub_name"),
            models.Index(fields=["category", "price"], name="product_cat_price"),
            # The finder: what may be picked (published, in stock) in the chosen categories.
            models.Index(
                fields=["category", "price"],
                condition=Q(is_published=True, stock__gt=0),
                name="product_pickable_cat_price",
            ),
            # The facet counts (catalog.facets): listed products only, with the columns of the
            # cheap filters, so reading the matching ids (the latex-free and material counts)
            # and counting a category's matches are index-only scans, not reads of the table.
            models.Index(
                fields=["category"],
                include=["id", "price", "stock", "for_beginner", "for_experienced"],
                condition=Q(is_published=True),
                name="product_listed_facets",
            ),
            # Filters.
            models.Index(fields=["for_beginner"], name="product_for_beginner"),
            models.Index(fields=["for_experienced"], name="product_for_experienced"),
            models.Index(fields=["stock"], name="product_stock"),
            models.Index(fields=["category", "intensity"], name="product_cat_intensity"),
            models.Index(fields=["category", "sensation"], name="product_cat_sensation"),
            models.Index(fields=["category", "restraint_type"], name="product_cat_restraint_type"),
            models.Index(fields=["category", "quick_release"], name="product_cat_quick_release"),
            models.Index(fields=["category", "ring_fit"], name="product_cat_ring_fit"),
            models.Index(fields=["category", "lubricant_base"], name="product_cat_lube_base"),
            models.Index(fields=["category", "thickness"], name="product_cat_thickness"),
            models.Index(fields=["category", "vibrator_type"], name="product_cat_vibrator_type"),
            models.Index(fields=["category", "placement"], name="product_cat_placement"),
            models.Index(fields=["category", "waterproof"], name="product_cat_waterproof"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:product", kwargs={"slug": self.slug})

    # --- validation -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors: dict[str, list[str]] = {}
        if not (self.for_beginner or self.for_experienced):
            errors.setdefault("for_beginner", []).append(
                "Tag the product for beginners, experienced people, or both."
            )
        category = self._category_or_none()
        if category is not None:
            required = attributes_for(category.kind)
            for name in required:
                if self._attribute_value(name) is None:
                    errors.setdefault(name, []).append(
                        "Restraints must say yes or no to quick release."
                        if name == "quick_release"
                        else f"Required for {category.name.lower()}."
                    )
            for name in ALL_ATTRIBUTES:
                if name not in required and self._attribute_value(name) is not None:
                    errors.setdefault(name, []).append(
                        f"This does not apply to {category.name.lower()}; leave it empty."
                    )
            if self.for_beginner and not errors:
                problem = beginner_problem(category.kind, self)
                if problem:
                    errors.setdefault("for_beginner", []).append(problem)
        if errors:
            raise ValidationError(errors)

    def _category_or_none(self):
        if self.category_id is None:
            return None
        return self.category

    def _attribute_value(self, name: str):
        value = getattr(self, name)
        return None if value in (None, "") else value

    # --- presentation -------------------------------------------------------------------------

    @property
    def levels(self) -> list[str]:
        return [level.value for level, field in LEVEL_FIELDS.items() if getattr(self, field)]

    @property
    def in_stock(self) -> bool:
        return self.stock > 0

    @property
    def attributes(self) -> dict:
        """The attributes that apply to this product's category, by their public names."""
        return {name: getattr(self, name) for name in attributes_for(self.category.kind)}

    @property
    def attribute_rows(self) -> list[tuple[str, str]]:
        """The attributes in plain words, for people."""
        rows = []
        for name, value in self.attributes.items():
            field = self._meta.get_field(name)
            if name == "intensity" and value is not None:
                shown = f"{value} of 5 ({INTENSITY_LABELS[value].lower()})"
            elif isinstance(value, bool):
                shown = "Yes" if value else "No"
            elif value is None or value == "":
                shown = "Not given"
            else:
                shown = getattr(self, f"get_{name}_display")()
            rows.append((field.verbose_name.capitalize(), shown))
        return rows

    @property
    def all_safety_notes(self) -> list[SafetyNote]:
        """Category and product notes, most severe first. Uses prefetched data when present."""
        return by_severity([*self.category.safety_notes.all(), *self.safety_notes.all()])

    @property
    def top_safety_note(self) -> SafetyNote | None:
        notes = self.all_safety_notes
        return notes[0] if notes else None

    @property
    def image_url(self) -> str:
        return self.image.url if self.image else self.category.drawing_url

    @property
    def contains_latex(self) -> bool:
        return any(material.contains_latex for material in self.materials.all())
