"""A localstripe (fake Stripe API) for the payment tests, started once per test session on loopback.

It lives in its own virtualenv, var/localstripe-venv, created here from requirements/localstripe.txt when
missing (first run takes ~10 s and needs PyPI). Tests point the real `stripe` library at it through
STRIPE_API_BASE; nothing in the application knows it is fake."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass

import httpx
import pytest

from marketplace.demo.stripe_sandbox import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET, localstripe_start

__all__ = ["PUBLISHABLE_KEY", "SECRET_KEY", "WEBHOOK_SECRET", "LocalStripe", "signed_event"]


@dataclass
class LocalStripe:
    url: str

    def authenticate(self, intent_id: str, client_secret: str, success: bool = True) -> None:
        """What the shopper does in the 3-D Secure pop-up (a localstripe-only route)."""
        r = httpx.post(f"{self.url}/v1/payment_intents/{intent_id}/_authenticate",
                       data={"client_secret": client_secret, "success": "true" if success else "false"},
                       headers={"Authorization": f"Bearer {SECRET_KEY}"})
        r.raise_for_status()

    def payment_method(self, number: str) -> str:
        r = httpx.post(f"{self.url}/v1/payment_methods", headers={"Authorization": f"Bearer {SECRET_KEY}"},
                       data={"type": "card", "card[number]": number, "card[exp_month]": "12",
                             "card[exp_year]": "2030", "card[cvc]": "123"})
        r.raise_for_status()
        return r.json()["id"]

    def intent(self, intent_id: str) -> dict:
        r = httpx.get(f"{self.url}/v1/payment_intents/{intent_id}", headers={"Authorization": f"Bearer {SECRET_KEY}"})
        r.raise_for_status()
        return r.json()

    def register_webhook(self, url: str) -> None:
        r = httpx.post(f"{self.url}/_config/webhooks/ocop", data={"url": url, "secret": WEBHOOK_SECRET})
        r.raise_for_status()


def signed_event(event: dict, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> tuple[bytes, str]:
    """A webhook body and its Stripe-Signature header, signed the way Stripe (and localstripe) sign."""
    body = json.dumps(event).encode()
    ts = timestamp or int(time.time())
    signature = hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return body, f"t={ts},v1={signature}"


@pytest.fixture(scope="session")
def localstripe_server():
    try:
        server = localstripe_start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield LocalStripe(url=server.url)
    server.stop()


@pytest.fixture
def stripe_env(settings, localstripe_server) -> LocalStripe:
    """Settings pointing the app's Stripe client at localstripe, with test keys."""
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe_server.url
    return localstripe_server
