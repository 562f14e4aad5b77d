"""A localstripe (fake Stripe API) for the payment tests, started once per test session on loopback.

It lives in its own virtualenv, var/localstripe-venv, created here from requirements/localstripe.txt when
missing (first run takes ~10 s and needs PyPI). Tests point the real `stripe` library at it through
STRIPE_API_BASE; nothing in the application knows it is fake."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / "var" / "localstripe-venv"
REQUIREMENTS = ROOT / "requirements" / "localstripe.txt"
SERVER = Path(__file__).with_name("localstripe_server.py")
SECRET_KEY, PUBLISHABLE_KEY, WEBHOOK_SECRET = "sk_test_ocop", "pk_test_ocop", "whsec_ocop_test"


def _venv_python() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists() or subprocess.run([python, "-c", "import localstripe"], capture_output=True).returncode:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([VENV / "bin" / "pip", "install", "-q", "-r", str(REQUIREMENTS)], check=True)
    return python


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    python = _venv_python()
    port = _free_port()
    log = open(ROOT / "var" / "localstripe.log", "ab")  # noqa: SIM115 (closed below)
    process = subprocess.Popen([str(python), str(SERVER), str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/js.stripe.com/v3/", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"localstripe did not start (see {ROOT / 'var' / 'localstripe.log'})")
        time.sleep(0.1)
    yield LocalStripe(url=url)
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture
def stripe_env(settings, localstripe_server) -> LocalStripe:
    """Settings pointing the app's Stripe client at localstripe, with test keys."""
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe_server.url
    return localstripe_server
