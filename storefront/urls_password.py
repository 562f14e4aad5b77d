"""The shop's forgot-password page and the set-password page every emailed link opens."""

from django.urls import path

from storefront.views import password

urlpatterns = [
    path("account/quen-mat-khau/", password.forgot_shop, name="password_forgot"),
    path("dat-mat-khau/", password.set_password, name="password_set"),
]
