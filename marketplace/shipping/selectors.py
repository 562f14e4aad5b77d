"""Which shipping methods a checkout may use (by the province of its address) and at what price."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from marketplace.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone


@dataclass(frozen=True)
class ShippingOption:
    method: ShippingMethod
    price: Decimal
    currency: str


def shipping_zone_for_province(*, province_code: str, channel_id: int) -> ShippingZone | None:
    zones = ShippingZone.objects.filter(channels__pk=channel_id)
    return (zones.filter(provinces__contains=[province_code]).order_by("pk").first()
            or zones.filter(default=True).order_by("pk").first())


def _applies(listing: ShippingMethodChannelListing, subtotal: Decimal | None, weight_grams: int | None) -> bool:
    method = listing.shipping_method
    if subtotal is not None:
        if listing.minimum_order_price_amount is not None and subtotal < listing.minimum_order_price_amount:
            return False
        if listing.maximum_order_price_amount is not None and subtotal > listing.maximum_order_price_amount:
            return False
    if weight_grams is not None:
        if method.minimum_order_weight_grams is not None and weight_grams < method.minimum_order_weight_grams:
            return False
        if method.maximum_order_weight_grams is not None and weight_grams > method.maximum_order_weight_grams:
            return False
    return True


def shipping_price_for(listing: ShippingMethodChannelListing, subtotal: Decimal | None) -> Decimal:
    threshold = listing.free_shipping_threshold_amount
    if threshold is not None and subtotal is not None and subtotal >= threshold:
        return Decimal(0)
    return listing.price_amount


def shipping_options_for(*, province_code: str | None, channel_id: int, subtotal: Decimal | None = None,
                         weight_grams: int | None = None) -> list[ShippingOption]:
    """Methods of the zone covering this province, priced in the channel; none without a province. Given the
    order's subtotal and weight, only methods whose price and weight ranges hold it, free above the threshold."""
    if not province_code:
        return []
    zone = shipping_zone_for_province(province_code=province_code, channel_id=channel_id)
    if zone is None:
        return []
    listings = (ShippingMethodChannelListing.objects.filter(channel_id=channel_id, shipping_method__shipping_zone=zone)
                .select_related("shipping_method").order_by("price_amount", "shipping_method_id"))
    options = [ShippingOption(method=li.shipping_method, price=shipping_price_for(li, subtotal), currency=li.currency)
               for li in listings if _applies(li, subtotal, weight_grams)]
    return sorted(options, key=lambda o: (o.price, o.method.pk))


def shipping_option_get(*, method_id: int, province_code: str | None, channel_id: int) -> ShippingOption | None:
    """The option if this method may deliver to this province in this channel, else None."""
    return next((o for o in shipping_options_for(province_code=province_code, channel_id=channel_id)
                 if o.method.pk == method_id), None)


def shipping_method_get(*, method_id: int) -> ShippingMethod | None:
    return ShippingMethod.objects.filter(pk=method_id).first()


def shipping_methods_priced(*, method_ids: list[int], channel_id: int) -> dict[int, ShippingOption]:
    listings = ShippingMethodChannelListing.objects.filter(
        Q(shipping_method_id__in=method_ids) & Q(channel_id=channel_id)).select_related("shipping_method")
    return {li.shipping_method_id: ShippingOption(method=li.shipping_method, price=li.price_amount,
                                                  currency=li.currency) for li in listings}


def shipping_zones_list(*, search: str = "", channel_ids: list[int] | None = None) -> QuerySet[ShippingZone]:
    qs = ShippingZone.objects.prefetch_related("channels", "shipping_methods__channel_listings__channel")
    if search.strip():
        qs = qs.filter(name__icontains=search.strip())
    if channel_ids:
        qs = qs.filter(channels__pk__in=channel_ids).distinct()
    return qs.order_by("name", "pk")


def shipping_zone_get(*, zone_id: int) -> ShippingZone | None:
    return shipping_zones_list().filter(pk=zone_id).first()


def shipping_method_channel_listings(*, method_id: int) -> list[ShippingMethodChannelListing]:
    return list(ShippingMethodChannelListing.objects.filter(shipping_method_id=method_id).select_related("channel")
                .order_by("channel__name"))
