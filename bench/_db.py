"""Benchmarks run on a database of their own (never the demo's or the tests')."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def use_bench_database(name: str) -> str:
    """Point DATABASE_URL at a fresh database `name` on the configured server, then set up Django."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.config.settings")
    base = os.environ.get("DATABASE_URL")
    if not base:
        try:
            socket.create_connection(("127.0.0.1", 5432), timeout=0.5).close()
            base = "postgres://postgres@127.0.0.1:5432/postgres"
        except OSError:
            from marketplace.config.embedded_postgres import ensure_running

            base = ensure_running().url()
    import psycopg

    with psycopg.connect(base.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    if "?" in base:
        path, query = base.split("?", 1)
        url = path.rsplit("/", 1)[0] + f"/{name}?{query}"
    else:
        url = base.rsplit("/", 1)[0] + f"/{name}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(int(round(pct / 100 * (len(ordered) - 1))), len(ordered) - 1)
    return ordered[index]
