"""Shipping writes, and the demo seed: a zone per region with flat VND rates."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import transaction

from marketplace.channel.models import Channel
from marketplace.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone
from marketplace.shipping.regions import REGIONS

SAME_REGION_RATE = Decimal(25_000)
OTHER_REGION_RATE = Decimal(40_000)
EXPRESS_SURCHARGE = Decimal(15_000)


@transaction.atomic
def shipping_zones_seed(*, channel_slug: str | None = None, home_region: str = "mien-bac") -> list[ShippingZone]:
    """Idempotent: one zone per region (its provinces), each with "Giao hàng tiêu chuẩn" at 25.000 ₫ inside the
    shop's home region and 40.000 ₫ elsewhere, plus "Giao hàng nhanh" inside the home region. Pickup at a sales
    point is free and needs no method (it is the collection point)."""
    channel = Channel.objects.filter(slug=channel_slug or settings.DEFAULT_CHANNEL_SLUG).first()
    zones = []
    for slug, (name, provinces) in REGIONS.items():
        zone, _ = ShippingZone.objects.update_or_create(
            slug=slug, defaults={"name": name, "provinces": list(provinces), "default": False})
        same = slug == home_region
        methods = [("Giao hàng tiêu chuẩn", SAME_REGION_RATE if same else OTHER_REGION_RATE, 2 if same else 3,
                    4 if same else 6)]
        if same:
            methods.append(("Giao hàng nhanh", SAME_REGION_RATE + EXPRESS_SURCHARGE, 1, 2))
        for method_name, price, min_days, max_days in methods:
            method, _ = ShippingMethod.objects.update_or_create(
                shipping_zone=zone, name=method_name,
                defaults={"minimum_delivery_days": min_days, "maximum_delivery_days": max_days})
            if channel is not None:
                ShippingMethodChannelListing.objects.update_or_create(
                    shipping_method=method, channel=channel, defaults={"price_amount": price, "currency": "VND"})
        if channel is not None:
            zone.channels.add(channel)
        zones.append(zone)
    return zones
