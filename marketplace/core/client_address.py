"""The client's IP address as the web server saw it, for limits that count per address (checkout reservations)."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping


def client_address_get(*, meta: Mapping) -> str | None:
    """REMOTE_ADDR normalised; None when it is not an IP address. Behind a reverse proxy the server must set
    REMOTE_ADDR from the proxy's header (e.g. gunicorn's forwarded-allow-ips), not trust one here."""
    raw = str(meta.get("REMOTE_ADDR") or "").strip()
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None
