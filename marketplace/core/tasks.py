"""Operational tasks. `healthcheck_task` lets deploy checks (and tests) prove a worker is consuming tasks and
can reach the database."""

from __future__ import annotations

from celery import shared_task
from django.db import connection

# Registered with the worker through this module, which Celery's autodiscovery imports.
from marketplace.core.email import email_send_task  # noqa: F401


@shared_task(name="marketplace.core.tasks.healthcheck_task")
def healthcheck_task() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), now()")
        database, now = cursor.fetchone()
    return {"database": database, "time": now.isoformat()}
