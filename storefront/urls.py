from django.urls import path

from storefront.urls_fair import urlpatterns as fair_urlpatterns
from storefront.views import home

app_name = "storefront"

urlpatterns = [
    path("", home.home, name="home"),
]
urlpatterns += fair_urlpatterns
