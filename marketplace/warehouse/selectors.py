"""Stock reads: how many units of a variant a shopper can still buy, and where."""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, QuerySet, Sum

from marketplace.warehouse.models import Stock, Warehouse


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


def reserved_quantities(*, variant_ids: list[int], channel_id: int) -> dict[int, int]:
    """Units held by live checkout reservations (none until the checkout app adds reservations)."""
    return {}


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
