"""Refunds: a request is recorded in the database first and sent to Stripe after commit (never inside a
transaction), idempotently on the request's key. Temporary Stripe failures are retried by the task with backoff;
a refusal is recorded as a failed refund that staff see on the order, and never retried.

`orders_refund_surplus` gives back money an order no longer owes: lines withdrawn after payment (their
certificate stopped allowing sale), or a cancelled order still holding money."""

from __future__ import annotations

import logging
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.order.models import Order, OrderEvents, OrderStatus
from marketplace.order.selectors import orders_overcharged
from marketplace.order.services import order_event_add
from marketplace.payment import stripe_gateway
from marketplace.payment.error_codes import PaymentErrorCode
from marketplace.payment.models import STRIPE_GATEWAY, TransactionEvent, TransactionEventType, TransactionItem
from marketplace.payment.stripe_sync import transaction_sync_refunds
from marketplace.payment.transactions import (
    order_payment_totals_sync,
    transaction_amounts_recalculate,
    transaction_event_record,
    transaction_lock,
)

logger = logging.getLogger(__name__)
T = TransactionEventType


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
    """Send a requested refund to Stripe (idempotent on the request's key) and record the outcome. Raises
    PaymentGatewayUnavailable when Stripe cannot answer now (the task retries); a refusal is recorded."""
    request = TransactionEvent.objects.select_related("transaction").get(pk=event_id, type=T.REFUND_REQUEST)
    item = request.transaction
    failure_reference = f"refund-request-{request.pk}"
    if item.events.filter(type=T.REFUND_FAILURE, psp_reference=failure_reference).exists():
        return item
    try:
        refund = stripe_gateway.refund_create(intent_id=item.psp_reference, amount=int(request.amount_value),
                                              idempotency_key=request.idempotency_key)
    except stripe_gateway.PaymentGatewayRefused as exc:
        return _refund_refused(request, reference=failure_reference, message=exc.message)
    with transaction.atomic():
        item = transaction_sync_refunds(transaction_id=item.pk, refunds=[refund])
        if item.order_id and refund.get("status") == "succeeded":
            order = order_payment_totals_sync(order=item.order)
            order_event_add(order=order, type=OrderEvents.PAYMENT_REFUNDED, amount=str(refund.get("amount")),
                            payment_gateway=item.gateway)
    return item


@transaction.atomic
def _refund_refused(request: TransactionEvent, *, reference: str, message: str) -> TransactionItem:
    logger.error("Stripe refused refund request %s: %s", request.pk, message)
    item = transaction_lock(transaction_id=request.transaction_id)
    transaction_event_record(item=item, type=T.REFUND_FAILURE, amount=request.amount_value, psp_reference=reference,
                             message=f"Hoàn tiền không thành công: {message}")
    item = transaction_amounts_recalculate(item=item)
    if item.order_id:
        order_event_add(order=item.order, type=OrderEvents.TRANSACTION_EVENT, amount=str(request.amount_value),
                        message=f"Hoàn tiền không thành công, cần xử lý: {message}"[:500],
                        transaction_reference=item.psp_reference)
    return item


def _refundable(item: TransactionItem) -> Decimal:
    """What can still be asked back on this transaction. A transaction whose refund Stripe refused is left to
    staff: asking again automatically would fail the same way."""
    if item.events.filter(type=T.REFUND_FAILURE).exists():
        return Decimal(0)
    return max(item.charged_value - item.refund_pending_value, Decimal(0))


@transaction.atomic
def order_surplus_refund(*, order: Order, reason: str, actor=None) -> Decimal:
    """Refund what the order holds beyond its total (all of it when the order is cancelled or expired), card
    payments first. Only records requests; Stripe is called after commit. Returns the amount requested."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    items = list(TransactionItem.objects.filter(order=order, charged_value__gt=0)
                 .order_by("-gateway", "pk"))  # "stripe" before "ocop.cash-on-delivery"
    kept = sum((max(i.charged_value - i.refund_pending_value, Decimal(0)) for i in items), Decimal(0))
    owed = Decimal(0) if order.status in (OrderStatus.CANCELED, OrderStatus.EXPIRED) else order.total_amount
    surplus = kept - owed
    requested = Decimal(0)
    for item in items:
        if surplus <= 0:
            break
        amount = min(surplus, _refundable(item))
        if amount > 0:
            transaction_refund_request(item=item, amount=amount, actor=actor, reason=reason)
            surplus -= amount
            requested += amount
    return requested


def orders_refund_surplus(*, order_ids: list | None = None) -> int:
    """The sweep (Celery beat) and the immediate follow-up of a withdrawal: refund every order holding more
    than it owes. Returns how many orders got a refund request."""
    count = 0
    for order in list(orders_overcharged(order_ids=order_ids)):
        reason = ("Hoàn tiền: đơn đã hủy" if order.status in (OrderStatus.CANCELED, OrderStatus.EXPIRED)
                  else "Hoàn tiền: sản phẩm bị hủy khỏi đơn (chứng nhận OCOP không còn hiệu lực)")
        if order_surplus_refund(order=order, reason=reason) > 0:
            count += 1
    return count
