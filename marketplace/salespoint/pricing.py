"""The counter price: the variant's price in the point's channel (the shelf price). Promotions are computed in
marketplace.discount, which sits above this app; an interface that wants them at the counter must pass them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from marketplace.channel.models import Channel
from marketplace.product.selectors import variant_prices


def sales_point_channel(*, warehouse_id: int) -> Channel | None:
    """The point's channel: the default channel when the warehouse sells in it, else its first one."""
    channels = list(Channel.objects.filter(warehouses__pk=warehouse_id).order_by("pk"))
    default = next((c for c in channels if c.slug == settings.DEFAULT_CHANNEL_SLUG), None)
    return default or (channels[0] if channels else Channel.objects.filter(
        slug=settings.DEFAULT_CHANNEL_SLUG).first())


def counter_prices(*, warehouse_id: int, variant_ids: list[int]) -> dict[int, Decimal]:
    """variant id -> unit price at this point; variants without a price are absent."""
    channel = sales_point_channel(warehouse_id=warehouse_id)
    if channel is None:
        return {}
    prices = variant_prices(variant_ids=variant_ids, channel_id=channel.pk)
    return {variant_id: price for variant_id, price in prices.items() if price is not None}
