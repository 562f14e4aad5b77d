"""Stripe webhook events, applied once each. The event only says *which* PaymentIntent changed; its state is
fetched from Stripe again, so a forged-but-signed body, a replay or an out-of-order delivery cannot make us
record anything Stripe does not currently say. Stripe is called before any database transaction opens; what it
says is then recorded idempotently, so two deliveries racing each other change nothing twice."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from django.db import IntegrityError, transaction

from marketplace.core.errors import DomainError
from marketplace.payment import stripe_gateway
from marketplace.payment.error_codes import PaymentErrorCode
from marketplace.payment.models import STRIPE_GATEWAY, StripeWebhookEvent, TransactionItem
from marketplace.payment.stripe_apply import stripe_apply
from marketplace.payment.stripe_sync import transaction_sync_refunds
from marketplace.payment.transactions import order_payment_totals_sync

logger = logging.getLogger(__name__)
MAX_EVENT_ID_LENGTH = 255


def _intent_id(obj: dict) -> str | None:
    if obj.get("object") == "payment_intent":
        value = obj.get("id")
    else:
        value = obj.get("payment_intent")
        value = value.get("id") if isinstance(value, dict) else value
    return value if isinstance(value, str) and value else None


def stripe_event_parse(*, event: object) -> dict:
    """The fields we use from a verified event, checked: a signed body of the wrong shape is refused with a
    DomainError (the webhook answers 400) instead of failing half-way."""
    def malformed(what: str) -> DomainError:
        return DomainError(f"Malformed Stripe event: {what}", code=PaymentErrorCode.INVALID)

    if not isinstance(event, dict):
        raise malformed("not an object")
    event_id, event_type, created = event.get("id"), event.get("type", ""), event.get("created")
    if not isinstance(event_id, str) or not 0 < len(event_id) <= MAX_EVENT_ID_LENGTH:
        raise malformed("id")
    if not isinstance(event_type, str) or len(event_type) > 255:
        raise malformed("type")
    if created is not None and (isinstance(created, bool) or not isinstance(created, int)
                                or not 0 <= created < 32_503_680_000):
        raise malformed("created")
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if not isinstance(obj, dict):
        raise malformed("data.object")
    return {"id": event_id, "type": event_type, "intent_id": _intent_id(obj),
            "created": datetime.fromtimestamp(created, tz=UTC) if created is not None else None}


def stripe_event_process(*, event: dict) -> str:
    """Apply a verified event; returns what happened ("duplicate", "ignored", "synced:<status>", …). If Stripe
    cannot be reached, the DomainError propagates and nothing (not even the event id) is stored, so Stripe's
    retry is processed normally."""
    parsed = stripe_event_parse(event=event)
    if StripeWebhookEvent.objects.filter(event_id=parsed["id"]).exists():
        return "duplicate"
    intent_id, event_type = parsed["intent_id"], parsed["type"]
    item = (TransactionItem.objects.filter(gateway=STRIPE_GATEWAY, psp_reference=intent_id).first()
            if intent_id else None)
    if item is None:
        result = "ignored"
    elif event_type.startswith("payment_intent."):
        intent = stripe_gateway.payment_intent_retrieve(intent_id=intent_id)
        stripe_apply(item=item, intent=intent)
        result = f"synced:{intent.get('status')}"
    elif event_type.startswith(("charge.refund", "refund.")):
        refunds = stripe_gateway.refunds_list(intent_id=intent_id)
        with transaction.atomic():
            item = transaction_sync_refunds(transaction_id=item.pk, refunds=refunds)
            if item.order_id:
                order_payment_totals_sync(order=item.order)
        result = "refunds-synced"
    else:
        result = "ignored"
    try:
        with transaction.atomic():
            StripeWebhookEvent.objects.create(event_id=parsed["id"], type=event_type[:255], object_id=intent_id or "",
                                              stripe_created=parsed["created"], result=result)
    except IntegrityError:
        return "duplicate"  # a concurrent delivery recorded it; what both applied is idempotent
    logger.info("Stripe event %s (%s): %s", parsed["id"], event_type, result)
    return result
