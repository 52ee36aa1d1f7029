"""Loading the demo guides (idempotent). Needs the demo catalog loaded first."""

from django.db import transaction

from catalog.models import Category, Product
from guides.demo_content import GUIDES
from guides.models import Callout, CalloutItem, Guide, Pick, Section


@transaction.atomic
def load_guides() -> dict[str, int]:
    """Create or update the demo guides by slug and their sections by anchor; each section's
    callouts and picks are replaced by the ones in `demo_content`. Sections no longer in the
    content are removed. Running it twice gives the same result as running it once."""
    categories = {c.slug: c for c in Category.objects.all()}
    products = {
        p.slug: p
        for p in Product.objects.filter(
            slug__in={pick["product"] for g in GUIDES for s in g["sections"] for pick in s["picks"]}
        ).select_related("category")
    }
    counts = {"guides": 0, "sections": 0, "callouts": 0, "picks": 0}
    for position, row in enumerate(GUIDES):
        guide, _ = Guide.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "title": row["title"],
                "summary": row["summary"],
                "author": row["author"],
                "is_published": True,
                "position": position,
            },
        )
        guide.full_clean()
        counts["guides"] += 1
        anchors = [s["anchor"] for s in row["sections"]]
        guide.sections.exclude(anchor__in=anchors).delete()
        for section_position, section_row in enumerate(row["sections"]):
            section = _load_section(guide, section_position, section_row, categories, products)
            counts["sections"] += 1
            counts["callouts"] += section.callouts.count()
            counts["picks"] += section.picks.count()
    return counts


def _load_section(guide, position, row, categories, products) -> Section:
    section, _ = Section.objects.update_or_create(
        guide=guide,
        anchor=row["anchor"],
        defaults={
            "position": position,
            "heading": row["heading"],
            "body": row["body"],
            "category": categories[row["category"]] if row["category"] else None,
        },
    )
    section.full_clean()

    section.callouts.all().delete()
    for callout_position, callout_row in enumerate(row["callouts"]):
        callout = Callout.objects.create(
            section=section,
            kind=callout_row["kind"],
            title=callout_row["title"],
            position=callout_position,
        )
        for item_position, item in enumerate(callout_row["items"]):
            callout_item = CalloutItem(
                callout=callout, label=item["label"], text=item["text"], position=item_position
            )
            callout_item.full_clean()
            callout_item.save()

    section.picks.all().delete()
    positions: dict[str, int] = {}
    for pick_row in row["picks"]:
        level = pick_row["level"]
        pick = Pick(
            section=section,
            product=products[pick_row["product"]],
            level=level,
            reason=pick_row["reason"],
            position=positions.get(level, 0),
        )
        pick.full_clean()  # the level and category checks curators get in the admin
        pick.save()
        positions[level] = positions.get(level, 0) + 1
    return section
