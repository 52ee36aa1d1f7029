from django.db import models
from django.templatetags.static import static
from django.urls import reverse

from catalog.attributes import CategoryKind, attributes_for


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
    safety_notes = models.ManyToManyField(
        "catalog.SafetyNote",
        blank=True,
        related_name="categories",
        help_text="Shown on every product in this category.",
    )

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

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
