"""Shipping a home-delivery order line by line: partial, complete, over-fulfilment refused, tracking rules,
cancelling after a partial shipment, and the shopper's e-mails."""

from __future__ import annotations

import pytest
from django.core import mail

from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.fulfilment import (
    FulfilLine,
    FulfilStock,
    fulfillment_mark_delivered,
    fulfillment_tracking_update,
    order_fulfil_lines,
)
from marketplace.order.models import FulfillmentLine, OrderStatus
from marketplace.payment.staff_orders import order_cancel_by_staff
from marketplace.warehouse.models import Stock, StockMovement

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_line_order(delivery_orders):
    tea = delivery_orders.variant("Chè Tân Cương", price=120_000, stock=10)
    honey = delivery_orders.variant("Mật ong bạc hà", price=200_000, stock=5)
    order = delivery_orders.place([(tea, 3), (honey, 1)])
    order.tea, order.honey = order.lines.get(variant=tea), order.lines.get(variant=honey)
    return order


def ship(order, line, quantity, warehouse, **kwargs):
    return order_fulfil_lines(order=order, lines=[FulfilLine(order_line_id=line.pk, stocks=[
        FulfilStock(warehouse_id=warehouse.pk, quantity=quantity)])], **kwargs)


def stock_of(line, warehouse):
    return Stock.objects.get(product_variant_id=line.variant_id, warehouse=warehouse)


def test_partial_then_complete_fulfilment(two_line_order, warehouse, django_capture_on_commit_callbacks):
    order, tea, honey = two_line_order, two_line_order.tea, two_line_order.honey
    with django_capture_on_commit_callbacks(execute=True):
        order, [first] = ship(order, tea, 2, warehouse, tracking_number="VN123456789", carrier="VNPost")

    assert order.status == OrderStatus.PARTIALLY_FULFILLED
    assert (first.tracking_number, first.carrier, first.warehouse_id) == ("VN123456789", "VNPost", warehouse.pk)
    assert [(fl.order_line_id, fl.quantity) for fl in FulfillmentLine.objects.filter(fulfillment=first)] == [
        (tea.pk, 2)]
    tea_stock = stock_of(tea, warehouse)
    assert (tea_stock.quantity, tea_stock.quantity_allocated) == (8, 1)
    shipped_email = mail.outbox[-1]
    assert f"#{order.number}" in shipped_email.subject and "VN123456789" in shipped_email.body

    order, [second] = order_fulfil_lines(order=order, lines=[
        FulfilLine(order_line_id=tea.pk, stocks=[FulfilStock(warehouse_id=warehouse.pk, quantity=1)]),
        FulfilLine(order_line_id=honey.pk, stocks=[FulfilStock(warehouse_id=warehouse.pk, quantity=1)])])

    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED and second.fulfillment_order == 2
    assert [line.quantity_fulfilled for line in order.lines.order_by("product_name")] == [3, 1]
    assert (stock_of(tea, warehouse).quantity_allocated, stock_of(honey, warehouse).quantity) == (0, 4)


def test_fulfilling_more_than_ordered_is_refused_and_changes_nothing(two_line_order, warehouse):
    order, tea = two_line_order, two_line_order.tea
    ship(order, tea, 2, warehouse)
    before = StockMovement.objects.count()

    with pytest.raises(DomainErrors) as err:
        ship(order, tea, 2, warehouse)

    [error] = err.value.errors
    assert (error.code, error.params["order_lines"]) == ("FULFILL_ORDER_LINE", [str(tea.pk)])
    order.refresh_from_db()
    tea.refresh_from_db()
    assert (order.status, tea.quantity_fulfilled, order.fulfillments.count()) == (
        OrderStatus.PARTIALLY_FULFILLED, 2, 1)
    assert StockMovement.objects.count() == before


def test_zero_quantity_and_a_foreign_line_are_refused(two_line_order, warehouse, delivery_orders):
    other = delivery_orders.place([(two_line_order.tea.variant, 1)], email="b@example.com")
    with pytest.raises(DomainErrors) as err:
        order_fulfil_lines(order=two_line_order, lines=[
            FulfilLine(order_line_id=two_line_order.tea.pk, stocks=[FulfilStock(warehouse.pk, 0)]),
            FulfilLine(order_line_id=other.lines.get().pk, stocks=[FulfilStock(warehouse.pk, 1)])])

    assert sorted(e.code for e in err.value.errors) == ["NOT_FOUND", "ZERO_QUANTITY"]
    assert two_line_order.fulfillments.count() == 0


def test_shipping_from_a_point_without_the_goods_is_refused(two_line_order, second_point):
    with pytest.raises(DomainError) as err:
        ship(two_line_order, two_line_order.tea, 1, second_point)

    assert (err.value.code, err.value.field) == ("INSUFFICIENT_STOCK", "warehouse")
    assert two_line_order.fulfillments.count() == 0


def test_shipping_from_another_point_releases_the_allocation_at_the_first(two_line_order, warehouse, second_point):
    from tests.factories.checkout import stock_receive

    stock_receive(warehouse=second_point, variant_id=two_line_order.tea.variant_id, quantity=5)

    ship(two_line_order, two_line_order.tea, 3, second_point)

    assert (stock_of(two_line_order.tea, second_point).quantity, stock_of(two_line_order.tea, warehouse).quantity,
            stock_of(two_line_order.tea, warehouse).quantity_allocated) == (2, 10, 0)


def test_a_tracking_number_on_a_pickup_order_is_refused(pickup_orders, catalog, warehouse, pickup_point):
    from marketplace.salespoint.models import SalesPoint
    from tests.factories.checkout import stock_receive

    variant = catalog.product("Bưởi Phúc Trạch", stock=0, price=50_000).variants.get()
    stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=3)
    order = pickup_orders.place(SalesPoint.objects.get(warehouse=warehouse), variant, 1)

    with pytest.raises(DomainError) as err:
        ship(order, order.lines.get(), 1, warehouse, tracking_number="GHN999")

    assert (err.value.code, err.value.field) == ("INVALID", "trackingNumber")
    assert order.fulfillments.count() == 0


def test_an_unpaid_card_order_cannot_be_shipped(delivery_orders, warehouse):
    variant = delivery_orders.variant("Nước mắm Cửa Hội", price=90_000, stock=4)
    order = delivery_orders.place([(variant, 1)], cash_on_delivery=False)

    with pytest.raises(DomainError) as err:
        ship(order, order.lines.get(), 1, warehouse)

    assert err.value.code == "CANNOT_FULFILL_UNPAID_ORDER"


def test_tracking_update_and_delivery_tell_the_shopper(two_line_order, warehouse,
                                                       django_capture_on_commit_callbacks):
    _, [fulfillment] = ship(two_line_order, two_line_order.tea, 3, warehouse, notify_customer=False)
    with django_capture_on_commit_callbacks(execute=True):
        fulfillment_tracking_update(fulfillment=fulfillment, tracking_number="VTP-42", notify_customer=True)
        fulfillment_mark_delivered(fulfillment=fulfillment)
        fulfillment_mark_delivered(fulfillment=fulfillment)

    fulfillment.refresh_from_db()
    assert fulfillment.tracking_number == "VTP-42" and fulfillment.delivered_at is not None
    subjects = [m.subject for m in mail.outbox if f"#{two_line_order.number}" in m.subject]
    assert subjects[-2:] == [f"OCOP Market: đơn #{two_line_order.number} đã được gửi đi",
                             f"OCOP Market: đơn #{two_line_order.number} đã được giao"]
    assert "VTP-42" in mail.outbox[-2].body


def test_cancelling_after_a_partial_shipment_is_refused_and_changes_nothing(two_line_order, warehouse):
    ship(two_line_order, two_line_order.tea, 1, warehouse)
    allocated = stock_of(two_line_order.tea, warehouse).quantity_allocated

    with pytest.raises(DomainError) as err:
        order_cancel_by_staff(order=two_line_order)

    assert err.value.code == "CANNOT_CANCEL_ORDER"
    two_line_order.refresh_from_db()
    assert two_line_order.status == OrderStatus.PARTIALLY_FULFILLED
    assert stock_of(two_line_order.tea, warehouse).quantity_allocated == allocated == 2


def test_cancelling_releases_the_stock_where_it_was_allocated_and_emails(two_line_order, warehouse, second_point,
                                                                         django_capture_on_commit_callbacks):
    from tests.factories.checkout import stock_receive

    stock_receive(warehouse=second_point, variant_id=two_line_order.tea.variant_id, quantity=5)
    with django_capture_on_commit_callbacks(execute=True):
        order = order_cancel_by_staff(order=two_line_order)

    assert order.status == OrderStatus.CANCELED
    assert stock_of(two_line_order.tea, warehouse).quantity_allocated == 0
    assert (stock_of(two_line_order.tea, second_point).quantity,
            stock_of(two_line_order.tea, second_point).quantity_allocated) == (5, 0)
    assert mail.outbox[-1].subject == f"OCOP Market: đơn #{order.number} đã bị hủy"


def test_a_product_whose_certificate_was_revoked_is_not_shipped(two_line_order, warehouse):
    from marketplace.certification.models import Certificate

    Certificate.objects.filter(product_id=two_line_order.tea.variant.product_id).update(status="revoked")

    with pytest.raises(DomainError) as err:
        ship(two_line_order, two_line_order.tea, 1, warehouse)

    assert (err.value.code, err.value.params["lines"]) == ("PRODUCT_UNAVAILABLE_FOR_PURCHASE",
                                                           [str(two_line_order.tea.pk)])
    assert two_line_order.fulfillments.count() == 0
    # the failing line is withdrawn with its reason (the shopper reads it), the other line can still be shipped
    two_line_order.tea.refresh_from_db()
    assert two_line_order.tea.cancel_reason == "certificate_revoked"
