"""Shared fixtures. The database is real PostgreSQL (see marketplace/config/settings_test.py for which one)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

pytest_plugins = ["tests.factories.catalog", "tests.factories.fair", "tests.factories.salespoint",
                  "tests.factories.checkout", "tests.factories.pickups", "tests.factories.fake_stripe",
                  "tests.factories.staff"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
