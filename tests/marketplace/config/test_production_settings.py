"""Production refuses to start with the development secret, and its deploy check refuses demo passwords."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
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
