"""Stock cannot be hoarded through checkouts: an anonymous checkout and a client address may hold only so many units,
a refused checkout mutation leaves nothing behind, and a count below what is reserved trims the newest
reservations (those shoppers see Saleor's insufficient-stock problem) instead of blocking every buyer."""

from __future__ import annotations

import json

import pytest

from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.salespoint.services import stock_adjust
from marketplace.warehouse.models import Reservation
from marketplace.warehouse.selectors import variants_quantity_available
from tests.marketplace.graphql.checkout.conftest import gid

pytestmark = pytest.mark.django_db

CREATE = """
mutation Create($lines: [CheckoutLineInput!]!, $address: AddressInput) {
  checkoutCreate(input: {channel: "default-channel", email: "an@example.com", lines: $lines,
                         shippingAddress: $address}) {
    checkout { id quantity }
    errors { field code variants }
  }
}"""
LINES_ADD = """
mutation Add($id: ID!, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $id, lines: $lines) { checkout { id quantity } errors { field code } }
}"""
SHIPPING = """
mutation Ship($id: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {
    checkout { id shippingAddress { streetAddress1 } } errors { field code }
  }
}"""
PROBLEMS = """
query Problems($id: ID!) {
  checkout(id: $id) {
    problems { __typename ... on CheckoutLineProblemInsufficientStock { availableQuantity line { id } } }
    lines { quantity problems { __typename ... on CheckoutLineProblemInsufficientStock { availableQuantity } } }
  }
}"""
ADDRESS = {"firstName": "Nguyễn Văn An", "streetAddress1": "12 Hàng Bạc", "city": "Phường Hoàn Kiếm",
           "countryArea": "Hà Nội", "phone": "0912345678", "country": "VN"}


def _post(client, query: str, ip: str = "203.0.113.7", **variables) -> dict:
    response = client.post("/graphql/", data=json.dumps({"query": query, "variables": variables}),
                           content_type="application/json", REMOTE_ADDR=ip)
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def _refused(client, query: str, mutation: str, **variables) -> list:
    """The errors of a refused mutation: the API's edge refuses an over-long value before the mutation runs (a
    top-level error with a code), the mutation refuses the rest itself; either way nothing may be left behind."""
    response = client.post("/graphql/", data=json.dumps({"query": query, "variables": variables}),
                           content_type="application/json", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    errors = body.get("errors") or body["data"][mutation]["errors"]
    assert body["data"][mutation] is None or body["data"][mutation].get("checkout") is None or errors
    return errors


def _lines(variant, quantity: int) -> list[dict]:
    return [{"variantId": gid("ProductVariant", variant.pk), "quantity": quantity}]


def _create(client, variant, quantity: int, ip: str = "203.0.113.7", **extra) -> dict:
    return _post(client, CREATE, ip=ip, lines=_lines(variant, quantity), **extra)["checkoutCreate"]


def test_a_checkout_create_refused_for_its_address_leaves_no_checkout_and_no_reservation(client, variant):
    errors = _refused(client, CREATE, "checkoutCreate", lines=_lines(variant, 2),
                      address={**ADDRESS, "streetAddress1": "x" * 300})

    assert errors
    assert not Checkout.objects.exists() and not CheckoutLine.objects.exists()
    assert not Reservation.objects.exists()
    assert variants_quantity_available(variant_ids=[variant.pk], channel_id=variant.product.channel_listings.get()
                                       .channel_id) == {variant.pk: 10}


def test_a_checkout_create_whose_billing_address_is_refused_leaves_nothing_behind(client, variant):
    """The lines and the shipping address pass; the billing address (a later step of the same mutation) does not."""
    query = CREATE.replace("shippingAddress: $address}", "shippingAddress: $address, billingAddress: $billing}") \
        .replace("$address: AddressInput)", "$address: AddressInput, $billing: AddressInput)")

    result = _post(client, query, lines=_lines(variant, 3), address=ADDRESS,
                   billing={**ADDRESS, "phone": "12345"})["checkoutCreate"]

    assert result["checkout"] is None and [e["field"] for e in result["errors"]] == ["phone"]
    assert not Checkout.objects.exists() and not Reservation.objects.exists()


def test_a_refused_address_update_keeps_the_checkout_as_it_was(client, variant):
    checkout = _create(client, variant, 2, address=ADDRESS)["checkout"]

    errors = _refused(client, SHIPPING, "checkoutShippingAddressUpdate", id=checkout["id"],
                      address={**ADDRESS, "streetAddress1": "x" * 300})

    assert errors
    stored = Checkout.objects.select_related("shipping_address").get()
    assert stored.shipping_address.street_address_1 == "12 Hàng Bạc"
    assert Reservation.objects.get().quantity_reserved == 2


def test_an_anonymous_checkout_may_hold_only_so_many_units(client, catalog, variant, settings):
    settings.CHECKOUT_ANONYMOUS_MAX_UNITS = 6
    other = catalog.product("Nước mắm Vũng Áng", stock=20).variants.get()

    refused = _post(client, CREATE, lines=_lines(variant, 4) + _lines(other, 3))["checkoutCreate"]
    checkout = _create(client, variant, 4)["checkout"]
    added = _post(client, LINES_ADD, id=checkout["id"], lines=_lines(other, 3))["checkoutLinesAdd"]

    assert [e["code"] for e in refused["errors"]] == ["QUANTITY_GREATER_THAN_LIMIT"]
    assert [e["code"] for e in added["errors"]] == ["QUANTITY_GREATER_THAN_LIMIT"]
    assert Checkout.objects.count() == 1
    assert sum(Reservation.objects.values_list("quantity_reserved", flat=True)) == 4


def test_one_client_address_may_hold_only_so_many_units_across_checkouts(client, variant, settings):
    settings.CHECKOUT_CLIENT_MAX_UNITS = 6
    settings.CHECKOUT_ANONYMOUS_MAX_UNITS = 50

    first = _create(client, variant, 4, ip="203.0.113.7")
    second = _create(client, variant, 3, ip="203.0.113.7")
    elsewhere = _create(client, variant, 3, ip="198.51.100.9")

    assert first["errors"] == [] and elsewhere["errors"] == []
    assert [e["code"] for e in second["errors"]] == ["QUANTITY_GREATER_THAN_LIMIT"]
    assert Checkout.objects.count() == 2


def test_the_address_window_forgets_old_checkouts(client, variant, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.CHECKOUT_CLIENT_MAX_UNITS = 6
    settings.CHECKOUT_CLIENT_WINDOW_MINUTES = 60
    _create(client, variant, 4)
    Checkout.objects.update(updated_at=timezone.now() - timedelta(minutes=61))
    Reservation.objects.update(reserved_until=timezone.now() - timedelta(minutes=1))

    assert _create(client, variant, 4)["errors"] == []


def test_a_count_below_the_reserved_units_trims_the_newest_reservation_and_says_so(client, variant, pickup_point,
                                                                                   admin_user):
    older = _create(client, variant, 4, ip="203.0.113.1")["checkout"]
    newer = _create(client, variant, 4, ip="203.0.113.2")["checkout"]

    stock_adjust(actor=admin_user, warehouse_id=pickup_point.pk, variant_id=variant.pk, counted_quantity=5,
                 reason="Kiểm kê: vỡ 5 hộp")

    kept = _post(client, PROBLEMS, id=older["id"])["checkout"]
    trimmed = _post(client, PROBLEMS, id=newer["id"])["checkout"]
    assert kept["problems"] == [] and kept["lines"][0]["problems"] == []
    assert trimmed["problems"] == [{"__typename": "CheckoutLineProblemInsufficientStock", "availableQuantity": 1,
                                    "line": {"id": trimmed["problems"][0]["line"]["id"]}}]
    assert trimmed["lines"][0]["problems"] == [{"__typename": "CheckoutLineProblemInsufficientStock",
                                                "availableQuantity": 1}]
    assert sorted(Reservation.objects.values_list("quantity_reserved", flat=True)) == [1, 4]
    # Other buyers are not blocked below zero: once the shelf is restocked they can buy again at once.
    stock_adjust(actor=admin_user, warehouse_id=pickup_point.pk, variant_id=variant.pk, counted_quantity=8,
                 reason="Kiểm kê lại")
    assert _create(client, variant, 3, ip="203.0.113.3")["errors"] == []
