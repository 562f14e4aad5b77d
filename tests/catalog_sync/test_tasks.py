"""Celery tasks (run eagerly in tests) and the schedule they run on."""

from __future__ import annotations

import pytest
from django.conf import settings

from catalog_sync.models import RegistrySource, SyncRun, SyncRunStatus
from catalog_sync.tasks import registry_sync_all_sources_task
from tests.catalog_sync.conftest import TOKEN, make_record, shop_names


@pytest.fixture
def registry_records():
    return [make_record("HT-2025-0001", "Nước mắm Cẩm Nhượng")]


def test_the_schedule_has_the_incremental_sync_the_full_reconcile_and_the_expiry_sweep():
    schedule = {entry["task"]: entry for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert schedule["catalog_sync.tasks.registry_sync_all_sources_task"]["kwargs"] in ({"full": False},
                                                                                      {"full": True})
    assert "marketplace.certification.tasks.certificate_expiry_sweep_task" in schedule
    fulls = [e["kwargs"]["full"] for e in settings.CELERY_BEAT_SCHEDULE.values()
             if e["task"] == "catalog_sync.tasks.registry_sync_all_sources_task"]
    assert sorted(fulls) == [False, True]


@pytest.mark.django_db
def test_sources_from_settings_are_synced_by_the_periodic_task(registry, settings):
    registry.source.is_active = False  # only the settings entry below should run
    registry.source.save()
    settings.REGISTRY_SOURCES = [{"name": "Hà Tĩnh (settings)", "url": registry.server.url, "token": TOKEN}]

    source_ids = registry_sync_all_sources_task(full=False)

    source = RegistrySource.objects.get(name="Hà Tĩnh (settings)")
    assert source_ids == [source.pk] and source.from_settings
    assert SyncRun.objects.get(source=source).status == SyncRunStatus.SUCCEEDED
    assert shop_names() == {"Nước mắm Cẩm Nhượng"}
