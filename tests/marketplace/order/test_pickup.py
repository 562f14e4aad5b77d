"""The sales point's side of a pickup order: the queue, "ready", cash at the counter, hand-over."""

from __future__ import annotations

import pytest
from django.core import mail

from marketplace.checkout.complete import checkout_complete
from marketplace.core.errors import DomainError
from marketplace.order.models import OrderChargeStatus, OrderStatus
from marketplace.order.selectors import orders_for_pickup
from marketplace.order.services import order_pickup_handover, order_pickup_ready
from marketplace.payment.models import COD_GATEWAY
from marketplace.payment.services import order_mark_paid
from marketplace.warehouse.models import StockMovement, StockMovementKind
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def pickup_order(catalog, warehouse, pickup_point, checkout_builder, django_capture_on_commit_callbacks):
    variant = catalog.product("Cam Vinh", stock=0, price=80_000).variants.get()
    stock = stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=4)
    with django_capture_on_commit_callbacks(execute=True):
        order = checkout_complete(checkout_token=checkout_builder.ready(variant, 3, pickup=warehouse).pk,
                                  gateway=COD_GATEWAY)
    order.stock = stock
    return order


def test_the_order_is_in_its_sales_points_queue_and_the_shopper_got_a_confirmation(pickup_order, warehouse,
                                                                                 second_point):
    assert list(orders_for_pickup(warehouse_ids=[warehouse.pk])) == [pickup_order]
    assert list(orders_for_pickup(warehouse_ids=[second_point.pk])) == []
    [email] = mail.outbox
    assert f"#{pickup_order.number}" in email.subject and warehouse.name in email.body
    assert f"/don-hang/{pickup_order.pk}/" in email.body


def test_ready_for_pickup_tells_the_shopper_once(pickup_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order_pickup_ready(order=pickup_order)
        order_pickup_ready(order=pickup_order)

    pickup_order.refresh_from_db()
    assert pickup_order.pickup_ready_at is not None
    assert [m.subject for m in mail.outbox[1:]] == [f"OCOP Market: đơn #{pickup_order.number} đã sẵn sàng để nhận"]


def test_hand_over_requires_the_cash_first(pickup_order):
    with pytest.raises(DomainError) as err:
        order_pickup_handover(order=pickup_order)

    assert err.value.code == "CANNOT_FULFILL_UNPAID_ORDER"


def test_cash_then_hand_over_fulfils_the_order_and_takes_the_units_from_the_point(pickup_order):
    order_mark_paid(order=pickup_order)
    order = order_pickup_handover(order=pickup_order)

    order.refresh_from_db()
    stock = pickup_order.stock
    stock.refresh_from_db()
    assert (order.status, order.charge_status, order.total_charged_amount) == (
        OrderStatus.FULFILLED, OrderChargeStatus.FULL, 240_000)
    assert (stock.quantity, stock.quantity_allocated) == (1, 0)
    movement = StockMovement.objects.filter(stock=stock).order_by("-pk").first()
    assert (movement.kind, movement.quantity_delta, movement.allocated_delta) == (
        StockMovementKind.PICKUP_HANDOVER, -3, -3)
    assert order.lines.get().quantity_fulfilled == 3
    assert list(orders_for_pickup(warehouse_ids=[order.collection_point_id])) == []


def test_cash_cannot_be_recorded_twice(pickup_order):
    order_mark_paid(order=pickup_order)

    with pytest.raises(DomainError) as err:
        order_mark_paid(order=pickup_order)

    assert err.value.code == "INVALID"
    pickup_order.refresh_from_db()
    assert pickup_order.total_charged_amount == 240_000
