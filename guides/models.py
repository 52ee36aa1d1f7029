"""Editorial guides: a guide has ordered sections; a section may be about one catalog
category, and then holds the curators' picks for beginners and for experienced people.
Callouts are structured blocks (the traffic-light system, signs to stop, aftercare, tips)
that the page renders as distinct, accessible elements rather than as free text."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from catalog.models import Level, Product

# Element ids the page itself uses; a section anchor must not collide with them.
RESERVED_ANCHORS = frozenset({"main", "contents"})

TRAFFIC_LIGHT_COLOURS = ("green", "yellow", "amber", "red")


def level_carried_q(prefix: str = "product__") -> Q:
    """Picks whose product still carries the level it was picked for."""
    return Q(level=Level.BEGINNER, **{f"{prefix}for_beginner": True}) | Q(
        level=Level.EXPERIENCED, **{f"{prefix}for_experienced": True}
    )


class GuideQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Staff may preview unpublished guides; everyone else sees published ones only."""
        if user.is_authenticated and user.is_staff:
            return self
        return self.published()

    def with_problem_picks(self):
        return self.filter(
            Exists(Pick.objects.with_problems().filter(section__guide=OuterRef("pk")))
        )

    def without_problem_picks(self):
        return self.exclude(
            Exists(Pick.objects.with_problems().filter(section__guide=OuterRef("pk")))
        )


class Guide(models.Model):
    title = models.CharField(max_length=160)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.TextField(
        max_length=400, help_text="Two sentences at most: shown in lists and search results."
    )
    author = models.CharField("author display name", max_length=80, default="The Safeword editors")
    is_published = models.BooleanField("published", default=False)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Guides are listed by this number, lowest first."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(
        auto_now=True, help_text="Shown as 'last updated'; editing a section updates it too."
    )

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        indexes = [
            models.Index(fields=["is_published", "position", "title"], name="guide_pub_position"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="guide_title_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="guide_slug_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guides:detail", kwargs={"slug": self.slug})


class Section(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=160)
    anchor = models.SlugField(
        max_length=80, help_text="The #link to this section; unique within the guide."
    )
    body = models.TextField(
        help_text="Markdown: **bold**, *italic*, lists, [links](/catalog/). Raw HTML is "
        "shown as plain text, never run."
    )
    # PROTECT: a category a guide is written about cannot vanish from under it.
    category = models.ForeignKey(
        "catalog.Category",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guide_sections",
        help_text="Set it when this section is about one catalog category: the section then "
        "shows its picks, a comparison table and links to the filtered catalog.",
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "anchor"], name="section_anchor_unique"),
            models.CheckConstraint(condition=~Q(anchor=""), name="section_anchor_not_empty"),
            models.CheckConstraint(condition=~Q(heading=""), name="section_heading_not_empty"),
        ]
        indexes = [
            models.Index(fields=["guide", "position"], name="section_guide_position"),
        ]

    def __str__(self) -> str:
        return self.heading

    def get_absolute_url(self) -> str:
        return f"{self.guide.get_absolute_url()}#{self.anchor}"

    def clean(self):
        super().clean()
        errors = {}
        if self.anchor in RESERVED_ANCHORS:
            errors["anchor"] = f"“{self.anchor}” is used by the page itself; choose another."
        if self.pk is not None:
            stranded = self.picks.all()
            if self.category_id is not None:
                stranded = stranded.exclude(product__category_id=self.category_id)
            if stranded.exists():
                errors["category"] = (
                    "This section has picks from another category; remove or move them first."
                )
        if errors:
            raise ValidationError(errors)


class CalloutKind(models.TextChoices):
    TRAFFIC_LIGHT = "traffic_light", "Traffic-light system"
    SIGNS_TO_STOP = "signs_to_stop", "Signs to stop"
    AFTERCARE = "aftercare", "Aftercare checklist"
    TIP = "tip", "Tip"


class Callout(models.Model):
    """A structured block inside a section; its items are rows, not free text, so each kind
    gets its own accessible markup (a traffic light names its colour in words, a checklist
    is a list)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="callouts")
    kind = models.CharField(max_length=20, choices=CalloutKind.choices)
    title = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CalloutKind.values), name="callout_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["section", "position"], name="callout_section_position")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class CalloutItem(models.Model):
    callout = models.ForeignKey(Callout, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(max_length=80, help_text="Short: 'Green', 'Sudden silence', 'Water'.")
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(label=""), name="calloutitem_label_not_empty"),
        ]
        indexes = [
            models.Index(fields=["callout", "position"], name="calloutitem_callout_position")
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self):
        super().clean()
        callout = getattr(self, "callout", None)
        if (
            callout is not None
            and callout.kind == CalloutKind.TRAFFIC_LIGHT
            and self.colour is None
        ):
            raise ValidationError(
                {"label": "A traffic-light item is labelled Green, Yellow (or Amber) or Red."}
            )

    @property
    def colour(self) -> str | None:
        """The traffic-light colour this item names, or None."""
        label = self.label.strip().lower()
        return label if label in TRAFFIC_LIGHT_COLOURS else None


class PickQuerySet(models.QuerySet):
    def shown(self):
        """Picks a customer sees: the product may be recommended (published, in stock, with
        a safety note) and still carries the level it was picked for."""
        return self.filter(level_carried_q(), product__in=Product.objects.recommendable())

    def with_problems(self):
        """Picks the guide page hides: the exact complement of `shown()`."""
        return self.exclude(pk__in=self.model.objects.shown().values("pk"))

    def for_display(self):
        return self.select_related("product__category").prefetch_related(
            "product__materials", "product__safety_notes", "product__category__safety_notes"
        )


class Pick(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="picks")
    # PROTECT: deleting a product a guide recommends is refused (the admin lists the picks),
    # so a guide never silently loses a pick; unpublish the product or remove the pick first.
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="guide_picks")
    level = models.CharField(max_length=12, choices=Level.choices)
    reason = models.CharField(
        max_length=160, help_text="One line: why the curators chose it for this level."
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = PickQuerySet.as_manager()

    class Meta:
        ordering = ["level", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "product", "level"],
                name="pick_unique_per_section_and_level",
                violation_error_message="This product is already picked at this level here.",
            ),
            models.CheckConstraint(condition=Q(level__in=Level.values), name="pick_level_valid"),
            models.CheckConstraint(condition=~Q(reason=""), name="pick_reason_not_empty"),
        ]
        indexes = [
            models.Index(fields=["section", "level", "position"], name="pick_section_level_pos"),
        ]

    def __str__(self) -> str:
        level = self.get_level_display().lower() if self.level else "?"
        return f"{self.product} ({level} pick)" if self.product_id else f"Pick ({level})"

    def clean(self):
        super().clean()
        product = getattr(self, "product", None)
        if product is None:
            return
        errors = {}
        if self.level in Level.values and self.level not in product.levels:
            errors["level"] = (
                f"“{product}” is not tagged for {Level(self.level).label.lower()} people, so it "
                "cannot be picked at that level."
            )
        section = getattr(self, "section", None)  # may be a section being added with it
        if section is not None:
            if section.category_id is None:
                errors["product"] = (
                    "Picks belong to a section about a catalog category; set the section's "
                    "category first."
                )
            elif product.category_id != section.category_id:
                errors["product"] = (
                    f"“{product}” is in {product.category}, but this section is about "
                    f"{section.category}."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def problems(self) -> list[str]:
        """Why the page hides this pick (the same rules as `PickQuerySet.shown`), in words.
        Uses prefetched safety notes when present."""
        product = self.product
        found = []
        if not product.is_published:
            found.append("the product is not published")
        if not product.in_stock:
            found.append("the product is out of stock")
        if not product.all_safety_notes:
            found.append("the product has no safety notes")
        if self.level not in product.levels:
            found.append(f"the product is no longer tagged {self.get_level_display().lower()}")
        return found
