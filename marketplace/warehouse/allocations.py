"""Allocations: stock set aside for order lines. Every change goes through `stock_move` (the ledger) after all
involved stock rows are locked in pk order, so concurrent orders never deadlock and never oversell."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from marketplace.warehouse.availability import Demand, candidate_stock_ids, held_by_others, stock_plan
from marketplace.warehouse.locks import stocks_lock
from marketplace.warehouse.models import Allocation, Reservation, StockMovementKind
from marketplace.warehouse.services import stock_move


@dataclass(frozen=True)
class Consumed:
    order_line_id: object
    stock_id: int
    warehouse_id: int
    quantity: int


@transaction.atomic
def allocations_create(*, demands: list[Demand], channel_id: int, warehouse_ids: list[int] | None = None,
                       preferred_warehouse_id: int | None = None, checkout_line_ids: Iterable = (), actor=None,
                       reference: str = "") -> list[Allocation]:
    """Allocate for order lines (Demand.key = order line id). Units reserved by the checkout being completed
    (`checkout_line_ids`) count as available to it and are released; other shoppers' live reservations are
    respected. Raises DomainErrors (INSUFFICIENT_STOCK per short line) and then changes nothing."""
    now = timezone.now()
    checkout_line_ids = list(checkout_line_ids)
    stock_ids = candidate_stock_ids(variant_ids={d.variant_id for d in demands}, channel_id=channel_id,
                                    warehouse_ids=warehouse_ids)
    stocks = list(stocks_lock(stock_ids=stock_ids))
    ours = set(Reservation.objects.filter(checkout_line_id__in=checkout_line_ids, reserved_until__gt=now)
               .values_list("stock_id", flat=True))
    plan = stock_plan(demands=demands, stocks=stocks,
                      held=held_by_others(stock_ids=stock_ids, exclude_line_ids=checkout_line_ids, now=now),
                      preferred_stock_ids=ours, preferred_warehouse_id=preferred_warehouse_id)
    allocations = []
    for portion in plan:
        stock_move(stock_id=portion.stock_id, kind=StockMovementKind.ONLINE_ALLOCATION,
                   allocated_delta=portion.quantity, actor=actor, reference=reference)
        allocations.append(Allocation.objects.create(order_line_id=portion.demand.key, stock_id=portion.stock_id,
                                                     quantity_allocated=portion.quantity))
    Reservation.objects.filter(checkout_line_id__in=checkout_line_ids).delete()
    return allocations


def _locked_allocations(order_line_ids: Iterable) -> list[Allocation]:
    allocations = list(Allocation.objects.filter(order_line_id__in=list(order_line_ids), quantity_allocated__gt=0)
                       .select_related("stock").order_by("stock_id", "pk"))
    list(stocks_lock(stock_ids=sorted({a.stock_id for a in allocations})))
    return allocations


@transaction.atomic
def allocations_release(*, order_line_ids: Iterable, kind: str = StockMovementKind.DEALLOCATION, actor=None,
                        reference: str = "", reason: str = "") -> int:
    """Give allocated units back to sale (order cancelled or expired). Returns units released."""
    released = 0
    for allocation in _locked_allocations(order_line_ids):
        stock_move(stock_id=allocation.stock_id, kind=kind, allocated_delta=-allocation.quantity_allocated,
                   actor=actor, reference=reference, reason=reason)
        released += allocation.quantity_allocated
        allocation.delete()
    return released


@transaction.atomic
def allocations_fulfil(*, order_line_ids: Iterable, kind: str = StockMovementKind.ORDER_FULFILMENT, actor=None,
                       reference: str = "") -> list[Consumed]:
    """The allocated units leave the stock (shipped, or handed over at the sales point)."""
    consumed = []
    for allocation in _locked_allocations(order_line_ids):
        qty = allocation.quantity_allocated
        stock_move(stock_id=allocation.stock_id, kind=kind, quantity_delta=-qty, allocated_delta=-qty, actor=actor,
                   reference=reference)
        consumed.append(Consumed(order_line_id=allocation.order_line_id, stock_id=allocation.stock_id,
                                 warehouse_id=allocation.stock.warehouse_id, quantity=qty))
        allocation.delete()
    return consumed
