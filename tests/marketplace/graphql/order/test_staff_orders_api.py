"""Saleor's staff order API: `orders` with filters, orderFulfill, fulfillmentUpdateTracking, the permission matrix
(refused attempts change nothing), and `fulfillments` with tracking on the shopper's order."""

from __future__ import annotations

import pytest
from graphene.relay import Node

from marketplace.order.models import Fulfillment, OrderStatus
from tests.marketplace.graphql.conftest import error_codes

pytestmark = pytest.mark.django_db

FULFILL = """mutation($order: ID!, $input: OrderFulfillInput!) {
  orderFulfill(order: $order, input: $input) {
    errors { field code orderLines warehouse }
    fulfillments { status trackingNumber carrier warehouse { name } lines { quantity orderLine { productName } } }
    order { status }
  }
}"""
TRACKING = """mutation($id: ID!, $input: FulfillmentUpdateTrackingInput!) {
  fulfillmentUpdateTracking(id: $id, input: $input) { errors { field code } fulfillment { trackingNumber } }
}"""
ORDERS = """query($filter: OrderFilterInput, $where: OrderWhereInput, $search: String) {
  orders(first: 20, filter: $filter, where: $where, search: $search) { totalCount edges { node { number status } } }
}"""
ORDER = """query($id: ID!) { order(id: $id) { status fulfillments { status trackingNumber lines { quantity } } } }"""


@pytest.fixture
def order(delivery_orders):
    tea = delivery_orders.variant("Chè Tân Cương", price=120_000, stock=10)
    return delivery_orders.place([(tea, 3)])


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


def fulfil_input(order, warehouse, quantity, tracking="VN123456789VN"):
    return {"order": gid("Order", order.pk), "input": {"trackingNumber": tracking, "carrier": "VNPost", "lines": [
        {"orderLineId": gid("OrderLine", order.lines.get().pk),
         "stocks": [{"warehouse": gid("Warehouse", warehouse.pk), "quantity": quantity}]}]}}


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("role,allowed", [("anonymous", False), ("shopper", False), ("operator", False),
                                          ("order_manager", True), ("admin", True)])
def test_order_fulfill_permission_matrix(api, client, staff_roles, role, allowed, order, warehouse):
    as_user(client, staff_roles[role])

    body = api.post(FULFILL, fulfil_input(order, warehouse, 2))

    order.refresh_from_db()
    if allowed:
        result = body["data"]["orderFulfill"]
        assert result["errors"] == [] and result["order"]["status"] == "PARTIALLY_FULFILLED"
        [f] = result["fulfillments"]
        assert (f["status"], f["trackingNumber"], f["carrier"], f["lines"][0]["quantity"]) == (
            "FULFILLED", "VN123456789VN", "VNPost", 2)
    else:
        assert error_codes(body) == ["PermissionDenied"]
        assert (order.status, Fulfillment.objects.count()) == (OrderStatus.UNFULFILLED, 0)


@pytest.mark.parametrize("role,allowed", [("anonymous", False), ("shopper", False), ("operator", False),
                                          ("order_manager", True)])
def test_orders_query_is_for_order_staff(api, client, staff_roles, role, allowed, order):
    as_user(client, staff_roles[role])

    body = api.post(ORDERS, {})

    if allowed:
        assert body["data"]["orders"]["totalCount"] == 1
    else:
        assert error_codes(body) == ["PermissionDenied"] and body["data"]["orders"] is None


def test_over_fulfilment_is_refused_with_a_code_and_the_line(api, client, order_manager, order, warehouse):
    as_user(client, order_manager)

    result = api.data(FULFILL, fulfil_input(order, warehouse, 4))["orderFulfill"]

    assert [(e["code"], e["orderLines"]) for e in result["errors"]] == [
        ("FULFILL_ORDER_LINE", [gid("OrderLine", order.lines.get().pk)])]
    assert Fulfillment.objects.count() == 0


def test_tracking_update_and_the_shopper_sees_fulfillments(api, client, order_manager, order, warehouse):
    as_user(client, order_manager)
    api.data(FULFILL, fulfil_input(order, warehouse, 3, tracking=""))
    fulfillment = Fulfillment.objects.get()

    result = api.data(TRACKING, {"id": gid("Fulfillment", fulfillment.pk),
                                 "input": {"trackingNumber": "GHN-77"}})["fulfillmentUpdateTracking"]
    client.logout()
    seen = api.data(ORDER, {"id": gid("Order", order.pk)})["order"]

    assert result["errors"] == [] and result["fulfillment"]["trackingNumber"] == "GHN-77"
    assert seen["status"] == "FULFILLED"
    assert seen["fulfillments"] == [{"status": "FULFILLED", "trackingNumber": "GHN-77", "lines": [{"quantity": 3}]}]


def test_orders_filters_search_status_and_customer(api, client, order_manager, order, delivery_orders, warehouse):
    honey = delivery_orders.variant("Mật ong bạc hà", price=200_000, stock=5)
    other = delivery_orders.place([(honey, 1)], email="binh@example.com")
    as_user(client, order_manager)
    api.data(FULFILL, fulfil_input(order, warehouse, 3))

    def numbers(**variables):
        return [e["node"]["number"] for e in api.data(ORDERS, variables)["orders"]["edges"]]

    assert numbers(search="mật ong") == [str(other.number)]
    assert numbers(search=f"#{order.number}") == [str(order.number)]
    assert numbers(filter={"status": ["FULFILLED"]}) == [str(order.number)]
    assert numbers(filter={"status": ["READY_TO_FULFILL"]}) == [str(other.number)]
    assert numbers(filter={"customer": "binh@"}) == [str(other.number)]
    assert numbers(where={"status": {"eq": "FULFILLED"}}) == [str(order.number)]
    assert numbers(filter={"warehouses": [gid("Warehouse", warehouse.pk)]}) == [str(other.number), str(order.number)]
    assert numbers(filter={"chargeStatus": ["FULL"]}) == []
