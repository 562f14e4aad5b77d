"""The pickup queue at a point: to prepare → ready → handed over; cash on delivery is collected at hand-over; only
the order's point may act. The order side is the stand-in in tests/factories/pickups.py (see its docstring)."""

from __future__ import annotations

import pytest

from marketplace.core.errors import DomainError
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.selectors import pickup_queue
from marketplace.salespoint.services import pickup_hand_over, pickup_mark_ready
from marketplace.warehouse.models import Stock


@pytest.mark.django_db
def test_a_cash_on_delivery_order_is_prepared_then_paid_and_handed_over(shelf, point_a, operator_a, pickups):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickups.place(warehouse_id=point_a.warehouse_id, variant=variant, quantity=2)

    pickup_mark_ready(actor=operator_a, order_id=order.id)
    pickup_hand_over(actor=operator_a, order_id=order.id, cash_received=True)

    assert pickups.calls == [("ready", 1), ("paid", 1), ("handover", 1)]
    stock = Stock.objects.get(product_variant=variant)
    assert (stock.quantity, stock.quantity_allocated) == (3, 0)
    assert stock.movements.filter(kind="pickup_handover", actor=operator_a).count() == 1
    assert pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id) == []
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db
def test_an_unpaid_order_is_not_handed_over_without_collecting_the_cash(shelf, point_a, operator_a, pickups):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickups.place(warehouse_id=point_a.warehouse_id, variant=variant)
    pickup_mark_ready(actor=operator_a, order_id=order.id)

    with pytest.raises(DomainError) as err:
        pickup_hand_over(actor=operator_a, order_id=order.id, cash_received=False)

    assert err.value.code == "REQUIRED"
    assert pickups.calls == [("ready", 1)]


@pytest.mark.django_db
def test_an_order_is_handed_over_only_when_ready(shelf, point_a, operator_a, pickups):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickups.place(warehouse_id=point_a.warehouse_id, variant=variant, paid=True)

    with pytest.raises(DomainError) as err:
        pickup_hand_over(actor=operator_a, order_id=order.id)

    assert err.value.code == "PICKUP_INVALID_STATUS"


@pytest.mark.django_db
def test_an_operator_cannot_touch_another_points_pickups(shelf, point_a, point_b, operator_a, pickups):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_b, variant, 5)
    order = pickups.place(warehouse_id=point_b.warehouse_id, variant=variant)

    with pytest.raises(DomainError) as ready:
        pickup_mark_ready(actor=operator_a, order_id=order.id)
    with pytest.raises(DomainError) as queue:
        pickup_queue(user=operator_a, warehouse_id=point_b.warehouse_id)

    assert (ready.value.code, queue.value.code) == ("OUT_OF_SCOPE", "OUT_OF_SCOPE")
    assert pickups.calls == []


@pytest.mark.django_db
def test_without_the_order_app_the_queue_is_empty_and_actions_are_refused(point_a, operator_a):
    assert pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id) == []
    with pytest.raises(DomainError) as err:
        pickup_mark_ready(actor=operator_a, order_id=1)
    assert err.value.code == "PICKUPS_UNAVAILABLE"


@pytest.mark.skip(reason="marketplace.order has no models in this branch (issue 5); the merger wires the real "
                         "order services with pickup_backend_set and enables this test")
def test_the_real_order_app_feeds_the_pickup_queue():
    """Place a click-and-collect order for point A through checkout, see it in pickup_queue(A), mark it ready,
    hand it over with cash collected, and check the order is paid and fulfilled and the ledger agrees."""
