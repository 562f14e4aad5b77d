"""Checkout locks. The checkout row itself is locked with select_for_update in services; the units a client address
holds across several checkouts are counted under a transaction-level advisory lock on that address, so parallel
requests from one address queue instead of all passing the cap at once."""

from __future__ import annotations

from django.db import connection


def client_address_lock(*, client_address: str) -> None:
    """Hold the lock on this address until the current transaction ends (call inside transaction.atomic)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [f"checkout:client:{client_address}"])
