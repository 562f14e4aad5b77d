"""The listing rule asked again when goods move: a pickup is not handed over (nor its cash taken) and a delivery is
not shipped once the product's certificate is revoked, expired or downgraded; the line is withdrawn with a reason,
its units stay on the shelf as blocked stock, money paid for it is refunded. Cash-at-pickup orders expire."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
import time_machine
from django.urls import reverse

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.checkout import services as checkout_services
from marketplace.checkout.complete import checkout_complete
from marketplace.core.errors import DomainError
from marketplace.order.models import OrderChargeStatus, OrderLineCancelReason, OrderStatus
from marketplace.order.services import order_fulfil
from marketplace.payment.models import COD_GATEWAY, STRIPE_GATEWAY, TransactionItem
from marketplace.payment.services import (
    orders_expire_unpaid,
    orders_refund_surplus,
    transaction_initialize,
    transaction_process,
)
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.models import CounterSale
from marketplace.salespoint.selectors import stock_blocked_lines
from marketplace.salespoint.services import counter_sale_create, pickup_hand_over, pickup_mark_ready
from marketplace.warehouse.models import Stock, StockMovement, StockMovementKind
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db
VN = timezone(timedelta(hours=7))
VISA = "4242424242424242"


def _stock(point, variant) -> Stock:
    return Stock.objects.get(warehouse_id=point.warehouse_id, product_variant=variant)


def _two_line_order(checkout_builder, first, second, *, pickup=None, gateway=None):
    checkout = checkout_builder.ready(first, 2, pickup=pickup)
    checkout_services.checkout_lines_add(checkout=checkout, lines=[checkout_services.LineInput(
        variant_id=second.pk, quantity=1)])
    return checkout_complete(checkout_token=checkout.pk, gateway=gateway)


def test_the_console_refuses_to_hand_over_a_revoked_product_and_keeps_it_blocked_on_the_shelf(
        client, shelf, point_a, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm Vũng Áng", price=85_000)
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant, 2)
    client.force_login(operator_a)
    url = reverse("storefront:console:pickups", args=[point_a.warehouse.slug])
    client.post(url, {"order": str(order.pk), "action": "ready"})
    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.REVOKED)

    response = client.post(url, {"order": str(order.pk), "action": "handover", "cash_received": "1"}, follow=True)

    page = response.content.decode()
    assert response.status_code == 200 and "STOCK_BLOCKED" in page and "Nước mắm Vũng Áng" in page
    order.refresh_from_db()
    line = order.lines.get()
    assert (order.status, order.charge_status, order.total_charged_amount) == (
        OrderStatus.CANCELED, OrderChargeStatus.NONE, 0)
    assert line.cancel_reason == OrderLineCancelReason.CERTIFICATE_REVOKED
    stock = _stock(point_a, variant)
    assert (stock.quantity, stock.quantity_allocated) == (5, 0)
    assert list(stock_blocked_lines(warehouse_ids=[point_a.warehouse_id])) == [stock]
    assert not StockMovement.objects.filter(kind=StockMovementKind.PICKUP_HANDOVER).exists()
    assert stock_ledger_mismatches() == []
    assert f"#{order.number}" not in client.get(url).content.decode()  # no longer waits at the counter


@pytest.mark.parametrize("moment,handed_over", [
    (datetime(2027, 3, 31, 23, 59, 59, tzinfo=VN), True),
    (datetime(2027, 4, 1, 0, 0, 5, tzinfo=VN), False),
])
def test_a_pickup_of_an_expired_product_stops_at_midnight_in_vietnam(shelf, point_a, operator_a, pickup_orders,
                                                                     moment, handed_over):
    variant = shelf.variant("Kẹo cu đơ", expires_on=date(2027, 3, 31))
    shelf.put(point_a, variant, 5)
    with time_machine.travel(moment - timedelta(hours=2), tick=False):
        order = pickup_orders.place(point_a, variant, 2)
        pickup_mark_ready(actor=operator_a, order_id=str(order.pk))

    with time_machine.travel(moment, tick=False):
        if handed_over:
            pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)
        else:
            with pytest.raises(DomainError) as err:
                pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)
            assert err.value.code == "STOCK_BLOCKED"

    order.refresh_from_db()
    if handed_over:
        assert (order.status, order.total_charged_amount) == (OrderStatus.FULFILLED, 200_000)
        assert _stock(point_a, variant).quantity == 3
    else:
        assert (order.status, order.total_charged_amount) == (OrderStatus.CANCELED, 0)
        assert order.lines.get().cancel_reason == OrderLineCancelReason.CERTIFICATE_EXPIRED
        assert (_stock(point_a, variant).quantity, _stock(point_a, variant).quantity_allocated) == (5, 0)


def test_the_rest_of_a_pickup_is_handed_over_for_the_new_amount(shelf, point_a, operator_a, checkout_builder):
    honey = shelf.variant("Mật ong", price=100_000)
    tea = shelf.variant("Chè xanh", price=60_000)
    shelf.put(point_a, honey, 5)
    shelf.put(point_a, tea, 5)
    order = _two_line_order(checkout_builder, honey, tea, pickup=point_a.warehouse, gateway=COD_GATEWAY)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    Certificate.objects.filter(product=tea.product).update(status=CertificateStatus.REVOKED)

    with pytest.raises(DomainError):
        pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)
    pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)

    order.refresh_from_db()
    assert (order.status, order.total_amount, order.total_charged_amount) == (OrderStatus.FULFILLED, 200_000, 200_000)
    assert (_stock(point_a, honey).quantity, _stock(point_a, tea).quantity) == (3, 5)
    assert _stock(point_a, tea).quantity_allocated == 0
    assert {line.product_name: line.quantity_fulfilled for line in order.lines.all()} == {"Mật ong": 2, "Chè xanh": 0}


def test_a_paid_delivery_is_not_shipped_with_a_revoked_product_and_its_price_is_refunded(
        stripe_env, catalog, warehouse, checkout_builder, django_capture_on_commit_callbacks):
    honey = catalog.product("Mật ong hoa nhãn", stock=0, price=100_000).variants.get()
    tea = catalog.product("Chè Shan tuyết", stock=0, price=60_000).variants.get()
    for variant in (honey, tea):
        stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)
    order = _two_line_order(checkout_builder, honey, tea)
    step = transaction_initialize(order=order, gateway=STRIPE_GATEWAY)
    transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))
    Certificate.objects.filter(product_id=tea.product_id).update(status=CertificateStatus.REVOKED)

    with pytest.raises(DomainError) as err:
        order_fulfil(order=order)
    with django_capture_on_commit_callbacks(execute=True):
        assert orders_refund_surplus() == 1
    order_fulfil(order=order, tracking_number="VN123")

    assert err.value.code == "PRODUCT_UNAVAILABLE_FOR_PURCHASE"
    order.refresh_from_db()
    item = TransactionItem.objects.get(pk=step.transaction.pk)
    assert (item.charged_value, item.refunded_value) == (225_000, 60_000)
    assert (order.status, order.total_amount, order.charge_status) == (
        OrderStatus.FULFILLED, 225_000, OrderChargeStatus.FULL)
    shipped = StockMovement.objects.filter(kind=StockMovementKind.ORDER_FULFILMENT)
    assert [(m.stock.product_variant_id, m.quantity_delta) for m in shipped] == [(honey.pk, -2)]
    assert Stock.objects.get(product_variant=tea).quantity == 5
    assert orders_refund_surplus() == 0  # once


def test_a_cash_pickup_not_collected_expires_after_the_hold_and_frees_its_stock(
        shelf, point_a, operator_a, pickup_orders, settings):
    settings.PICKUP_COD_HOLD_DAYS = 3
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant, 2)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    order.refresh_from_db()
    assert order.payment_due_at == order.pickup_ready_at + timedelta(days=3)

    with time_machine.travel(order.payment_due_at - timedelta(minutes=1), tick=False):
        assert orders_expire_unpaid() == 0
    with time_machine.travel(order.payment_due_at + timedelta(minutes=1), tick=False):
        assert orders_expire_unpaid() == 1

    order.refresh_from_db()
    assert order.status == OrderStatus.EXPIRED
    assert (_stock(point_a, variant).quantity, _stock(point_a, variant).quantity_allocated) == (5, 0)
    assert TransactionItem.objects.get(order=order, gateway=COD_GATEWAY).charge_pending_value == 0


def test_a_cash_pickup_collected_in_time_does_not_expire(shelf, point_a, operator_a, pickup_orders):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant, 1)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)

    with time_machine.travel(timedelta(days=30)):
        assert orders_expire_unpaid() == 0

    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED


def test_the_counter_refuses_a_revoked_product(shelf, point_a, operator_a):
    variant = shelf.variant("Rượu Kim Long")
    shelf.put(point_a, variant, 5)
    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.REVOKED)

    with pytest.raises(DomainError) as err:
        counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                            payment_method="cash")

    assert err.value.code == "STOCK_BLOCKED"
    assert (CounterSale.objects.count(), _stock(point_a, variant).quantity) == (0, 5)


@pytest.mark.parametrize("moment,sold", [
    (datetime(2027, 3, 31, 23, 59, 59, tzinfo=VN), True),
    (datetime(2027, 4, 1, 0, 0, 5, tzinfo=VN), False),
])
def test_the_counter_stops_selling_at_midnight_in_vietnam(shelf, point_a, operator_a, moment, sold):
    variant = shelf.variant("Kẹo cu đơ", expires_on=date(2027, 3, 31))
    shelf.put(point_a, variant, 5)

    with time_machine.travel(moment, tick=False):
        if sold:
            counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                                payment_method="cash")
        else:
            with pytest.raises(DomainError):
                counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                                    payment_method="cash")

    assert CounterSale.objects.count() == int(sold)


def test_staff_find_orders_with_cancelled_lines(client, admin_user, shelf, point_a, operator_a, pickup_orders):
    from marketplace.order.selectors import order_lines_cancelled, orders_with_cancelled_lines

    kept, withdrawn = (shelf.variant("Nước mắm"), shelf.variant("Rượu Kim Long"))
    for variant in (kept, withdrawn):
        shelf.put(point_a, variant, 5)
    untouched = pickup_orders.place(point_a, kept, 1)
    order = pickup_orders.place(point_a, withdrawn, 1)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    Certificate.objects.filter(product=withdrawn.product).update(status=CertificateStatus.REVOKED)
    with pytest.raises(DomainError):
        pickup_hand_over(actor=operator_a, order_id=str(order.pk), cash_received=True)
    client.force_login(admin_user)

    listed = client.get("/admin/order/order/", {"cancelled_lines": "yes"}).content.decode()

    assert list(orders_with_cancelled_lines()) == [order]
    assert [line.cancel_reason for line in order_lines_cancelled(order_id=order.pk)] == ["certificate_revoked"]
    assert f">{order.number}<" in listed and f">{untouched.number}<" not in listed
