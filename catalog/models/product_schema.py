"""What the database holds true of every product, and the indexes its pages read by: the
Product model's Meta constraints and indexes (catalog/models/product.py), kept here so the
model itself stays readable. A change here needs a migration (`makemigrations`)."""

from django.db import models
from django.db.models import F, Q

from catalog.attributes import (
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
)
from catalog.drawings import Drawing

PRODUCT_CONSTRAINTS = [
    models.CheckConstraint(condition=Q(price__gte=0), name="product_price_not_negative"),
    models.CheckConstraint(condition=Q(stock__gte=0), name="product_stock_not_negative"),
    models.CheckConstraint(
        condition=Q(for_beginner=True) | Q(for_experienced=True),
        name="product_has_experience_tag",
        violation_error_message=("Tag the product for beginners, experienced people, or both."),
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
    models.CheckConstraint(
        condition=Q(water_resistance="") | Q(water_resistance__in=WaterResistance.values),
        name="product_water_resistance_valid",
    ),
    models.CheckConstraint(
        condition=Q(cuff_min_mm__isnull=True)
        | Q(cuff_max_mm__isnull=True)
        | Q(cuff_min_mm__lte=F("cuff_max_mm")),
        name="product_cuff_range_ordered",
        violation_error_message="The cuff's smallest fit must not exceed its largest.",
    ),
    models.CheckConstraint(
        condition=Q(drawing="") | Q(drawing__in=Drawing.values),
        name="product_drawing_valid",
    ),
]

PRODUCT_INDEXES = [
    # The listing: published products in a category, in each sort order.
    models.Index(
        fields=["is_published", "category", "-is_featured", "name"],
        name="product_pub_cat_featured",
    ),
    models.Index(fields=["is_published", "-is_featured", "name"], name="product_pub_featured"),
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
    # The search (catalog.search): products of a type a word names ("cuffs": wrist and ankle
    # restraints), OR-ed with the full-text index; only products with that attribute set, so
    # the planner combines small index scans instead of reading the table.
    *(
        models.Index(fields=[name], condition=~Q(**{name: ""}), name=f"product_{name}_set")
        for name in ("lubricant_base", "restraint_type", "vibrator_type")
    ),
    # Filters.
    models.Index(fields=["for_beginner"], name="product_for_beginner"),
    models.Index(fields=["for_experienced"], name="product_for_experienced"),
    models.Index(fields=["stock"], name="product_stock"),
    # The products out of stock (catalog.stock), read again after every stock change by every
    # worker: the ids alone, from this small index without the table.
    models.Index(fields=["id"], condition=Q(stock=0), name="product_out_of_stock"),
    models.Index(fields=["category", "intensity"], name="product_cat_intensity"),
    models.Index(fields=["category", "sensation"], name="product_cat_sensation"),
    models.Index(fields=["category", "restraint_type"], name="product_cat_restraint_type"),
    models.Index(fields=["category", "quick_release"], name="product_cat_quick_release"),
    models.Index(fields=["category", "ring_fit"], name="product_cat_ring_fit"),
    models.Index(fields=["category", "lubricant_base"], name="product_cat_lube_base"),
    models.Index(fields=["category", "thickness"], name="product_cat_thickness"),
    models.Index(fields=["category", "vibrator_type"], name="product_cat_vibrator_type"),
    models.Index(fields=["category", "placement"], name="product_cat_placement"),
    models.Index(fields=["category", "water_resistance"], name="product_cat_water_resistance"),
]
