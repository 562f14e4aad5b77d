"""The counter price: what the shopper pays at that moment in the point's channel, i.e. the shelf price less any
catalogue promotion running (a fair's campaign), from marketplace.discount.selectors.variant_prices_get, the
same function the online shop prices with.

A promotion limited to some points (a fair's campaign: the points linked to the fair's booths) applies at those
counters only; online it applies throughout its channels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings

from marketplace.channel.models import Channel
from marketplace.discount.selectors import VariantPrice, variant_prices_get
from marketplace.salespoint.selectors import stock_lines_for_variants


def sales_point_channel(*, warehouse_id: int) -> Channel | None:
    """The point's channel: the default channel when the warehouse sells in it, else its first one."""
    channels = list(Channel.objects.filter(warehouses__pk=warehouse_id).order_by("pk"))
    default = next((c for c in channels if c.slug == settings.DEFAULT_CHANNEL_SLUG), None)
    return default or (channels[0] if channels else Channel.objects.filter(
        slug=settings.DEFAULT_CHANNEL_SLUG).first())


def counter_prices(*, warehouse_id: int, variant_ids: list[int], at: datetime | None = None
                   ) -> dict[int, VariantPrice]:
    """variant id -> its price at this point at `at` (default now); variants without a price are absent."""
    channel = sales_point_channel(warehouse_id=warehouse_id)
    if channel is None:
        return {}
    return variant_prices_get(variant_ids=variant_ids, channel_id=channel.pk, at=at,
                              counter_warehouse_id=warehouse_id)


@dataclass(frozen=True)
class CartLine:
    variant_id: int
    product_name: str
    variant_name: str
    sku: str
    quantity: int
    available: int
    unit_price: Decimal | None
    is_blocked: bool
    undiscounted_unit_price: Decimal | None = None  # the shelf price, shown struck through when a promotion runs

    @property
    def on_sale(self) -> bool:
        return self.unit_price is not None and self.undiscounted_unit_price is not None and (
            self.unit_price < self.undiscounted_unit_price)

    @property
    def total(self) -> Decimal | None:
        return self.unit_price * self.quantity if self.unit_price is not None else None

    @property
    def problem(self) -> str:
        if self.is_blocked:
            return "blocked"
        if self.unit_price is None:
            return "no_price"
        if self.quantity > self.available:
            return "short"
        return ""


def counter_cart(*, warehouse_id: int, items: dict[int, int]) -> tuple[list[CartLine], Decimal]:
    """The counter's basket as the operator sees it before payment: names, prices, what is on the shelf, and
    what would stop the sale. Returns the lines and the total of the priced ones."""
    stocks = {s.product_variant_id: s for s in stock_lines_for_variants(warehouse_id=warehouse_id,
                                                                         variant_ids=list(items))}
    prices = counter_prices(warehouse_id=warehouse_id, variant_ids=list(items))
    lines = [
        CartLine(variant_id=v, product_name=s.product_variant.product.name, variant_name=s.product_variant.name,
                 sku=s.product_variant.sku or "", quantity=q, available=max(s.available, 0),
                 unit_price=p.price if (p := prices.get(v)) else None, is_blocked=s.is_blocked,
                 undiscounted_unit_price=p.undiscounted if p else None)
        for v, q in items.items() if (s := stocks.get(v)) is not None
    ]
    return lines, sum((line.total for line in lines if line.total is not None), Decimal(0))
