"""Locks for sales-point writes. Idempotency tokens are serialised with a transaction-level advisory lock: callers
presenting the same token queue, and each one after the first finds the committed result instead of racing to
insert it (a unique violation would abort its transaction and end as a server error)."""

from __future__ import annotations

from django.db import connection


def client_token_lock(*, scope: str, token: str) -> None:
    """Hold the lock on (scope, token) until the current transaction ends (call inside transaction.atomic)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [f"salespoint:{scope}:{token}"])
