"""Products as the shop asks for them: published, in stock, for a level, recommendable, and
with what a card shows read in a constant number of queries."""

from django.db import models
from django.db.models import Exists, OuterRef, Q

from core.content import content_changed

from .safety import SafetyNote, condition_holds_q


class Level(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    EXPERIENCED = "experienced", "Experienced"


LEVEL_FIELDS = {Level.BEGINNER: "for_beginner", Level.EXPERIENCED: "for_experienced"}


class ProductQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """Bulk updates announce themselves (no model signals fire for them); an update of
        `stock` alone (a stock sync) says so, which keeps the stock-free indexes
        (`core.content.content_version_without_stock`)."""
        rows = super().update(**kwargs)
        if rows:
            content_changed.send(sender=self.model, stock_only=set(kwargs) <= {"stock"})
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
        own = SafetyNote.objects.filter(condition_holds_q(), products=OuterRef("pk"))
        via_category = SafetyNote.objects.filter(
            condition_holds_q(), categories=OuterRef("category_id")
        )
        return Q(Exists(own)) | Q(Exists(via_category))

    def with_safety_notes(self):
        return self.filter(self.has_safety_notes_q())

    def without_safety_notes(self):
        return self.exclude(self.has_safety_notes_q())

    def recommendable(self):
        """What may ever be recommended: published, in stock, with at least one safety note."""
        return self.published().in_stock().with_safety_notes()

    def with_card_data(self):
        """Everything a product card, page or JSON object shows, in a constant number of queries
        (the cover photo rides along in the products' own query: `with_cover`)."""
        return (
            self.select_related("category")
            .prefetch_related("materials", "safety_notes", "category__safety_notes")
            .with_cover()
        )

    def with_cover(self):
        """Each product's first photo (file name and alt text) as two columns of its row, so a
        list of cards shows pictures without another query."""
        from .photo import cover_columns

        return self.annotate(**cover_columns("pk"))
