"""Reads of the sync's run log, for the staff API and the admin."""

from __future__ import annotations

from django.db.models import QuerySet

from catalog_sync.models import RegistrySource, SyncRecordWarning, SyncRejectedRecord, SyncRun


def sync_run_list(*, source_id: int | None = None, status: str | None = None, kind: str | None = None
                  ) -> QuerySet[SyncRun]:
    """Runs, newest first."""
    qs = SyncRun.objects.select_related("source")
    if source_id is not None:
        qs = qs.filter(source_id=source_id)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-started_at", "-pk")


def sync_run_get(*, run_id: int) -> SyncRun | None:
    return SyncRun.objects.select_related("source").filter(pk=run_id).first()


def sync_rejected_record_list(*, run_id: int, code: str | None = None) -> QuerySet[SyncRejectedRecord]:
    """The records or rows a run could not take, in the order it met them."""
    qs = SyncRejectedRecord.objects.filter(run_id=run_id)
    if code:
        qs = qs.filter(code=code)
    return qs.order_by("pk")


def sync_record_warning_list(*, run_id: int) -> QuerySet[SyncRecordWarning]:
    """What a run did with a record that staff should know (a group filed under its parent, a status applied
    from a rejected record), in the order it met them."""
    return SyncRecordWarning.objects.filter(run_id=run_id).order_by("pk")


def registry_source_list(*, active_only: bool = False) -> QuerySet[RegistrySource]:
    qs = RegistrySource.objects.all()
    return qs.filter(is_active=True) if active_only else qs


def sync_run_latest() -> SyncRun | None:
    """The newest run of any source (the admin dashboard shows it with its rejects)."""
    return sync_run_list().first()
