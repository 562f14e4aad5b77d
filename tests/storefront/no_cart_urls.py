"""A URL configuration without the add-to-cart endpoint (as when online ordering is switched off): the product
page must show its add-to-cart button disabled, with the reason."""

from django.urls import URLPattern, URLResolver, include, path

from storefront.urls import urlpatterns as storefront_patterns
from storefront.urls_checkout import urlpatterns as checkout_patterns


def _without_cart_add(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    kept = [p for p in patterns if not (isinstance(p, URLResolver) and p.urlconf_name is not None
                                        and getattr(p.urlconf_name, "__name__", p.urlconf_name)
                                        == "storefront.urls_checkout")]
    return [*kept, path("", include([p for p in checkout_patterns if p.name != "cart-add"]))]


urlpatterns = [path("", include((_without_cart_add(storefront_patterns), "storefront")))]
