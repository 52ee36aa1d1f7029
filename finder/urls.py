from django.urls import path

from finder import views

app_name = "finder"

urlpatterns = [
    path("", views.FinderView.as_view(), name="start"),
    path("api/", views.api, name="api"),
]
