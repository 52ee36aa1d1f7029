from django.db import models
from django.db.models import Exists, OuterRef
from django.templatetags.static import static
from django.urls import reverse

from catalog.attributes import CategoryKind, attributes_for


class CategoryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def live(self):
        """What customers see: published, with at least one published, recommendable product
        (in stock, with a safety note). One query: the check is an EXISTS in it."""
        from .product import Product

        ready = Product.objects.recommendable().filter(category_id=OuterRef("pk"))
        return self.published().filter(Exists(ready))

    def hidden(self):
        return self.exclude(pk__in=self.live().values("pk"))


class Category(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(
        max_length=20,
        choices=CategoryKind.choices,
        default=CategoryKind.GENERAL,
        help_text="Decides which attributes its products must have and which safety rules apply.",
    )
    intro = models.TextField(blank=True, help_text="Shown at the top of the category page.")
    position = models.PositiveSmallIntegerField(default=0, db_index=True)
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Customers see the category (menu, home page, finder, its page) once it is "
        "published AND has a published, in-stock product with a safety note.",
    )
    safety_notes = models.ManyToManyField(
        "catalog.SafetyNote",
        blank=True,
        related_name="categories",
        help_text="Shown on every product in this category.",
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=CategoryKind.values), name="category_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:category", kwargs={"slug": self.slug})

    @property
    def is_live(self) -> bool:
        return type(self).objects.live().filter(pk=self.pk).exists()

    @property
    def hidden_reason(self) -> str:
        """Why customers do not see it ("" when they do): one query."""
        if not self.is_published:
            return "it is not published"
        if not self.is_live:
            return "it has no published, in-stock product with a safety note yet"
        return ""

    @property
    def attribute_names(self) -> tuple[str, ...]:
        return attributes_for(self.kind)

    @property
    def drawing_url(self) -> str:
        """The category's own drawing, used when a product has no picture."""
        return static(f"catalog/drawings/{self.kind}.svg")


class Material(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    body_safe = models.BooleanField(
        default=True, help_text="Safe for skin contact when used as directed."
    )
    contains_latex = models.BooleanField(default=False, db_index=True)
    is_silicone = models.BooleanField(default=False, db_index=True)
    care = models.TextField(
        blank=True, help_text="How to clean, dry and store things made of it (product pages)."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
