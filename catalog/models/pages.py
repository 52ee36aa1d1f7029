from django.db import models
from django.urls import reverse


class StorePage(models.Model):
    """A short page staff edit in the admin: delivery, returns. Product pages and the basket
    show its summary and link to it."""

    DELIVERY = "delivery"
    RETURNS = "returns"

    slug = models.SlugField(max_length=40, unique=True, help_text="`delivery` or `returns`.")
    title = models.CharField(max_length=120)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences, shown on product pages and the basket."
    )
    body = models.TextField(help_text="The whole page. A blank line starts a new paragraph.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:page", kwargs={"slug": self.slug})
