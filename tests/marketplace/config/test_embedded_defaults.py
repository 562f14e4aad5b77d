"""The embedded defaults a fresh machine relies on: PostgreSQL from the wheel when DATABASE_URL is unset, and a
real Celery worker fed through an embedded broker (kombu's SQLAlchemy transport) when CELERY_BROKER_URL is
unset. Both start real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL",
                                                          "CELERY_RESULT_BACKEND", "DJANGO_SETTINGS_MODULE"}}
    env.update(extra)
    return env


@pytest.mark.slow
def test_unset_database_url_starts_an_embedded_postgresql_under_tmp():
    data_dir = Path(tempfile.mkdtemp(prefix="ocop-embedded-", dir="/tmp")) / "pgdata"
    env = _env(EMBEDDED_PG_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="marketplace.config.settings")
    try:
        result = subprocess.run(
            [sys.executable, "-c",
             "import django; django.setup(); from django.db import connection; "
             "cur = connection.cursor(); cur.execute('select version()'); print(cur.fetchone()[0])"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert "PostgreSQL" in result.stdout
        assert (data_dir / "PG_VERSION").exists()
    finally:
        subprocess.run([sys.executable, "-c", "from marketplace.config.embedded_postgres import stop; stop()"],
                       cwd=ROOT, env=env, timeout=60)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_tasks_through_the_embedded_broker():
    db = settings.DATABASES["default"]
    host = db["HOST"] or "127.0.0.1"
    url = (f"postgresql://{db['USER']}@/{db['NAME']}?host={host}&port={db['PORT'] or 5432}" if host.startswith("/")
           else f"postgresql://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}")
    env = _env(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="marketplace.config.settings")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "marketplace.config", "worker", "--pool=solo", "-Q", "default",
         "--loglevel=INFO"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        client = subprocess.run(
            [sys.executable, "-c",
             "import django; django.setup();"
             "from marketplace.core.tasks import healthcheck_task;"
             "r = healthcheck_task.delay(); print(r.get(timeout=150)['database'])"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=200,
        )
    finally:
        worker.terminate()
        try:
            worker_output = worker.communicate(timeout=20)[0]
        except subprocess.TimeoutExpired:
            worker.kill()
            worker_output = worker.communicate()[0]
    assert client.returncode == 0, client.stderr[-2000:] + "\n--- worker ---\n" + worker_output[-3000:]
    assert client.stdout.strip().endswith(db["NAME"])
