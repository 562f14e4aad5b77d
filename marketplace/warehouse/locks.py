"""Row locks on stock, always taken in primary-key order so two transactions never deadlock each other."""

from __future__ import annotations

from django.db.models import QuerySet

from marketplace.warehouse.models import Stock


def stocks_lock(*, stock_ids: list[int]) -> QuerySet[Stock]:
    """Lock these stock rows for the rest of the transaction (call inside transaction.atomic)."""
    return Stock.objects.select_for_update(of=("self",)).filter(pk__in=stock_ids).order_by("pk")


def stocks_lock_quantities(*, stock_ids: list[int]) -> dict[int, tuple[int, int]]:
    """stocks_lock for bulk writes: the locked rows' (quantity, quantity_allocated) by id, without building a model
    instance per row."""
    rows = (Stock.objects.select_for_update(of=("self",)).filter(pk__in=stock_ids).order_by("pk")
            .values_list("pk", "quantity", "quantity_allocated"))
    return {pk: (quantity, allocated) for pk, quantity, allocated in rows}
