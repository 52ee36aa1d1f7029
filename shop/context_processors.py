from django.conf import settings

from catalog.models import Category


def site(request):
    """What every page's header and footer need. Categories are loaded lazily: a page that
    does not render the navigation runs no query for it."""
    return {
        "site_name": settings.SITE_NAME,
        "nav_categories": Category.objects.only("name", "slug", "kind", "position"),
    }
