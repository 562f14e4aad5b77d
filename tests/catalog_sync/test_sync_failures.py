"""A registry that is slow, down, throttling, refusing or answering garbage: retried, reported on the run, and
never a reason to take anything off sale. Backoff sleeps are recorded instead of slept."""

from __future__ import annotations

import json

import pytest
from django.db import connections

from catalog_sync import services
from catalog_sync.models import SyncRunStatus
from catalog_sync.registry_server import Fault, RegistryServer
from marketplace.certification import services as certification_services
from marketplace.certification.models import Certificate
from marketplace.product.models import Product
from tests.catalog_sync.conftest import make_record, shop_names


@pytest.fixture
def registry_records():
    return [make_record(f"HT-2025-{n:04d}", name, updated_at=f"2026-0{n}-01T08:00:00+07:00")
            for n, name in enumerate(("Nước mắm Cẩm Nhượng", "Kẹo cu đơ Phong Nga", "Cam bù Hương Sơn",
                                      "Mật ong Vũ Quang"), start=1)]


ALL = {"Nước mắm Cẩm Nhượng", "Kẹo cu đơ Phong Nga", "Cam bù Hương Sơn", "Mật ong Vũ Quang"}


@pytest.fixture
def synced(registry):
    run = registry.sync(full=True)
    assert run.status == SyncRunStatus.SUCCEEDED and shop_names() == ALL
    registry.source.refresh_from_db()
    return registry


@pytest.mark.django_db
def test_a_timeout_is_retried_and_the_run_succeeds(registry):
    registry.app.fail_next(Fault.slow(1.0))

    run = registry.sync(full=True, timeout=0.2)

    assert run.status == SyncRunStatus.SUCCEEDED
    assert shop_names() == ALL
    assert "timeout" in run.details["retries"][0]


@pytest.mark.django_db
def test_server_errors_are_retried_with_growing_pauses(registry):
    registry.app.fail_next(Fault.server_error(500), Fault.server_error(503))

    run = registry.sync(full=True, backoff_base=0.5)

    assert run.status == SyncRunStatus.SUCCEEDED
    assert registry.sleeps == [0.5, 1.0]
    assert shop_names() == ALL


@pytest.mark.django_db
def test_throttling_waits_as_long_as_retry_after_says(registry):
    registry.app.fail_next(Fault.throttle("7"))

    run = registry.sync(full=True)

    assert run.status == SyncRunStatus.SUCCEEDED
    assert registry.sleeps == [7.0]


@pytest.mark.django_db
def test_a_registry_that_stays_down_fails_the_run_as_temporary_and_delists_nothing(synced):
    cursor = synced.source.cursor
    synced.store.change("HT-2025-0001", status="revoked")  # waiting behind the outage
    synced.app.fail_next(Fault.server_error(500), times=10)

    run = synced.sync(full=True)

    assert run.status == SyncRunStatus.FAILED and run.error_is_temporary
    assert "HTTP 500" in run.error and "không sản phẩm nào bị gỡ" in run.error
    assert len(synced.sleeps) == 3  # four attempts
    assert shop_names() == ALL
    synced.source.refresh_from_db()
    assert synced.source.cursor == cursor


@pytest.mark.django_db
def test_an_unreachable_registry_is_reported_and_delists_nothing(synced):
    synced.server.stop()

    run = synced.sync(max_attempts=2)

    assert run.status == SyncRunStatus.FAILED and run.error_is_temporary
    assert "không kết nối được" in run.error
    assert shop_names() == ALL


@pytest.mark.django_db
def test_malformed_json_is_retried_then_reported_without_delisting(synced):
    synced.app.fail_next(Fault.garbage(), Fault.bad_shape(), Fault.garbage(), Fault.bad_shape())

    run = synced.sync(full=True)

    assert run.status == SyncRunStatus.FAILED and run.error_is_temporary
    assert "sai cấu trúc" in run.error or "không phải JSON" in run.error
    assert shop_names() == ALL


@pytest.mark.django_db
def test_garbage_once_then_a_good_answer_succeeds(registry):
    registry.app.fail_next(Fault.garbage())

    run = registry.sync(full=True)

    assert run.status == SyncRunStatus.SUCCEEDED
    assert shop_names() == ALL


@pytest.mark.django_db
def test_a_bad_token_fails_at_once_with_a_clear_message(synced):
    synced.source.token = "wrong"
    synced.source.save()

    run = synced.sync(full=True)

    assert run.status == SyncRunStatus.FAILED and not run.error_is_temporary
    assert "HTTP 401" in run.error and "token" in run.error
    assert synced.sleeps == []  # not retried
    assert shop_names() == ALL


@pytest.mark.django_db
def test_a_bad_request_fails_at_once_with_the_registrys_detail(synced):
    synced.source.cursor = "last tuesday"
    synced.source.save()

    run = synced.sync()

    assert run.status == SyncRunStatus.FAILED and not run.error_is_temporary
    assert "HTTP 400" in run.error and "updated_since must be an ISO 8601" in run.error
    assert synced.sleeps == []


@pytest.mark.django_db
def test_an_interrupted_run_leaves_the_catalog_as_before_the_failing_batch(registry, monkeypatch):
    real_upsert = certification_services.certificates_upsert_from_registry
    calls = []

    def dies_after_writing_the_second_batch(**kwargs):
        # Stands in for the process being killed mid-batch (cannot be done cleanly inside a test process):
        # the batch's writes happened, then the batch never commits.
        calls.append(real_upsert(**kwargs))
        if len(calls) == 2:
            raise RuntimeError("worker killed")
        return calls[-1]

    monkeypatch.setattr(certification_services, "certificates_upsert_from_registry",
                        dies_after_writing_the_second_batch)
    registry.source.page_size = 2
    registry.source.save()

    with pytest.raises(RuntimeError):
        registry.sync(full=True)

    run = registry.source.runs.get()
    assert run.status == SyncRunStatus.FAILED and run.batches == 1 and run.created == 2
    assert set(Certificate.objects.values_list("registry_id", flat=True)) == {"HT-2025-0001", "HT-2025-0002"}
    assert Product.objects.count() == 2
    registry.source.refresh_from_db()
    assert registry.source.cursor.startswith("2026-02-01")

    monkeypatch.undo()
    resumed = registry.sync()
    assert resumed.status == SyncRunStatus.SUCCEEDED and resumed.created == 2
    assert shop_names() == ALL


@pytest.mark.django_db
def test_duplicate_ids_in_one_answer_keep_the_newest_version(db, channel):
    older = make_record("HT-2025-0009", "Tương Nam Đàn", stars=4, updated_at="2026-03-01T08:00:00+07:00")
    newer = make_record("HT-2025-0009", "Tương Nam Đàn", stars=3, updated_at="2026-03-02T08:00:00+07:00")
    body = json.dumps({"count": 3, "next": None, "results": [newer, older,
                                                             make_record("HT-2025-0010",
                                                                         "Nhút Thanh Chương")]})

    def registry_repeating_a_record(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/json")])
        return [body.encode()]

    with RegistryServer(registry_repeating_a_record) as server:  # type: ignore[arg-type]
        source = services.registry_source_ensure(name="dup", url=server.url, token="t")
        run = services.registry_sync_run(source=source, full=True)

    assert run.status == SyncRunStatus.SUCCEEDED
    assert (run.created, run.rejected) == (2, 1)
    assert Certificate.objects.get(registry_id="HT-2025-0009").stars == 3  # the newer version
    assert run.rejected_records.get().code == "duplicate_id"
    assert shop_names() == {"Tương Nam Đàn", "Nhút Thanh Chương"}


@pytest.mark.django_db
def test_a_second_run_of_the_same_source_is_skipped_while_one_runs(registry):
    other_worker = connections.create_connection("default")  # another process's database session
    try:
        with other_worker.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [services.source_lock_key(registry.source.pk)])
        run = registry.sync(full=True)
    finally:
        other_worker.close()

    assert run.status == SyncRunStatus.SKIPPED
    assert Certificate.objects.count() == 0
