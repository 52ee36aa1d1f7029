from dataclasses import dataclass

from django.conf import settings

from catalog.facet_index import kept_index
from catalog.models import Category
from catalog.render_cache import remember
from core.once import Once


@dataclass(frozen=True)
class NavCategory:
    """What the header and the home page show of a category, worked out once per version."""

    name: str
    url: str
    drawing_url: str


def live_categories() -> list[NavCategory]:
    """`Category.objects.live()` in its order, from the facet index when this process keeps
    it for the current version (its live categories are those, as of this request's stock:
    no query, or the one the listing would run anyway), else from the database."""
    index = kept_index()
    if index is not None:
        rows = index.stock().live_categories
        categories = [Category(pk=r.pk, name=r.name, slug=r.slug, kind=r.kind) for r in rows]
    else:
        categories = Category.objects.live().only("name", "slug", "kind", "position")
    return [NavCategory(c.name, c.get_absolute_url(), c.drawing_url) for c in categories]


def site(request):
    """What every page's header and footer need. Categories are read only when a template
    shows them, and kept per content version (catalog/render_cache.py): the list is the same for
    everyone. Only live categories: published, with a product that can be recommended
    (`CategoryQuerySet.live`, which reads stock: a category whose last such product sells out
    leaves the menu)."""

    def nav_categories() -> list[NavCategory]:
        return remember("nav-categories", [], live_categories)

    return {"site_name": settings.SITE_NAME, "nav_categories": Once(nav_categories)}
