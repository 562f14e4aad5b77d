"""The local registry answers exactly as the registry README says (token, paging, updated_since, errors)."""

from __future__ import annotations

import httpx
import pytest

from catalog_sync.registry_server import Fault, RecordStore, RegistryApp, RegistryServer
from tests.catalog_sync.conftest import make_record

TOKEN = "s3cret"


@pytest.fixture
def server():
    records = [make_record(f"HT-2025-{n:04d}", f"Sản phẩm {n}", updated_at=f"2026-01-{n:02d}T08:00:00+07:00")
               for n in range(1, 8)]
    with RegistryServer(RegistryApp(RecordStore(records), token=TOKEN)) as running:
        yield running


def _get(server, path="/api/v1/certificates", token=TOKEN, **params):
    headers = {"Authorization": f"Token {token}"} if token else {}
    return httpx.get(f"{server.url}{path}", params=params, headers=headers, timeout=5)


def test_pages_follow_next_urls_in_updated_at_order(server):
    first = _get(server, page_size=3).json()
    second = httpx.get(first["next"], headers={"Authorization": f"Token {TOKEN}"}).json()
    third = httpx.get(second["next"], headers={"Authorization": f"Token {TOKEN}"}).json()

    assert first["count"] == 7
    assert [r["id"] for r in first["results"] + second["results"] + third["results"]] == [
        f"HT-2025-{n:04d}" for n in range(1, 8)]
    assert first["next"].startswith(server.url) and third["next"] is None


def test_updated_since_is_inclusive_and_keeps_its_offset_across_pages(server):
    body = _get(server, updated_since="2026-01-05T01:00:00+00:00", page_size=2).json()

    assert body["count"] == 3 and [r["id"] for r in body["results"]] == ["HT-2025-0005", "HT-2025-0006"]
    assert "updated_since=2026-01-05T01%3A00%3A00%2B00%3A00" in body["next"]


def test_one_record_by_id(server):
    assert _get(server, "/api/v1/certificates/HT-2025-0003").json()["product"]["name"] == "Sản phẩm 3"
    assert _get(server, "/api/v1/certificates/NOPE").status_code == 404


@pytest.mark.parametrize("token", [None, "wrong"])
def test_bad_or_missing_token_is_401(server, token):
    assert _get(server, token=token).status_code == 401


@pytest.mark.parametrize("params", [{"page_size": 0}, {"page_size": 501}, {"page_size": "x"},
                                    {"updated_since": "yesterday"}, {"page": 9}])
def test_bad_parameters_are_400_with_a_detail(server, params):
    response = _get(server, **params)

    assert response.status_code == 400 and response.json()["detail"]


def test_faults_happen_once_each_in_order(server):
    server.app.fail_next(Fault.throttle("3"), Fault.server_error(503))

    throttled, failed, fine = _get(server), _get(server), _get(server)

    assert (throttled.status_code, throttled.headers["Retry-After"]) == (429, "3")
    assert failed.status_code == 503
    assert fine.status_code == 200


def test_changed_records_move_to_the_end(server):
    server.app.store.change("HT-2025-0002", certificate__stars=5)

    ids = [r["id"] for r in _get(server, page_size=100).json()["results"]]

    assert ids[-1] == "HT-2025-0002"
