"""Celery tasks of the registry sync (queue "sync"); schedules in settings.CELERY_BEAT_SCHEDULE."""

from __future__ import annotations

import logging

from celery import shared_task

from catalog_sync import services
from catalog_sync.models import RegistrySource, SyncRunStatus

logger = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 120


@shared_task(name="catalog_sync.tasks.registry_sync_all_sources_task")
def registry_sync_all_sources_task(full: bool = False) -> list[int]:
    """Queue one sync per active source (incremental, or a full reconcile when `full`)."""
    source_ids = [source.pk for source in services.registry_sources_due()]
    for source_id in source_ids:
        registry_sync_source_task.delay(source_id=source_id, full=full)
    return source_ids


@shared_task(bind=True, name="catalog_sync.tasks.registry_sync_source_task", max_retries=5)
def registry_sync_source_task(self, source_id: int, full: bool = False) -> int | None:
    source = RegistrySource.objects.filter(pk=source_id, is_active=True).first()
    if source is None:
        return None
    run = services.registry_sync_run(source=source, full=full)
    if run.status == SyncRunStatus.FAILED and run.error_is_temporary and not self.request.is_eager:
        # Down, throttling or garbage: try again later with growing pauses; nothing was delisted meanwhile.
        raise self.retry(countdown=min(3600, RETRY_BASE_SECONDS * 2 ** self.request.retries))
    return run.pk
