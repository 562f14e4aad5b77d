"""stockBulkUpdate at scale: every row becomes a count correction in the ledger (the ledger still sums to the
stock), in a number of queries that does not grow with the rows; a count below the units reserved by checkouts
trims the newest reservations. The timing for 2,000 rows is in bench/stock_bulk_update.py."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from marketplace.core.models import AuditEntry
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.warehouse.models import Stock, StockMovement, StockMovementKind

pytestmark = pytest.mark.django_db

BULK = """mutation($stocks: [StockBulkUpdateInput!]!, $policy: ErrorPolicyEnum) {
  stockBulkUpdate(stocks: $stocks, errorPolicy: $policy) {
    count results { stock { quantity } errors { code field } } errors { code } } }"""


def _rows(point, variants, quantity_of) -> list[dict]:
    w = to_global_id("Warehouse", point.warehouse_id)
    return [{"warehouseId": w, "variantId": to_global_id("ProductVariant", v.pk), "quantity": quantity_of(i)}
            for i, v in enumerate(variants)]


@pytest.fixture
def shelf_of_twenty(shelf, point_a):
    variants = [shelf.variant(f"Sản phẩm {i:02d}") for i in range(20)]
    for v in variants:
        shelf.put(point_a, v, 10)
    return variants


def test_every_row_is_a_ledger_count_correction(api, client, point_a, operator_a, shelf_of_twenty):
    client.force_login(operator_a)

    data = api.data(BULK, {"stocks": _rows(point_a, shelf_of_twenty, lambda i: i)})["stockBulkUpdate"]

    assert data["count"] == 20 and data["errors"] == []
    assert [r["stock"]["quantity"] for r in data["results"]] == list(range(20))
    stocks = {s.product_variant_id: s.quantity for s in Stock.objects.filter(warehouse_id=point_a.warehouse_id)}
    assert [stocks[v.pk] for v in shelf_of_twenty] == list(range(20))
    adjust = StockMovement.objects.filter(kind=StockMovementKind.ADJUST)
    assert adjust.count() == 19  # the row counted at 10 was already right
    assert set(adjust.values_list("reason", "actor")) == {("stockBulkUpdate", operator_a.pk)}
    assert AuditEntry.objects.filter(action="warehouse.stock.adjust").count() == 19
    assert stock_ledger_mismatches() == []


def test_the_number_of_queries_does_not_grow_with_the_rows(api, client, point_a, operator_a, shelf_of_twenty):
    client.force_login(operator_a)

    with CaptureQueriesContext(connection) as few:
        api.data(BULK, {"stocks": _rows(point_a, shelf_of_twenty[:4], lambda i: 3)})
    with CaptureQueriesContext(connection) as many:
        api.data(BULK, {"stocks": _rows(point_a, shelf_of_twenty, lambda i: 5)})

    assert len(many.captured_queries) == len(few.captured_queries)
    assert stock_ledger_mismatches() == []


def test_one_bad_row_rejects_everything_by_default_and_only_itself_when_asked(api, client, point_a, operator_a,
                                                                             shelf_of_twenty):
    client.force_login(operator_a)
    rows = _rows(point_a, shelf_of_twenty[:3], lambda i: 4)
    rows[1]["quantity"] = -1

    everything = api.data(BULK, {"stocks": rows})["stockBulkUpdate"]
    assert everything["count"] == 0
    assert not StockMovement.objects.filter(kind=StockMovementKind.ADJUST).exists()

    failed_rows = api.data(BULK, {"stocks": rows, "policy": "REJECT_FAILED_ROWS"})["stockBulkUpdate"]
    assert failed_rows["count"] == 2
    assert [r["errors"] for r in failed_rows["results"]] == [[], [{"code": "INVALID", "field": "quantity"}], []]
    assert StockMovement.objects.filter(kind=StockMovementKind.ADJUST).count() == 2
    assert stock_ledger_mismatches() == []


def test_a_count_below_allocated_units_is_refused_for_that_row(api, client, point_a, operator_a, shelf_of_twenty):
    from marketplace.warehouse.services import stock_move

    stock = Stock.objects.get(warehouse_id=point_a.warehouse_id, product_variant=shelf_of_twenty[0])
    stock_move(stock_id=stock.pk, kind=StockMovementKind.ONLINE_ALLOCATION, allocated_delta=6, reference="#1")
    client.force_login(operator_a)

    data = api.data(BULK, {"stocks": _rows(point_a, shelf_of_twenty[:2], lambda i: 5),
                           "policy": "REJECT_FAILED_ROWS"})["stockBulkUpdate"]

    assert data["count"] == 1
    assert data["results"][0]["errors"] == [{"code": "INVALID", "field": "counted_quantity"}]
    assert Stock.objects.get(pk=stock.pk).quantity == 10
    assert stock_ledger_mismatches() == []
