"""Shipping a home-delivery order line by line (Saleor's orderFulfill): any part of any line, from the warehouse
staff choose, with a carrier and tracking number; then tracking updates and "delivered". Pickup orders leave
through the sales point's hand-over (services.order_pickup_handover) and carry no tracking number."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.error_codes import OrderErrorCode
from marketplace.order.models import (
    PAY_ON_DELIVERY_GATEWAYS,
    Fulfillment,
    FulfillmentLine,
    FulfillmentStatus,
    Order,
    OrderEvents,
    OrderLine,
    OrderStatus,
)
from marketplace.order.selectors import order_is_paid
from marketplace.order.services import order_event_add
from marketplace.warehouse.shipments import stock_ship_for_line

FULFILLABLE = (OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)
TRACKING_MAX_LENGTH = 255


@dataclass(frozen=True)
class FulfilStock:
    warehouse_id: int
    quantity: int


@dataclass(frozen=True)
class FulfilLine:
    order_line_id: object
    stocks: list[FulfilStock]


def _check_tracking_allowed(order: Order, tracking_number: str) -> str:
    tracking_number = (tracking_number or "").strip()
    if tracking_number and order.is_pickup:
        raise DomainError(_("Đơn nhận tại điểm bán không có mã vận đơn."), code=OrderErrorCode.INVALID,
                          field="trackingNumber")
    if len(tracking_number) > TRACKING_MAX_LENGTH:
        raise DomainError(_("Mã vận đơn quá dài."), code=OrderErrorCode.INVALID, field="trackingNumber")
    return tracking_number


def _check_quantities(order: Order, lines: list[FulfilLine]) -> dict:
    """Every line is the order's, each quantity positive, no line named twice, nothing beyond what is still to
    ship. All problems are reported together."""
    order_lines = {str(line.pk): line for line in order.lines.select_related("variant")}
    errors: list[DomainError] = []
    seen: set[str] = set()
    for item in lines:
        key = str(item.order_line_id)
        line = order_lines.get(key)
        if line is None:
            errors.append(DomainError(_("Dòng đơn không thuộc đơn hàng này."), code=OrderErrorCode.NOT_FOUND,
                                      field="orderLineId", order_lines=[key]))
            continue
        if key in seen:
            errors.append(DomainError(_("Một dòng đơn được nêu hai lần."), code=OrderErrorCode.DUPLICATED_INPUT_ITEM,
                                      field="orderLineId", order_lines=[key]))
            continue
        seen.add(key)
        if not item.stocks or any(s.quantity <= 0 for s in item.stocks):
            errors.append(DomainError(_("Số lượng giao phải lớn hơn 0."), code=OrderErrorCode.ZERO_QUANTITY,
                                      field="quantity", order_lines=[key]))
            continue
        if sum(s.quantity for s in item.stocks) > line.quantity_unfulfilled:
            errors.append(DomainError(
                _("Chỉ còn %(left)s đơn vị “%(name)s” chưa giao.") % {"left": line.quantity_unfulfilled,
                                                                      "name": line.product_name},
                code=OrderErrorCode.FULFILL_ORDER_LINE, field="orderLineId", order_lines=[key]))
    if not lines:
        errors.append(DomainError(_("Chọn ít nhất một dòng để giao."), code=OrderErrorCode.REQUIRED, field="lines"))
    if errors:
        raise DomainErrors(errors)
    return order_lines


def order_fulfil_lines(*, order: Order, lines: list[FulfilLine], tracking_number: str = "", carrier: str = "",
                       notify_customer: bool = True, actor=None) -> tuple[Order, list[Fulfillment]]:
    """Ship parts of a home-delivery order: one Fulfillment per warehouse the units leave from. The order becomes
    PARTIALLY_FULFILLED or FULFILLED. A card order must be paid; cash on delivery is collected by the courier.
    Refused (nothing written): a pickup order, a tracking number on it, more than is left to ship, no stock.
    The listing rule is asked first, as for every step that moves goods: a line whose product fails it is withdrawn
    (committed, the shopper told, its money refunded by marketplace.payment) and the shipment refused, so staff
    see the changed order. Call it outside a transaction so the withdrawal stays."""
    from marketplace.order.certificate_check import order_lines_check_listable
    from marketplace.order.services import refuse_withdrawn

    with transaction.atomic():
        withdrawal = order_lines_check_listable(order=order, actor=actor)
    refuse_withdrawn(withdrawal)
    return _fulfil_lines(order=order, lines=lines, tracking_number=tracking_number, carrier=carrier,
                         notify_customer=notify_customer, actor=actor)


@transaction.atomic
def _fulfil_lines(*, order: Order, lines: list[FulfilLine], tracking_number: str, carrier: str,
                  notify_customer: bool, actor) -> tuple[Order, list[Fulfillment]]:
    order = Order.objects.select_for_update().get(pk=order.pk)
    tracking_number = _check_tracking_allowed(order, tracking_number)
    if order.is_pickup:
        raise DomainError(_("Đơn nhận tại điểm bán: dùng giao tại quầy."), code=OrderErrorCode.INVALID, field="id")
    if order.payment_gateway not in PAY_ON_DELIVERY_GATEWAYS and not order_is_paid(order):
        raise DomainError(_("Đơn chưa được thanh toán."), code=OrderErrorCode.CANNOT_FULFILL_UNPAID_ORDER, field="id")
    if order.status not in FULFILLABLE:
        raise DomainError(_("Đơn hàng không ở trạng thái chờ giao."), code=OrderErrorCode.NOT_EDITABLE, field="id")
    order_lines = _check_quantities(order, lines)
    by_warehouse: dict[int, list[tuple[OrderLine, int]]] = defaultdict(list)
    for item in lines:
        for stock in item.stocks:
            by_warehouse[stock.warehouse_id].append((order_lines[str(item.order_line_id)], stock.quantity))
    fulfillments = []
    next_number = (order.fulfillments.order_by("-fulfillment_order").values_list("fulfillment_order", flat=True)
                   .first() or 0) + 1
    for warehouse_id, parts in sorted(by_warehouse.items()):
        fulfillment = Fulfillment.objects.create(order=order, fulfillment_order=next_number, warehouse_id=warehouse_id,
                                                 tracking_number=tracking_number, carrier=carrier.strip()[:100])
        next_number += 1
        for line, quantity in parts:
            try:
                consumed = stock_ship_for_line(order_line_id=line.pk, variant_id=line.variant_id,
                                               warehouse_id=warehouse_id, quantity=quantity, actor=actor,
                                               reference=f"Đơn #{order.number}")
            except DomainError as exc:
                raise DomainError(exc.message, code=OrderErrorCode.INSUFFICIENT_STOCK, field="warehouse",
                                  order_lines=[str(line.pk)]) from exc
            FulfillmentLine.objects.create(fulfillment=fulfillment, order_line=line, quantity=quantity,
                                           stock_id=consumed.stock_id)
            line.quantity_fulfilled += quantity
            OrderLine.objects.filter(pk=line.pk).update(quantity_fulfilled=line.quantity_fulfilled)
        fulfillments.append(fulfillment)
    order.status = (OrderStatus.FULFILLED if all(ln.quantity_unfulfilled == 0 for ln in order_lines.values())
                    else OrderStatus.PARTIALLY_FULFILLED)
    order.save(update_fields=["status", "updated_at"])
    for fulfillment in fulfillments:
        order_event_add(order=order, type=OrderEvents.FULFILLMENT_FULFILLED_ITEMS, user=actor,
                        fulfillment=fulfillment.fulfillment_order, tracking_number=tracking_number)
        log_action(action="order.fulfillment.created", obj=order, actor=actor,
                   after={"fulfillment": fulfillment.fulfillment_order, "warehouse": fulfillment.warehouse_id,
                          "tracking_number": tracking_number})
    if notify_customer:
        _email_on_commit("shipped", [f.pk for f in fulfillments])
    return order, fulfillments


@transaction.atomic
def fulfillment_tracking_update(*, fulfillment: Fulfillment, tracking_number: str, carrier: str | None = None,
                                notify_customer: bool = False, actor=None) -> Fulfillment:
    """Change the courier's tracking number (Saleor's fulfillmentUpdateTracking); refused on a pickup order."""
    fulfillment = Fulfillment.objects.select_for_update().select_related("order").get(pk=fulfillment.pk)
    tracking_number = _check_tracking_allowed(fulfillment.order, tracking_number)
    if fulfillment.status != FulfillmentStatus.FULFILLED:
        raise DomainError(_("Lần giao này đã bị hủy hoặc đã trả lại."), code=OrderErrorCode.INVALID, field="id")
    before = {"tracking_number": fulfillment.tracking_number, "carrier": fulfillment.carrier}
    fulfillment.tracking_number = tracking_number
    if carrier is not None:
        fulfillment.carrier = carrier.strip()[:100]
    fulfillment.save(update_fields=["tracking_number", "carrier"])
    order_event_add(order=fulfillment.order, type=OrderEvents.TRACKING_UPDATED, user=actor,
                    tracking_number=tracking_number, fulfillment=fulfillment.fulfillment_order)
    log_action(action="order.fulfillment.tracking_updated", obj=fulfillment.order, actor=actor, before=before,
               after={"tracking_number": tracking_number, "carrier": fulfillment.carrier})
    if notify_customer:
        _email_on_commit("shipped", [fulfillment.pk])
    return fulfillment


@transaction.atomic
def fulfillment_mark_delivered(*, fulfillment: Fulfillment, actor=None) -> Fulfillment:
    """The courier handed the parcel over (idempotent: a second call changes nothing and sends nothing)."""
    fulfillment = Fulfillment.objects.select_for_update().select_related("order").get(pk=fulfillment.pk)
    if fulfillment.status != FulfillmentStatus.FULFILLED:
        raise DomainError(_("Lần giao này đã bị hủy hoặc đã trả lại."), code=OrderErrorCode.INVALID, field="id")
    if fulfillment.delivered_at is None:
        fulfillment.delivered_at = timezone.now()
        fulfillment.save(update_fields=["delivered_at"])
        order_event_add(order=fulfillment.order, type=OrderEvents.NOTE_ADDED, user=actor,
                        message=f"Lần giao {fulfillment.fulfillment_order}: đã giao tới khách",
                        fulfillment=fulfillment.fulfillment_order)
        log_action(action="order.fulfillment.delivered", obj=fulfillment.order, actor=actor,
                   after={"fulfillment": fulfillment.fulfillment_order})
        _email_on_commit("delivered", [fulfillment.pk])
    return fulfillment


def _email_on_commit(kind: str, fulfillment_ids: list[int]) -> None:
    from marketplace.order.tasks import order_fulfillment_email_task

    for pk in fulfillment_ids:
        transaction.on_commit(lambda pk=pk: order_fulfillment_email_task.delay(kind, pk), robust=True)
