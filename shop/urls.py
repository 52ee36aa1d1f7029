from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from catalog import views as catalog_views
from guides import views as guide_views
from shop import views

admin.site.site_header = "Safeword curation"
admin.site.site_title = "Safeword admin"
admin.site.index_title = "Catalog and guides"

# The catalog's pages (namespace `catalog`), served by the guides' versions of catalog's views,
# which add links to the guide sections about them and suggest guides when a search finds
# nothing: catalog never imports guides, so the wiring is done here, on the top floor.
catalog_patterns = [
    path("catalog/", guide_views.GuidedProductListView.as_view(), name="list"),
    path("catalog/<slug:slug>/", guide_views.GuidedCategoryView.as_view(), name="category"),
    path("products/<slug:slug>/", guide_views.GuidedProductDetailView.as_view(), name="product"),
    path("size-guide/", catalog_views.SizeGuideView.as_view(), name="size_guide"),
    path("info/<slug:slug>/", catalog_views.StorePageView.as_view(), name="page"),
]

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("age-check/", views.AgeGateView.as_view(), name="age_gate"),
    path("age-check/refused/", views.age_gate_refused, name="age_gate_refused"),
    path("healthz", views.healthz, name="healthz"),
    path("_floor", views.floor, name="floor"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("privacy/", TemplateView.as_view(template_name="shop/privacy.html"), name="privacy"),
    path("terms/", TemplateView.as_view(template_name="shop/terms.html"), name="terms"),
    path("", include((catalog_patterns, "catalog"))),
    path("", include("guides.urls")),
    path("finder/", include("finder.urls")),
    path("basket/", include("basket.urls")),
    path("leave/", views.leave_quickly, name="leave_quickly"),
    path("tools/", include("tools.urls")),
    # The admin's own sign-in page, with `next` kept to a path (shop.views.admin_login).
    path(f"{settings.ADMIN_PATH}login/", views.admin_login),
    path(settings.ADMIN_PATH, admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A database or cache outage anywhere in a request answers a calm 503 (shop/resilience.py).
handler500 = "shop.resilience.server_error"
