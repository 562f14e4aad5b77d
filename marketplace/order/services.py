"""Order writes: placing an order from a checkout's data (with stock allocation), status changes, pickup at a
sales point, fulfilment and cancellation. Money is recorded by marketplace.payment, which calls
`order_payment_totals_set` here; refunds therefore live there too."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.account.models import Address
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.order.error_codes import OrderErrorCode
from marketplace.order.models import (
    PAY_ON_DELIVERY_GATEWAYS,
    Fulfillment,
    FulfillmentLine,
    Order,
    OrderAuthorizeStatus,
    OrderChargeStatus,
    OrderEvent,
    OrderEvents,
    OrderLine,
    OrderStatus,
)
from marketplace.warehouse.allocations import allocations_create, allocations_fulfil, allocations_release
from marketplace.warehouse.availability import Demand
from marketplace.warehouse.models import StockMovementKind, WarehouseClickAndCollectOption

CANCELLABLE = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)


@dataclass(frozen=True)
class OrderLineDraft:
    variant_id: int
    product_name: str
    variant_name: str
    sku: str | None
    quantity: int
    unit_price: Decimal
    undiscounted_unit_price: Decimal
    promotion_id: int | None = None
    is_shipping_required: bool = True


@dataclass(frozen=True)
class OrderDraft:
    channel_id: int
    email: str
    lines: list[OrderLineDraft]
    user_id: int | None = None
    language_code: str = "vi"
    billing_address: Address | None = None
    shipping_address: Address | None = None
    shipping_method_id: int | None = None
    shipping_method_name: str = ""
    shipping_price: Decimal = Decimal(0)
    collection_point_id: int | None = None
    collection_point_name: str = ""
    collection_point_option: str = ""
    checkout_token: str = ""
    checkout_line_ids: list = field(default_factory=list)
    customer_note: str = ""
    redirect_url: str = ""
    metadata: dict = field(default_factory=dict)


def _next_number() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('order_order_number_seq')")
        return int(cursor.fetchone()[0])


def order_event_add(*, order: Order, type: str, user=None, **parameters) -> OrderEvent:
    return OrderEvent.objects.create(order=order, type=type, parameters=parameters,
                                     user=user if getattr(user, "is_authenticated", False) else None)


@transaction.atomic
def order_create(*, draft: OrderDraft, actor=None) -> Order:
    """Create the order and allocate its stock under ordered row locks. Raises DomainErrors from the
    warehouse (INSUFFICIENT_STOCK, with `variant_ids`) and then nothing is written."""
    subtotal = sum((line.unit_price * line.quantity for line in draft.lines), Decimal(0))
    undiscounted = sum((line.undiscounted_unit_price * line.quantity for line in draft.lines), Decimal(0))
    order = Order.objects.create(
        number=_next_number(), status=OrderStatus.UNCONFIRMED, channel_id=draft.channel_id, user_id=draft.user_id,
        user_email=draft.email, language_code=draft.language_code, billing_address=draft.billing_address,
        shipping_address=draft.shipping_address, shipping_method_id=draft.shipping_method_id,
        shipping_method_name=draft.shipping_method_name, collection_point_id=draft.collection_point_id,
        collection_point_name=draft.collection_point_name, subtotal_amount=subtotal,
        undiscounted_subtotal_amount=undiscounted, shipping_price_amount=draft.shipping_price,
        total_amount=subtotal + draft.shipping_price, undiscounted_total_amount=undiscounted + draft.shipping_price,
        checkout_token=draft.checkout_token, customer_note=draft.customer_note, redirect_url=draft.redirect_url,
        metadata=draft.metadata, payment_due_at=timezone.now() + timedelta(minutes=settings.ORDER_PAYMENT_MINUTES),
    )
    lines = OrderLine.objects.bulk_create([
        OrderLine(id=uuid.uuid4(), order=order, variant_id=line.variant_id, product_name=line.product_name,
                  variant_name=line.variant_name, product_sku=line.sku, product_variant_id=str(line.variant_id),
                  is_shipping_required=line.is_shipping_required, quantity=line.quantity,
                  unit_price_amount=line.unit_price, undiscounted_unit_price_amount=line.undiscounted_unit_price,
                  total_price_amount=line.unit_price * line.quantity,
                  undiscounted_total_price_amount=line.undiscounted_unit_price * line.quantity,
                  promotion_id=line.promotion_id)
        for line in draft.lines])
    local_pickup = (draft.collection_point_id is not None
                    and draft.collection_point_option == WarehouseClickAndCollectOption.LOCAL_STOCK)
    allocations_create(
        demands=[Demand(key=line.id, variant_id=line.variant_id, quantity=line.quantity) for line in lines],
        channel_id=draft.channel_id, warehouse_ids=[draft.collection_point_id] if local_pickup else None,
        preferred_warehouse_id=draft.collection_point_id, checkout_line_ids=draft.checkout_line_ids, actor=actor,
        reference=f"Đơn #{order.number}")
    order_event_add(order=order, type=OrderEvents.PLACED, user=actor)
    log_action(action="order.order.placed", obj=order, actor=actor,
               after={"number": order.number, "total": str(order.total_amount)})
    return order


@transaction.atomic
def order_payment_method_set(*, order: Order, gateway: str, pay_on_delivery: bool) -> Order:
    """Record how the order will be paid. Paying on delivery confirms the order at once (it will be paid at
    hand-over); a card order stays UNCONFIRMED until Stripe reports the payment."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status not in CANCELLABLE:
        raise DomainError(_("Đơn hàng không còn chờ thanh toán."), code=OrderErrorCode.NOT_EDITABLE, field="id")
    order.payment_gateway = gateway
    if pay_on_delivery and order.status == OrderStatus.UNCONFIRMED:
        order.status = OrderStatus.UNFULFILLED
        order.payment_due_at = None
        order_event_add(order=order, type=OrderEvents.CONFIRMED, gateway=gateway)
    order.save(update_fields=["payment_gateway", "status", "payment_due_at", "updated_at"])
    return order


def _charge_status(charged: Decimal, total: Decimal) -> str:
    if charged <= 0:
        return OrderChargeStatus.NONE
    if charged < total:
        return OrderChargeStatus.PARTIAL
    return OrderChargeStatus.FULL if charged == total else OrderChargeStatus.OVERCHARGED


@transaction.atomic
def order_payment_totals_set(*, order: Order, charged: Decimal, authorized: Decimal, refunded: Decimal,
                             actor=None) -> Order:
    """Store the sums of the order's transactions (charged is net of refunds) and derive Saleor's charge and
    authorize statuses. Becoming fully paid confirms an unconfirmed order."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    was_paid = order.charge_status in (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED)
    order.total_charged_amount, order.total_authorized_amount, order.total_refunded_amount = (
        charged, authorized, refunded)
    order.charge_status = _charge_status(charged, order.total_amount)
    covered = charged + authorized
    order.authorize_status = (OrderAuthorizeStatus.NONE if covered <= 0 else OrderAuthorizeStatus.FULL
                              if covered >= order.total_amount else OrderAuthorizeStatus.PARTIAL)
    is_paid = order.charge_status in (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED)
    if is_paid and not was_paid:
        order_event_add(order=order, type=OrderEvents.ORDER_FULLY_PAID, user=actor, amount=str(charged))
        if order.status == OrderStatus.UNCONFIRMED:
            order.status = OrderStatus.UNFULFILLED
            order.payment_due_at = None
            order_event_add(order=order, type=OrderEvents.CONFIRMED)
    order.save(update_fields=["total_charged_amount", "total_authorized_amount", "total_refunded_amount",
                              "charge_status", "authorize_status", "status", "payment_due_at", "updated_at"])
    log_action(action="order.order.payment_updated", obj=order, actor=actor,
               after={"charged": str(charged), "refunded": str(refunded), "charge_status": order.charge_status})
    return order


@transaction.atomic
def order_cancel(*, order: Order, actor=None, allow_charged: bool = False) -> Order:
    """Cancel an order that has not left the stock; its allocated units return to sale. An order holding money
    is cancelled only by marketplace.payment (which refunds it): `allow_charged` is for that caller alone."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status not in CANCELLABLE:
        raise DomainError(_("Không thể hủy đơn hàng ở trạng thái này."), code=OrderErrorCode.CANNOT_CANCEL_ORDER,
                          field="id")
    if order.total_charged_amount > 0 and not allow_charged:
        raise DomainError(_("Đơn đã thanh toán: hủy kèm hoàn tiền."), code=OrderErrorCode.CANNOT_CANCEL_ORDER,
                          field="id")
    allocations_release(order_line_ids=order.lines.values_list("id", flat=True), kind=StockMovementKind.CANCELLATION,
                        actor=actor, reference=f"Đơn #{order.number}", reason="Hủy đơn")
    order.status = OrderStatus.CANCELED
    order.payment_due_at = None
    order.save(update_fields=["status", "payment_due_at", "updated_at"])
    order_event_add(order=order, type=OrderEvents.CANCELED, user=actor)
    log_action(action="order.order.canceled", obj=order, actor=actor)
    return order


@transaction.atomic
def order_expire(*, order: Order) -> Order | None:
    """An unpaid card order, or a cash-at-pickup order not collected in time, past its deadline gives its stock
    back. Returns None when it was paid (or collected) meanwhile.
    Money already taken for it (a partial payment) is refunded by marketplace.payment, which calls this."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status not in CANCELLABLE or order.total_charged_amount >= order.total_amount:
        return None
    if order.status == OrderStatus.UNFULFILLED and not (order.is_pickup and order.payment_due_at):
        return None  # only card orders and cash-at-pickup orders have a deadline
    allocations_release(order_line_ids=order.lines.values_list("id", flat=True), kind=StockMovementKind.DEALLOCATION,
                        reference=f"Đơn #{order.number}", reason="Hết hạn thanh toán")
    order.status = OrderStatus.EXPIRED
    order.payment_due_at = None
    order.save(update_fields=["status", "payment_due_at", "updated_at"])
    order_event_add(order=order, type=OrderEvents.EXPIRED)
    log_action(action="order.order.expired", obj=order)
    return order


def _fulfil(order: Order, *, kind: str, actor, tracking_number: str = "") -> Fulfillment:
    lines = list(order.lines.filter(canceled_at__isnull=True))
    consumed = allocations_fulfil(order_line_ids=[line.id for line in lines], kind=kind, actor=actor,
                                  reference=f"Đơn #{order.number}")
    fulfillment = Fulfillment.objects.create(
        order=order, fulfillment_order=order.fulfillments.count() + 1, tracking_number=tracking_number,
        warehouse_id=order.collection_point_id or (consumed[0].warehouse_id if consumed else None))
    FulfillmentLine.objects.bulk_create([
        FulfillmentLine(fulfillment=fulfillment, order_line_id=c.order_line_id, stock_id=c.stock_id,
                        quantity=c.quantity) for c in consumed])
    for line in lines:
        OrderLine.objects.filter(pk=line.pk).update(quantity_fulfilled=line.quantity)
    order.status = OrderStatus.FULFILLED
    order.save(update_fields=["status", "updated_at"])
    order_event_add(order=order, type=OrderEvents.FULFILLMENT_FULFILLED_ITEMS, user=actor,
                    fulfillment=fulfillment.fulfillment_order)
    return fulfillment


def _locked_open_order(order: Order) -> Order:
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != OrderStatus.UNFULFILLED:
        raise DomainError(_("Đơn hàng không ở trạng thái chờ giao."), code=OrderErrorCode.NOT_EDITABLE, field="id")
    return order


@transaction.atomic
def order_pickup_ready(*, order: Order, actor=None) -> Order:
    """The sales point has packed the order; the shopper is told to come (idempotent)."""
    order = _locked_open_order(order)
    if not order.is_pickup:
        raise DomainError(_("Đơn này giao tận nơi, không nhận tại điểm bán."), code=OrderErrorCode.INVALID, field="id")
    if order.pickup_ready_at is None:
        order.pickup_ready_at = timezone.now()
        if order.payment_gateway in PAY_ON_DELIVERY_GATEWAYS and order.charge_status != OrderChargeStatus.FULL:
            # Cash at the counter: the order is held for a few days, then expires and its stock returns to sale.
            order.payment_due_at = order.pickup_ready_at + timedelta(days=settings.PICKUP_COD_HOLD_DAYS)
        order.save(update_fields=["pickup_ready_at", "payment_due_at", "updated_at"])
        order_event_add(order=order, type=OrderEvents.NOTE_ADDED, user=actor, message="Sẵn sàng để nhận tại điểm bán")
        log_action(action="order.order.pickup_ready", obj=order, actor=actor)
        from marketplace.order.tasks import order_pickup_ready_email_task

        transaction.on_commit(lambda: order_pickup_ready_email_task.delay(str(order.pk)), robust=True)
    return order


def refuse_withdrawn(withdrawal) -> None:
    """Refuse a step (shipment, hand-over) after lines failing the listing rule were withdrawn."""
    if withdrawal.lines:
        raise DomainError(
            _("Không giao được: %(names)s không còn giấy chứng nhận OCOP hợp lệ và đã được hủy khỏi đơn. "
              "Kiểm tra lại đơn hàng.") % {"names": withdrawal.product_names()},
            code=OrderErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE, field="lines",
            lines=[str(line.pk) for line in withdrawal.lines])


def order_pickup_handover(*, order: Order, actor=None) -> Order:
    """The shopper collects the order: its units leave the sales point's stock (PICKUP_HANDOVER in the ledger).
    The order must be paid first: cash on delivery is recorded with payment's `order_mark_paid`. The listing
    rule is asked again under the same lock: a line that fails it is withdrawn (committed) and the hand-over
    refused, so the operator sees the changed order; call it outside a transaction so the withdrawal stays."""
    withdrawal, order = _pickup_handover(order=order, actor=actor)
    refuse_withdrawn(withdrawal)
    return order


@transaction.atomic
def _pickup_handover(*, order: Order, actor):
    from marketplace.order.certificate_check import order_lines_check_listable

    order = _locked_open_order(order)
    withdrawal = order_lines_check_listable(order=order, actor=actor)
    if withdrawal.lines:
        return withdrawal, withdrawal.order
    if not order.is_pickup:
        raise DomainError(_("Đơn này giao tận nơi, không nhận tại điểm bán."), code=OrderErrorCode.INVALID, field="id")
    if order.charge_status not in (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED):
        raise DomainError(_("Đơn chưa được thanh toán: thu tiền trước khi giao."),
                          code=OrderErrorCode.CANNOT_FULFILL_UNPAID_ORDER, field="id")
    _fulfil(order, kind=StockMovementKind.PICKUP_HANDOVER, actor=actor)
    log_action(action="order.order.handed_over", obj=order, actor=actor)
    return withdrawal, order


def order_fulfil(*, order: Order, actor=None, tracking_number: str = "") -> Order:
    """Ship a home-delivery order. A card order must be paid; cash on delivery is paid to the courier later.
    The listing rule is asked again first: a failing line is withdrawn (committed) and the shipment refused, so
    staff repack; money paid for it is refunded by marketplace.payment (`orders_refund_surplus`). Call it
    outside a transaction so the withdrawal stays."""
    withdrawal, order = _fulfil_delivery(order=order, actor=actor, tracking_number=tracking_number)
    refuse_withdrawn(withdrawal)
    return order


@transaction.atomic
def _fulfil_delivery(*, order: Order, actor, tracking_number: str):
    from marketplace.order.certificate_check import order_lines_check_listable

    order = _locked_open_order(order)
    withdrawal = order_lines_check_listable(order=order, actor=actor)
    if withdrawal.lines:
        return withdrawal, withdrawal.order
    if order.is_pickup:
        raise DomainError(_("Đơn nhận tại điểm bán: dùng giao tại quầy."), code=OrderErrorCode.INVALID, field="id")
    from marketplace.order.selectors import order_is_paid

    if order.payment_gateway not in PAY_ON_DELIVERY_GATEWAYS and not order_is_paid(order):
        raise DomainError(_("Đơn chưa được thanh toán."), code=OrderErrorCode.CANNOT_FULFILL_UNPAID_ORDER, field="id")
    _fulfil(order, kind=StockMovementKind.ORDER_FULFILMENT, actor=actor, tracking_number=tracking_number)
    log_action(action="order.order.fulfilled", obj=order, actor=actor)
    return withdrawal, order
