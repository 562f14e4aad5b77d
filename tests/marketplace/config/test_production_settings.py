"""Production refuses to start with the development secret, and its deploy check refuses demo passwords."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from marketplace.account.services import user_create

ROOT = Path(__file__).resolve().parents[3]


def test_debug_off_with_the_default_secret_refuses_to_start():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "", "DJANGO_SETTINGS_MODULE": "marketplace.config.settings"}
    env.pop("SECRET_KEY")

    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_deploy_check_names_demo_accounts_that_keep_the_demo_password(settings):
    user_create(email="operator@example.com", password=settings.DEMO_PASSWORD)
    user_create(email="promo@example.com", password="a-real-password-9f3k")

    with override_settings(DEBUG=False):
        errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "ocop.E001"]

    assert [e.msg for e in errors] == ["Demo account operator@example.com still accepts the demo password."]


def _env_example() -> dict[str, str]:
    lines = (ROOT / "deploy" / "env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"),
                                            "DJANGO_SETTINGS_MODULE": "marketplace.config.settings", **env})


def test_the_secret_key_placeholder_in_env_example_is_refused():
    from marketplace.config.production_checks import refuse_demo_credentials

    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        refuse_demo_credentials(secret_key=_env_example()["SECRET_KEY"])


def test_check_deploy_is_clean_with_the_documented_production_environment():
    env = {**_env_example(), "SECRET_KEY": "x7Hq" + secrets.token_urlsafe(48),
           # The services of env.example do not run here; the checks need only a database that answers.
           "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
           "ELASTICSEARCH_URL": "", "CELERY_BROKER_URL": "", "CELERY_RESULT_BACKEND": ""}

    result = _manage(env, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_the_security_variables_check_deploy_warns():
    env = {"DEBUG": "0", "SECRET_KEY": "x7Hq" + secrets.token_urlsafe(48), "ALLOWED_HOSTS": "ocop.example.vn",
           "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")}

    result = _manage(env, "check", "--deploy")

    for warning in ("security.W004", "security.W008"):
        assert warning in result.stdout + result.stderr
