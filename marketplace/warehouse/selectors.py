"""Stock reads for the storefront. For now a sales point is a public warehouse (is_private=False); the
sales-point profile will sit on top of it later. Available means quantity on hand minus quantity allocated."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet

from marketplace.warehouse.models import Stock


def stock_available_q_for_product(*, product_ref: str = "pk", public_only: bool = False,
                                  channel_slug: str | None = None) -> Exists:
    """EXISTS some variant of the outer product with stock to hand (at a public sales point if asked)."""
    stocks = Stock.objects.filter(product_variant__product_id=OuterRef(product_ref),
                                  quantity__gt=F("quantity_allocated"))
    if public_only:
        stocks = stocks.filter(warehouse__is_private=False)
    if channel_slug:
        stocks = stocks.filter(warehouse__channels__slug=channel_slug)
    return Exists(stocks)


def stock_at_sales_points() -> QuerySet[Stock]:
    """Stock rows with something to hand at a public sales point (compose with a product filter)."""
    return Stock.objects.order_by().filter(warehouse__is_private=False, quantity__gt=F("quantity_allocated"))


@dataclass(frozen=True)
class SalesPointAvailability:
    warehouse_id: int
    name: str
    slug: str
    address: str
    province_code: str
    variant_id: int
    variant_name: str
    quantity_available: int


def sales_point_availability_for_product(*, product_id: int) -> list[SalesPointAvailability]:
    """Every public sales point holding this product, per packaging, with what is available (one query)."""
    rows: QuerySet[Stock] = (
        Stock.objects.filter(product_variant__product_id=product_id, warehouse__is_private=False,
                             quantity__gt=F("quantity_allocated"))
        .select_related("warehouse__address", "product_variant")
        .order_by("warehouse__name", "product_variant__sort_order", "product_variant_id")
    )
    return [
        SalesPointAvailability(
            warehouse_id=stock.warehouse_id, name=stock.warehouse.name, slug=stock.warehouse.slug,
            address=str(stock.warehouse.address), province_code=stock.warehouse.address.province_code,
            variant_id=stock.product_variant_id, variant_name=str(stock.product_variant),
            quantity_available=stock.quantity - stock.quantity_allocated,
        )
        for stock in rows
    ]
