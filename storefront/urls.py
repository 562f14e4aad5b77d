from django.urls import path

from storefront.views import home

app_name = "storefront"

urlpatterns = [
    path("", home.home, name="home"),
]
