"""Applying what Stripe says about a PaymentIntent to our records and the order, and cancelling intents. Stripe is
called before the database transaction opens (the card's details, a cancellation); the records are then written
idempotently under row locks."""

from __future__ import annotations

from django.db import transaction

from marketplace.order.certificate_check import Withdrawal, order_lines_check_listable
from marketplace.order.models import Order, OrderStatus
from marketplace.payment import stripe_gateway
from marketplace.payment.models import STRIPE_GATEWAY, TransactionEventType, TransactionItem
from marketplace.payment.refunds import order_surplus_refund
from marketplace.payment.stripe_sync import transaction_sync_from_intent
from marketplace.payment.transactions import (
    order_payment_totals_sync,
    transaction_amounts_recalculate,
    transaction_event_record,
    transaction_lock,
)

T = TransactionEventType
LIVE_INTENT_STATUSES = ("requires_payment_method", "requires_confirmation", "requires_action", "processing")


def _locked_order(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def stripe_items_active(order: Order):
    """The order's card payments still waiting for money (at most one in normal operation)."""
    return TransactionItem.objects.filter(order=order, gateway=STRIPE_GATEWAY, charge_pending_value__gt=0)


@transaction.atomic
def stripe_intent_abandon(item: TransactionItem) -> None:
    item = transaction_lock(transaction_id=item.pk)
    if not item.psp_reference and item.charge_pending_value > 0:
        transaction_event_record(item=item, type=T.CANCEL_SUCCESS, amount=item.charge_pending_value,
                                 psp_reference=f"not-created-{item.pk}", message="Không tạo được yêu cầu thanh toán")
        transaction_amounts_recalculate(item=item)


def stripe_cancel_or_sync(item: TransactionItem) -> TransactionItem:
    """Cancel a live PaymentIntent; if Stripe says it already succeeded, that payment is recorded instead. An
    item whose intent is still being created is closed here; its creator then cancels the intent."""
    if not item.psp_reference:
        stripe_intent_abandon(item)
        return TransactionItem.objects.get(pk=item.pk)
    return stripe_apply(item=item, intent=stripe_gateway.payment_intent_cancel(intent_id=item.psp_reference))


def stripe_apply(*, item: TransactionItem, intent: dict) -> TransactionItem:
    """Record the intent's state, update the order, and refund money that arrived where none is owed (the
    order was cancelled or expired, paid twice, or a line lost its certificate). An intent still open for an
    order whose lines were just withdrawn is cancelled at Stripe."""
    card = {}
    if intent.get("status") == "succeeded" and not item.cc_last_digits:
        card = stripe_gateway.payment_method_card(payment_method_id=_id(intent.get("payment_method")))
    item, withdrawal = _stripe_record(item, intent, card)
    if withdrawal is not None and withdrawal.lines and intent.get("status") in LIVE_INTENT_STATUSES:
        item = stripe_apply(item=item, intent=stripe_gateway.payment_intent_cancel(intent_id=item.psp_reference))
    return item


@transaction.atomic
def _stripe_record(item: TransactionItem, intent: dict, card: dict) -> tuple[TransactionItem, Withdrawal | None]:
    item = transaction_sync_from_intent(transaction_id=item.pk, intent=intent, card=card)
    if item.order_id is None:
        return item, None
    order = order_payment_totals_sync(order=_locked_order(item.order))
    withdrawal = order_lines_check_listable(order=order)
    order = withdrawal.order
    if order.status in (OrderStatus.CANCELED, OrderStatus.EXPIRED):
        reason = ("Tự động hoàn tiền: sản phẩm không còn chứng nhận OCOP hợp lệ" if withdrawal.lines
                  else "Tự động hoàn tiền: đơn đã hủy/hết hạn")
    elif withdrawal.lines:
        reason = "Tự động hoàn tiền: sản phẩm bị hủy khỏi đơn (chứng nhận OCOP không còn hiệu lực)"
    else:
        reason = "Tự động hoàn tiền: thanh toán hai lần"
    order_surplus_refund(order=order, reason=reason)
    return TransactionItem.objects.get(pk=item.pk), withdrawal


def _id(value) -> str | None:
    if isinstance(value, dict):
        return value.get("id")
    return value
