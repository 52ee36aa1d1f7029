"""The catalog's URLs, with the product and category pages served by guide-aware views.

`catalog` never imports `guides`; instead this module re-exports catalog's patterns under the
same namespace (`catalog:`), swapping only the two views that show guide links. Every other
pattern, including any the catalog adds later, passes through untouched. `shop.urls`
includes this module instead of `catalog.urls`.
"""

from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern

from catalog import urls as catalog_urls
from guides import views

app_name = "catalog"

OVERRIDES = {
    "product": views.GuidedProductDetailView.as_view(),
    "category": views.GuidedCategoryView.as_view(),
}


def _route(pattern):
    name = getattr(pattern, "name", None)
    if name in OVERRIDES:
        return URLPattern(pattern.pattern, OVERRIDES[name], pattern.default_args, name)
    return pattern


_missing = set(OVERRIDES) - {getattr(p, "name", None) for p in catalog_urls.urlpatterns}
if _missing:
    raise ImproperlyConfigured(f"catalog.urls no longer names {sorted(_missing)}")

urlpatterns = [_route(pattern) for pattern in catalog_urls.urlpatterns]
