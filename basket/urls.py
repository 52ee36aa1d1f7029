from django.urls import path

from basket import views

app_name = "basket"

urlpatterns = [
    path("", views.BasketView.as_view(), name="page"),
    path("add/", views.add, name="add"),
    path("update/", views.update, name="update"),
    path("remove/", views.remove, name="remove"),
    path("empty/", views.empty, name="empty"),
    path("checkout/", views.CheckoutView.as_view(), name="checkout"),
]
