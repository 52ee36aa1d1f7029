from django.urls import path

from tools import views

app_name = "tools"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("negotiation/", views.NegotiationView.as_view(), name="negotiation"),
    path("together/", views.TogetherView.as_view(), name="together"),
    path("ring-timer/", views.RingTimerView.as_view(), name="ring_timer"),
    path("lube-checker/", views.LubeCheckerView.as_view(), name="lube_checker"),
]
