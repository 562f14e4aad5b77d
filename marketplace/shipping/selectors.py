"""Which shipping methods a checkout may use (by the province of its address) and at what price."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

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


def shipping_options_for(*, province_code: str | None, channel_id: int) -> list[ShippingOption]:
    """Methods of the zone covering this province, priced in the channel; none without a province."""
    if not province_code:
        return []
    zone = shipping_zone_for_province(province_code=province_code, channel_id=channel_id)
    if zone is None:
        return []
    listings = (ShippingMethodChannelListing.objects.filter(channel_id=channel_id, shipping_method__shipping_zone=zone)
                .select_related("shipping_method").order_by("price_amount", "shipping_method_id"))
    return [ShippingOption(method=li.shipping_method, price=li.price_amount, currency=li.currency)
            for li in listings]


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
