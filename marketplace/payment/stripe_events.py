"""Stripe webhook events, applied once each. The event only says *which* PaymentIntent changed; its state is
fetched from Stripe again, so a forged-but-signed body, a replay or an out-of-order delivery cannot make us
record anything Stripe does not currently say."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from django.db import IntegrityError, transaction

from marketplace.payment import stripe_gateway
from marketplace.payment.models import STRIPE_GATEWAY, StripeWebhookEvent, TransactionItem
from marketplace.payment.services import stripe_apply
from marketplace.payment.stripe_sync import transaction_sync_refunds
from marketplace.payment.transactions import order_payment_totals_sync

logger = logging.getLogger(__name__)


def _intent_id(obj: dict) -> str | None:
    if obj.get("object") == "payment_intent":
        return obj.get("id")
    intent = obj.get("payment_intent")
    return intent.get("id") if isinstance(intent, dict) else intent


@transaction.atomic
def stripe_event_process(*, event: dict) -> str:
    """Apply a verified event; returns what happened ("duplicate", "ignored", "synced:<status>", …). If Stripe
    cannot be reached, the DomainError propagates and nothing (not even the event id) is stored, so Stripe's
    retry is processed normally."""
    obj = (event.get("data") or {}).get("object") or {}
    intent_id = _intent_id(obj)
    created = event.get("created")
    try:
        with transaction.atomic():
            record = StripeWebhookEvent.objects.create(
                event_id=event["id"], type=event.get("type", ""), object_id=intent_id or "",
                stripe_created=datetime.fromtimestamp(created, tz=UTC) if created else None)
    except IntegrityError:
        return "duplicate"
    item = (TransactionItem.objects.filter(gateway=STRIPE_GATEWAY, psp_reference=intent_id).first()
            if intent_id else None)
    event_type = event.get("type", "")
    if item is None:
        result = "ignored"
    elif event_type.startswith("payment_intent."):
        intent = stripe_gateway.payment_intent_retrieve(intent_id=intent_id)
        stripe_apply(item=item, intent=intent)
        result = f"synced:{intent.get('status')}"
    elif event_type.startswith(("charge.refund", "refund.")):
        item = transaction_sync_refunds(transaction_id=item.pk,
                                        refunds=stripe_gateway.refunds_list(intent_id=intent_id))
        if item.order_id:
            order_payment_totals_sync(order=item.order)
        result = "refunds-synced"
    else:
        result = "ignored"
    record.result = result
    record.save(update_fields=["result"])
    logger.info("Stripe event %s (%s): %s", event["id"], event_type, result)
    return result
