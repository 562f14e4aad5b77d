"""Stock reads: how many units of a variant a shopper can still buy, and where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet, Sum
from django.utils import timezone

from marketplace.warehouse.models import (
    Allocation,
    Reservation,
    Stock,
    Warehouse,
    WarehouseClickAndCollectOption,
)


def stocks_for_channel(*, channel_id: int) -> QuerySet[Stock]:
    return Stock.objects.filter(warehouse__channels__pk=channel_id)


def variants_quantity_available(*, variant_ids: list[int], channel_id: int) -> dict[int, int]:
    """variant id -> units available in the channel's warehouses (stock − allocated − live reservations)."""
    rows = (
        stocks_for_channel(channel_id=channel_id)
        .filter(product_variant_id__in=variant_ids)
        .values("product_variant_id")
        .annotate(available=Sum(F("quantity") - F("quantity_allocated")))
    )
    available = {r["product_variant_id"]: max(int(r["available"] or 0), 0) for r in rows}
    for variant_id, reserved in reserved_quantities(variant_ids=variant_ids, channel_id=channel_id).items():
        available[variant_id] = max(available.get(variant_id, 0) - reserved, 0)
    return available


def reserved_quantities(*, variant_ids: list[int], channel_id: int, exclude_line_ids: Iterable = (),
                        warehouse_id: int | None = None) -> dict[int, int]:
    """variant id -> units held by live checkout reservations in the channel's warehouses (optionally not
    counting some checkout lines: a shopper's own reservation is available to that shopper)."""
    qs = Reservation.objects.filter(
        stock__product_variant_id__in=variant_ids, stock__warehouse__channels__pk=channel_id,
        reserved_until__gt=timezone.now(),
    ).exclude(checkout_line_id__in=list(exclude_line_ids))
    if warehouse_id is not None:
        qs = qs.filter(stock__warehouse_id=warehouse_id)
    rows = qs.values("stock__product_variant_id").annotate(n=Sum("quantity_reserved"))
    return {r["stock__product_variant_id"]: int(r["n"] or 0) for r in rows}


def variants_available_for_checkout(*, variant_ids: list[int], channel_id: int, checkout_line_ids: Iterable,
                                    warehouse_id: int | None = None) -> dict[int, int]:
    """variant id -> units this checkout could still get (its own reservations count as available to it)."""
    stocks = stocks_for_channel(channel_id=channel_id).filter(product_variant_id__in=variant_ids)
    if warehouse_id is not None:
        stocks = stocks.filter(warehouse_id=warehouse_id)
    rows = stocks.values("product_variant_id").annotate(available=Sum(F("quantity") - F("quantity_allocated")))
    available = {r["product_variant_id"]: int(r["available"] or 0) for r in rows}
    held = reserved_quantities(variant_ids=variant_ids, channel_id=channel_id, exclude_line_ids=checkout_line_ids,
                               warehouse_id=warehouse_id)
    return {v: max(available.get(v, 0) - held.get(v, 0), 0) for v in variant_ids}


def collection_points_for(*, demand: dict[int, int], channel_id: int, checkout_line_ids: Iterable,
                          warehouse_ids: Iterable[int] | None = None) -> list[Warehouse]:
    """Sales points where this basket (variant id -> quantity) can be collected now: a "local" point must hold
    every line itself; an "all" point can gather stock from any warehouse of the channel. `warehouse_ids`
    narrows the candidates (the caller knows which warehouses are sales points open for pickup)."""
    if not demand:
        return []
    line_ids = list(checkout_line_ids)
    variant_ids = list(demand)
    candidates = warehouse_list().filter(
        channels__pk=channel_id,
        click_and_collect_option__in=[WarehouseClickAndCollectOption.LOCAL_STOCK,
                                      WarehouseClickAndCollectOption.ALL_WAREHOUSES])
    if warehouse_ids is not None:
        candidates = candidates.filter(pk__in=list(warehouse_ids))
    points = list(candidates.order_by("name", "pk"))
    channel_wide = None
    result = []
    for point in points:
        if point.click_and_collect_option == WarehouseClickAndCollectOption.ALL_WAREHOUSES:
            if channel_wide is None:
                channel_wide = variants_available_for_checkout(variant_ids=variant_ids, channel_id=channel_id,
                                                               checkout_line_ids=line_ids)
            available = channel_wide
        else:
            available = variants_available_for_checkout(variant_ids=variant_ids, channel_id=channel_id,
                                                        checkout_line_ids=line_ids, warehouse_id=point.pk)
        if all(available.get(v, 0) >= q for v, q in demand.items()):
            result.append(point)
    return result


def warehouse_is_collection_point(*, warehouse_id: int, channel_id: int) -> bool:
    return Warehouse.objects.filter(
        pk=warehouse_id, channels__pk=channel_id,
        click_and_collect_option__in=[WarehouseClickAndCollectOption.LOCAL_STOCK,
                                      WarehouseClickAndCollectOption.ALL_WAREHOUSES]).exists()


def allocations_for_order_lines(*, order_line_ids: Iterable) -> list[Allocation]:
    return list(Allocation.objects.filter(order_line_id__in=list(order_line_ids))
                .select_related("stock__warehouse").order_by("pk"))


def products_filter_stock_availability(qs, *, channel_id: int, in_stock: bool):
    available = Stock.objects.filter(
        product_variant__product_id=OuterRef("pk"), warehouse__channels__pk=channel_id,
        quantity__gt=F("quantity_allocated"),
    )
    return qs.filter(Exists(available)) if in_stock else qs.exclude(Exists(available))


def warehouse_list() -> QuerySet[Warehouse]:
    return Warehouse.objects.select_related("address")


def warehouse_get(*, pk: int | None = None, slug: str | None = None) -> Warehouse | None:
    qs = warehouse_list()
    return qs.filter(pk=pk).first() if pk is not None else qs.filter(slug=slug).first()


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
