"""Stock writes. `stock_move` (one row) and `stock_moves_bulk` (many rows in a few statements) are the only functions
that change Stock.quantity / quantity_allocated, and they write the ledger rows in the same transaction, so the
ledger always sums to the stock."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from marketplace.core.audit import log_action, log_actions
from marketplace.core.errors import DomainError
from marketplace.warehouse.error_codes import StockErrorCode
from marketplace.warehouse.locks import stocks_lock, stocks_lock_quantities
from marketplace.warehouse.models import Stock, StockMovement, StockMovementKind
from marketplace.warehouse.reservations import reservations_trim


def stock_get_or_create(*, warehouse_id: int, variant_id: int) -> Stock:
    stock, _ = Stock.objects.get_or_create(warehouse_id=warehouse_id, product_variant_id=variant_id)
    return stock


def stock_ids_get_or_create(*, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """(warehouse id, variant id) -> its Stock row id, creating the missing rows; a few queries for any number."""
    if not pairs:
        return {}

    def found() -> dict[tuple[int, int], int]:
        rows = Stock.objects.filter(warehouse_id__in={w for w, _v in pairs},
                                    product_variant_id__in={v for _w, v in pairs}).values_list(
            "warehouse_id", "product_variant_id", "pk")
        return {(w, v): pk for w, v, pk in rows if (w, v) in pairs}

    stocks = found()
    if missing := pairs - stocks.keys():
        Stock.objects.bulk_create([Stock(warehouse_id=w, product_variant_id=v) for w, v in missing],
                                  ignore_conflicts=True)
        stocks = found()
    return stocks


@transaction.atomic
def stock_move(
    *, stock_id: int, kind: str, quantity_delta: int = 0, allocated_delta: int = 0, actor=None,
    reference: str = "", reason: str = "",
) -> StockMovement:
    """Apply one movement under a row lock. Refuses (and writes nothing) when the result would be negative or
    would allocate more than is on hand."""
    if not isinstance(quantity_delta, int) or not isinstance(allocated_delta, int):
        raise DomainError("Quantities must be whole numbers.", code=StockErrorCode.INVALID, field="quantity")
    stock = stocks_lock(stock_ids=[stock_id]).first()
    if stock is None:
        raise DomainError("Stock line not found.", code=StockErrorCode.NOT_FOUND)
    new_quantity = stock.quantity + quantity_delta
    new_allocated = stock.quantity_allocated + allocated_delta
    if new_quantity < 0 or new_allocated < 0 or new_allocated > new_quantity:
        available = stock.quantity - stock.quantity_allocated
        raise DomainError(
            f"Only {max(available, 0)} left in stock.", code=StockErrorCode.INSUFFICIENT_STOCK,
            field="quantity", available=max(available, 0),
        )
    before = {"quantity": stock.quantity, "quantity_allocated": stock.quantity_allocated}
    Stock.objects.filter(pk=stock.pk).update(quantity=new_quantity, quantity_allocated=new_allocated)
    movement = StockMovement.objects.create(
        stock_id=stock.pk, kind=kind, quantity_delta=quantity_delta, allocated_delta=allocated_delta,
        quantity_after=new_quantity, allocated_after=new_allocated, reference=reference, reason=reason,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )
    log_action(action=f"warehouse.stock.{kind}", obj=stock, actor=actor, before=before,
               after={"quantity": new_quantity, "quantity_allocated": new_allocated, "reference": reference})
    if _frees_less(kind=kind, quantity_delta=quantity_delta, allocated_delta=allocated_delta):
        reservations_trim(free_by_stock={stock.pk: new_quantity - new_allocated})
    return movement


def _frees_less(*, kind: str, quantity_delta: int, allocated_delta: int) -> bool:
    """Units left the shelf other than to an order (a count, a counter sale, a transfer): checkout reservations
    may now exceed what is free. An online allocation is excluded: the checkout being completed still holds its
    reservations at that moment and releases them itself."""
    return kind != StockMovementKind.ONLINE_ALLOCATION and quantity_delta - allocated_delta < 0



@dataclass(frozen=True)
class StockChange:
    stock_id: int
    quantity_delta: int = 0
    allocated_delta: int = 0


@transaction.atomic
def stock_moves_bulk(*, changes: list[StockChange], kind: str, actor=None, reference: str = "", reason: str = ""
                     ) -> int:
    """`stock_move` for many rows with the same meaning (one ledger row and one audit entry per change), in a
    fixed number of statements whatever the number of rows: lock, update, ledger insert, audit insert. All or
    nothing: a change that would go negative or allocate more than is on hand raises (with its `index`) and
    nothing is written. Several changes of one row apply in order. Returns the number of ledger rows written."""
    before = stocks_lock_quantities(stock_ids=sorted({c.stock_id for c in changes}))
    state = dict(before)
    ledger: list[tuple[int, int, int, int, int]] = []
    audits = []
    for index, change in enumerate(changes):
        if not isinstance(change.quantity_delta, int) or not isinstance(change.allocated_delta, int):
            raise DomainError("Quantities must be whole numbers.", code=StockErrorCode.INVALID, field="quantity",
                              index=index)
        if change.stock_id not in state:
            raise DomainError("Stock line not found.", code=StockErrorCode.NOT_FOUND, index=index)
        quantity, allocated = state[change.stock_id]
        new_quantity, new_allocated = quantity + change.quantity_delta, allocated + change.allocated_delta
        if new_quantity < 0 or new_allocated < 0 or new_allocated > new_quantity:
            raise DomainError(f"Only {max(quantity - allocated, 0)} left in stock.",
                              code=StockErrorCode.INSUFFICIENT_STOCK, field="quantity",
                              available=max(quantity - allocated, 0), index=index)
        state[change.stock_id] = (new_quantity, new_allocated)
        ledger.append((change.stock_id, change.quantity_delta, change.allocated_delta, new_quantity, new_allocated))
        audits.append((change.stock_id, {"quantity": quantity, "quantity_allocated": allocated},
                       {"quantity": new_quantity, "quantity_allocated": new_allocated, "reference": reference}))
    if not ledger:
        return 0
    changed = {pk: v for pk, v in state.items() if v != before[pk]}
    columns = list(zip(*ledger, strict=True))
    with connection.cursor() as cursor:
        # Set-based statements over arrays: one round trip each, whatever the number of rows.
        if changed:
            cursor.execute(
                f"UPDATE {Stock._meta.db_table} AS s SET quantity = v.quantity, quantity_allocated = v.allocated "
                "FROM unnest(%s::bigint[], %s::integer[], %s::integer[]) AS v(id, quantity, allocated) "
                "WHERE s.id = v.id",
                [list(changed), [q for q, _a in changed.values()], [a for _q, a in changed.values()]])
        cursor.execute(
            f"INSERT INTO {StockMovement._meta.db_table} (stock_id, kind, quantity_delta, allocated_delta, "
            "quantity_after, allocated_after, reference, reason, actor_id, created_at) "
            "SELECT v.stock_id, %s, v.dq, v.da, v.qa, v.aa, %s, %s, %s, %s "
            "FROM unnest(%s::bigint[], %s::integer[], %s::integer[], %s::integer[], %s::integer[]) "
            "WITH ORDINALITY AS v(stock_id, dq, da, qa, aa, n) ORDER BY v.n",
            [kind, reference, reason, actor.pk if getattr(actor, "is_authenticated", False) else None,
             timezone.now(), *[list(column) for column in columns]])
    log_actions(action=f"warehouse.stock.{kind}", model=Stock, entries=audits, actor=actor)
    less_free = {pk: q - a for pk, (q, a) in changed.items() if q - a < before[pk][0] - before[pk][1]}
    if kind != StockMovementKind.ONLINE_ALLOCATION and less_free:
        reservations_trim(free_by_stock=less_free)
    return len(ledger)
