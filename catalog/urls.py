from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("catalog/", views.ProductListView.as_view(), name="list"),
    path("catalog/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("products/<slug:slug>/", views.ProductDetailView.as_view(), name="product"),
]
