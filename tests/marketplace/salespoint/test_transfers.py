"""Transfers: created at A, shipped (units leave A), received at B (units arrive); in transit on no shelf."""

from __future__ import annotations

import pytest

from marketplace.core.errors import DomainError
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.models import StockTransferStatus
from marketplace.salespoint.services import (
    stock_transfer_cancel,
    stock_transfer_create,
    stock_transfer_receive,
    stock_transfer_ship,
)
from marketplace.warehouse.models import Stock, StockMovement


def _qty(point, variant) -> int:
    stock = Stock.objects.filter(warehouse_id=point.warehouse_id, product_variant=variant).first()
    return stock.quantity if stock else 0


@pytest.mark.django_db
def test_a_transfer_moves_units_out_when_shipped_and_in_when_received(shelf, point_a, point_b, operator_a,
                                                                      operator_b):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 10)

    transfer = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                     destination_id=point_b.warehouse_id, lines=[(variant.pk, 4)])
    assert (_qty(point_a, variant), transfer.status) == (10, StockTransferStatus.CREATED)

    stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)
    assert (_qty(point_a, variant), _qty(point_b, variant)) == (6, 0)  # in transit

    stock_transfer_receive(actor=operator_b, transfer_id=transfer.pk)
    transfer.refresh_from_db()
    assert (_qty(point_a, variant), _qty(point_b, variant), transfer.status) == (6, 4, "received")
    kinds = sorted(StockMovement.objects.filter(reference=transfer.number).values_list("kind", "quantity_delta"))
    assert kinds == [("transfer_in", 4), ("transfer_out", -4)]
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db
def test_a_transfer_received_twice_is_refused_the_second_time(shelf, point_a, point_b, operator_a, operator_b):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 10)
    transfer = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                     destination_id=point_b.warehouse_id, lines=[(variant.pk, 4)])
    stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)
    stock_transfer_receive(actor=operator_b, transfer_id=transfer.pk)

    with pytest.raises(DomainError) as err:
        stock_transfer_receive(actor=operator_b, transfer_id=transfer.pk)

    assert err.value.code == "TRANSFER_ALREADY_RECEIVED"
    assert _qty(point_b, variant) == 4


@pytest.mark.django_db
def test_a_transfer_to_the_same_point_is_refused(shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 10)

    with pytest.raises(DomainError) as err:
        stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id, destination_id=point_a.warehouse_id,
                              lines=[(variant.pk, 1)])

    assert err.value.code == "SAME_POINT"


@pytest.mark.django_db
def test_receiving_more_than_was_shipped_is_refused_and_writes_nothing(shelf, point_a, point_b, operator_a,
                                                                       operator_b):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 10)
    transfer = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                     destination_id=point_b.warehouse_id, lines=[(variant.pk, 4)])
    stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)

    with pytest.raises(DomainError) as err:
        stock_transfer_receive(actor=operator_b, transfer_id=transfer.pk, received={variant.pk: 5})

    transfer.refresh_from_db()
    assert err.value.code == "RECEIVED_MORE_THAN_SHIPPED"
    assert (transfer.status, _qty(point_b, variant)) == (StockTransferStatus.IN_TRANSIT, 0)


@pytest.mark.django_db
def test_a_shortfall_is_received_and_recorded_on_the_line(shelf, point_a, point_b, operator_a, operator_b):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 10)
    transfer = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                     destination_id=point_b.warehouse_id, lines=[(variant.pk, 4)])
    stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)

    stock_transfer_receive(actor=operator_b, transfer_id=transfer.pk, received={variant.pk: 3}, note="Vỡ 1 hộp")

    line = transfer.lines.get()
    assert (line.quantity, line.quantity_received, _qty(point_b, variant)) == (4, 3, 3)


@pytest.mark.django_db
def test_a_transfer_cannot_be_received_before_it_is_shipped_nor_shipped_twice(shelf, point_a, point_b,
                                                                             operator_a, operator_b):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 10)
    transfer = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                     destination_id=point_b.warehouse_id, lines=[(variant.pk, 4)])

    with pytest.raises(DomainError) as early:
        stock_transfer_receive(actor=operator_b, transfer_id=transfer.pk)
    stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)
    with pytest.raises(DomainError) as twice:
        stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)

    assert (early.value.code, twice.value.code) == ("TRANSFER_NOT_SHIPPED", "TRANSFER_ALREADY_SHIPPED")
    assert _qty(point_a, variant) == 6


@pytest.mark.django_db
def test_a_transfer_of_more_than_is_available_is_refused(shelf, point_a, point_b, operator_a):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 2)

    with pytest.raises(DomainError) as err:
        stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                              destination_id=point_b.warehouse_id, lines=[(variant.pk, 3)])

    assert err.value.code == "INSUFFICIENT_STOCK"


@pytest.mark.django_db
def test_a_cancelled_transfer_moves_nothing_and_cannot_be_shipped(shelf, point_a, point_b, operator_a):
    variant = shelf.variant("Cu đơ Hà Tĩnh")
    shelf.put(point_a, variant, 5)
    transfer = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                     destination_id=point_b.warehouse_id, lines=[(variant.pk, 2)])

    stock_transfer_cancel(actor=operator_a, transfer_id=transfer.pk)
    with pytest.raises(DomainError) as err:
        stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)

    assert err.value.code == "TRANSFER_CANCELLED"
    assert _qty(point_a, variant) == 5
