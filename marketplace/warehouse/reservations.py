"""Checkout reservations: units held for a checkout line for CHECKOUT_RESERVATION_MINUTES, so two shoppers are
not sold the same last unit while they fill in the checkout. Expired rows hold nothing and are swept."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from marketplace.warehouse.availability import Demand, candidate_stock_ids, held_by_others, stock_plan
from marketplace.warehouse.locks import stocks_lock
from marketplace.warehouse.models import Reservation


def reservation_deadline(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) + timedelta(minutes=settings.CHECKOUT_RESERVATION_MINUTES)


@transaction.atomic
def reservations_replace(*, demands: list[Demand], channel_id: int, warehouse_ids: list[int] | None = None,
                         until: datetime | None = None) -> list[Reservation]:
    """Reserve for these checkout lines (Demand.key = line id), replacing what they held. Stock rows are
    locked in pk order first, so concurrent shoppers queue instead of both taking the last unit.
    Raises DomainErrors (INSUFFICIENT_STOCK per short line) and then holds nothing new."""
    now = timezone.now()
    line_ids = [d.key for d in demands]
    stock_ids = candidate_stock_ids(variant_ids={d.variant_id for d in demands}, channel_id=channel_id,
                                    warehouse_ids=warehouse_ids)
    stocks = list(stocks_lock(stock_ids=stock_ids))
    mine = set(Reservation.objects.filter(checkout_line_id__in=line_ids, reserved_until__gt=now)
               .values_list("stock_id", flat=True))
    plan = stock_plan(demands=[d for d in demands if d.quantity > 0], stocks=stocks,
                      held=held_by_others(stock_ids=stock_ids, exclude_line_ids=line_ids, now=now),
                      preferred_stock_ids=mine)
    Reservation.objects.filter(checkout_line_id__in=line_ids).delete()
    deadline = until or reservation_deadline(now)
    return Reservation.objects.bulk_create([
        Reservation(checkout_line_id=p.demand.key, stock_id=p.stock_id, quantity_reserved=p.quantity,
                    reserved_until=deadline) for p in plan])


@transaction.atomic
def reservations_delete(*, checkout_line_ids: Iterable) -> int:
    deleted, _ = Reservation.objects.filter(checkout_line_id__in=list(checkout_line_ids)).delete()
    return deleted


def reservations_expire(*, now: datetime | None = None) -> int:
    """Delete expired reservations (they already count for nothing; this keeps the table small)."""
    deleted, _ = Reservation.objects.filter(reserved_until__lte=now or timezone.now()).delete()
    return deleted


def reservations_expiry_for(*, checkout_line_ids: Iterable) -> datetime | None:
    """When the earliest live reservation of these lines runs out (Saleor's stockReservationExpires)."""
    row = (Reservation.objects.filter(checkout_line_id__in=list(checkout_line_ids), reserved_until__gt=timezone.now())
           .order_by("reserved_until").values_list("reserved_until", flat=True).first())
    return row


def reservations_trim(*, free_by_stock: dict[int, int], now: datetime | None = None) -> list:
    """Shrink live reservations so none of these stock rows holds more than its free units (stock id -> on hand −
    allocated), taking from the newest first: the shopper who reserved first keeps the goods, and a count below
    the reserved quantity no longer leaves every other buyer at a negative availability until the reservations
    run out. The trimmed checkouts then show Saleor's insufficient-stock problem. The caller holds the stock row
    locks. Returns the checkout line ids trimmed."""
    now = now or timezone.now()
    held = list(Reservation.objects.filter(stock_id__in=list(free_by_stock), reserved_until__gt=now)
                .order_by("stock_id", "-reserved_until", "-pk"))
    excess = {stock_id: -max(free, 0) for stock_id, free in free_by_stock.items()}
    for reservation in held:
        excess[reservation.stock_id] += reservation.quantity_reserved
    shrunk, emptied, lines = [], [], []
    for reservation in held:  # newest first within each stock row
        cut = min(excess[reservation.stock_id], reservation.quantity_reserved)
        if cut <= 0:
            continue
        excess[reservation.stock_id] -= cut
        reservation.quantity_reserved -= cut
        (shrunk if reservation.quantity_reserved else emptied).append(reservation)
        lines.append(reservation.checkout_line_id)
    if emptied:
        Reservation.objects.filter(pk__in=[r.pk for r in emptied]).delete()
    if shrunk:
        Reservation.objects.bulk_update(shrunk, ["quantity_reserved"])
    return lines
