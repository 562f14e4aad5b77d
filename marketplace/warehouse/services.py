"""Stock writes. `stock_move` is the only function that changes Stock.quantity / quantity_allocated, and it
writes the ledger row in the same transaction, so the ledger always sums to the stock."""

from __future__ import annotations

from django.db import transaction

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.warehouse.error_codes import StockErrorCode
from marketplace.warehouse.locks import stocks_lock
from marketplace.warehouse.models import Stock, StockMovement


def stock_get_or_create(*, warehouse_id: int, variant_id: int) -> Stock:
    stock, _ = Stock.objects.get_or_create(warehouse_id=warehouse_id, product_variant_id=variant_id)
    return stock


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
    return movement

