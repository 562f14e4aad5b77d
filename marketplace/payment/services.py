"""Paying for orders: start a payment (Stripe PaymentIntent or cash on delivery), process it, apply Stripe's
webhooks once each, mark cash as received, and cancel orders (which refunds them; refunds.py).

Money rules: an order is marked paid only from Stripe's own state of the PaymentIntent (or by a person who
received cash); an order has at most one live PaymentIntent, so it cannot be paid twice through us; a payment
that arrives for an order already paid, cancelled or expired is refunded automatically.

The listing rule is asked again at every step (order/certificate_check.py): a line whose product lost its
certificate is withdrawn before money is asked for it, and money that arrived for it anyway is refunded.

No Stripe call is made while a database transaction (and so a row lock) is open: each step records its intent
and commits, calls Stripe, then records the result idempotently."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.money import format_vnd
from marketplace.order.certificate_check import Withdrawal, order_lines_check_listable
from marketplace.order.error_codes import OrderErrorCode
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
from marketplace.payment.refunds import (
    orders_refund_surplus,
    refund_execute,
    transaction_refund_request,
)
from marketplace.payment.stripe_apply import (
    LIVE_INTENT_STATUSES,
    stripe_apply,
    stripe_cancel_or_sync,
    stripe_intent_abandon,
    stripe_items_active,
)
from marketplace.payment.transactions import (
    order_payment_totals_sync,
    requested_amount,
    transaction_amounts_recalculate,
    transaction_event_record,
    transaction_lock,
)

__all__ = ["PaymentStep", "order_cancel_and_refund", "order_mark_paid", "orders_expire_unpaid",
           "orders_refund_surplus", "refund_execute", "stripe_apply", "transaction_initialize",
           "transaction_process", "transaction_refund_request"]

logger = logging.getLogger(__name__)
T = TransactionEventType
OPEN_FOR_PAYMENT = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)
# Another request is creating this order's PaymentIntent: wait for it this long before taking over.
INTENT_CREATION_WAIT = timedelta(seconds=8)


@dataclass
class PaymentStep:
    """What a transaction mutation returns: the item, the event it produced, and data for the client."""

    transaction: TransactionItem
    event: TransactionEvent | None = None
    data: dict = field(default_factory=dict)


def _locked_order(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


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


def _withdrawn_error(withdrawal: Withdrawal, *, code=PaymentErrorCode.INVALID) -> DomainError:
    if withdrawal.order_canceled:
        message = _("Đơn hàng đã bị hủy: %(names)s không còn giấy chứng nhận OCOP hợp lệ. Bạn không bị trừ tiền "
                    "cho đơn này.") % {"names": withdrawal.product_names()}
    else:
        message = _("%(names)s không còn giấy chứng nhận OCOP hợp lệ và đã được hủy khỏi đơn. Số tiền cần thanh "
                    "toán mới: %(total)s.") % {"names": withdrawal.product_names(),
                                              "total": format_vnd(withdrawal.order.total_amount)}
    return DomainError(message, code=code, field="id", lines=[str(line.pk) for line in withdrawal.lines])


def _after_withdrawal(withdrawal: Withdrawal) -> None:
    """Outside any transaction: the amount asked for at Stripe is no longer right, so the live intent is
    cancelled (released); money that arrived for withdrawn lines is refunded."""
    if not withdrawal.lines:
        return
    for stale in stripe_items_active(withdrawal.order):
        stripe_cancel_or_sync(stale)
    orders_refund_surplus(order_ids=[withdrawal.order.pk])


# -- start a payment -------------------------------------------------------------------------------------------

@transaction.atomic
def _payable(order: Order, actor) -> Withdrawal:
    order = _locked_order(order)
    if order.status not in OPEN_FOR_PAYMENT:
        raise DomainError(_("Đơn hàng không còn nhận thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    if order_is_paid(order):
        raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    return order_lines_check_listable(order=order, actor=actor)


def transaction_initialize(*, order: Order, gateway: str, actor=None) -> PaymentStep:
    """Start paying an order. Stripe: create (or reuse) the order's one PaymentIntent for the amount still due,
    in đồng. Cash on delivery: record that the amount is due at hand-over; the order is confirmed. Lines whose
    product no longer passes the listing rule are withdrawn first; if none is left the order is cancelled."""
    if gateway not in (STRIPE_GATEWAY, COD_GATEWAY):
        raise DomainError(_("Không có cổng thanh toán “%(gateway)s”.")
                          % {"gateway": gateway}, code=PaymentErrorCode.NOT_FOUND,
                          field="paymentGateway")
    withdrawal = _payable(order, actor)
    if withdrawal.lines:
        _after_withdrawal(withdrawal)
        if withdrawal.order_canceled:
            raise _withdrawn_error(withdrawal)
    order = withdrawal.order
    if gateway == STRIPE_GATEWAY:
        return _stripe_initialize(order, actor)
    return _cod_initialize(order, actor)


def _stripe_initialize(order: Order, actor) -> PaymentStep:
    for _attempt in range(3):
        step = _stripe_reuse(order)
        if step is not None:
            return step
        item, event, key = _stripe_intent_record(order, actor)
        if item is None:
            continue  # another request recorded one meanwhile: reuse it
        return _stripe_intent_create(order, item, event, key)
    raise DomainError(_("Đơn hàng đang được thanh toán ở nơi khác, vui lòng thử lại."),
                      code=PaymentErrorCode.INVALID, field="id")


def _stripe_reuse(order: Order) -> PaymentStep | None:
    """The order's live PaymentIntent, if it still asks for the right amount; a declined or outdated one is
    cancelled so each attempt has its own record. None: a new intent is needed."""
    existing = stripe_items_active(order).order_by("-pk").first()
    if existing is None:
        return None
    if not existing.psp_reference:
        existing = _wait_for_intent(existing)
        if existing is None:
            return None
    intent = stripe_gateway.payment_intent_retrieve(intent_id=existing.psp_reference)
    order.refresh_from_db()
    due = stripe_gateway.stripe_amount(order.total_amount - order.total_charged_amount, order.currency)
    outdated = intent.get("status") in LIVE_INTENT_STATUSES and intent.get("amount") != due
    declined = intent.get("status") == "requires_payment_method" and intent.get("last_payment_error")
    if declined or outdated:
        intent = stripe_gateway.payment_intent_cancel(intent_id=existing.psp_reference)
    item = stripe_apply(item=existing, intent=intent)
    if intent.get("status") != "canceled":
        return PaymentStep(transaction=item, data=_stripe_data(item, intent))
    order.refresh_from_db()
    if order_is_paid(order):
        raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    return None


def _wait_for_intent(item: TransactionItem) -> TransactionItem | None:
    """A concurrent request recorded the item and is asking Stripe for the intent: wait for its answer rather
    than create a second intent. A creation abandoned (its request died) is taken over with the same key."""
    deadline = item.created_at + INTENT_CREATION_WAIT
    while timezone.now() < deadline:
        time.sleep(0.1)
        item.refresh_from_db()
        if item.psp_reference:
            return item
        if item.charge_pending_value <= 0:
            return None
    key = item.private_metadata.get("idempotency_key") or f"order-{item.order_id}-item-{item.pk}"
    order = Order.objects.get(pk=item.order_id)
    event = item.events.filter(type=T.CHARGE_REQUEST).order_by("pk").first()
    _stripe_intent_create(order, item, event, key)
    item.refresh_from_db()
    return item if item.psp_reference else None


@transaction.atomic
def _stripe_intent_record(order: Order, actor):
    """Record the intent to charge (an item without a Stripe id yet) under the order lock, then commit. Two
    concurrent requests: the second finds the first's item here and waits for its intent."""
    order = _locked_order(order)
    if order.status not in OPEN_FOR_PAYMENT or order_is_paid(order):
        raise DomainError(_("Đơn hàng không còn nhận thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    if stripe_items_active(order).exists():
        return None, None, ""
    due = order.total_amount - order.total_charged_amount
    attempt = TransactionItem.objects.filter(order=order, gateway=STRIPE_GATEWAY).count() + 1
    key = f"order-{order.pk}-attempt-{attempt}"
    item = TransactionItem.objects.create(gateway=STRIPE_GATEWAY, name="Thẻ quốc tế (Stripe)", order=order,
                                          currency=order.currency, private_metadata={"idempotency_key": key},
                                          created_by=actor if getattr(actor, "is_authenticated", False) else None)
    event = transaction_event_record(item=item, type=T.CHARGE_REQUEST, amount=due, message="Yêu cầu thanh toán thẻ",
                                     actor=actor)
    transaction_amounts_recalculate(item=item)
    _cod_pending_cancel(order)
    order_payment_method_set(order=order, gateway=STRIPE_GATEWAY, pay_on_delivery=False)
    return item, event, key


def _stripe_intent_create(order: Order, item: TransactionItem, event, key: str) -> PaymentStep:
    due = requested_amount(item)
    try:
        intent = stripe_gateway.payment_intent_create(
            amount=stripe_gateway.stripe_amount(due, order.currency), currency=order.currency,
            metadata={"order_id": str(order.pk), "order_number": str(order.number), "transaction": str(item.token)},
            idempotency_key=key)
    except DomainError:
        stripe_intent_abandon(item)
        raise
    item, attached = _stripe_intent_attach(item, intent)
    if not attached:
        # Lost a race (or the order moved on meanwhile): this intent must never be paid.
        stripe_gateway.payment_intent_cancel(intent_id=intent["id"])
        if item.psp_reference and item.charge_pending_value > 0:
            intent = stripe_gateway.payment_intent_retrieve(intent_id=item.psp_reference)
            return PaymentStep(transaction=item, data=_stripe_data(item, intent))
        raise DomainError(_("Đơn hàng không còn nhận thanh toán thẻ."), code=PaymentErrorCode.INVALID, field="id")
    if event is not None and not event.psp_reference:
        TransactionEvent.objects.filter(pk=event.pk).update(psp_reference=intent["id"])
        event.psp_reference = intent["id"]
    return PaymentStep(transaction=item, event=event, data=_stripe_data(item, intent))


@transaction.atomic
def _stripe_intent_attach(item: TransactionItem, intent: dict) -> tuple[TransactionItem, bool]:
    item = transaction_lock(transaction_id=item.pk)
    if item.psp_reference:
        return item, item.psp_reference == intent["id"]
    if item.charge_pending_value <= 0:  # cancelled (cash chosen, order cancelled) while Stripe was asked
        return item, False
    item.psp_reference = intent["id"]
    item.save(update_fields=["psp_reference", "modified_at"])
    return item, True


def _cod_initialize(order: Order, actor) -> PaymentStep:
    for stale in stripe_items_active(order):
        stripe_cancel_or_sync(stale)
    return _cod_record(order, actor)


@transaction.atomic
def _cod_record(order: Order, actor) -> PaymentStep:
    order = order_payment_totals_sync(order=_locked_order(order), actor=actor)
    if order_is_paid(order):
        raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    if order.status not in OPEN_FOR_PAYMENT:
        raise DomainError(_("Đơn hàng không còn nhận thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    item = TransactionItem.objects.filter(order=order, gateway=COD_GATEWAY).first()
    if item is None:
        item = TransactionItem.objects.create(gateway=COD_GATEWAY, name="Thanh toán khi nhận hàng", order=order,
                                              psp_reference=f"cod-{order.number}", currency=order.currency)
    item = transaction_lock(transaction_id=item.pk)
    event = None
    due = order.total_amount - order.total_charged_amount
    if item.charge_pending_value != due:
        if item.charge_pending_value > 0:  # the amount changed (lines withdrawn): close the old request
            transaction_event_record(item=item, type=T.CANCEL_SUCCESS, amount=item.charge_pending_value,
                                     psp_reference=f"{item.psp_reference}-{item.events.count()}",
                                     message="Số tiền cần thu đã thay đổi")
        first = not item.events.filter(type=T.CHARGE_REQUEST).exists()
        event = transaction_event_record(item=item, type=T.CHARGE_REQUEST, amount=due,
                                         psp_reference=item.psp_reference if first
                                         else f"{item.psp_reference}-{item.events.count()}",
                                         message="Thu tiền khi giao hàng", actor=actor)
        item = transaction_amounts_recalculate(item=item)
    order_payment_method_set(order=order, gateway=COD_GATEWAY, pay_on_delivery=True)
    return PaymentStep(transaction=item, event=event, data={"gateway": COD_GATEWAY})


def _cod_pending_cancel(order: Order) -> None:
    for item in TransactionItem.objects.filter(order=order, gateway=COD_GATEWAY, charge_pending_value__gt=0):
        transaction_event_record(item=item, type=T.CANCEL_SUCCESS, amount=item.charge_pending_value,
                                 psp_reference=f"{item.psp_reference}-{item.events.count()}",
                                 message="Chuyển sang thanh toán thẻ")
        transaction_amounts_recalculate(item=item)


# -- process and apply -----------------------------------------------------------------------------------------

def transaction_process(*, item: TransactionItem, payment_method_id: str | None = None) -> PaymentStep:
    """Confirm a Stripe payment with a payment method made by Stripe.js (Payment Element or card element), or
    just refresh it from Stripe after the browser confirmed it. Declines come back as a CHARGE_FAILURE event.
    Before confirming, the listing rule is asked again: a withdrawn line cancels the intent (its amount is no
    longer right) and the shopper is asked to pay the new total."""
    if item.gateway != STRIPE_GATEWAY or not item.psp_reference:
        raise DomainError(_("Giao dịch này không xử lý trực tuyến."), code=PaymentErrorCode.INVALID, field="id")
    if payment_method_id and item.charged_value > 0:
        raise DomainError(_("Giao dịch đã được thanh toán."), code=PaymentErrorCode.TRANSACTION_ALREADY_PROCESSED,
                          field="id")
    if payment_method_id and item.order_id:
        withdrawal = order_lines_check_listable(order=item.order)
        if withdrawal.lines:
            _after_withdrawal(withdrawal)
            raise _withdrawn_error(withdrawal)
    last_event_pk = item.events.order_by("-pk").values_list("pk", flat=True).first() or 0
    intent = stripe_gateway.payment_intent_retrieve(intent_id=item.psp_reference)
    if payment_method_id and intent.get("status") in ("requires_payment_method", "requires_confirmation"):
        intent = stripe_gateway.payment_intent_confirm(intent_id=item.psp_reference,
                                                       payment_method_id=payment_method_id)
    item = stripe_apply(item=item, intent=intent)
    event = item.events.filter(pk__gt=last_event_pk).order_by("-pk").first()
    return PaymentStep(transaction=item, event=event, data=_stripe_data(item, intent))


# -- cash, cancellation, expiry --------------------------------------------------------------------------------

@transaction.atomic
def _markable(order: Order, actor) -> Withdrawal:
    order = _locked_order(order)
    if order.status not in (*OPEN_FOR_PAYMENT, OrderStatus.FULFILLED):
        raise DomainError(_("Đơn hàng không còn nhận thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    if order_is_paid(order):
        raise DomainError(_("Đơn hàng đã được thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    return order_lines_check_listable(order=order, actor=actor)


def order_mark_paid(*, order: Order, actor=None, transaction_reference: str = "") -> Order:
    """Cash received (at the door or at the sales-point counter), or staff confirming an offline payment.
    Any card payment still pending for the order is cancelled at Stripe first, so it cannot be paid twice. A
    line whose product lost its certificate is withdrawn and the payment refused, so the amount is counted
    again against the new total."""
    withdrawal = _markable(order, actor)
    if withdrawal.lines:
        _after_withdrawal(withdrawal)
        raise _withdrawn_error(withdrawal, code=OrderErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE)
    order = withdrawal.order
    for stale in stripe_items_active(order):
        stripe_cancel_or_sync(stale)
    return _mark_paid_record(order, actor, transaction_reference)


@transaction.atomic
def _mark_paid_record(order: Order, actor, transaction_reference: str) -> Order:
    order = _locked_order(order)
    if order.status not in (*OPEN_FOR_PAYMENT, OrderStatus.FULFILLED):
        raise DomainError(_("Đơn hàng không còn nhận thanh toán."), code=PaymentErrorCode.INVALID, field="id")
    if stripe_items_active(order).exists():  # a card payment was started meanwhile
        raise DomainError(_("Đơn hàng đang được thanh toán bằng thẻ, vui lòng thử lại."),
                          code=PaymentErrorCode.INVALID, field="id")
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


def order_cancel_and_refund(*, order: Order, actor=None) -> Order:
    """Cancel an order; its stock returns to sale, card payments are refunded in full (after commit), pending
    card payments are cancelled at Stripe, and cash still due is no longer expected."""
    from marketplace.order.services import CANCELLABLE

    order.refresh_from_db()
    if order.status in CANCELLABLE:
        for stale in stripe_items_active(order):
            stripe_cancel_or_sync(stale)
    order = _cancel_record(order, actor)
    for late in stripe_items_active(order):  # started while we were cancelling: it must not be paid
        stripe_cancel_or_sync(late)
    return order


@transaction.atomic
def _cancel_record(order: Order, actor) -> Order:
    order = order_cancel(order=_locked_order(order), actor=actor, allow_charged=True)
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
    """Unpaid orders past their deadline (card orders; cash-at-pickup orders not collected in time): last look
    at Stripe (a payment may have just succeeded), cancel the intent so it can no longer be paid, then give the
    stock back and refund any part payment."""
    from marketplace.order.selectors import orders_unpaid_due

    expired = 0
    for order in list(orders_unpaid_due()):
        try:
            for item in stripe_items_active(order):
                stripe_cancel_or_sync(item)
            if _expire_record(order):
                expired += 1
        except DomainError:
            logger.warning("Could not expire order %s now; will retry", order.pk)
    return expired


@transaction.atomic
def _expire_record(order: Order) -> bool:
    from marketplace.order.services import order_expire

    if order_expire(order=order) is None:
        return False
    for item in TransactionItem.objects.filter(order=order):
        if item.gateway == COD_GATEWAY and item.charge_pending_value > 0:
            transaction_event_record(item=item, type=T.CANCEL_SUCCESS, amount=item.charge_pending_value,
                                     psp_reference=f"{item.psp_reference}-expired", message="Hết hạn nhận hàng")
            transaction_amounts_recalculate(item=item)
        if item.charged_value > item.refund_pending_value:
            transaction_refund_request(item=item, amount=item.charged_value - item.refund_pending_value,
                                       reason="Hoàn tiền: đơn hết hạn thanh toán")
    return True
