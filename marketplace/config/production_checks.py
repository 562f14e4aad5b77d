"""Production refuses to start with the development secret or with demo accounts still usable."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured


def refuse_demo_credentials(*, secret_key: str) -> None:
    from marketplace.config import settings as s

    # "change-me": the placeholder in deploy/env.example must not pass for a key.
    if secret_key == s.DEFAULT_SECRET_KEY or len(secret_key) < 32 or "change-me" in secret_key.lower():
        raise ImproperlyConfigured("Set a SECRET_KEY of 32+ characters for production.")
