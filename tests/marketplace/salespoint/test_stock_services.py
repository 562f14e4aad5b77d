"""Receiving, count corrections and thresholds at a point: each change is a ledger row with an audit entry, and
bad input writes nothing."""

from __future__ import annotations

import pytest

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.core.errors import DomainError
from marketplace.core.models import AuditEntry
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.selectors import stock_lines, stock_low_alerts
from marketplace.salespoint.services import stock_adjust, stock_receive, stock_threshold_set
from marketplace.warehouse.models import Stock, StockMovement


def _movements() -> int:
    return StockMovement.objects.count()


@pytest.mark.django_db
def test_receiving_from_a_producer_writes_a_receive_row_with_the_delivery_note(shelf, point_a, operator_a):
    variant = shelf.variant("Kẹo cu đơ Phong Nga")

    movement = stock_receive(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk,
                             quantity=24, delivery_note="PGH-0153")

    stock = Stock.objects.get(warehouse_id=point_a.warehouse_id, product_variant=variant)
    assert (stock.quantity, movement.kind, movement.reference, movement.actor) == (24, "receive", "PGH-0153",
                                                                                   operator_a)
    assert movement.reason == "Cơ sở Demo"  # the product's producer, when no supplier is named
    audit = AuditEntry.objects.get(action="warehouse.stock.receive")
    assert (audit.actor, audit.before["quantity"], audit.after["quantity"]) == (operator_a, 0, 24)


@pytest.mark.django_db
@pytest.mark.parametrize("quantity", [0, -3, 2.5, "4", True, None])
def test_a_quantity_that_is_not_a_positive_whole_number_is_refused(shelf, point_a, operator_a, quantity):
    variant = shelf.variant("Nước mắm Vạn Phần")

    with pytest.raises(DomainError) as err:
        stock_receive(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk,
                      quantity=quantity, delivery_note="PGH-1")

    assert err.value.code == "INVALID_QUANTITY"
    assert _movements() == 0


@pytest.mark.django_db
def test_receiving_needs_a_delivery_note_number(shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm Vạn Phần")

    with pytest.raises(DomainError) as err:
        stock_receive(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk, quantity=3,
                      delivery_note="  ")

    assert (err.value.code, err.value.field) == ("REQUIRED", "delivery_note")
    assert _movements() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("certificate", [{"stars": 2}, {"status": CertificateStatus.REVOKED},
                                         {"status": CertificateStatus.EXPIRED}])
def test_a_product_failing_the_listing_rule_cannot_be_received(shelf, point_a, operator_a, certificate):
    variant = shelf.variant("Chè búp khô", **certificate)

    with pytest.raises(DomainError) as err:
        stock_receive(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk, quantity=5,
                      delivery_note="PGH-2")

    assert err.value.code == "PRODUCT_NOT_LISTABLE"
    assert _movements() == 0


@pytest.mark.django_db
def test_a_count_correction_writes_the_difference_with_its_reason(shelf, point_a, operator_a):
    variant = shelf.variant("Mật ong rừng")
    shelf.put(point_a, variant, 10)

    movement = stock_adjust(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk,
                            counted_quantity=8, reason="Vỡ 2 chai khi vận chuyển")

    assert (movement.kind, movement.quantity_delta, movement.quantity_after) == ("adjust", -2, 8)
    assert movement.reason == "Vỡ 2 chai khi vận chuyển"
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db
def test_a_count_correction_without_a_reason_or_below_zero_is_refused(shelf, point_a, operator_a):
    variant = shelf.variant("Mật ong rừng")
    shelf.put(point_a, variant, 10)

    with pytest.raises(DomainError) as no_reason:
        stock_adjust(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk,
                     counted_quantity=8, reason="")
    with pytest.raises(DomainError) as negative:
        stock_adjust(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk,
                     counted_quantity=-1, reason="Đếm lại")

    assert (no_reason.value.code, negative.value.code) == ("REQUIRED", "INVALID_QUANTITY")
    assert Stock.objects.get(product_variant=variant).quantity == 10
    assert _movements() == 1


@pytest.mark.django_db
def test_a_count_matching_the_stock_writes_nothing(shelf, point_a, operator_a):
    variant = shelf.variant("Mật ong rừng")
    shelf.put(point_a, variant, 10)

    assert stock_adjust(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk,
                        counted_quantity=10, reason="Kiểm kê tháng") is None
    assert _movements() == 1


@pytest.mark.django_db
def test_blocked_stock_can_be_written_off_but_not_added_to(shelf, point_a, operator_a):
    variant = shelf.variant("Rượu nếp cái hoa vàng")
    shelf.put(point_a, variant, 6)
    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.REVOKED)

    with pytest.raises(DomainError) as err:
        stock_adjust(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk,
                     counted_quantity=7, reason="Tìm thấy thêm")
    stock_adjust(actor=operator_a, warehouse_id=point_a.warehouse_id, variant_id=variant.pk, counted_quantity=0,
                 reason="Trả lại chủ thể do bị thu hồi chứng nhận")

    assert err.value.code == "PRODUCT_NOT_LISTABLE"
    assert Stock.objects.get(product_variant=variant).quantity == 0


@pytest.mark.django_db
def test_a_revoked_certificate_flags_the_stock_as_blocked_and_keeps_it(shelf, point_a, point_b):
    variant = shelf.variant("Cam Vinh")
    shelf.put(point_a, variant, 5)
    shelf.put(point_b, variant, 3)

    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.REVOKED)

    for point, quantity in ((point_a, 5), (point_b, 3)):
        line = stock_lines(warehouse_id=point.warehouse_id, only_blocked=True).get()
        assert (line.product_variant_id, line.quantity, line.is_blocked) == (variant.pk, quantity, True)


@pytest.mark.django_db
def test_low_stock_uses_the_line_threshold_else_the_point_default(shelf, point_a, operator_a):
    honey, tea = shelf.variant("Mật ong"), shelf.variant("Chè xanh")
    honey_stock, tea_stock = shelf.put(point_a, honey, 4), shelf.put(point_a, tea, 4)

    stock_threshold_set(actor=operator_a, stock_id=tea_stock.pk, threshold=2)

    low = list(stock_low_alerts(warehouse_ids=[point_a.warehouse_id]))
    assert [s.pk for s in low] == [honey_stock.pk]  # 4 ≤ default 5; tea's own threshold is 2
    assert AuditEntry.objects.filter(action="salespoint.stock_threshold.set", actor=operator_a).count() == 1
    stock_threshold_set(actor=operator_a, stock_id=tea_stock.pk, threshold=None)
    assert stock_lines(warehouse_id=point_a.warehouse_id, only_low=True).count() == 2


@pytest.mark.django_db
def test_a_negative_threshold_is_refused(shelf, point_a, operator_a):
    stock = shelf.put(point_a, shelf.variant("Mật ong"), 4)

    with pytest.raises(DomainError) as err:
        stock_threshold_set(actor=operator_a, stock_id=stock.pk, threshold=-1)

    assert err.value.code == "INVALID_QUANTITY"
