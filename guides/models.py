"""Editorial guides: a guide has ordered sections; a section may be about one catalog
category, and then holds the curators' picks for beginners and for experienced people.
Callouts are structured blocks (the traffic-light system, signs to stop, aftercare, tips)
that the page renders as distinct, accessible elements rather than as free text."""

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from catalog.models import Level, Product
from catalog.models.photo import COVER_COLUMNS, cover_columns
from core.models import ScheduledDraft

# Element ids the page itself uses; a section anchor must not collide with them.
RESERVED_ANCHORS = frozenset({"main", "contents"})

TRAFFIC_LIGHT_COLOURS = ("green", "yellow", "amber", "red")

# The resources and help page is the guide at this slug: the site's footer and every aftercare
# checklist link to it (guides/demo_guides/where-to-get-help/ holds its demo text).
HELP_GUIDE_SLUG = "where-to-get-help"


class Audience(models.TextChoices):
    """Who a guide, or a callout in it, is written for."""

    BEGINNER = "beginner", "Beginners"
    EXPERIENCED = "experienced", "Experienced people"
    BOTH = "both", "Beginners and experienced people"


def audiences_for(level: str) -> list[str]:
    """The audiences a reader choosing `level` is shown: that level's and both's; all of them
    for `both`."""
    if level == Audience.BOTH:
        return list(Audience.values)
    return [level, Audience.BOTH]


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

    def for_level(self, level: str):
        """Guides written for `level` (beginner or experienced), including those for both."""
        return self.filter(level__in=audiences_for(level))

    def covering(self, category_slug: str):
        """Guides with a section about the category at `category_slug`."""
        sections = Section.objects.filter(guide=OuterRef("pk"), category__slug=category_slug)
        return self.filter(Exists(sections))

    def with_problem_picks(self):
        return self.filter(
            Exists(Pick.objects.with_problems().filter(section__guide=OuterRef("pk")))
        )

    def without_problem_picks(self):
        return self.exclude(
            Exists(Pick.objects.with_problems().filter(section__guide=OuterRef("pk")))
        )


# History (django-reversion): a guide's versions hold its sections, and a section's hold its
# guide, so a change saved from either admin page is one entry in the guide's history.
@reversion.register(follow=["sections"])
class Guide(models.Model):
    title = models.CharField(max_length=160)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.TextField(
        max_length=400, help_text="Two sentences at most: shown in lists and search results."
    )
    author = models.CharField("author display name", max_length=80, default="The Safeword editors")
    level = models.CharField(
        "written for",
        max_length=12,
        choices=Audience.choices,
        default=Audience.BOTH,
        help_text="Who this guide is for; the guide list filters by it.",
    )
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
            models.Index(fields=["is_published", "level"], name="guide_pub_level"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=Audience.values), name="guide_level_valid"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="guide_title_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="guide_slug_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guides:detail", kwargs={"slug": self.slug})


@reversion.register(follow=["guide"])
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
    level = models.CharField(
        "shown to",
        max_length=12,
        choices=Audience.choices,
        default=Audience.BOTH,
        help_text="Readers who switch the guide to one level see only that level's callouts "
        "and those for both.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CalloutKind.values), name="callout_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(level__in=Audience.values), name="callout_level_valid"
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
        """With the product's card data; its cover photo read in the picks' own query."""
        return (
            self.select_related("product__category")
            .prefetch_related(
                "product__materials", "product__safety_notes", "product__category__safety_notes"
            )
            .annotate(**cover_columns("product_id"))
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

    @property
    def shown_product(self):
        """The product, carrying the cover photo read with the pick (`for_display`), so its
        picture costs no query of its own."""
        product = self.product
        if "cover_image" in self.__dict__:
            for name in COVER_COLUMNS:
                product.__dict__[name] = self.__dict__[name]
        return product

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


class GuideDraft(ScheduledDraft):
    """Changes to a guide saved but not published: customers keep seeing the guide as it is,
    staff preview the draft at the guide's own address (`?preview=draft`), and it goes live
    when published from the admin or at `publish_at` (see guides/drafts.py).

    `data` holds the draft's guide fields and its sections, in order:
    {"guide": {"title", "summary", "author", "level"}, "sections": [{"id" (None for a new section),
    "position", "heading", "anchor", "category" (id or None), "body"}]}. A published section
    missing from the list is deleted when the draft is published."""

    guide = models.OneToOneField(Guide, on_delete=models.CASCADE, related_name="draft")
    data = models.JSONField()

    class Meta:
        indexes = [models.Index(fields=["publish_at"], name="guidedraft_publish_at")]

    def __str__(self) -> str:
        return f"Draft of {self.data.get('guide', {}).get('title') or self.guide_id}"
