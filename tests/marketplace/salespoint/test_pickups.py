"""The pickup queue at a point, fed by real orders: a shopper places a click-and-collect order through checkout, the
point prepares it, collects the cash (or sees it paid by card) and hands it over; only the order's point may act.
The order side is the backend marketplace.payment registers at start-up (payment/pickup_backend.py)."""

from __future__ import annotations

import pytest

from marketplace.checkout.complete import checkout_complete
from marketplace.core.errors import DomainError
from marketplace.order.models import OrderChargeStatus, OrderStatus
from marketplace.payment.models import COD_GATEWAY, STRIPE_GATEWAY
from marketplace.payment.services import order_cancel_and_refund, transaction_initialize, transaction_process
from marketplace.salespoint import pickups as pickups_module
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.pickups import PickupStatus
from marketplace.salespoint.selectors import pickup_queue
from marketplace.salespoint.services import pickup_hand_over, pickup_mark_ready
from marketplace.warehouse.models import Stock, StockMovementKind

pytestmark = pytest.mark.django_db

VISA = "4242424242424242"


def _stock(point, variant) -> Stock:
    return Stock.objects.get(warehouse_id=point.warehouse_id, product_variant=variant)


def test_the_real_order_app_feeds_the_pickup_queue(shelf, point_a, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm Vũng Áng", price=85_000)
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant, 2)

    [queued] = pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id)
    pickup_mark_ready(actor=operator_a, order_id=queued.id)
    [ready] = pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id)
    pickup_hand_over(actor=operator_a, order_id=ready.id, cash_received=True)

    assert (queued.id, queued.number, queued.status) == (str(order.pk), f"#{order.number}", PickupStatus.TO_PREPARE)
    assert (queued.customer_name, queued.customer_phone) == ("Lê Minh", order.billing_address.phone)
    assert (queued.total, queued.is_paid, queued.cash_on_delivery) == (170_000, False, True)
    assert [(line.product_name, line.quantity) for line in queued.lines] == [("Nước mắm Vũng Áng", 2)]
    assert ready.status == PickupStatus.READY
    order.refresh_from_db()
    assert (order.status, order.charge_status, order.total_charged_amount) == (
        OrderStatus.FULFILLED, OrderChargeStatus.FULL, 170_000)
    stock = _stock(point_a, variant)
    assert (stock.quantity, stock.quantity_allocated) == (3, 0)
    assert stock.movements.filter(kind=StockMovementKind.PICKUP_HANDOVER, actor=operator_a).count() == 1
    assert pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id) == []
    assert stock_ledger_mismatches() == []


def test_each_point_sees_only_the_orders_to_collect_there(shelf, point_a, point_b, operator_a, operator_b,
                                                         pickup_orders):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    shelf.put(point_b, variant, 5)
    at_a = pickup_orders.place(point_a, variant)
    at_b = pickup_orders.place(point_b, variant)

    assert [o.id for o in pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id)] == [str(at_a.pk)]
    assert [o.id for o in pickup_queue(user=operator_b, warehouse_id=point_b.warehouse_id)] == [str(at_b.pk)]


def test_an_unpaid_order_is_not_handed_over_without_collecting_the_cash(shelf, point_a, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))

    with pytest.raises(DomainError) as err:
        pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=False)

    assert err.value.code == "REQUIRED"
    order.refresh_from_db()
    assert (order.status, order.charge_status) == (OrderStatus.UNFULFILLED, OrderChargeStatus.NONE)
    assert (_stock(point_a, variant).quantity, _stock(point_a, variant).quantity_allocated) == (5, 1)


def test_an_order_is_handed_over_only_when_ready_and_made_ready_once(shelf, point_a, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant)

    with pytest.raises(DomainError) as too_early:
        pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    with pytest.raises(DomainError) as twice:
        pickup_mark_ready(actor=operator_a, order_id=str(order.pk))

    assert (too_early.value.code, twice.value.code) == ("PICKUP_INVALID_STATUS", "PICKUP_INVALID_STATUS")
    order.refresh_from_db()
    assert (order.status, order.charge_status) == (OrderStatus.UNFULFILLED, OrderChargeStatus.NONE)


def test_an_operator_cannot_touch_another_points_pickups(shelf, point_a, point_b, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_b, variant, 5)
    order = pickup_orders.place(point_b, variant)

    with pytest.raises(DomainError) as ready:
        pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    with pytest.raises(DomainError) as handover:
        pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)
    with pytest.raises(DomainError) as queue:
        pickup_queue(user=operator_a, warehouse_id=point_b.warehouse_id)

    assert (ready.value.code, handover.value.code, queue.value.code) == ("OUT_OF_SCOPE",) * 3
    order.refresh_from_db()
    assert (order.pickup_ready_at, order.status, order.charge_status) == (
        None, OrderStatus.UNFULFILLED, OrderChargeStatus.NONE)


def test_a_pickup_paid_by_card_waits_for_the_payment_then_leaves_without_cash(stripe_env, shelf, point_a, operator_a,
                                                                             pickup_orders):
    variant = shelf.variant("Mật ong hoa nhãn", price=100_000)
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant, 2, cash_on_delivery=False)

    queue_before_paying = pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id)
    with pytest.raises(DomainError) as not_yet:
        pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    step = transaction_initialize(order=order, gateway=STRIPE_GATEWAY)
    transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))
    [paid] = pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id)
    pickup_mark_ready(actor=operator_a, order_id=paid.id)
    pickup_hand_over(actor=operator_a, order_id=paid.id)

    assert queue_before_paying == [] and not_yet.value.code == "PICKUP_INVALID_STATUS"
    assert (paid.is_paid, paid.cash_on_delivery) == (True, False)
    order.refresh_from_db()
    assert (order.status, order.total_charged_amount, order.payment_gateway) == (
        OrderStatus.FULFILLED, 200_000, STRIPE_GATEWAY)
    assert (_stock(point_a, variant).quantity, _stock(point_a, variant).quantity_allocated) == (3, 0)


def test_a_cancelled_order_left_open_on_a_screen_is_not_handed_over(shelf, point_a, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    order_cancel_and_refund(order=order)

    with pytest.raises(DomainError) as err:
        pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)

    assert err.value.code == "PICKUP_INVALID_STATUS"
    order.refresh_from_db()
    assert (order.status, order.charge_status) == (OrderStatus.CANCELED, OrderChargeStatus.NONE)
    assert (_stock(point_a, variant).quantity, _stock(point_a, variant).quantity_allocated) == (5, 0)


@pytest.mark.parametrize("order_id", ["", "42", "not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_order_is_not_found(point_a, operator_a, order_id):
    with pytest.raises(DomainError) as err:
        pickup_mark_ready(actor=operator_a, order_id=order_id)

    assert err.value.code == "NOT_FOUND"


def test_a_home_delivery_order_is_not_a_pickup(shelf, point_a, admin_user, checkout_builder):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = checkout_complete(checkout_token=checkout_builder.ready(variant, 1).pk, gateway=COD_GATEWAY)

    with pytest.raises(DomainError) as err:
        pickup_mark_ready(actor=admin_user, order_id=str(order.pk))

    assert (order.collection_point_id, err.value.code) == (None, "NOT_FOUND")


def test_without_an_order_backend_the_queue_is_empty_and_actions_are_refused(point_a, operator_a, monkeypatch):
    monkeypatch.setattr(pickups_module, "_backend", None)  # as if marketplace.payment were not installed

    assert pickup_queue(user=operator_a, warehouse_id=point_a.warehouse_id) == []
    with pytest.raises(DomainError) as err:
        pickup_mark_ready(actor=operator_a, order_id="1")
    assert err.value.code == "PICKUPS_UNAVAILABLE"
