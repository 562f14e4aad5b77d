"""The only module that talks to Stripe (through the official `stripe` library). Amounts are VND, a
zero-decimal currency: the amount sent is the number of đồng, never multiplied by 100. Keys come from the
environment (settings.STRIPE_*); STRIPE_API_BASE points the client at localstripe in tests."""

from __future__ import annotations

import logging

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.payment.error_codes import PaymentErrorCode

logger = logging.getLogger(__name__)
ZERO_DECIMAL_CURRENCIES = {"VND"}
STRIPE_MAX_AMOUNT = 99_999_999  # Stripe accepts at most eight digits


def stripe_is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def _client() -> stripe.StripeClient:
    if not settings.STRIPE_SECRET_KEY:
        raise DomainError(_("Thanh toán thẻ chưa được cấu hình."), code=PaymentErrorCode.INVALID,
                          field="paymentGateway")
    options: dict = {"max_network_retries": 1}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, **options)


class _GatewayError(DomainError):
    def __reduce__(self):  # Celery stores a task's exception (retries, results): keep it picklable
        return _gateway_error, (type(self), self.message, self.code, self.field)


def _gateway_error(cls: type, message: str, code: str, field: str | None) -> DomainError:
    return cls(message, code=code, field=field)


class PaymentGatewayUnavailable(_GatewayError):
    """Stripe could not answer now (network, its 5xx, rate limit): trying again later may succeed."""


class PaymentGatewayRefused(_GatewayError):
    """Stripe answered and refused (invalid request, card error, authentication): retrying changes nothing."""


def stripe_error_is_temporary(exc: stripe.StripeError) -> bool:
    if isinstance(exc, (stripe.APIConnectionError, stripe.RateLimitError)):
        return True
    status = getattr(exc, "http_status", None)
    return isinstance(exc, stripe.APIError) or (status is not None and (status >= 500 or status == 429))


def _failed(exc: stripe.StripeError) -> DomainError:
    logger.warning("Stripe request failed: %s", exc)
    if stripe_error_is_temporary(exc):
        return PaymentGatewayUnavailable(_("Cổng thanh toán tạm thời không phản hồi, vui lòng thử lại."),
                                         code=PaymentErrorCode.PAYMENT_ERROR)
    return PaymentGatewayRefused(_("Cổng thanh toán từ chối yêu cầu: %(reason)s")
                                 % {"reason": (getattr(exc, "user_message", None) or str(exc))[:200]},
                                 code=PaymentErrorCode.PAYMENT_ERROR)


def stripe_amount(amount, currency: str) -> int:
    """The integer Stripe expects: đồng for VND (zero-decimal), minor units otherwise."""
    return int(amount) if currency.upper() in ZERO_DECIMAL_CURRENCIES else int(round(float(amount) * 100))


def payment_intent_create(*, amount: int, currency: str, metadata: dict, idempotency_key: str) -> dict:
    if not 0 < amount <= STRIPE_MAX_AMOUNT:
        raise DomainError(_("Số tiền vượt quá hạn mức thanh toán thẻ."), code=PaymentErrorCode.INVALID, field="amount")
    try:
        intent = _client().v1.payment_intents.create(
            params={"amount": amount, "currency": currency.lower(), "payment_method_types": ["card"],
                    "metadata": metadata},
            options={"idempotency_key": idempotency_key})
    except stripe.StripeError as exc:
        raise _failed(exc)
    return intent.to_dict()


def payment_intent_retrieve(*, intent_id: str) -> dict:
    try:
        return _client().v1.payment_intents.retrieve(intent_id).to_dict()
    except stripe.StripeError as exc:
        raise _failed(exc)


def payment_intent_confirm(*, intent_id: str, payment_method_id: str) -> dict:
    """Attach a payment method created by Stripe.js and confirm on the server. A declined card is not an
    error here: the returned intent carries `last_payment_error` (status requires_payment_method)."""
    client = _client()
    try:
        client.v1.payment_intents.update(intent_id, params={"payment_method": payment_method_id})
        return client.v1.payment_intents.confirm(intent_id).to_dict()
    except stripe.CardError:
        return payment_intent_retrieve(intent_id=intent_id)
    except stripe.InvalidRequestError as exc:
        logger.info("Stripe refused confirmation of %s: %s", intent_id, exc)
        return payment_intent_retrieve(intent_id=intent_id)
    except stripe.StripeError as exc:
        raise _failed(exc)


def payment_intent_cancel(*, intent_id: str) -> dict:
    """Cancel so it can no longer be paid; if it already succeeded, return it as it is."""
    try:
        return _client().v1.payment_intents.cancel(intent_id).to_dict()
    except stripe.InvalidRequestError:
        return payment_intent_retrieve(intent_id=intent_id)
    except stripe.StripeError as exc:
        raise _failed(exc)


def payment_method_card(*, payment_method_id: str | None) -> dict:
    """Brand and last digits for display (a PaymentMethod's `card`, or a legacy Card object)."""
    if not payment_method_id:
        return {}
    try:
        data = _client().v1.payment_methods.retrieve(payment_method_id).to_dict()
    except (stripe.StripeError, DomainError):
        return {}
    card = data.get("card") if isinstance(data.get("card"), dict) else data
    return {"brand": str(card.get("brand") or ""), "last4": str(card.get("last4") or ""),
            "exp_month": card.get("exp_month"), "exp_year": card.get("exp_year")}


def refund_create(*, intent_id: str, amount: int, idempotency_key: str) -> dict:
    try:
        return _client().v1.refunds.create(params={"payment_intent": intent_id, "amount": amount},
                                           options={"idempotency_key": idempotency_key}).to_dict()
    except stripe.StripeError as exc:
        raise _failed(exc)


def refunds_list(*, intent_id: str) -> list[dict]:
    try:
        return [r.to_dict() for r in _client().v1.refunds.list(params={"payment_intent": intent_id}).data]
    except stripe.StripeError as exc:
        raise _failed(exc)


def webhook_event_verify(*, payload: bytes, signature: str | None) -> dict:
    """The event, if its Stripe-Signature matches STRIPE_WEBHOOK_SECRET (and is recent); DomainError otherwise."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise DomainError("Webhook secret is not configured.", code=PaymentErrorCode.INVALID)
    try:
        event = stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
        return event.to_dict()
    except (ValueError, TypeError, AttributeError, KeyError, stripe.SignatureVerificationError) as exc:
        # A signed body that is not an event object (a list, a number) fails while being built, not verified.
        raise DomainError(f"Invalid webhook: {str(exc)[:200]}", code=PaymentErrorCode.INVALID)
