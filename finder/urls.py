from django.urls import path

from core.age_gate import json_endpoint
from finder import views

app_name = "finder"

urlpatterns = [
    path("", views.FinderView.as_view(), name="start"),
    # A JSON API: without an age-gate pass even a bare GET gets a 403 JSON, not a redirect.
    path("api/", json_endpoint(views.api), name="api"),
]
