"""Order and shipping staff pages in the console (included into the `console` namespace)."""

from django.urls import path

from storefront.views.console import orders, shipping

urlpatterns = [
    path("don-hang/", orders.order_list, name="orders"),
    path("don-hang/<uuid:order_id>/", orders.order_detail, name="order"),
    path("van-chuyen/", shipping.zone_list, name="shipping"),
    path("van-chuyen/<int:zone_id>/", shipping.zone_detail, name="shipping_zone"),
]
