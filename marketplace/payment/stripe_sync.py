"""Bring a Stripe transaction in line with the PaymentIntent as Stripe reports it now. Called after our own
API calls, by transactionProcess, and by the webhook (which fetches the intent again rather than trusting the
event body), so stale or replayed news cannot undo a newer state and nothing is counted twice."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _lazy

from marketplace.payment import stripe_gateway
from marketplace.payment.models import TransactionEventType, TransactionItem
from marketplace.payment.transactions import (
    requested_amount,
    transaction_amounts_recalculate,
    transaction_event_record,
    transaction_lock,
)

T = TransactionEventType
DECLINE_MESSAGES = {
    "card_declined": _lazy("Thẻ bị từ chối. Vui lòng dùng thẻ khác."),
    "insufficient_funds": _lazy("Thẻ không đủ số dư."),
    "expired_card": _lazy("Thẻ đã hết hạn."),
    "incorrect_cvc": _lazy("Mã CVC không đúng."),
    "payment_intent_authentication_failure": _lazy("Xác thực 3-D Secure không thành công."),
}


def decline_message(intent: dict) -> str:
    error = intent.get("last_payment_error") or {}
    return str(DECLINE_MESSAGES.get(error.get("decline_code") or error.get("code") or "",
                                    _lazy("Thanh toán không thành công. Vui lòng thử lại.")))


def _last_type(item: TransactionItem) -> str | None:
    last = item.events.order_by("-pk").first()
    return last.type if last else None


def _matches_request(item: TransactionItem, intent: dict) -> bool:
    received = int(intent.get("amount_received") or intent.get("amount") or 0)
    return received == stripe_gateway.stripe_amount(requested_amount(item), item.currency)


@transaction.atomic
def transaction_sync_from_intent(*, transaction_id: int, intent: dict, card: dict | None = None) -> TransactionItem:
    """`card`: the payment method's brand and digits, fetched by the caller before the transaction opens."""
    item = transaction_lock(transaction_id=transaction_id)
    if intent.get("id") != item.psp_reference:
        return item
    status = intent.get("status")
    currency = str(intent.get("currency") or "").upper()
    if status == "succeeded" and currency != item.currency.upper():
        # Money in another currency cannot be booked against a VND order: never credited; staff must look.
        if _last_type(item) != T.INFO:
            transaction_event_record(item=item, type=T.INFO, psp_reference=item.psp_reference,
                                     message=f"Tiền tệ không khớp: {intent.get('amount')} {currency}")
        return transaction_amounts_recalculate(item=item)
    if status == "succeeded":
        # Book what Stripe actually took, not what we asked: the order is paid only if it covers the total,
        # a shortfall leaves it unpaid (and refunded when it expires), a surplus is refunded.
        received = int(intent.get("amount_received") or intent.get("amount") or 0)
        created = transaction_event_record(item=item, type=T.CHARGE_SUCCESS, amount=received,
                                           psp_reference=item.psp_reference, message="Thanh toán thành công")
        if created and not _matches_request(item, intent):
            transaction_event_record(item=item, type=T.INFO, psp_reference=item.psp_reference,
                                     message=f"Số tiền Stripe thu ({received}) khác số tiền yêu cầu")
        if created and not item.cc_last_digits and card:
            item.payment_method_type = "card"
            item.cc_brand, item.cc_last_digits = card.get("brand", ""), card.get("last4", "")
            item.cc_exp_month, item.cc_exp_year = card.get("exp_month"), card.get("exp_year")
            item.save(update_fields=["payment_method_type", "cc_brand", "cc_last_digits", "cc_exp_month",
                                     "cc_exp_year", "modified_at"])
    elif status == "requires_action":
        if _last_type(item) != T.CHARGE_ACTION_REQUIRED:
            transaction_event_record(item=item, type=T.CHARGE_ACTION_REQUIRED, psp_reference=item.psp_reference,
                                     message="Cần xác thực 3-D Secure")
    elif status == "requires_payment_method" and intent.get("last_payment_error"):
        error = intent["last_payment_error"]
        reference = error.get("charge") or error.get("code") or "declined"
        if not item.events.filter(type=T.CHARGE_FAILURE, psp_reference=reference).exists():
            transaction_event_record(item=item, type=T.CHARGE_FAILURE, psp_reference=reference,
                                     message=decline_message(intent))
    elif status == "canceled":
        pending = item.charge_pending_value or (requested_amount(item) - item.charged_value)
        transaction_event_record(item=item, type=T.CANCEL_SUCCESS, amount=max(pending, 0),
                                 psp_reference=item.psp_reference, message="Đã hủy yêu cầu thanh toán")
    item.message = {"succeeded": "Đã thanh toán", "requires_action": "Chờ xác thực",
                    "canceled": "Đã hủy"}.get(status, decline_message(intent)
                                              if intent.get("last_payment_error") else "Chờ thanh toán")
    item.save(update_fields=["message", "modified_at"])
    return transaction_amounts_recalculate(item=item)


@transaction.atomic
def transaction_sync_refunds(*, transaction_id: int, refunds: list[dict]) -> TransactionItem:
    item = transaction_lock(transaction_id=transaction_id)
    for refund in refunds:
        if refund.get("status") == "succeeded":
            transaction_event_record(item=item, type=T.REFUND_SUCCESS, amount=refund.get("amount") or 0,
                                     psp_reference=refund["id"], message="Đã hoàn tiền")
        elif refund.get("status") in ("failed", "canceled") and not item.events.filter(
                type=T.REFUND_FAILURE, psp_reference=refund["id"]).exists():
            transaction_event_record(item=item, type=T.REFUND_FAILURE, amount=refund.get("amount") or 0,
                                     psp_reference=refund["id"], message="Hoàn tiền không thành công")
    return transaction_amounts_recalculate(item=item)

