"""TransactionItem bookkeeping. Amounts are always recomputed from the events (Saleor does the same), so the
order in which Stripe's news arrives does not matter and recording the same news twice changes nothing."""

from __future__ import annotations

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum

from marketplace.order.models import Order
from marketplace.order.services import order_payment_totals_set
from marketplace.payment.models import (
    SETTLING_EVENTS,
    TransactionEvent,
    TransactionEventType,
    TransactionItem,
)

T = TransactionEventType


def transaction_lock(*, transaction_id: int) -> TransactionItem:
    return TransactionItem.objects.select_for_update().get(pk=transaction_id)


def transaction_event_record(*, item: TransactionItem, type: str, amount: Decimal | int = 0, psp_reference: str = "",
                             message: str = "", idempotency_key: str = "", actor=None) -> TransactionEvent | None:
    """Append an event. A settling event (charge/refund/cancel success) already recorded for this psp
    reference returns None instead of counting twice."""
    if type in SETTLING_EVENTS and TransactionEvent.objects.filter(
            transaction=item, type=type, psp_reference=psp_reference).exists():
        return None
    try:
        with transaction.atomic():
            return TransactionEvent.objects.create(
                transaction=item, type=type, amount_value=Decimal(amount), currency=item.currency,
                psp_reference=psp_reference, message=message[:512], idempotency_key=idempotency_key,
                created_by=actor if getattr(actor, "is_authenticated", False) else None)
    except IntegrityError:  # a concurrent writer recorded it first
        return None


def _sums(item: TransactionItem) -> dict[str, Decimal]:
    rows = item.events.values("type").annotate(total=Sum("amount_value"))
    return {r["type"]: r["total"] or Decimal(0) for r in rows}


def transaction_amounts_recalculate(*, item: TransactionItem) -> TransactionItem:
    s = _sums(item)
    get = lambda t: s.get(t, Decimal(0))  # noqa: E731
    charged_gross = get(T.CHARGE_SUCCESS) - get(T.CHARGE_BACK)
    refunded = max(get(T.REFUND_SUCCESS) - get(T.REFUND_REVERSE), Decimal(0))
    canceled = get(T.CANCEL_SUCCESS)
    item.charged_value = max(charged_gross - refunded, Decimal(0))
    item.refunded_value = refunded
    item.canceled_value = canceled
    item.charge_pending_value = max(get(T.CHARGE_REQUEST) - charged_gross - canceled, Decimal(0))
    item.refund_pending_value = max(get(T.REFUND_REQUEST) - refunded - get(T.REFUND_FAILURE), Decimal(0))
    item.cancel_pending_value = max(get(T.CANCEL_REQUEST) - canceled - get(T.CANCEL_FAILURE), Decimal(0))
    actions = []
    if item.charge_pending_value > 0:
        actions.append("CANCEL")
    if item.charged_value - item.refund_pending_value > 0:
        actions.append("REFUND")
    item.available_actions = actions
    item.save(update_fields=["charged_value", "refunded_value", "canceled_value", "charge_pending_value",
                             "refund_pending_value", "cancel_pending_value", "available_actions", "modified_at"])
    return item


def requested_amount(item: TransactionItem) -> Decimal:
    """What we asked the customer to pay in this transaction (its first charge request)."""
    first = item.events.filter(type=T.CHARGE_REQUEST).order_by("pk").first()
    return first.amount_value if first else Decimal(0)


def order_payment_totals_sync(*, order: Order, actor=None) -> Order:
    """Push the sums of the order's transactions onto the order (charge status, confirmation)."""
    items = TransactionItem.objects.filter(order=order)
    sums = items.aggregate(charged=Sum("charged_value"), refunded=Sum("refunded_value"),
                           authorized=Sum("authorized_value"))
    return order_payment_totals_set(order=order, charged=sums["charged"] or Decimal(0),
                                    authorized=sums["authorized"] or Decimal(0),
                                    refunded=sums["refunded"] or Decimal(0), actor=actor)
