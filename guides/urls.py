from django.urls import path

from guides import views

app_name = "guides"

urlpatterns = [
    path("guides/", views.GuideListView.as_view(), name="list"),
    path("guides/<slug:slug>/", views.GuideDetailView.as_view(), name="detail"),
]
