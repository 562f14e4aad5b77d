"""Prices as a shopper pays them: the channel price, less any promotion running at that moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from marketplace.product.models import ProductVariantChannelListing


@dataclass(frozen=True)
class VariantPrice:
    undiscounted: Decimal
    price: Decimal
    promotion_id: int | None = None

    @property
    def discount(self) -> Decimal:
        return self.undiscounted - self.price

    @property
    def on_sale(self) -> bool:
        return self.price < self.undiscounted


def variant_prices_get(*, variant_ids: list[int], channel_id: int, at: datetime | None = None
                       ) -> dict[int, VariantPrice]:
    """variant id -> price now (variants without a price in the channel are absent: not on sale yet)."""
    rows = ProductVariantChannelListing.objects.filter(
        variant_id__in=variant_ids, channel_id=channel_id, price_amount__isnull=False
    ).values_list("variant_id", "price_amount")
    return {variant_id: VariantPrice(undiscounted=amount, price=amount) for variant_id, amount in rows}
