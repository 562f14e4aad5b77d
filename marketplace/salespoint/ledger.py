"""Ledger reads: movements of a point's stock with filters, and the check that the ledger sums to the stock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from marketplace.warehouse.models import Stock, StockMovement, StockMovementKind


def movement_kind_choices() -> list[tuple[str, str]]:
    return list(StockMovementKind.choices)


def movement_kind_label(kind: str) -> str:
    return str(dict(StockMovementKind.choices).get(kind, kind))


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def stock_ledger(
    *, warehouse_ids: list[int] | None, kinds: list[str] | None = None, date_from: date | None = None,
    date_to: date | None = None, search: str = "", variant_id: int | None = None,
) -> QuerySet[StockMovement]:
    """Movements, newest first. Dates are whole days in the site's time zone, both ends included."""
    qs = StockMovement.objects.select_related(
        "stock", "stock__warehouse", "stock__product_variant", "stock__product_variant__product", "actor")
    if warehouse_ids is not None:
        qs = qs.filter(stock__warehouse_id__in=warehouse_ids)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if date_from:
        qs = qs.filter(created_at__gte=_start_of(date_from))
    if date_to:
        qs = qs.filter(created_at__lt=_start_of(date_to + timedelta(days=1)))
    if variant_id:
        qs = qs.filter(stock__product_variant_id=variant_id)
    if search := search.strip():
        qs = qs.filter(Q(stock__product_variant__product__name__unaccent__icontains=search)
                       | Q(stock__product_variant__sku__icontains=search) | Q(reference__icontains=search)
                       | Q(reason__unaccent__icontains=search))
    return qs.order_by("-created_at", "-pk")


def stock_ledger_mismatches(*, warehouse_ids: list[int] | None = None) -> list[int]:
    """Stock ids whose quantity or allocation differs from the sum of their movements (should be none)."""
    qs = Stock.objects.all() if warehouse_ids is None else Stock.objects.filter(warehouse_id__in=warehouse_ids)
    rows = qs.annotate(q=Coalesce(Sum("movements__quantity_delta"), 0),
                       a=Coalesce(Sum("movements__allocated_delta"), 0)).values_list(
        "pk", "quantity", "quantity_allocated", "q", "a")
    return [pk for pk, quantity, allocated, q, a in rows if (quantity, allocated) != (q, a)]
