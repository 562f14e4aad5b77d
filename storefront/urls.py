from django.urls import include, path

from storefront.views import home

app_name = "storefront"

urlpatterns = [
    path("", home.home, name="home"),
    path("", include("storefront.urls_checkout")),
]
