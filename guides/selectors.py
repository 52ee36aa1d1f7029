"""Reads about guides that views and other apps (the finder, the catalog pages) rely on.
Each runs a fixed number of queries however much content there is."""

from collections.abc import Iterable

from django.db.models import Count, OuterRef, Prefetch, Subquery

from guides.models import Callout, Guide, Pick, Section


def guide_for_page(slug: str, user):
    """The guide at `slug` with everything its page shows, or Guide.DoesNotExist.
    Sections carry `shown_picks` (what customers see) and, for staff, `hidden_picks`."""
    section_prefetches = [
        Prefetch("callouts", queryset=Callout.objects.prefetch_related("items")),
        Prefetch("picks", queryset=Pick.objects.shown().for_display(), to_attr="shown_picks"),
    ]
    is_staff = user.is_authenticated and user.is_staff
    if is_staff:
        section_prefetches.append(
            Prefetch(
                "picks", queryset=Pick.objects.with_problems().for_display(), to_attr="hidden_picks"
            )
        )
    sections = Section.objects.select_related("category").prefetch_related(*section_prefetches)
    return (
        Guide.objects.visible_to(user)
        .prefetch_related(Prefetch("sections", queryset=sections))
        .get(slug=slug)
    )


def sections_for_categories(category_ids: Iterable[int]) -> dict[int, Section]:
    """For each category id, the section about it in a published guide (with its guide
    loaded). When several guides cover a category the most focused guide wins (the one with
    the fewest category sections), then guide order, then section order. One query."""
    ids = {int(pk) for pk in category_ids}
    if not ids:
        return {}
    category_sections = (
        Section.objects.filter(guide=OuterRef("guide"), category__isnull=False)
        .order_by()
        .values("guide")
        .annotate(n=Count("pk"))
        .values("n")
    )
    sections = (
        Section.objects.filter(category_id__in=ids, guide__is_published=True)
        .select_related("guide")
        .annotate(focus=Subquery(category_sections))
        .order_by("category_id", "focus", "guide__position", "guide__title", "position", "pk")
    )
    found: dict[int, Section] = {}
    for section in sections:
        found.setdefault(section.category_id, section)
    return found


def section_urls_for_categories(category_ids: Iterable[int]) -> dict[int, str]:
    """Category id -> URL (with #anchor) of the published guide section about it."""
    return {pk: s.get_absolute_url() for pk, s in sections_for_categories(category_ids).items()}


def shown_picks_in_published_guides():
    return (
        Pick.objects.shown()
        .filter(section__guide__is_published=True)
        .select_related("section__guide")
        .order_by("section__guide__position", "section__guide__title", "section__position", "level")
    )


def featured_entries(picks) -> list[dict]:
    found: dict[int, dict] = {}
    for pick in picks:
        entry = found.setdefault(pick.section_id, {"section": pick.section, "levels": []})
        entry["levels"].append(pick.get_level_display())
    return list(found.values())


def featured_in(product) -> list[dict]:
    """The published guide sections that show `product` as a pick, each once, with the
    levels it is picked for: [{"section": Section, "levels": ["beginner", ...]}]. One query."""
    return featured_entries(shown_picks_in_published_guides().filter(product=product))


def featured_in_by_product() -> dict[int, list[dict]]:
    """`featured_in` of every product some published guide shows, by product id: the picks
    are few (curators choose them), so one query reads them all for every product page of a
    content version (guides.views keeps it). One query."""
    by_product: dict[int, list] = {}
    for pick in shown_picks_in_published_guides():
        by_product.setdefault(pick.product_id, []).append(pick)
    return {pk: featured_entries(picks) for pk, picks in by_product.items()}


def published_guides():
    return Guide.objects.published().only("title", "slug", "summary", "level", "updated_at")
