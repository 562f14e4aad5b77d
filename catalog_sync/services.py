"""Sync runs: read a source batch by batch, map, and store each batch in one transaction through the domain
services; log the run. The catalog is written only by certification/producer services.

- A batch is one transaction: its certificates, its rejected records, the run's counts and the source's
  cursor commit together, so an interrupted run leaves the catalog as it was before that batch, and the next
  run resumes from the last committed batch.
- A registry that is down, throttling or answering garbage fails the run as *temporary* (retried later);
  nothing is delisted because of it: products leave the shop only by a status the registry published.
- One run per source at a time (a PostgreSQL advisory lock); a second one is logged as skipped.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from catalog_sync.clients.base import Batch, RegistryClient, RegistryError
from catalog_sync.clients.excel_annex import ExcelAnnexClient
from catalog_sync.clients.json_api import JsonApiClient
from catalog_sync.mapping import (
    DecisionInfo,
    NoteCode,
    RejectCode,
    Rejection,
    dedupe_latest,
    dedupe_status_changes,
    parse_datetime,
    status_applied_message,
)
from catalog_sync.models import (
    RegistrySource,
    SourceKind,
    SyncRecordWarning,
    SyncRejectedRecord,
    SyncRun,
    SyncRunStatus,
)
from marketplace.certification import services as certification_services
from marketplace.certification.registry_data import CertificateData, StatusChange

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Progress:
    done: int  # items received so far in this run
    total: int | None  # items expected, when the source says
    run: SyncRun


ProgressCallback = Callable[[Progress], None]


# --- sources ------------------------------------------------------------------------------------------------

def registry_source_ensure(*, name: str, url: str, token: str, from_settings: bool = False,
                           is_active: bool = True) -> RegistrySource:
    source, created = RegistrySource.objects.get_or_create(
        name=name[:100], defaults={"url": url, "token": token, "from_settings": from_settings,
                                   "is_active": is_active}
    )
    if not created and (source.url, source.token, source.is_active) != (url, token, is_active):
        source.url, source.token, source.is_active = url, token, is_active
        source.save(update_fields=["url", "token", "is_active", "updated_at"])
    return source


def registry_sources_from_settings_sync() -> list[RegistrySource]:
    """Mirror settings.REGISTRY_SOURCES ("name|url|token;…") into RegistrySource rows, keyed by name."""
    return [
        registry_source_ensure(name=entry["name"].strip(), url=entry.get("url", "").strip(),
                               token=entry.get("token", "").strip(), from_settings=True)
        for entry in settings.REGISTRY_SOURCES
        if entry.get("name", "").strip() and entry.get("url", "").strip()
    ]


def registry_client_for_source(*, source: RegistrySource, **options: object) -> JsonApiClient:
    """The source's client; `options` override its settings (tests shorten timeouts and backoff)."""
    settings_ = {"page_size": source.page_size, "timeout": source.timeout_seconds,
                 "max_attempts": getattr(settings, "REGISTRY_SYNC_MAX_ATTEMPTS", 5),
                 "backoff_base": getattr(settings, "REGISTRY_SYNC_BACKOFF_SECONDS", 1.0), **options}
    return JsonApiClient(base_url=source.url, token=source.token, **settings_)  # type: ignore[arg-type]


# --- runs ---------------------------------------------------------------------------------------------------

def source_lock_key(source_id: int) -> int:
    """The PostgreSQL advisory lock a run holds on its source."""
    return int.from_bytes(hashlib.sha256(f"catalog_sync.source.{source_id}".encode()).digest()[:8], "big",
                          signed=True)


@contextmanager
def _source_lock(source_id: int) -> Iterator[bool]:
    key = source_lock_key(source_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = bool(cursor.fetchone()[0])
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def registry_sync_run(*, source: RegistrySource, full: bool = False, client: RegistryClient | None = None,
                      progress: ProgressCallback | None = None) -> SyncRun:
    """Sync one JSON source: everything when `full`, else what changed since its cursor. Returns the run;
    a failed run says why, and whether trying again later may help (`error_is_temporary`)."""
    with _source_lock(source.pk) as acquired:
        if not acquired:
            now = timezone.now()
            return SyncRun.objects.create(source=source, source_label=source.name, kind=source.kind,
                                          full=full,
                                          status=SyncRunStatus.SKIPPED, started_at=now, finished_at=now,
                                          error="Một lượt đồng bộ khác của nguồn này đang chạy.")
        # Holding the lock, any other "running" run of this source belongs to a process that died.
        SyncRun.objects.filter(source=source, status=SyncRunStatus.RUNNING).update(
            status=SyncRunStatus.FAILED, finished_at=timezone.now(),
            error="Bị gián đoạn (tiến trình dừng giữa chừng); các đợt chưa ghi không để lại gì.",
        )
        run = SyncRun.objects.create(source=source, source_label=source.name, kind=SourceKind.JSON_API,
                                     full=full, started_at=timezone.now(), cursor_before=source.cursor)
        client = client or registry_client_for_source(source=source)
        return _execute(run=run, client=client, since=None if full else _since(source.cursor),
                        source=source, progress=progress)


def _since(cursor: str) -> str | None:
    """Ask from a little before the cursor: a record committed late with an older updated_at is still caught,
    and what comes twice costs only a fingerprint comparison."""
    stamp = parse_datetime(cursor) if cursor else None
    if stamp is None:
        return cursor or None
    overlap = timedelta(seconds=getattr(settings, "REGISTRY_SYNC_CURSOR_OVERLAP_SECONDS", 300))
    return (stamp - overlap).isoformat()


def annex_import(*, path: str | Path, decision: DecisionInfo, progress: ProgressCallback | None = None
                 ) -> SyncRun:
    """Import the Excel annex of a decision. Unreadable rows are rejected by row number; the rest go in."""
    run = SyncRun.objects.create(
        source_label=decision.label, kind=SourceKind.EXCEL_ANNEX, full=True, started_at=timezone.now(),
        details={"file": Path(path).name, "decision_no": decision.number,
                 "decision_date": decision.date.isoformat(), "issuer": decision.issuer,
                 "issuer_level": decision.issuer_level},
    )
    return _execute(run=run, client=ExcelAnnexClient(path=path, decision=decision), since=None, source=None,
                    progress=progress)


def _execute(*, run: SyncRun, client: RegistryClient, since: str | None, source: RegistrySource | None,
             progress: ProgressCallback | None) -> SyncRun:
    done = 0
    try:
        for batch in client.batches(since=since):
            _store_batch(run=run, client=client, batch=batch, source=source)
            done += len(batch.items)
            if progress:
                progress(Progress(done=done, total=batch.total, run=run))
    except RegistryError as exc:
        logger.warning("Registry sync %s failed: %s", run.source_label, exc)
        _finish(run, status=SyncRunStatus.FAILED, client=client, error=str(exc), temporary=exc.temporary)
    except BaseException as exc:
        _finish(run, status=SyncRunStatus.FAILED, client=client, error=f"{type(exc).__name__}: {exc}",
                temporary=False)
        raise
    else:
        _finish(run, status=SyncRunStatus.SUCCEEDED, client=client)
    finally:
        client.close()
    return run


def _finish(run: SyncRun, *, status: str, client: RegistryClient, error: str = "", temporary: bool = False
            ) -> None:
    run.refresh_from_db()
    run.status, run.error, run.error_is_temporary = status, error, temporary
    run.finished_at = timezone.now()
    if client.retries:
        run.details = {**run.details, "retries": client.retries[-50:]}
    if run.source_id:
        run.cursor_after = RegistrySource.objects.filter(pk=run.source_id).values_list("cursor",
                                                                                       flat=True).first()
    run.save()


@transaction.atomic
def _store_batch(*, run: SyncRun, client: RegistryClient, batch: Batch,
                 source: RegistrySource | None) -> None:
    records: list[CertificateData] = []
    rejections: list[Rejection] = []
    status_changes: list[StatusChange] = []
    seen_before = parse_datetime(run.cursor_before) if run.cursor_before and not run.full else None
    already_reported = 0
    for item in batch.items:
        result = client.map_item(item)
        if isinstance(result, Rejection):
            if result.status_change is not None:
                status_changes.append(result.status_change)  # applied even when reported before
            payload = result.payload if isinstance(result.payload, dict) else {}
            stamp = parse_datetime(payload.get("updated_at"))
            if seen_before and stamp and stamp <= seen_before:
                already_reported += 1  # rejected by an earlier run; the overlap brought it back unchanged
            else:
                rejections.append(result)
        else:
            records.append(result)
    records, duplicates = dedupe_latest(records)
    records, status_changes, superseded = dedupe_status_changes(records=records, changes=status_changes)
    rejections += duplicates + superseded
    outcome = certification_services.certificates_upsert_from_registry(
        records=records, source=run.source_label, status_changes=status_changes)
    by_id = {r.registry_id: r for r in records}
    rejections = [_with_status_applied(r, outcome.status_applied) for r in rejections]
    rejections += [
        Rejection(RejectCode.NOT_SAVED, f"Không lưu được bản ghi: {reason}", record_id=registry_id,
                  row_number=(by_id[registry_id].payload or {}).get("row") if registry_id in by_id else None,
                  payload=by_id[registry_id].payload if registry_id in by_id else {})
        for registry_id, reason in outcome.failed.items()
    ]
    warnings = [
        SyncRecordWarning(run=run, record_id=record.registry_id[:200],
                          row_number=(record.payload or {}).get("row"), code=note.code, message=note.message)
        for record in records if not _seen_before(record.updated_at, seen_before) for note in record.notes
    ] + [
        SyncRecordWarning(run=run, record_id=change.registry_id[:200], code=NoteCode.STATUS_APPLIED,
                          message=status_applied_message(outcome.status_applied[change.registry_id]))
        for change in status_changes if change.registry_id in outcome.status_applied
    ]
    SyncRejectedRecord.objects.bulk_create([
        SyncRejectedRecord(run=run, record_id=r.record_id[:200], row_number=r.row_number, code=r.code,
                           reason=r.reason, payload=r.payload if isinstance(r.payload, dict) else {})
        for r in rejections
    ])
    SyncRecordWarning.objects.bulk_create(warnings)
    SyncRun.objects.filter(pk=run.pk).update(
        received=F("received") + len(batch.items), created=F("created") + len(outcome.created),
        updated=F("updated") + len(outcome.updated),
        unchanged=F("unchanged") + len(outcome.unchanged) + already_reported,
        delisted=F("delisted") + len(outcome.delisted),
        relisted=F("relisted") + len(outcome.relisted), rejected=F("rejected") + len(rejections),
        warnings=F("warnings") + len(warnings), status_applied=F("status_applied") + len(outcome.status_applied),
        batches=F("batches") + 1,
    )
    if source is not None and batch.cursor:
        _cursor_advance(source=source, cursor=batch.cursor)


def _seen_before(stamp: datetime | None, seen_before: datetime | None) -> bool:
    """Brought back by an incremental run's overlap, unchanged: its notes were logged by an earlier run."""
    return bool(seen_before and stamp and stamp <= seen_before)


def _with_status_applied(rejection: Rejection, applied: dict[str, dict[str, list]]) -> Rejection:
    change = rejection.status_change
    if change is None or change.registry_id not in applied:
        return rejection
    return replace(rejection, reason=f"{rejection.reason}. {status_applied_message(applied[change.registry_id])}")


def _cursor_advance(*, source: RegistrySource, cursor: str) -> None:
    current = parse_datetime(source.cursor) if source.cursor else None
    candidate = parse_datetime(cursor)
    if candidate is not None and (current is None or candidate > current):
        RegistrySource.objects.filter(pk=source.pk).update(cursor=cursor)
        source.cursor = cursor


def registry_sources_due() -> list[RegistrySource]:
    """Active JSON sources, settings ones included, for the periodic sync."""
    registry_sources_from_settings_sync()
    return list(RegistrySource.objects.filter(is_active=True, kind=SourceKind.JSON_API))
