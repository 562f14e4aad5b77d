"""The permission matrix over every stock mutation of the API: anonymous, shopper, the operator of point B acting
on point A, A's own operator, promotion staff and admin. Refusals are coded and change nothing."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from marketplace.salespoint.models import CounterSale, StockThreshold, StockTransfer
from marketplace.salespoint.services import counter_sale_create, stock_transfer_create, stock_transfer_ship
from marketplace.warehouse.models import Stock, StockMovement
from tests.marketplace.graphql.conftest import error_codes

WHO = ["anonymous", "shopper", "operator_b", "operator_a", "promo", "admin_user"]
SALEOR = {"productVariantStocksUpdate", "stockBulkUpdate"}

MUTATIONS = {
    "stockReceive": ("""mutation($w: ID!, $v: ID!) { stockReceive(input: {warehouse: $w, variant: $v, quantity: 2,
        deliveryNote: "PGH-9"}) { stock { quantity } errors { code } } }""", lambda s: {"w": s["wa"], "v": s["v"]}),
    "stockAdjust": ("""mutation($w: ID!, $v: ID!) { stockAdjust(input: {warehouse: $w, variant: $v,
        countedQuantity: 7, reason: "Kiểm kê"}) { stock { quantity } errors { code } } }""",
                    lambda s: {"w": s["wa"], "v": s["v"]}),
    "stockThresholdSet": ("""mutation($s: ID!) { stockThresholdSet(stock: $s, threshold: 2) {
        stock { lowStockThreshold } errors { code } } }""", lambda s: {"s": s["stock"]}),
    "stockTransferCreate": ("""mutation($a: ID!, $b: ID!, $v: ID!) { stockTransferCreate(input: {source: $a,
        destination: $b, lines: [{variant: $v, quantity: 1}]}) { stockTransfer { status } errors { code } } }""",
                            lambda s: {"a": s["wa"], "b": s["wb"], "v": s["v"]}),
    "stockTransferShip": ("""mutation($id: ID!) { stockTransferShip(id: $id) { stockTransfer { status }
        errors { code } } }""", lambda s: {"id": s["created"]}),
    "stockTransferCancel": ("""mutation($id: ID!) { stockTransferCancel(id: $id) { stockTransfer { status }
        errors { code } } }""", lambda s: {"id": s["created"]}),
    "stockTransferReceive": ("""mutation($id: ID!) { stockTransferReceive(id: $id) { stockTransfer { status }
        errors { code } } }""", lambda s: {"id": s["to_a"]}),
    "counterSaleCreate": ("""mutation($w: ID!, $v: ID!) { counterSaleCreate(input: {warehouse: $w,
        lines: [{variant: $v, quantity: 1}], paymentMethod: CASH}) { counterSale { number } errors { code } } }""",
                          lambda s: {"w": s["wa"], "v": s["v"]}),
    "counterSaleVoid": ("""mutation($id: ID!) { counterSaleVoid(id: $id, reason: "Nhầm") { counterSale { status }
        errors { code } } }""", lambda s: {"id": s["sale"]}),
    "productVariantStocksUpdate": ("""mutation($w: ID!, $v: ID!) { productVariantStocksUpdate(variantId: $v,
        stocks: [{warehouse: $w, quantity: 9}]) { productVariant { id } errors { code } } }""",
                                   lambda s: {"w": s["wa"], "v": s["v"]}),
    "stockBulkUpdate": ("""mutation($w: ID!, $v: ID!) { stockBulkUpdate(stocks: [{warehouseId: $w, variantId: $v,
        quantity: 9}]) { count errors { code } } }""", lambda s: {"w": s["wa"], "v": s["v"]}),
}


@pytest.fixture
def setup(shelf, point_a, point_b, operator_a, operator_b):
    variant = shelf.variant("Cu đơ")
    stock = shelf.put(point_a, variant, 20)
    shelf.put(point_b, variant, 5)
    created = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                    destination_id=point_b.warehouse_id, lines=[(variant.pk, 1)])
    to_a = stock_transfer_create(actor=operator_b, source_id=point_b.warehouse_id,
                                 destination_id=point_a.warehouse_id, lines=[(variant.pk, 1)])
    stock_transfer_ship(actor=operator_b, transfer_id=to_a.pk)
    sale = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                               payment_method="cash")
    return {"wa": to_global_id("Warehouse", point_a.warehouse_id),
            "wb": to_global_id("Warehouse", point_b.warehouse_id),
            "v": to_global_id("ProductVariant", variant.pk), "stock": to_global_id("Stock", stock.pk),
            "created": to_global_id("StockTransfer", created.pk), "to_a": to_global_id("StockTransfer", to_a.pk),
            "sale": to_global_id("CounterSale", sale.pk)}


def _state():
    return (sorted(Stock.objects.values_list("pk", "quantity")), StockMovement.objects.count(),
            sorted(StockTransfer.objects.values_list("pk", "status")), StockThreshold.objects.count(),
            sorted(CounterSale.objects.values_list("pk", "status")))


@pytest.mark.django_db
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_every_stock_mutation_acts_only_within_the_callers_points(api, client, request, setup, who, mutation):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    query, variables = MUTATIONS[mutation]
    before = _state()

    body = api.post(query, variables(setup))

    payload = (body.get("data") or {}).get(mutation)
    if who in ("operator_a", "promo", "admin_user"):
        assert "errors" not in body, body
        assert payload["errors"] == []
        assert _state() != before
        return
    if who == "operator_b" and mutation not in SALEOR:
        assert [e["code"] for e in payload["errors"]] == ["OUT_OF_SCOPE"]
    else:
        assert error_codes(body) == ["PermissionDenied"]
        assert payload is None
    assert _state() == before
