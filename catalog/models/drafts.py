from django.db import models

from core.models import ScheduledDraft

from .product import Product


class ProductDraft(ScheduledDraft):
    """A product's description saved but not published: customers keep reading the published
    one, staff preview the draft on the product page (`?preview=draft`), and it goes live
    when published from the admin or at `publish_at` (catalog/drafts.py)."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="description_draft"
    )
    description = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["publish_at"], name="productdraft_publish_at")]

    def __str__(self) -> str:
        return f"Description draft of product {self.product_id}"
