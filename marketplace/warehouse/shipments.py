"""Stock leaving for part of an order line (line-by-line fulfilment) and goods coming back (returns). Locks the
involved stock rows in pk order, like allocations.py, and writes every change through `stock_move`."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.warehouse.allocations import Consumed
from marketplace.warehouse.error_codes import StockErrorCode
from marketplace.warehouse.locks import stocks_lock
from marketplace.warehouse.models import Allocation, Stock, StockMovementKind
from marketplace.warehouse.services import stock_get_or_create, stock_move


@transaction.atomic
def stock_ship_for_line(*, order_line_id, variant_id: int, warehouse_id: int, quantity: int, actor=None,
                        reference: str = "") -> Consumed:
    """Take `quantity` units of an order line out of one warehouse. Units allocated to the line there are used
    first; the rest must be free stock there, and as many units allocated to the line elsewhere are released
    (the line needs them no more). Raises INSUFFICIENT_STOCK (with `warehouse`) and then changes nothing."""
    stock = Stock.objects.filter(warehouse_id=warehouse_id, product_variant_id=variant_id).first()
    if stock is None:
        raise DomainError(_("Kho này không có hàng cho dòng đơn."), code=StockErrorCode.INSUFFICIENT_STOCK,
                          field="warehouse", warehouse=warehouse_id, order_line_id=order_line_id)
    allocations = list(Allocation.objects.filter(order_line_id=order_line_id, quantity_allocated__gt=0)
                       .order_by("stock_id", "pk"))
    locked = {s.pk: s for s in stocks_lock(stock_ids=sorted({stock.pk, *(a.stock_id for a in allocations)}))}
    stock = locked[stock.pk]
    here = next((a for a in allocations if a.stock_id == stock.pk), None)
    from_allocation = min(here.quantity_allocated if here else 0, quantity)
    rest = quantity - from_allocation
    if rest > stock.quantity - stock.quantity_allocated:
        raise DomainError(_("Không đủ hàng tại kho này để giao %(quantity)s đơn vị.") % {"quantity": quantity},
                          code=StockErrorCode.INSUFFICIENT_STOCK, field="quantity", warehouse=warehouse_id,
                          order_line_id=order_line_id)
    stock_move(stock_id=stock.pk, kind=StockMovementKind.ORDER_FULFILMENT, quantity_delta=-quantity,
               allocated_delta=-from_allocation, actor=actor, reference=reference)
    if here is not None:
        _allocation_reduce(here, from_allocation)
    for other in (a for a in allocations if a is not here):
        if rest <= 0:
            break
        released = min(rest, other.quantity_allocated)
        stock_move(stock_id=other.stock_id, kind=StockMovementKind.DEALLOCATION, allocated_delta=-released,
                   actor=actor, reference=reference, reason="Giao từ kho khác")
        _allocation_reduce(other, released)
        rest -= released
    return Consumed(order_line_id=order_line_id, stock_id=stock.pk, warehouse_id=warehouse_id, quantity=quantity)


def _allocation_reduce(allocation: Allocation, quantity: int) -> None:
    allocation.quantity_allocated -= quantity
    if allocation.quantity_allocated <= 0:
        allocation.delete()
    else:
        allocation.save(update_fields=["quantity_allocated"])


@transaction.atomic
def stock_return(*, variant_id: int, warehouse_id: int, quantity: int, actor=None, reference: str = "",
                 reason: str = "") -> Stock:
    """Goods sent back by a customer are put into sale again at this warehouse (a RETURN row in the ledger)."""
    if quantity <= 0:
        raise DomainError(_("Số lượng trả phải lớn hơn 0."), code=StockErrorCode.INVALID, field="quantity")
    stock = stock_get_or_create(warehouse_id=warehouse_id, variant_id=variant_id)
    list(stocks_lock(stock_ids=[stock.pk]))
    stock_move(stock_id=stock.pk, kind=StockMovementKind.RETURN, quantity_delta=quantity, actor=actor,
               reference=reference, reason=reason)
    stock.refresh_from_db()
    return stock
