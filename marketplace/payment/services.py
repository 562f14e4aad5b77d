"""Paying for orders: start a payment (Stripe PaymentIntent or cash on delivery), process it, apply Stripe's
webhooks once each, mark cash as received, refund, and cancel paid orders (which refunds them).

Money rules: an order is marked paid only from Stripe's own state of the PaymentIntent (or by a person who
received cash); an order has at most one live PaymentIntent, so it cannot be paid twice through us; a payment
that arrives for an order already paid, cancelled or expired is refunded automatically."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.order.models import Order, OrderEvents, OrderStatus
from marketplace.order.selectors import order_is_paid
from marketplace.order.services import order_cancel, order_event_add, order_payment_method_set
from marketplace.payment import stripe_gateway
from marketplace.payment.error_codes import PaymentErrorCode
from marketplace.payment.models import (
    COD_GATEWAY,
    STRIPE_GATEWAY,
    TransactionEvent,
    TransactionEventType,
    TransactionItem,
)
from marketplace.payment.stripe_sync import transaction_sync_from_intent, transaction_sync_refunds
from marketplace.payment.transactions import (
    order_payment_totals_sync,
    transaction_amounts_recalculate,
    transaction_event_record,
    transaction_lock,
)

logger = logging.getLogger(__name__)
T = TransactionEventType
OPEN_FOR_PAYMENT = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)


@dataclass
class PaymentStep:
    """What a transaction mutation returns: the item, the event it produced, and data for the client."""

    transaction: TransactionItem
    event: TransactionEvent | None = None
    data: dict = field(default_factory=dict)


def _locked_order(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def _active_stripe_items(order: Order):
    return TransactionItem.objects.filter(order=order, gateway=STRIPE_GATEWAY, charge_pending_value__gt=0)


def _stripe_data(item: TransactionItem, intent: dict) -> dict:
    data = {"paymentIntent": intent.get("id"), "status": intent.get("status"),
            "publishableKey": settings.STRIPE_PUBLISHABLE_KEY, "currency": item.currency,
            "amount": stripe_gateway.stripe_amount(item.charge_pending_value or item.charged_value, item.currency)}
    if intent.get("status") in ("requires_payment_method", "requires_confirmation", "requires_action"):
        data["clientSecret"] = intent.get("client_secret")
    if intent.get("last_payment_error"):
        from marketplace.payment.stripe_sync import decline_message

        data["error"] = decline_message(intent)
    return data


@transaction.atomic
def transaction_initialize(*, order: Order, gateway: str, actor=None) -> PaymentStep:
    """Start paying an order. Stripe: create (or reuse) the order's one PaymentIntent for the amount still due,
    in đồng. Cash on delivery: record that the amount is due at hand-over; the order is confirmed."""
    order = _locked_order(order)
    if order.status not in OPEN_FOR_PAYMENT:
        raise DomainError(_("Đơn hàng không còn nhận thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    if order_is_paid(order):
        raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    if gateway == STRIPE_GATEWAY:
        return _stripe_initialize(order, actor)
    if gateway == COD_GATEWAY:
        return _cod_initialize(order, actor)
    raise DomainError(_("Không có cổng thanh toán “%(gateway)s”.")
                      % {"gateway": gateway}, code=PaymentErrorCode.NOT_FOUND,
                      field="paymentGateway")


def _stripe_initialize(order: Order, actor) -> PaymentStep:
    existing = _active_stripe_items(order).order_by("-pk").first()
    if existing is not None:
        intent = stripe_gateway.payment_intent_retrieve(intent_id=existing.psp_reference)
        if intent.get("status") == "requires_payment_method" and intent.get("last_payment_error"):
            # A declined attempt is closed and a fresh intent made, so each attempt has its own record.
            intent = stripe_gateway.payment_intent_cancel(intent_id=existing.psp_reference)
        item = stripe_apply(item=existing, intent=intent)
        if intent.get("status") != "canceled":
            return PaymentStep(transaction=item, data=_stripe_data(item, intent))
        order.refresh_from_db()
        if order_is_paid(order):
            raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    due = order.total_amount - order.total_charged_amount
    attempt = TransactionItem.objects.filter(order=order, gateway=STRIPE_GATEWAY).count() + 1
    intent = stripe_gateway.payment_intent_create(
        amount=stripe_gateway.stripe_amount(due, order.currency), currency=order.currency,
        metadata={"order_id": str(order.pk), "order_number": str(order.number)},
        idempotency_key=f"order-{order.pk}-attempt-{attempt}")
    item = TransactionItem.objects.create(gateway=STRIPE_GATEWAY, name="Thẻ quốc tế (Stripe)", order=order,
                                          psp_reference=intent["id"], currency=order.currency,
                                          created_by=actor if getattr(actor, "is_authenticated", False) else None)
    event = transaction_event_record(item=item, type=T.CHARGE_REQUEST, amount=due, psp_reference=intent["id"],
                                     message="Yêu cầu thanh toán thẻ", actor=actor)
    transaction_amounts_recalculate(item=item)
    _cod_pending_cancel(order)
    order_payment_method_set(order=order, gateway=STRIPE_GATEWAY, pay_on_delivery=False)
    return PaymentStep(transaction=item, event=event, data=_stripe_data(item, intent))


def _cod_initialize(order: Order, actor) -> PaymentStep:
    for stale in _active_stripe_items(order):
        _stripe_cancel_or_sync(stale)
    order = order_payment_totals_sync(order=order, actor=actor)
    if order_is_paid(order):
        raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    item = TransactionItem.objects.filter(order=order, gateway=COD_GATEWAY).first()
    if item is None:
        item = TransactionItem.objects.create(gateway=COD_GATEWAY, name="Thanh toán khi nhận hàng", order=order,
                                              psp_reference=f"cod-{order.number}", currency=order.currency)
    event = None
    if item.charge_pending_value == 0:
        event = transaction_event_record(item=item, type=T.CHARGE_REQUEST,
                                         amount=order.total_amount - order.total_charged_amount,
                                         psp_reference=item.psp_reference, message="Thu tiền khi giao hàng",
                                         actor=actor)
        item = transaction_amounts_recalculate(item=item)
    order_payment_method_set(order=order, gateway=COD_GATEWAY, pay_on_delivery=True)
    return PaymentStep(transaction=item, event=event, data={"gateway": COD_GATEWAY})


def _cod_pending_cancel(order: Order) -> None:
    for item in TransactionItem.objects.filter(order=order, gateway=COD_GATEWAY, charge_pending_value__gt=0):
        transaction_event_record(item=item, type=T.CANCEL_SUCCESS, amount=item.charge_pending_value,
                                 psp_reference=item.psp_reference, message="Chuyển sang thanh toán thẻ")
        transaction_amounts_recalculate(item=item)


def _stripe_cancel_or_sync(item: TransactionItem) -> TransactionItem:
    """Cancel a live PaymentIntent; if Stripe says it already succeeded, that payment is recorded instead."""
    return stripe_apply(item=item, intent=stripe_gateway.payment_intent_cancel(intent_id=item.psp_reference))


def transaction_process(*, item: TransactionItem, payment_method_id: str | None = None) -> PaymentStep:
    """Confirm a Stripe payment with a payment method made by Stripe.js (Payment Element or card element), or
    just refresh it from Stripe after the browser confirmed it. Declines come back as a CHARGE_FAILURE event."""
    if item.gateway != STRIPE_GATEWAY:
        raise DomainError(_("Giao dịch này không xử lý trực tuyến."), code=PaymentErrorCode.INVALID, field="id")
    if payment_method_id and item.charged_value > 0:
        raise DomainError(_("Giao dịch đã được thanh toán."), code=PaymentErrorCode.TRANSACTION_ALREADY_PROCESSED,
                          field="id")
    last_event_pk = item.events.order_by("-pk").values_list("pk", flat=True).first() or 0
    intent = stripe_gateway.payment_intent_retrieve(intent_id=item.psp_reference)
    if payment_method_id and intent.get("status") in ("requires_payment_method", "requires_confirmation"):
        intent = stripe_gateway.payment_intent_confirm(intent_id=item.psp_reference,
                                                       payment_method_id=payment_method_id)
    item = stripe_apply(item=item, intent=intent)
    event = item.events.filter(pk__gt=last_event_pk).order_by("-pk").first()
    return PaymentStep(transaction=item, event=event, data=_stripe_data(item, intent))


@transaction.atomic
def stripe_apply(*, item: TransactionItem, intent: dict) -> TransactionItem:
    """Record the intent's state, update the order, and refund money that arrived where none is owed."""
    item = transaction_sync_from_intent(transaction_id=item.pk, intent=intent)
    if item.order_id is None:
        return item
    order = order_payment_totals_sync(order=_locked_order(item.order))
    refundable = item.charged_value - item.refund_pending_value
    if refundable <= 0:
        return item
    if order.status in (OrderStatus.CANCELED, OrderStatus.EXPIRED):
        transaction_refund_request(item=item, amount=refundable, reason="Tự động hoàn tiền: đơn đã hủy/hết hạn")
    else:
        kept = sum(i.charged_value - i.refund_pending_value for i in TransactionItem.objects.filter(order=order))
        surplus = kept - order.total_amount
        if surplus > 0:
            transaction_refund_request(item=item, amount=min(surplus, refundable),
                                       reason="Tự động hoàn tiền: thanh toán hai lần")
    return TransactionItem.objects.get(pk=item.pk)


@transaction.atomic
def transaction_refund_request(*, item: TransactionItem, amount: Decimal, actor=None, reason: str = ""
                               ) -> TransactionEvent:
    """Record a refund request now; Stripe is called after commit (refund_execute), never inside the DB
    transaction, and retried by the task if Stripe is unreachable."""
    item = transaction_lock(transaction_id=item.pk)
    refundable = item.charged_value - item.refund_pending_value
    if amount <= 0 or amount > refundable:
        raise DomainError(_("Chỉ có thể hoàn tối đa %(amount)s ₫.") % {"amount": refundable},
                          code=PaymentErrorCode.CANNOT_REFUND, field="amount")
    event = TransactionEvent.objects.create(transaction=item, type=T.REFUND_REQUEST, amount_value=amount,
                                            currency=item.currency, message=reason[:512],
                                            created_by=actor if getattr(actor, "is_authenticated", False) else None)
    event.idempotency_key = f"refund-{item.token}-{event.pk}"
    event.save(update_fields=["idempotency_key"])
    transaction_amounts_recalculate(item=item)
    if item.order_id:
        order_event_add(order=item.order, type=OrderEvents.TRANSACTION_REFUND_REQUESTED, user=actor,
                        amount=str(amount))
    if item.gateway == STRIPE_GATEWAY:
        from marketplace.payment.tasks import refund_execute_task

        # robust: a failed hand-off must not undo the cancellation; the request stays pending and is retried
        transaction.on_commit(lambda: refund_execute_task.delay(event.pk), robust=True)
    return event


def refund_execute(*, event_id: int) -> TransactionItem:
    """Send a requested refund to Stripe (idempotent on the request's key) and record the outcome."""
    request = TransactionEvent.objects.select_related("transaction").get(pk=event_id, type=T.REFUND_REQUEST)
    item = request.transaction
    refund = stripe_gateway.refund_create(intent_id=item.psp_reference, amount=int(request.amount_value),
                                          idempotency_key=request.idempotency_key)
    with transaction.atomic():
        item = transaction_sync_refunds(transaction_id=item.pk, refunds=[refund])
        if item.order_id and refund.get("status") == "succeeded":
            order = order_payment_totals_sync(order=item.order)
            order_event_add(order=order, type=OrderEvents.PAYMENT_REFUNDED, amount=str(refund.get("amount")),
                            payment_gateway=item.gateway)
    return item


@transaction.atomic
def order_mark_paid(*, order: Order, actor=None, transaction_reference: str = "") -> Order:
    """Cash received (at the door or at the sales-point counter), or staff confirming an offline payment.
    Any card payment still pending for the order is cancelled at Stripe first, so it cannot be paid twice."""
    order = _locked_order(order)
    if order.status not in (*OPEN_FOR_PAYMENT, OrderStatus.FULFILLED):
        raise DomainError(_("Đơn hàng không còn nhận thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    for stale in _active_stripe_items(order):
        _stripe_cancel_or_sync(stale)
    order = order_payment_totals_sync(order=order, actor=actor)
    if order_is_paid(order):
        raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    item = TransactionItem.objects.filter(order=order, gateway=COD_GATEWAY).first()
    if item is None:
        item = TransactionItem.objects.create(gateway=COD_GATEWAY, name="Thanh toán khi nhận hàng", order=order,
                                              psp_reference=f"cod-{order.number}", currency=order.currency)
    due = order.total_amount - order.total_charged_amount
    reference = transaction_reference or f"cod-{order.number}-paid"
    transaction_event_record(item=item, type=T.CHARGE_SUCCESS, amount=due, psp_reference=reference,
                             message="Đã thu tiền mặt", actor=actor)
    transaction_amounts_recalculate(item=item)
    order_event_add(order=order, type=OrderEvents.ORDER_MARKED_AS_PAID, user=actor, transaction_reference=reference)
    if not order.payment_gateway:
        order_payment_method_set(order=order, gateway=COD_GATEWAY, pay_on_delivery=True)
    log_action(action="payment.order.marked_paid", obj=order, actor=actor, after={"amount": str(due)})
    return order_payment_totals_sync(order=order, actor=actor)


@transaction.atomic
def order_cancel_and_refund(*, order: Order, actor=None) -> Order:
    """Cancel an order; its stock returns to sale, card payments are refunded in full (after commit), pending
    card payments are cancelled at Stripe, and cash still due is no longer expected."""
    order = _locked_order(order)
    for stale in _active_stripe_items(order):
        _stripe_cancel_or_sync(stale)
    order = order_cancel(order=order, actor=actor, allow_charged=True)
    for item in TransactionItem.objects.filter(order=order):
        if item.gateway == COD_GATEWAY and item.charge_pending_value > 0:
            transaction_event_record(item=item, type=T.CANCEL_SUCCESS, amount=item.charge_pending_value,
                                     psp_reference=item.psp_reference, message="Hủy đơn", actor=actor)
            transaction_amounts_recalculate(item=item)
        refundable = item.charged_value - item.refund_pending_value
        if refundable > 0:
            message = "Hoàn tiền do hủy đơn" if item.gateway == STRIPE_GATEWAY else "Hoàn tiền mặt tại điểm bán"
            transaction_refund_request(item=item, amount=refundable, actor=actor, reason=message)
    return order_payment_totals_sync(order=order, actor=actor)


def orders_expire_unpaid() -> int:
    """Unpaid card orders past their deadline: last look at Stripe (a payment may have just succeeded), cancel
    the intent so it can no longer be paid, then give the stock back."""
    from marketplace.order.selectors import orders_unpaid_due
    from marketplace.order.services import order_expire

    expired = 0
    for order in list(orders_unpaid_due()):
        try:
            with transaction.atomic():
                for item in _active_stripe_items(order):
                    stripe_apply(item=item, intent=stripe_gateway.payment_intent_cancel(intent_id=item.psp_reference))
                order.refresh_from_db()
                if order_expire(order=order) is not None:
                    expired += 1
                    for item in TransactionItem.objects.filter(order=order, charged_value__gt=0):
                        if item.charged_value > item.refund_pending_value:
                            transaction_refund_request(item=item, amount=item.charged_value - item.refund_pending_value,
                                                       reason="Hoàn tiền: đơn hết hạn thanh toán")
        except DomainError:
            logger.warning("Could not expire order %s now; will retry", order.pk)
    return expired
