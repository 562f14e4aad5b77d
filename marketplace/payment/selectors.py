"""Payment reads: which gateways a shopper may use, an order's transactions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from marketplace.payment.models import COD_GATEWAY, STRIPE_GATEWAY, TransactionItem

__all__ = ["COD_GATEWAY", "STRIPE_GATEWAY", "payment_gateways_available", "stripe_csp_sources", "stripe_js_url"]
from marketplace.payment.stripe_gateway import stripe_is_configured


@dataclass(frozen=True)
class GatewayInfo:
    id: str
    name: str
    config: tuple[tuple[str, str], ...]
    currencies: tuple[str, ...] = ("VND",)


def payment_gateways_available() -> list[GatewayInfo]:
    """Cash on delivery always; Stripe when its keys are set (the publishable key is public by design)."""
    gateways = [GatewayInfo(id=COD_GATEWAY, name=_("Thanh toán khi nhận hàng (COD)"), config=())]
    if stripe_is_configured():
        gateways.append(GatewayInfo(id=STRIPE_GATEWAY, name=_("Thẻ quốc tế (Visa, Mastercard, JCB)"),
                                    config=(("api_key", settings.STRIPE_PUBLISHABLE_KEY),)))
    return gateways


def stripe_js_url() -> str:
    """Stripe.js: the real one, or the fake one localstripe serves when the API base points at it (tests)."""
    base = settings.STRIPE_API_BASE
    return f"{base.rstrip('/')}/js.stripe.com/v3/" if base else "https://js.stripe.com/v3/"


def stripe_csp_sources() -> dict[str, list[str]]:
    """Content-security-policy additions for a page that loads stripe_js_url(): the local stand-in's origin when
    STRIPE_API_BASE points at one (the real Stripe origins are in the site-wide policy)."""
    parts = urlsplit(settings.STRIPE_API_BASE or "")
    if not parts.scheme or not parts.netloc:
        return {}
    origin = f"{parts.scheme}://{parts.netloc}"
    return {"script-src": [origin], "connect-src": [origin], "frame-src": [origin]}


def payment_gateway_ids() -> set[str]:
    return {g.id for g in payment_gateways_available()}


def transactions_for_order(*, order_id) -> QuerySet[TransactionItem]:
    return TransactionItem.objects.filter(order_id=order_id).prefetch_related("events").order_by("pk")


def transaction_get(*, pk: int | None = None, token: str | uuid.UUID | None = None) -> TransactionItem | None:
    qs = TransactionItem.objects.select_related("order")
    if pk is not None:
        return qs.filter(pk=pk).first()
    try:
        return qs.filter(token=uuid.UUID(str(token))).first()
    except ValueError:
        return None


def transaction_active_stripe(*, order_id) -> TransactionItem | None:
    return (TransactionItem.objects.filter(order_id=order_id, gateway=STRIPE_GATEWAY, charge_pending_value__gt=0)
            .order_by("-pk").first())
