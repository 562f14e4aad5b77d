"""Reading stock through the API: Saleor's warehouses/stocks scoped to the caller's points, OCOP salesPoints
(public), the ledger with who did what, and coded answers for bad input."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.salespoint.services import stock_receive
from marketplace.warehouse.models import Stock, StockMovement
from tests.marketplace.graphql.conftest import error_codes

WAREHOUSES = ("{ warehouses(first: 10) { totalCount edges { node { slug clickAndCollectOption "
              "salesPoint { kind } } } } }")
STOCKS = "{ stocks(first: 10) { edges { node { quantity isBlocked isLow warehouse { slug } } } } }"


@pytest.mark.django_db
def test_an_operator_sees_only_their_own_warehouses_and_stock(api, client, shelf, point_a, point_b, operator_a):
    variant = shelf.variant("Cu đơ")
    shelf.put(point_a, variant, 3)
    shelf.put(point_b, variant, 9)
    client.force_login(operator_a)

    warehouses = api.data(WAREHOUSES)["warehouses"]
    stocks = api.data(STOCKS)["stocks"]["edges"]

    assert warehouses["totalCount"] == 1
    assert warehouses["edges"][0]["node"] == {"slug": "trung-tam-a", "clickAndCollectOption": "LOCAL",
                                              "salesPoint": {"kind": "CENTRE"}}
    assert [e["node"] for e in stocks] == [{"quantity": 3, "isBlocked": False, "isLow": True,
                                            "warehouse": {"slug": "trung-tam-a"}}]


@pytest.mark.django_db
def test_promotion_staff_see_every_point_and_shoppers_none(api, client, point_a, point_b, promo, shopper):
    client.force_login(promo)
    assert api.data(WAREHOUSES)["warehouses"]["totalCount"] == 2

    client.force_login(shopper)
    body = api.post(WAREHOUSES)
    assert error_codes(body) == ["PermissionDenied"]


@pytest.mark.django_db
def test_a_warehouse_of_another_point_is_not_found_for_an_operator(api, client, point_a, point_b, operator_a):
    client.force_login(operator_a)

    data = api.data("query($id: ID!) { warehouse(id: $id) { slug } }",
                    {"id": to_global_id("Warehouse", point_b.warehouse_id)})

    assert data["warehouse"] is None


@pytest.mark.django_db
def test_sales_points_are_public_with_their_profile_but_not_their_stock(api, shelf, point_a):
    shelf.put(point_a, shelf.variant("Cu đơ"), 3)

    data = api.data("""{ salesPoints(first: 5, filter: {province: "Hà Tĩnh"}) { edges { node {
        name kind locationCategory province commune latitude clickAndCollect canOperate } } } }""")
    body = api.post("""{ salesPoints(first: 5) { edges { node { stocks(first: 5) { totalCount } } } } }""")

    assert [e["node"] for e in data["salesPoints"]["edges"]] == [{
        "name": "Trung tâm OCOP Hà Tĩnh", "kind": "CENTRE", "locationCategory": "TRADE_CENTRE",
        "province": "Hà Tĩnh", "commune": "Phường Thành Sen", "latitude": 18.342, "clickAndCollect": True,
        "canOperate": False}]
    assert error_codes(body) == ["PermissionDenied"]


@pytest.mark.django_db
def test_the_ledger_says_who_changed_what(api, client, shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ")
    stock_receive(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk, quantity=5,
                  delivery_note="PGH-77")
    client.force_login(operator_a)

    data = api.data("""query($w: ID!) { stockMovements(warehouse: $w, first: 5, kinds: [RECEIVE]) { edges { node {
        kind quantityDelta quantityAfter reference actorEmail } } } }""",
                    {"w": to_global_id("SalesPoint", point_a.pk)})

    assert [e["node"] for e in data["stockMovements"]["edges"]] == [
        {"kind": "RECEIVE", "quantityDelta": 5, "quantityAfter": 5, "reference": "PGH-77",
         "actorEmail": "op-a@example.com"}]


@pytest.mark.django_db
def test_blocked_stock_is_flagged_and_refused_at_the_counter(api, client, shelf, point_a, operator_a):
    variant = shelf.variant("Rượu", barcode="893000111")
    shelf.put(point_a, variant, 4)
    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.REVOKED)
    client.force_login(operator_a)

    stocks = api.data("{ stocks(first: 5) { edges { node { quantity isBlocked } } } }")["stocks"]["edges"]
    sale = api.data("""mutation($w: ID!) { counterSaleCreate(input: {warehouse: $w,
        lines: [{barcode: "893000111", quantity: 1}], paymentMethod: CARD_TERMINAL}) {
        counterSale { number } errors { code field variants } } }""",
                    {"w": to_global_id("Warehouse", point_a.warehouse_id)})["counterSaleCreate"]

    assert [e["node"] for e in stocks] == [{"quantity": 4, "isBlocked": True}]
    assert sale == {"counterSale": None, "errors": [{"code": "STOCK_BLOCKED", "field": "lines",
                                                     "variants": [to_global_id("ProductVariant", variant.pk)]}]}


@pytest.mark.django_db
@pytest.mark.parametrize(("mutation", "code"), [
    ('stockReceive(input: {warehouse: $a, variant: $v, quantity: -2, deliveryNote: "X"}) { errors { code } }',
     "INVALID_QUANTITY"),
    ('stockReceive(input: {warehouse: $a, barcode: "000", quantity: 1, deliveryNote: "X"}) { errors { code } }',
     "BARCODE_NOT_FOUND"),
    ("stockTransferCreate(input: {source: $a, destination: $a, lines: [{variant: $v, quantity: 1}]}) "
     "{ errors { code } }", "SAME_POINT"),
    ("counterSaleCreate(input: {warehouse: $a, lines: [{barcode: \"000\", quantity: 1}], paymentMethod: CASH}) "
     "{ errors { code } }", "BARCODE_NOT_FOUND"),
    ("counterSaleCreate(input: {warehouse: $a, lines: [{variant: $v, quantity: 0}], paymentMethod: CASH}) "
     "{ errors { code } }", "INVALID_QUANTITY"),
])
def test_bad_input_gets_a_coded_error_and_writes_no_movement(api, client, shelf, point_a, operator_a, mutation,
                                                             code):
    variant = shelf.variant("Cu đơ")
    shelf.put(point_a, variant, 3)
    client.force_login(operator_a)
    name = mutation.split("(")[0]

    variables = {"a": to_global_id("Warehouse", point_a.warehouse_id),
                 "v": to_global_id("ProductVariant", variant.pk)}
    used = {k: v for k, v in variables.items() if f"${k}" in mutation}
    declared = ", ".join(f"${k}: ID!" for k in used)

    body = api.post(f"mutation({declared}) {{ {mutation} }}", used)

    assert [e["code"] for e in body["data"][name]["errors"]] == [code]
    assert StockMovement.objects.count() == 1


@pytest.mark.django_db
def test_a_non_integer_quantity_is_rejected_by_the_schema(api, client, shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ")
    client.force_login(operator_a)

    body = api.post("""mutation($a: ID!, $v: ID!) { stockReceive(input: {warehouse: $a, variant: $v, quantity: 2.5,
        deliveryNote: "X"}) { errors { code } } }""", {"a": to_global_id("Warehouse", point_a.warehouse_id),
                                                       "v": to_global_id("ProductVariant", variant.pk)})

    assert error_codes(body) == ["GraphQLError"]
    assert StockMovement.objects.count() == 0


@pytest.mark.django_db
def test_stock_bulk_update_rejects_everything_when_one_row_fails(api, client, shelf, point_a, operator_a):
    honey, tea = shelf.variant("Mật ong"), shelf.variant("Chè")
    shelf.put(point_a, honey, 3)
    client.force_login(operator_a)
    w = to_global_id("Warehouse", point_a.warehouse_id)

    data = api.data("""mutation($w: ID!, $a: ID!, $b: ID!) { stockBulkUpdate(stocks: [
        {warehouseId: $w, variantId: $a, quantity: 8}, {warehouseId: $w, variantId: $b, quantity: 1}]) {
        count results { stock { quantity } errors { code field } } } }""",
                    {"w": w, "a": to_global_id("ProductVariant", honey.pk),
                     "b": to_global_id("ProductVariant", tea.pk)})["stockBulkUpdate"]

    assert data["count"] == 0
    assert data["results"][1]["errors"] == [{"code": "NOT_FOUND", "field": "stock"}]
    assert Stock.objects.get(product_variant=honey).quantity == 3


@pytest.mark.django_db
def test_stock_bulk_update_keeps_good_rows_when_asked(api, client, shelf, point_a, operator_a):
    honey, tea = shelf.variant("Mật ong"), shelf.variant("Chè")
    shelf.put(point_a, honey, 3)
    client.force_login(operator_a)
    w = to_global_id("Warehouse", point_a.warehouse_id)

    data = api.data("""mutation($w: ID!, $a: ID!, $b: ID!) { stockBulkUpdate(errorPolicy: REJECT_FAILED_ROWS,
        stocks: [{warehouseId: $w, variantId: $a, quantity: 8}, {warehouseId: $w, variantId: $b, quantity: 1}]) {
        count results { stock { quantity } } } }""",
                    {"w": w, "a": to_global_id("ProductVariant", honey.pk),
                     "b": to_global_id("ProductVariant", tea.pk)})["stockBulkUpdate"]

    assert (data["count"], data["results"][0]["stock"]["quantity"]) == (1, 8)
    movement = StockMovement.objects.filter(kind="adjust").get()
    assert (movement.quantity_delta, movement.reason, movement.actor) == (5, "stockBulkUpdate", operator_a)


@pytest.mark.django_db
def test_product_variant_stocks_update_reports_the_failing_index(api, client, shelf, point_a, operator_a):
    honey = shelf.variant("Mật ong")
    shelf.put(point_a, honey, 3)
    client.force_login(operator_a)

    data = api.data("""mutation($w: ID!, $v: ID!) { productVariantStocksUpdate(variantId: $v, stocks: [
        {warehouse: $w, quantity: 4}, {warehouse: $w, quantity: -1}]) { errors { code index } } }""",
                    {"w": to_global_id("Warehouse", point_a.warehouse_id),
                     "v": to_global_id("ProductVariant", honey.pk)})

    assert data["productVariantStocksUpdate"]["errors"] == [{"code": "INVALID", "index": 1}]
    assert Stock.objects.get(product_variant=honey).quantity == 3
