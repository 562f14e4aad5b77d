"""Planning which stock rows serve a demand. Pure over rows already locked by the caller, so reservations and
allocations agree on what "available" means: on hand − allocated − live reservations of other checkouts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from marketplace.core.errors import DomainError, DomainErrors
from marketplace.warehouse.error_codes import StockErrorCode
from marketplace.warehouse.models import Reservation, Stock


@dataclass(frozen=True)
class Demand:
    key: Any  # a checkout line id or an order line id
    variant_id: int
    quantity: int


@dataclass(frozen=True)
class Portion:
    demand: Demand
    stock_id: int
    quantity: int


def candidate_stock_ids(*, variant_ids: Iterable[int], channel_id: int,
                        warehouse_ids: list[int] | None = None) -> list[int]:
    qs = Stock.objects.filter(product_variant_id__in=list(variant_ids), warehouse__channels__pk=channel_id)
    if warehouse_ids is not None:
        qs = qs.filter(warehouse_id__in=warehouse_ids)
    return sorted(set(qs.values_list("pk", flat=True)))


def held_by_others(*, stock_ids: list[int], exclude_line_ids: Iterable = (), now: datetime | None = None
                   ) -> dict[int, int]:
    """stock id -> units held by live reservations of checkout lines other than these."""
    rows = (Reservation.objects.filter(stock_id__in=stock_ids, reserved_until__gt=now or timezone.now())
            .exclude(checkout_line_id__in=list(exclude_line_ids))
            .values("stock_id").annotate(n=Sum("quantity_reserved")))
    return {r["stock_id"]: int(r["n"] or 0) for r in rows}


def stock_plan(*, demands: list[Demand], stocks: list[Stock], held: dict[int, int],
               preferred_stock_ids: set[int] = frozenset(), preferred_warehouse_id: int | None = None
               ) -> list[Portion]:
    """Split each demand over its variant's stock rows, preferring rows already ours, then the preferred
    warehouse, then the fullest row (fewer parcels). Raises DomainErrors, one per short demand."""
    available = {s.pk: s.quantity - s.quantity_allocated - held.get(s.pk, 0) for s in stocks}
    by_variant: dict[int, list[Stock]] = defaultdict(list)
    for stock in stocks:
        by_variant[stock.product_variant_id].append(stock)
    plan: list[Portion] = []
    errors: list[DomainError] = []
    for demand in demands:
        rows = sorted(by_variant.get(demand.variant_id, []),
                      key=lambda s: (s.pk not in preferred_stock_ids, s.warehouse_id != preferred_warehouse_id,
                                     -available[s.pk], s.pk))
        total = sum(max(available[s.pk], 0) for s in rows)
        if total < demand.quantity:
            errors.append(DomainError(
                ngettext("Chỉ còn %(n)s sản phẩm trong kho.", "Chỉ còn %(n)s sản phẩm trong kho.", total) % {"n": total}
                if total > 0 else _("Sản phẩm đã hết hàng."),
                code=StockErrorCode.INSUFFICIENT_STOCK, field="quantity", variant_ids=[demand.variant_id],
                line_keys=[demand.key], available=max(total, 0)))
            continue
        need = demand.quantity
        for stock in rows:
            take = min(need, max(available[stock.pk], 0))
            if take:
                plan.append(Portion(demand=demand, stock_id=stock.pk, quantity=take))
                available[stock.pk] -= take
                need -= take
            if not need:
                break
    if errors:
        raise DomainErrors(errors)
    return plan
