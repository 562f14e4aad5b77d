"""A URL configuration where the cart exists (the checkout issue adds it for real): the product page must post
its add-to-cart form there."""

from django.http import HttpResponse
from django.urls import include, path

from storefront.urls import urlpatterns as storefront_patterns


def cart_add(request):
    return HttpResponse("added")


urlpatterns = [
    path("", include((
        [*storefront_patterns, path("gio-hang/them/", cart_add, name="cart-add")], "storefront"))),
]
