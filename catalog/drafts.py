"""Drafts of product descriptions: saved beside the product, previewed by staff on the product
page, published now or at a set time, each publication a version in the product's history
(django-reversion). The same shape as guide drafts (guides/drafts.py), for one field."""

import logging

import reversion
from django.db import DatabaseError, transaction

from catalog.models import Product, ProductDraft
from core.history import ensure_history

logger = logging.getLogger(__name__)


def save_description_draft(product, *, description: str, user=None, publish_at=None):
    """Keep `description` as the product's draft (replacing an earlier one); the product is not
    touched. A `publish_at` schedules it (core.content: the first request after it publishes)."""
    from core.content import schedule

    draft, _ = ProductDraft.objects.update_or_create(
        product=product,
        defaults={"description": description, "publish_at": publish_at, "saved_by": user},
    )
    if publish_at is not None:
        transaction.on_commit(lambda: schedule(publish_at))
    return draft


def description_draft_for(product) -> ProductDraft | None:
    return ProductDraft.objects.filter(product=product).select_related("saved_by").first()


@transaction.atomic
def publish_description_draft(
    draft: ProductDraft, *, user=None, comment: str = "Published the description draft."
):
    product = Product.objects.select_for_update().get(pk=draft.product_id)
    ensure_history(Product, product.pk)
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(comment)
        product.description = draft.description
        product.save()
    draft.delete()
    return product


def publish_due_description_drafts(sender=None, now=None, **kwargs):
    """`core.content.content_due` receiver: publish the description drafts due by `now`;
    return when the next one is due (or None). One that fails is kept unscheduled, logged."""
    due = ProductDraft.objects.filter(publish_at__lte=now).select_related("saved_by")
    for draft in due.select_for_update(skip_locked=True, of=("self",)):
        try:
            with transaction.atomic():
                publish_description_draft(
                    draft, user=draft.saved_by, comment="Published as scheduled."
                )
        except DatabaseError as error:
            logger.warning(
                "scheduled draft of product %s not published: %s", draft.product_id, error
            )
            ProductDraft.objects.filter(pk=draft.pk).update(publish_at=None)
    upcoming = ProductDraft.objects.filter(publish_at__gt=now).order_by("publish_at").first()
    return upcoming.publish_at if upcoming is not None else None
