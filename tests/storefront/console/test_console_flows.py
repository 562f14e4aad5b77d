"""What an operator does in the console: receive, correct a count, sell at the counter (scan, pay, print), transfer
to the other point, hand over a pickup, read and export the ledger. Bad input gets a message and writes nothing."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.models import CounterSale, StockTransfer
from marketplace.warehouse.models import Stock, StockMovement


def _url(name, point, *args):
    return reverse(f"storefront:console:{name}", args=[point.warehouse.slug, *args])


def _qty(point, variant):
    stock = Stock.objects.filter(warehouse_id=point.warehouse_id, product_variant=variant).first()
    return stock.quantity if stock else 0


@pytest.mark.django_db
def test_the_operator_signs_in_and_sees_only_their_point(client, point_a, point_b, operator_a):
    response = client.post(reverse("storefront:console:login"), {"username": "op-a@example.com",
                                                                "password": "pw-test-123"}, follow=True)

    assert response.status_code == 200
    assert point_a.warehouse.name in response.content.decode()
    assert point_b.warehouse.name not in response.content.decode()


@pytest.mark.django_db
def test_receiving_by_scanned_barcode_puts_units_on_the_shelf(client, shelf, point_a, operator_a):
    variant = shelf.variant("Kẹo cu đơ Phong Nga", barcode="8938505970012")
    client.force_login(operator_a)

    page = client.get(_url("receive", point_a) + "?q=8938505970012")
    response = client.post(_url("receive", point_a) + "?q=8938505970012", {
        "variant": variant.pk, "quantity": "12", "delivery_note": "PGH-0153"}, follow=True)

    assert "Kẹo cu đơ Phong Nga" in page.content.decode()
    assert "Đã nhập 12" in response.content.decode()
    assert _qty(point_a, variant) == 12
    assert StockMovement.objects.get().reference == "PGH-0153"


@pytest.mark.django_db
@pytest.mark.parametrize(("quantity", "message"), [("-3", "Số lượng phải lớn hơn 0."),
                                                   ("2.5", "Số lượng phải là số nguyên."),
                                                   ("abc", "Số lượng phải là số nguyên.")])
def test_a_bad_quantity_is_explained_and_nothing_is_received(client, shelf, point_a, operator_a, quantity, message):
    variant = shelf.variant("Kẹo cu đơ")
    client.force_login(operator_a)

    response = client.post(_url("receive", point_a), {"variant": variant.pk, "quantity": quantity,
                                                      "delivery_note": "PGH-1"})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert StockMovement.objects.count() == 0


@pytest.mark.django_db
def test_a_product_failing_the_listing_rule_is_refused_at_receiving(client, shelf, point_a, operator_a):
    variant = shelf.variant("Chè", stars=2)
    client.force_login(operator_a)

    response = client.post(_url("receive", point_a), {"variant": variant.pk, "quantity": 3,
                                                      "delivery_note": "PGH-1"}, follow=True)

    assert "PRODUCT_NOT_LISTABLE" in response.content.decode()
    assert StockMovement.objects.count() == 0


@pytest.mark.django_db
def test_a_counter_sale_by_scan_ends_on_a_printable_receipt(client, shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm Vạn Phần", price=85_000, barcode="8930000000017")
    shelf.put(point_a, variant, 5)
    client.force_login(operator_a)

    client.post(_url("counter", point_a), {"action": "add", "code": "8930000000017", "quantity": 1})
    client.post(_url("counter", point_a), {"action": "add", "code": "8930000000017", "quantity": 1})
    basket = client.get(_url("counter", point_a)).content.decode()
    token = client.session[f"counter:{point_a.warehouse_id}:token"]
    response = client.post(_url("counter", point_a), {"action": "pay", "payment_method": "cash",
                                                      "amount_tendered": "200000", "token": token}, follow=True)

    assert "170.000" in basket
    sale = CounterSale.objects.get()
    assert response.redirect_chain[-1][0] == _url("receipt", point_a, sale.number)
    page = response.content.decode()
    assert "HÓA ĐƠN BÁN HÀNG" in page and sale.number in page and "30.000" in page  # change due
    assert "data-print" in page  # site.js prints (no inline handler under the content security policy)
    assert _qty(point_a, variant) == 3
    assert client.get(_url("counter", point_a)).context["lines"] == []  # the basket is emptied


@pytest.mark.django_db
def test_paying_twice_with_the_same_form_makes_one_sale(client, shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm", barcode="8930000000017")
    shelf.put(point_a, variant, 5)
    client.force_login(operator_a)
    client.post(_url("counter", point_a), {"action": "add", "code": "8930000000017", "quantity": 2})
    token = client.session[f"counter:{point_a.warehouse_id}:token"]

    client.post(_url("counter", point_a), {"action": "pay", "payment_method": "cash", "token": token})
    client.post(_url("counter", point_a), {"action": "pay", "payment_method": "cash", "token": token})

    assert CounterSale.objects.count() == 1
    assert _qty(point_a, variant) == 3


@pytest.mark.django_db
def test_a_barcode_that_matches_nothing_says_so(client, shelf, point_a, operator_a):
    shelf.put(point_a, shelf.variant("Nước mắm", barcode="8930000000017"), 5)
    client.force_login(operator_a)

    response = client.post(_url("counter", point_a), {"action": "add", "code": "123", "quantity": 1}, follow=True)

    assert "BARCODE_NOT_FOUND" in response.content.decode()
    assert response.context["lines"] == []


@pytest.mark.django_db
def test_blocked_stock_shows_blocked_and_cannot_be_sold(client, shelf, point_a, operator_a):
    variant = shelf.variant("Rượu Kim Long", barcode="8930000000024")
    shelf.put(point_a, variant, 5)
    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.REVOKED)
    client.force_login(operator_a)

    table = client.get(_url("stock", point_a) + "?blocked=1").content.decode()
    client.post(_url("counter", point_a), {"action": "add", "code": "8930000000024", "quantity": 1})
    counter = client.get(_url("counter", point_a))
    token = client.session[f"counter:{point_a.warehouse_id}:token"]
    paid = client.post(_url("counter", point_a), {"action": "pay", "payment_method": "cash", "token": token},
                       follow=True)

    assert "Rượu Kim Long" in table and "Bị chặn bán" in table
    assert counter.context["can_pay"] is False
    assert "STOCK_BLOCKED" in paid.content.decode()
    assert (CounterSale.objects.count(), _qty(point_a, variant)) == (0, 5)


@pytest.mark.django_db
def test_a_transfer_is_shipped_from_a_and_received_at_b(client, shelf, point_a, point_b, operator_a, operator_b):
    variant = shelf.variant("Cu đơ")
    shelf.put(point_a, variant, 10)
    client.force_login(operator_a)

    response = client.post(_url("transfers", point_a), {"destination": point_b.warehouse_id,
                                                        f"qty_{variant.pk}": "4", "ship_now": "on"}, follow=True)
    transfer = StockTransfer.objects.get()
    assert (transfer.status, _qty(point_a, variant)) == ("in_transit", 6)
    assert transfer.number in response.content.decode()

    client.force_login(operator_b)
    client.post(_url("transfer", point_b, transfer.pk), {"action": "receive", f"got_{variant.pk}": "4"})
    again = client.post(_url("transfer", point_b, transfer.pk), {"action": "receive", f"got_{variant.pk}": "4"},
                        follow=True)

    transfer.refresh_from_db()
    assert (transfer.status, _qty(point_b, variant)) == ("received", 4)
    assert "TRANSFER_ALREADY_RECEIVED" in again.content.decode()
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "code"), [("5", "RECEIVED_MORE_THAN_SHIPPED"), ("x", "INVALID_QUANTITY"),
                                             ("-1", "INVALID_QUANTITY")])
def test_receiving_a_bad_count_is_refused(client, shelf, point_a, point_b, operator_a, operator_b, typed, code):
    variant = shelf.variant("Cu đơ")
    shelf.put(point_a, variant, 10)
    client.force_login(operator_a)
    client.post(_url("transfers", point_a), {"destination": point_b.warehouse_id, f"qty_{variant.pk}": "4",
                                             "ship_now": "on"})
    transfer = StockTransfer.objects.get()
    client.force_login(operator_b)

    response = client.post(_url("transfer", point_b, transfer.pk), {"action": "receive",
                                                                    f"got_{variant.pk}": typed}, follow=True)

    assert code in response.content.decode()
    assert _qty(point_b, variant) == 0


@pytest.mark.django_db
def test_a_transfer_to_the_same_point_cannot_be_chosen(client, shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ")
    shelf.put(point_a, variant, 10)
    client.force_login(operator_a)

    response = client.post(_url("transfers", point_a), {"destination": point_a.warehouse_id,
                                                        f"qty_{variant.pk}": "1"})

    assert response.status_code == 200 and response.context["form"].errors["destination"]
    assert StockTransfer.objects.count() == 0


@pytest.mark.django_db
def test_a_count_correction_needs_a_reason(client, shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ")
    stock = shelf.put(point_a, variant, 10)
    client.force_login(operator_a)

    refused = client.post(_url("adjust", point_a), {"stock": stock.pk, "variant": variant.pk,
                                                    "counted_quantity": 8, "reason": ""})
    done = client.post(_url("adjust", point_a), {"stock": stock.pk, "variant": variant.pk,
                                                 "counted_quantity": 8, "reason": "Vỡ 2 hộp"}, follow=True)

    assert refused.status_code == 200 and refused.context["form"].errors["reason"]
    assert "Đã điều chỉnh -2" in done.content.decode()
    assert _qty(point_a, variant) == 8


@pytest.mark.django_db
def test_the_ledger_filters_and_exports_csv_and_excel(client, shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ", barcode="8930000000031")
    client.force_login(operator_a)
    client.post(_url("receive", point_a), {"variant": variant.pk, "quantity": 6, "delivery_note": "PGH-42"})
    client.post(_url("counter", point_a), {"action": "add", "code": "8930000000031", "quantity": 1})
    client.post(_url("counter", point_a), {"action": "pay", "payment_method": "card_terminal",
                                           "token": client.session[f"counter:{point_a.warehouse_id}:token"]})

    page = client.get(_url("ledger", point_a) + "?kind=receive")
    rows = list(csv.reader(io.StringIO(client.get(_url("ledger", point_a) + "?format=csv").content.decode(
        "utf-8-sig"))))
    book = load_workbook(io.BytesIO(client.get(_url("ledger", point_a) + "?format=xlsx&kind=counter_sale").content))

    assert [m.kind for m in page.context["page"]] == ["receive"]
    assert "Tồn kho khớp với sổ kho." in page.content.decode()
    assert rows[0][:2] == ["Thời gian", "Loại"]
    assert [(r[1], r[4], r[7], r[9]) for r in rows[1:]] == [
        ("Bán tại quầy", "-1", CounterSale.objects.get().number, "op-a@example.com"),
        ("Nhập hàng", "6", "PGH-42", "op-a@example.com")]
    sheet = book.active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Bán tại quầy"]


@pytest.mark.django_db
def test_thresholds_are_set_in_the_stock_table_and_feed_the_alerts(client, shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ")
    stock = shelf.put(point_a, variant, 8)
    client.force_login(operator_a)

    assert client.get(reverse("storefront:console:alerts")).context["low"].count() == 0
    client.post(reverse("storefront:console:threshold", args=[point_a.warehouse.slug, stock.pk]), {"threshold": 8})
    alerts = client.get(reverse("storefront:console:alerts"))
    bad = client.post(reverse("storefront:console:threshold", args=[point_a.warehouse.slug, stock.pk]),
                      {"threshold": "-1"}, follow=True)

    assert [s.pk for s in alerts.context["low"]] == [stock.pk]
    assert "Ngưỡng không được âm." in bad.content.decode()


@pytest.mark.django_db
def test_the_pickup_queue_says_when_no_orders_wait(client, point_a, operator_a):
    client.force_login(operator_a)

    response = client.get(_url("pickups", point_a))

    assert "Không có đơn hàng nào chờ nhận tại điểm." in response.content.decode()
    assert "Chưa kết nối" not in response.content.decode()


@pytest.mark.django_db
def test_a_pickup_is_prepared_paid_and_handed_over(client, shelf, point_a, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant, 2)
    client.force_login(operator_a)

    queue = client.get(_url("pickups", point_a)).content.decode()
    client.post(_url("pickups", point_a), {"order": str(order.pk), "action": "ready"})
    refused = client.post(_url("pickups", point_a), {"order": str(order.pk), "action": "handover"}, follow=True)
    client.post(_url("pickups", point_a), {"order": str(order.pk), "action": "handover", "cash_received": "1"})

    assert f"#{order.number}" in queue and "Thu tiền khi nhận" in queue and f'value="{order.pk}"' in queue
    assert "REQUIRED" in refused.content.decode()
    order.refresh_from_db()
    assert (order.status, order.charge_status) == ("fulfilled", "full")
    assert (_qty(point_a, variant), stock_ledger_mismatches()) == (3, [])


@pytest.mark.django_db
def test_a_pickup_form_for_an_unknown_order_says_so(client, point_a, operator_a):
    client.force_login(operator_a)

    response = client.post(_url("pickups", point_a), {"order": "12", "action": "ready"}, follow=True)

    assert "Không tìm thấy đơn hàng. (NOT_FOUND)" in response.content.decode()


@pytest.mark.django_db
def test_a_delivery_note_that_looks_like_a_formula_stays_text_in_both_exports(client, shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ")
    client.force_login(operator_a)
    client.post(_url("receive", point_a), {"variant": variant.pk, "quantity": 6,
                                           "delivery_note": "=HYPERLINK(\"http://x.example\",\"PGH\")"})

    rows = list(csv.reader(io.StringIO(client.get(_url("ledger", point_a) + "?format=csv").content.decode(
        "utf-8-sig"))))
    book = load_workbook(io.BytesIO(client.get(_url("ledger", point_a) + "?format=xlsx").content))

    assert rows[1][7] == "'=HYPERLINK(\"http://x.example\",\"PGH\")"
    cell = next(book.active.iter_rows(min_row=2, max_row=2))[7]
    assert cell.value == "'=HYPERLINK(\"http://x.example\",\"PGH\")" and cell.data_type == "s"
