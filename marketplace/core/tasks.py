"""Operational tasks. `healthcheck_task` lets deploy checks (and tests) prove a worker is consuming tasks and
can reach the database."""

from __future__ import annotations

from celery import shared_task
from django.db import connection


@shared_task(name="marketplace.core.tasks.healthcheck_task")
def healthcheck_task() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), now()")
        database, now = cursor.fetchone()
    return {"database": database, "time": now.isoformat()}
