"""Batch reads keyed by ids, for the API's per-request loaders (one query per call)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from marketplace.certification.selectors import products_visible
from marketplace.fair.models import Booth, BoothProduct, FairSideEvent, FairZone
from marketplace.fair.selectors import booth_code_key
from marketplace.product.models import Product


def zones_by_fair_ids(ids: list[int]) -> dict[int, list[FairZone]]:
    grouped: dict[int, list[FairZone]] = defaultdict(list)
    for zone in FairZone.objects.filter(fair_id__in=ids):
        grouped[zone.fair_id].append(zone)
    return grouped


def booths_by_fair_ids(ids: list[int]) -> dict[int, list[Booth]]:
    grouped: dict[int, list[Booth]] = defaultdict(list)
    for booth in sorted(Booth.objects.filter(fair_id__in=ids).select_related("producer"),
                        key=lambda b: booth_code_key(b.code)):
        grouped[booth.fair_id].append(booth)
    return grouped


def side_events_by_fair_ids(ids: list[int]) -> dict[int, list[FairSideEvent]]:
    grouped: dict[int, list[FairSideEvent]] = defaultdict(list)
    for event in FairSideEvent.objects.filter(fair_id__in=ids).order_by("start_at", "pk"):
        grouped[event.fair_id].append(event)
    return grouped


def zones_by_ids(ids: list[int]) -> dict[int, FairZone]:
    return FairZone.objects.in_bulk(ids)


def visible_products_by_booth_ids(ids: list[int], *, channel_id: int, at: datetime | None = None
                                  ) -> dict[int, list[Product]]:
    """booth id -> the products on show there that a shopper may see in the channel now (listing rule)."""
    links = list(BoothProduct.objects.filter(booth_id__in=ids).order_by("sort_order", "pk"))
    products = products_visible(channel_id=channel_id, at=at).in_bulk([link.product_id for link in links])
    grouped: dict[int, list[Product]] = defaultdict(list)
    for link in links:
        if link.product_id in products:
            grouped[link.booth_id].append(products[link.product_id])
    return grouped


def product_ids_by_booth_ids(ids: list[int]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    for booth_id, product_id in BoothProduct.objects.filter(booth_id__in=ids).order_by("sort_order", "pk") \
            .values_list("booth_id", "product_id"):
        grouped[booth_id].append(product_id)
    return grouped
