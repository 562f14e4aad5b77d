"""Counter sales: priced from the point's channel, paid in cash or by card, refused for blocked or missing stock."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.core.errors import DomainError
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.models import CounterSale
from marketplace.salespoint.selectors import counter_lookup, counter_scan
from marketplace.salespoint.services import counter_sale_create, counter_sale_void
from marketplace.warehouse.models import Stock, StockMovement, StockMovementKind
from marketplace.warehouse.services import stock_move


@pytest.mark.django_db
def test_a_cash_sale_takes_units_off_the_shelf_and_gives_change(shelf, point_a, operator_a):
    fish_sauce = shelf.variant("Nước mắm Vạn Phần", price=85_000)
    candy = shelf.variant("Kẹo cu đơ", price=40_000)
    shelf.put(point_a, fish_sauce, 5)
    shelf.put(point_a, candy, 5)

    sale = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id,
                               lines=[(fish_sauce.pk, 2), (candy.pk, 1)], payment_method="cash",
                               amount_tendered=300_000)

    assert (sale.total_amount, sale.amount_tendered, sale.change_due) == (210_000, 300_000, 90_000)
    assert sale.number.startswith("HD")
    assert [(ln.product_name, ln.quantity, ln.unit_price) for ln in sale.lines.all()] == [
        ("Nước mắm Vạn Phần", 2, Decimal(85_000)), ("Kẹo cu đơ", 1, Decimal(40_000))]
    assert dict(Stock.objects.filter(warehouse_id=point_a.warehouse_id).values_list(
        "product_variant_id", "quantity")) == {fish_sauce.pk: 3, candy.pk: 4}
    assert StockMovement.objects.filter(kind="counter_sale", reference=sale.number, actor=operator_a).count() == 2
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db
def test_selling_blocked_stock_is_refused_and_writes_nothing(shelf, point_a, operator_a):
    variant = shelf.variant("Rượu Kim Long")
    shelf.put(point_a, variant, 5)
    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.EXPIRED)

    with pytest.raises(DomainError) as err:
        counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                            payment_method="cash")

    assert err.value.code == "STOCK_BLOCKED"
    assert (CounterSale.objects.count(), StockMovement.objects.filter(kind="counter_sale").count()) == (0, 0)
    assert Stock.objects.get(product_variant=variant).quantity == 5  # the stock stays, blocked


@pytest.mark.django_db
def test_units_held_for_online_orders_cannot_be_sold_at_the_counter(shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm")
    stock = shelf.put(point_a, variant, 2)
    stock_move(stock_id=stock.pk, kind=StockMovementKind.ONLINE_ALLOCATION, allocated_delta=1, reference="đơn 1")

    with pytest.raises(DomainError) as err:
        counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 2)],
                            payment_method="card_terminal")

    assert err.value.code == "INSUFFICIENT_STOCK"
    assert CounterSale.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("lines", "payment", "tendered", "code"), [
    ([], "cash", None, "REQUIRED"),
    ([("V", 0)], "cash", None, "INVALID_QUANTITY"),
    ([("V", -1)], "cash", None, "INVALID_QUANTITY"),
    ([("V", 1.5)], "cash", None, "INVALID_QUANTITY"),
    ([("V", 1)], "bitcoin", None, "INVALID"),
    ([("V", 1)], "cash", 10_000, "AMOUNT_TENDERED_TOO_LOW"),
    ([("V", 9)], "cash", None, "INSUFFICIENT_STOCK"),
])
def test_bad_counter_sale_input_gives_a_coded_error_and_no_movement(shelf, point_a, operator_a, lines, payment,
                                                                    tendered, code):
    variant = shelf.variant("Nước mắm", price=50_000)
    shelf.put(point_a, variant, 3)

    with pytest.raises(DomainError) as err:
        counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id,
                            lines=[(variant.pk, q) for _, q in lines], payment_method=payment,
                            amount_tendered=tendered)

    assert err.value.code == code
    assert StockMovement.objects.exclude(reference="TEST").count() == 0


@pytest.mark.django_db
def test_a_product_without_a_price_cannot_be_sold(shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm", price=None)
    shelf.put(point_a, variant, 3)

    with pytest.raises(DomainError) as err:
        counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                            payment_method="cash")

    assert err.value.code == "PRICE_MISSING"


@pytest.mark.django_db
def test_the_same_sale_submitted_twice_is_made_once(shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 3)

    first = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                                payment_method="cash", client_token="tok-1")
    again = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                                payment_method="cash", client_token="tok-1")

    assert first.pk == again.pk
    assert Stock.objects.get(product_variant=variant).quantity == 2


@pytest.mark.django_db
def test_voiding_a_sale_puts_the_units_back_once(shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 3)
    sale = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 2)],
                               payment_method="cash")

    counter_sale_void(actor=operator_a, sale_id=sale.pk, reason="Khách đổi ý")
    with pytest.raises(DomainError) as err:
        counter_sale_void(actor=operator_a, sale_id=sale.pk, reason="Bấm lại")

    assert err.value.code == "SALE_ALREADY_VOIDED"
    assert Stock.objects.get(product_variant=variant).quantity == 3
    assert StockMovement.objects.filter(kind="cancellation").count() == 1


@pytest.mark.django_db
def test_the_counter_finds_a_line_by_scanned_barcode_sku_or_name(shelf, point_a):
    variant = shelf.variant("Kẹo cu đơ Phong Nga", barcode="8938505970012")
    shelf.put(point_a, variant, 3)

    assert counter_scan(warehouse_id=point_a.warehouse_id, code="8938505970012").product_variant_id == variant.pk
    assert counter_scan(warehouse_id=point_a.warehouse_id, code=variant.sku.upper()).product_variant_id == variant.pk
    assert [s.product_variant_id for s in counter_lookup(warehouse_id=point_a.warehouse_id, query="cu do")] == [
        variant.pk]


@pytest.mark.django_db
def test_a_barcode_that_matches_nothing_is_a_coded_error(shelf, point_a):
    shelf.put(point_a, shelf.variant("Kẹo cu đơ", barcode="8938505970012"), 3)

    with pytest.raises(DomainError) as err:
        counter_scan(warehouse_id=point_a.warehouse_id, code="0000000000000")

    assert err.value.code == "BARCODE_NOT_FOUND"
