"""The guides' rule for the catalog safety linter (`catalog.lint`): guides sit above the
catalog, so they register their rule there rather than the catalog reaching up for it."""

from django.contrib.staticfiles import finders
from django.urls import reverse

from catalog.lint import ADVICE, Finding, register

from .models import Pick


def _has_drawing(kind: str) -> bool:
    return bool(finders.find(f"catalog/drawings/{kind}.svg"))


@register("guide-picks", "Guide picks out of stock, unpublished or without a picture")
def guide_pick_problems():
    picks = (
        Pick.objects.filter(section__guide__is_published=True)
        .select_related("product__category", "section__guide")
        .order_by("section__guide__title", "section__position", "level", "position", "pk")
    )
    for pick in picks:
        product, guide = pick.product, pick.section.guide
        subject = f"{guide.title}: {product.name} ({pick.get_level_display().lower()} pick)"
        url = reverse("admin:guides_guide_change", args=[guide.pk])
        found = []
        if not product.is_published:
            found.append("the product is not published")
        if not product.in_stock:
            found.append("the product is out of stock")
        if not product.image and not _has_drawing(product.category.kind):
            found.append("the product has no picture and its category no drawing")
        if found:
            message = f"The guide hides this pick: {', '.join(found)}."
            yield Finding("guide-picks", subject, message, url)
        elif not product.image:
            yield Finding(
                "guide-picks",
                subject,
                "The product has no picture of its own: the guide shows its category's drawing.",
                url,
                severity=ADVICE,
            )
