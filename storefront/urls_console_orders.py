"""Order staff pages in the console (included into the `console` namespace)."""

from django.urls import path

from storefront.views.console import orders

urlpatterns = [
    path("don-hang/", orders.order_list, name="orders"),
    path("don-hang/<uuid:order_id>/", orders.order_detail, name="order"),
]
