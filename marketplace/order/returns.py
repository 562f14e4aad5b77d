"""Goods a customer sends back: they go into sale again at the warehouse staff choose, and a RETURNED fulfilment
records what came back (Saleor's orderFulfillmentReturnProducts). Money is refunded by marketplace.payment."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.error_codes import OrderErrorCode
from marketplace.order.models import (
    Fulfillment,
    FulfillmentLine,
    FulfillmentStatus,
    Order,
    OrderEvents,
    OrderStatus,
)
from marketplace.order.services import order_event_add
from marketplace.warehouse.models import Warehouse
from marketplace.warehouse.shipments import stock_return

RETURNABLE = (OrderStatus.PARTIALLY_FULFILLED, OrderStatus.FULFILLED, OrderStatus.PARTIALLY_RETURNED)


@dataclass(frozen=True)
class ReturnLine:
    order_line_id: object
    quantity: int


def order_line_quantities_returned(*, order_id) -> dict[str, int]:
    rows = (FulfillmentLine.objects.filter(fulfillment__order_id=order_id,
                                           fulfillment__status=FulfillmentStatus.RETURNED)
            .values("order_line_id").annotate(total=Sum("quantity")))
    return {str(row["order_line_id"]): row["total"] for row in rows}


@dataclass(frozen=True)
class ReturnResult:
    order: Order
    fulfillment: Fulfillment
    amount: Decimal  # the returned goods at the price paid, for the refund


@transaction.atomic
def order_return_lines(*, order: Order, lines: list[ReturnLine], warehouse_id: int, actor=None) -> ReturnResult:
    """Put shipped units back into stock at `warehouse_id`. Refused (nothing written): an order not shipped,
    a line not in the order, zero or more units than were shipped and not yet returned, an unknown warehouse."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status not in RETURNABLE:
        raise DomainError(_("Chỉ nhận trả hàng cho đơn đã giao."), code=OrderErrorCode.NOT_EDITABLE, field="id")
    if not Warehouse.objects.filter(pk=warehouse_id).exists():
        raise DomainError(_("Không tìm thấy kho nhận hàng trả."), code=OrderErrorCode.NOT_FOUND, field="warehouse")
    order_lines = {str(line.pk): line for line in order.lines.all()}
    returned = order_line_quantities_returned(order_id=order.pk)
    wanted: dict[str, int] = defaultdict(int)
    errors = []
    for item in lines:
        key = str(item.order_line_id)
        if key not in order_lines:
            errors.append(DomainError(_("Dòng đơn không thuộc đơn hàng này."), code=OrderErrorCode.NOT_FOUND,
                                      field="orderLineId", order_lines=[key]))
        elif item.quantity <= 0:
            errors.append(DomainError(_("Số lượng trả phải lớn hơn 0."), code=OrderErrorCode.ZERO_QUANTITY,
                                      field="quantity", order_lines=[key]))
        else:
            wanted[key] += item.quantity
    for key, quantity in wanted.items():
        line = order_lines[key]
        left = line.quantity_fulfilled - returned.get(key, 0)
        if quantity > left:
            errors.append(DomainError(_("Chỉ có thể trả tối đa %(left)s đơn vị “%(name)s”.")
                                      % {"left": left, "name": line.product_name},
                                      code=OrderErrorCode.INVALID_QUANTITY, field="quantity", order_lines=[key]))
    if not wanted and not errors:
        errors.append(DomainError(_("Chọn ít nhất một dòng để trả."), code=OrderErrorCode.REQUIRED, field="lines"))
    if errors:
        raise DomainErrors(errors)
    number = (order.fulfillments.order_by("-fulfillment_order").values_list("fulfillment_order", flat=True)
              .first() or 0) + 1
    fulfillment = Fulfillment.objects.create(order=order, fulfillment_order=number, warehouse_id=warehouse_id,
                                             status=FulfillmentStatus.RETURNED)
    amount = Decimal(0)
    for key, quantity in wanted.items():
        line = order_lines[key]
        stock = stock_return(variant_id=line.variant_id, warehouse_id=warehouse_id, quantity=quantity, actor=actor,
                             reference=f"Đơn #{order.number}", reason="Khách trả hàng")
        FulfillmentLine.objects.create(fulfillment=fulfillment, order_line=line, quantity=quantity, stock=stock)
        amount += line.unit_price_amount * quantity
        returned[key] = returned.get(key, 0) + quantity
    everything_back = all(returned.get(key, 0) >= line.quantity for key, line in order_lines.items())
    order.status = OrderStatus.RETURNED if everything_back else OrderStatus.PARTIALLY_RETURNED
    order.save(update_fields=["status", "updated_at"])
    order_event_add(order=order, type=OrderEvents.FULFILLMENT_RETURNED, user=actor, fulfillment=number,
                    quantity=sum(wanted.values()))
    order_event_add(order=order, type=OrderEvents.FULFILLMENT_RESTOCKED_ITEMS, user=actor, warehouse=warehouse_id,
                    quantity=sum(wanted.values()))
    log_action(action="order.order.returned", obj=order, actor=actor,
               after={"warehouse": warehouse_id, "lines": dict(wanted), "amount": str(amount)})
    return ReturnResult(order=order, fulfillment=fulfillment, amount=amount)
