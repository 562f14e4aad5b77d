"""A shopper's way through the API: cart, address, delivery or pickup, order, payment."""

from __future__ import annotations

import json

import pytest

from marketplace.order.models import Order
from tests.factories.checkout import CAN_THO, CONTACT, HANOI
from tests.marketplace.graphql.checkout.conftest import gid

pytestmark = pytest.mark.django_db


def _address(data: dict) -> dict:
    return {"firstName": data["first_name"], "streetAddress1": data.get("street_address_1", ""),
            "city": data.get("city", ""), "countryArea": data.get("country_area", ""), "phone": data["phone"],
            "country": "VN"}


def _create(gql, variant, quantity=2, email="an@example.com") -> dict:
    data = gql.run("CheckoutCreate", channel="default-channel", email=email,
                   lines=[{"variantId": gid("ProductVariant", variant.pk), "quantity": quantity}])
    assert data["checkoutCreate"]["errors"] == []
    return data["checkoutCreate"]["checkout"]


def test_a_cart_is_priced_from_the_channel_and_changes_with_quantities(gql, variant):
    checkout = _create(gql, variant, 2)
    assert checkout["subtotalPrice"]["gross"] == {"amount": 240_000, "currency": "VND"}
    assert checkout["quantity"] == 2 and checkout["stockReservationExpires"]

    line_id = checkout["lines"][0]["id"]
    updated = gql.run("CheckoutLinesUpdate", id=checkout["id"], lines=[{"lineId": line_id, "quantity": 5}])
    assert updated["checkoutLinesUpdate"]["checkout"]["totalPrice"]["gross"]["amount"] == 600_000

    added = gql.run("CheckoutLinesAdd", id=checkout["id"],
                    lines=[{"variantId": gid("ProductVariant", variant.pk), "quantity": 1}])
    assert [li["quantity"] for li in added["checkoutLinesAdd"]["checkout"]["lines"]] == [6]

    removed = gql.run("CheckoutLinesUpdate", id=checkout["id"], lines=[{"lineId": line_id, "quantity": 0}])
    assert removed["checkoutLinesUpdate"]["checkout"]["lines"] == []


def test_delivery_rates_follow_the_province_region(gql, variant):
    checkout = _create(gql, variant, 1)

    hanoi = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))
    can_tho = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(CAN_THO))

    assert [(m["name"], m["price"]["amount"]) for m in
            hanoi["checkoutShippingAddressUpdate"]["checkout"]["availableShippingMethods"]] == [
        ("Giao hàng tiêu chuẩn", 25_000), ("Giao hàng nhanh", 40_000)]
    assert [(m["name"], m["price"]["amount"]) for m in
            can_tho["checkoutShippingAddressUpdate"]["checkout"]["availableShippingMethods"]] == [
        ("Giao hàng tiêu chuẩn", 40_000)]


def test_an_old_province_name_is_saved_as_the_current_province(gql, variant):
    checkout = _create(gql, variant, 1)

    data = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"],
                   address={**_address(HANOI), "countryArea": "Vĩnh Phúc", "city": "Phường Phúc Yên",
                            "phone": "+84 912 345 678"})

    address = data["checkoutShippingAddressUpdate"]["checkout"]["shippingAddress"]
    assert (address["countryArea"], address["phone"]) == ("Phú Thọ", "+84912345678")


def test_home_delivery_with_cash_on_delivery_places_a_confirmed_unpaid_order(gql, variant):
    checkout = _create(gql, variant, 2)
    data = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))
    method = data["checkoutShippingAddressUpdate"]["checkout"]["availableShippingMethods"][0]
    data = gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"], deliveryMethodId=method["id"])
    assert data["checkoutDeliveryMethodUpdate"]["checkout"]["totalPrice"]["gross"]["amount"] == 265_000

    done = gql.run("CheckoutComplete", id=checkout["id"],
                   paymentData=json.dumps({"gateway": "ocop.cash-on-delivery"}))["checkoutComplete"]

    assert done["errors"] == [] and done["confirmationNeeded"] is False
    assert (done["order"]["status"], done["order"]["chargeStatus"], done["order"]["isPaid"]) == (
        "UNFULFILLED", "NONE", False)
    assert done["order"]["total"]["gross"] == {"amount": 265_000, "currency": "VND"}
    order = gql.run("Order", id=done["order"]["id"])["order"]
    assert order["shippingMethodName"] == "Giao hàng tiêu chuẩn"
    assert order["shippingAddress"]["countryArea"] == "Hà Nội"


def test_pickup_lists_only_sales_points_holding_the_stock_and_is_free(gql, variant, second_point, warehouse):
    checkout = _create(gql, variant, 2)
    points = checkout["availableCollectionPoints"]
    assert [p["name"] for p in points] == [warehouse.name]  # the Hà Nội point has none of it

    gql.run("CheckoutBillingAddressUpdate", id=checkout["id"],
            address={"firstName": CONTACT["first_name"], "phone": CONTACT["phone"]},
            rules={"checkRequiredFields": False})
    data = gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"], deliveryMethodId=points[0]["id"])
    picked = data["checkoutDeliveryMethodUpdate"]["checkout"]
    assert picked["deliveryMethod"] == {"__typename": "Warehouse", "id": points[0]["id"], "name": warehouse.name}
    assert picked["shippingPrice"]["gross"]["amount"] == 0 and picked["totalPrice"]["gross"]["amount"] == 240_000

    done = gql.run("CheckoutComplete", id=checkout["id"],
                   paymentData=json.dumps({"gateway": "ocop.cash-on-delivery"}))["checkoutComplete"]
    assert done["errors"] == []
    by_token = gql.run("OrderByToken", token=str(Order.objects.get().pk))["orderByToken"]
    assert by_token["collectionPointName"] == warehouse.name
    assert by_token["deliveryMethod"] == {"__typename": "Warehouse", "name": warehouse.name}


def test_card_payment_through_transactions_pays_the_order(gql, variant, stripe_env):
    checkout = _create(gql, variant, 1)
    method = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))[
        "checkoutShippingAddressUpdate"]["checkout"]["availableShippingMethods"][0]
    gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"], deliveryMethodId=method["id"])
    assert {g["id"] for g in gql.run("Checkout", id=checkout["id"])["checkout"]["availablePaymentGateways"]} == {
        "stripe", "ocop.cash-on-delivery"}

    order = gql.run("CheckoutComplete", id=checkout["id"])["checkoutComplete"]["order"]
    assert (order["status"], order["isPaid"]) == ("UNCONFIRMED", False)
    started = gql.run("TransactionInitialize", id=order["id"], gateway={"id": "stripe"})["transactionInitialize"]
    assert started["errors"] == [] and started["data"]["amount"] == 145_000 and started["data"]["clientSecret"]
    assert started["transactionEvent"]["type"] == "CHARGE_REQUEST"

    paid = gql.run("TransactionProcess", id=started["transaction"]["id"],
                   data={"paymentMethodId": stripe_env.payment_method("4242424242424242")})["transactionProcess"]

    assert paid["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert paid["transaction"]["paymentMethodDetails"]["lastDigits"] == "4242"
    order = gql.run("Order", id=order["id"])["order"]
    assert (order["status"], order["chargeStatus"], order["isPaid"], order["totalCharged"]["amount"]) == (
        "UNFULFILLED", "FULL", True, 145_000)


def test_payment_is_started_on_the_order_not_on_the_checkout(gql, variant):
    checkout = _create(gql, variant, 1)

    data = gql.run("TransactionInitialize", id=checkout["id"], gateway={"id": "stripe"})["transactionInitialize"]

    assert [e["code"] for e in data["errors"]] == ["INVALID"]


def test_checkouts_and_orders_resolve_through_node_by_their_uuid_ids(gql, client, variant):
    checkout = _create(gql, variant, 1)
    query = "query($id: ID!) { node(id: $id) { id ... on Checkout { quantity } } }"

    body = client.post("/graphql/", data=json.dumps({"query": query, "variables": {"id": checkout["id"]}}),
                       content_type="application/json").json()

    assert body["data"]["node"] == {"id": checkout["id"], "quantity": 1}
