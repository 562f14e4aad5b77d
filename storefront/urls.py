from django.urls import include, path

from storefront.urls_fair import urlpatterns as fair_urlpatterns
from storefront.views import home, sales_points

app_name = "storefront"

urlpatterns = [
    path("", home.home, name="home"),
    path("diem-ban/", sales_points.sales_points, name="sales_points"),
    path("quan-ly/", include("storefront.urls_console")),
    path("", include("storefront.urls_checkout")),
]
urlpatterns += fair_urlpatterns
