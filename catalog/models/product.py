from functools import cache

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

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
    WaterResistance,
    attributes_for,
)
from catalog.beginner_rules import beginner_problem
from catalog.drawings import Drawing, drawing_name, drawing_url

from .product_queries import LEVEL_FIELDS, ProductQuerySet
from .product_schema import PRODUCT_CONSTRAINTS, PRODUCT_INDEXES
from .safety import SafetyNote, by_severity
from .search import SearchDocument


@cache
def choice_labels(field) -> dict:
    """A field's choices as {value: label} (labels stay lazy: said in the active language where
    they are shown), made once per process; `get_<name>_display()` makes it at every call."""
    return dict(make_hashable(field.flatchoices))


# Yes/no attributes: left empty, they get their own message (None is "not answered").
YES_NO_REQUIRED = {
    "quick_release": "Restraints must say yes or no to quick release.",
    "flared_base": "Vibrators must say yes or no to a flared base.",
}


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
        help_text="Optional, kept for older products: add photos below instead (they come in "
        "several sizes and carry alt text). Shown only when the product has no photo.",
    )
    drawing = models.CharField(
        max_length=20,
        choices=Drawing.choices,
        blank=True,
        help_text="The line drawing shown when there is no photo. Leave empty to choose it "
        "from the attributes (ring fit, restraint type, vibrator type); pick one for impact "
        "toys and lubricants, whose attributes do not say what they look like.",
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
    water_resistance = models.CharField(
        max_length=12,
        choices=WaterResistance.choices,
        blank=True,
        help_text="Vibrators: splash-proof toys take a rinse but must never be submerged.",
    )
    flared_base = models.BooleanField(
        null=True,
        blank=True,
        help_text="Vibrators: does it have a flared base, a stop wider than the body that keeps "
        "it from slipping all the way inside?",
    )
    numbing = models.BooleanField(
        default=False,
        help_text="Lubricants: contains a numbing agent (such as benzocaine or lidocaine). "
        "Never recommended for anal play: pain is the warning to stop.",
    )

    # Selling through the store platform: the variant the checkout hand-off sends (basket app).
    checkout_ref = models.CharField(
        "checkout reference",
        max_length=64,
        blank=True,
        help_text="The store platform's variant id for this product (e.g. Shopify's variant "
        "number). Without one it cannot be handed to the checkout.",
    )

    # Sizes, where they apply (millimetres; the pages show them in mm and cm).
    ring_inner_diameter_mm = models.DecimalField(
        "ring inner diameter (mm)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    cuff_min_mm = models.PositiveSmallIntegerField(
        "cuff fits from (mm around)", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    cuff_max_mm = models.PositiveSmallIntegerField(
        "cuff fits up to (mm around)", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    insertable_length_mm = models.PositiveSmallIntegerField(
        "insertable length (mm)", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    insertable_width_mm = models.PositiveSmallIntegerField(
        "insertable width (mm)", null=True, blank=True, validators=[MinValueValidator(1)]
    )

    # The full-text document the search reads (catalog.search), kept by the database.
    search_document = models.GeneratedField(
        expression=SearchDocument(),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", "name"]
        constraints = PRODUCT_CONSTRAINTS
        indexes = PRODUCT_INDEXES

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
                        YES_NO_REQUIRED.get(name, f"Required for {category.name.lower()}.")
                    )
            for name in ALL_ATTRIBUTES:
                if name not in required and self._attribute_value(name) is not None:
                    errors.setdefault(name, []).append(
                        f"This does not apply to {category.name.lower()}; leave it empty."
                    )
            if self.numbing and category.kind != "lubricants":
                errors.setdefault("numbing", []).append(
                    f"This does not apply to {category.name.lower()}; leave it unticked."
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
            else:  # as get_<name>_display() says it, the field's labels looked up once
                label = choice_labels(field).get(make_hashable(value), value)
                shown = force_str(label, strings_only=True)
            rows.append((field.verbose_name.capitalize(), shown))
        return rows

    @property
    def size_rows(self) -> list[tuple[str, str]]:
        """The sizes given, in plain words (millimetres, and centimetres where that helps)."""
        rows = []
        if self.ring_inner_diameter_mm is not None:
            rows.append(("Inner diameter", f"{self.ring_inner_diameter_mm.normalize():f} mm"))
        if self.cuff_min_mm is not None and self.cuff_max_mm is not None:
            low, high = self.cuff_min_mm / 10, self.cuff_max_mm / 10
            rows.append(("Fits wrists or ankles", f"{low:g} to {high:g} cm around"))
        if self.insertable_length_mm is not None:
            rows.append(("Insertable length", f"{self.insertable_length_mm / 10:g} cm"))
        if self.insertable_width_mm is not None:
            rows.append(("Insertable width", f"{self.insertable_width_mm / 10:g} cm"))
        return rows

    @property
    def all_safety_notes(self) -> list[SafetyNote]:
        """The category's and the product's notes that apply to it (a note's condition holds),
        most severe first. Uses prefetched data when present."""
        return self.notes_shown(self.category.safety_notes.all(), self.safety_notes.all())

    def notes_shown(self, category_notes, own_notes) -> list[SafetyNote]:
        """`all_safety_notes` from its category's notes and its own, given as lists."""
        return by_severity(
            [note for note in category_notes if note.applies_to(self)]
            + [note for note in own_notes if note.applies_to(self)]
        )

    @property
    def top_safety_note(self) -> SafetyNote | None:
        notes = self.all_safety_notes
        return notes[0] if notes else None

    @property
    def cover_photo(self):
        """The first photo, or None: from `with_cover`'s columns when the product was loaded
        with them (no query), else from prefetched `photos`, else one query."""
        from .photo import cover_from_columns

        if "cover_image" in self.__dict__:
            return cover_from_columns(self)
        photos = self.photos.all()
        return photos[0] if photos else None

    @property
    def drawing_name(self) -> str:
        return drawing_name(self)

    @property
    def drawing_url(self) -> str:
        """This kind of product's line drawing (catalog/drawings.py)."""
        return drawing_url(self.drawing_name)

    @property
    def drawing_label(self) -> str:
        return Drawing(self.drawing_name).label.lower()

    @property
    def image_url(self) -> str:
        return self.image.url if self.image else self.drawing_url

    @property
    def contains_latex(self) -> bool:
        return any(material.contains_latex for material in self.materials.all())
