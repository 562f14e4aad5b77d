"""transactionRequestAction (REFUND) through localstripe and orderFulfillmentReturnProducts, with their
permission matrix: refused attempts change nothing."""

from __future__ import annotations

import pytest
from graphene.relay import Node

from marketplace.order.fulfilment import FulfilLine, FulfilStock, order_fulfil_lines
from marketplace.payment.models import STRIPE_GATEWAY, TransactionEvent
from marketplace.payment.services import transaction_initialize, transaction_process
from marketplace.warehouse.models import Stock
from tests.marketplace.graphql.conftest import error_codes

pytestmark = pytest.mark.django_db

REFUND = """mutation($id: ID!, $amount: PositiveDecimal) {
  transactionRequestAction(id: $id, actionType: REFUND, amount: $amount) {
    errors { field code } transaction { chargedAmount { amount } refundedAmount { amount } }
  }
}"""
RETURN = """mutation($order: ID!, $input: OrderReturnProductsInput!) {
  orderFulfillmentReturnProducts(order: $order, input: $input) {
    errors { field code } order { status } returnFulfillment { status warehouse { name } lines { quantity } }
  }
}"""


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


@pytest.fixture
def card_order(delivery_orders):
    """2 × 100.000 ₫ + 25.000 ₫ delivery, waiting for a card payment."""
    variant = delivery_orders.variant("Mật ong hoa nhãn", price=100_000, stock=10)
    return delivery_orders.place([(variant, 2)], cash_on_delivery=False)


@pytest.fixture
def paid_order(stripe_env, card_order, warehouse):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method("4242424242424242"))
    card_order.refresh_from_db()
    order_fulfil_lines(order=card_order, notify_customer=False, lines=[FulfilLine(
        order_line_id=card_order.lines.get().pk, stocks=[FulfilStock(warehouse_id=warehouse.pk, quantity=2)])])
    card_order.item = step.transaction
    return card_order


@pytest.mark.parametrize("role,allowed", [("anonymous", False), ("shopper", False), ("operator", False),
                                          ("order_manager", True), ("admin", True)])
def test_refund_through_the_api(api, client, staff_roles, role, allowed, paid_order,
                                django_capture_on_commit_callbacks):
    as_user(client, staff_roles[role])
    events = TransactionEvent.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        body = api.post(REFUND, {"id": Node.to_global_id("TransactionItem", str(paid_order.item.token)),
                                 "amount": 25000})

    if allowed:
        result = body["data"]["transactionRequestAction"]
        assert result["errors"] == []
        paid_order.item.refresh_from_db()
        assert (paid_order.item.refunded_value, paid_order.item.charged_value) == (25_000, 200_000)
    else:
        assert error_codes(body) == ["PermissionDenied"] and TransactionEvent.objects.count() == events


def test_refunding_more_than_was_paid_is_refused(api, client, order_manager, paid_order):
    as_user(client, order_manager)

    result = api.data(REFUND, {"id": Node.to_global_id("TransactionItem", str(paid_order.item.token)),
                               "amount": 300000})["transactionRequestAction"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [("amount", "INVALID")]


@pytest.mark.parametrize("role,allowed", [("anonymous", False), ("shopper", False), ("operator", False),
                                          ("order_manager", True)])
def test_return_products_to_a_chosen_point(api, client, staff_roles, role, allowed, paid_order, second_point,
                                           django_capture_on_commit_callbacks):
    as_user(client, staff_roles[role])
    line_id = Node.to_global_id("OrderLine", str(paid_order.lines.get().pk))

    with django_capture_on_commit_callbacks(execute=True):
        body = api.post(RETURN, {"order": Node.to_global_id("Order", str(paid_order.pk)), "input": {
            "orderLines": [{"orderLineId": line_id, "quantity": 2}], "refund": True,
            "warehouse": Node.to_global_id("Warehouse", second_point.pk)}})

    if allowed:
        result = body["data"]["orderFulfillmentReturnProducts"]
        assert result["errors"] == [] and result["order"]["status"] == "RETURNED"
        assert result["returnFulfillment"] == {"status": "RETURNED", "warehouse": {"name": second_point.name},
                                               "lines": [{"quantity": 2}]}
        assert Stock.objects.get(warehouse=second_point).quantity == 2
        paid_order.item.refresh_from_db()
        assert paid_order.item.refunded_value == 200_000
    else:
        assert error_codes(body) == ["PermissionDenied"]
        assert not Stock.objects.filter(warehouse=second_point).exists()
