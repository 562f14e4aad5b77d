"""The management commands, as staff run them."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog_sync.models import SyncRun
from catalog_sync.registry_server import Fault
from catalog_sync.registry_server.dataset import ANNEX_DECISION, ANNEX_PATH
from tests.catalog_sync.conftest import TOKEN, make_record, shop_names


@pytest.fixture
def registry_records():
    return [make_record("HT-2025-0001", "Nước mắm Cẩm Nhượng"), make_record("HT-2025-0002", "Kẹo cu đơ")]


def _sync(registry, *extra: str) -> str:
    out = StringIO()
    call_command("sync_registry", "--url", registry.server.url, "--token", TOKEN, "--name", "cmd", *extra,
                 stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_sync_registry_prints_a_summary_table(registry):
    output = _sync(registry, "--full")

    created_line = next(line for line in output.splitlines() if "created" in line)
    assert created_line.replace(" ", "").endswith("|2|")
    assert shop_names() == {"Nước mắm Cẩm Nhượng", "Kẹo cu đơ"}
    assert SyncRun.objects.get().source.name == "cmd"


@pytest.mark.django_db
def test_sync_registry_takes_a_just_revoked_product_off_sale(registry):
    _sync(registry)
    registry.store.change("HT-2025-0001", status="revoked",
                          status_decision={"no": "1/QĐ-UBND", "date": "2026-11-20", "reason": "Vi phạm ATTP"})

    output = _sync(registry)

    assert "Gỡ khỏi cửa hàng / delisted" in output
    assert shop_names() == {"Kẹo cu đơ"}


@pytest.mark.django_db
def test_sync_registry_exits_non_zero_on_failure(registry):
    with pytest.raises(CommandError, match="HTTP 401") as failure:
        call_command("sync_registry", "--url", registry.server.url, "--token", "wrong", stdout=StringIO(),
                     stderr=StringIO())

    assert failure.value.returncode == 1


@pytest.mark.django_db
def test_sync_registry_failure_after_retries_says_it_is_temporary(registry, settings):
    settings.REGISTRY_SYNC_BACKOFF_SECONDS = 0.01
    registry.app.fail_next(Fault.server_error(502), times=10)

    with pytest.raises(CommandError, match="tạm thời") as failure:
        call_command("sync_registry", "--url", registry.server.url, "--token", TOKEN, stdout=StringIO(),
                     stderr=StringIO())

    assert failure.value.returncode == 1


@pytest.mark.django_db
def test_import_decision_prints_the_rows_it_could_not_read(channel):
    out = StringIO()

    call_command("import_decision", str(ANNEX_PATH), "--decision-no", ANNEX_DECISION["number"],
                 "--decision-date", ANNEX_DECISION["date"], "--issuer", ANNEX_DECISION["issuer"],
                 "--issuer-level", "province", stdout=out, stderr=StringIO())

    output = out.getvalue()
    assert "dòng 11" in output and "Thiếu tên sản phẩm" in output
    assert "dòng 13" in output and "Số sao 6 nằm ngoài khoảng 1–5" in output
    assert len(shop_names()) == 7


@pytest.mark.django_db
def test_import_decision_exits_non_zero_for_an_unreadable_file(channel, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("nope")

    with pytest.raises(CommandError, match="Không mở được"):
        call_command("import_decision", str(path), "--decision-no", "1/QĐ-UBND", "--decision-date",
                     "2026-01-02",
                     "--issuer", "UBND tỉnh Hà Tĩnh", "--issuer-level", "province", stdout=StringIO(),
                     stderr=StringIO())
