from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from shop import views

admin.site.site_header = "Safeword curation"
admin.site.site_title = "Safeword admin"
admin.site.index_title = "Catalog and guides"

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
    # Catalog URLs, with its product and category pages showing guide links (see the module).
    path("", include("guides.catalog_urls")),
    path("", include("guides.urls")),
    path("finder/", include("finder.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A database or cache outage anywhere in a request answers a calm 503 (shop/resilience.py).
handler500 = "shop.resilience.server_error"
