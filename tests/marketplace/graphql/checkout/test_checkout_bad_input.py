"""Bad input gets coded errors (Saleor's CheckoutErrorCode) naming the line or variant at fault, and creates
no order and no charge."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.certification.models import Certificate
from marketplace.channel.services import channel_ensure
from marketplace.checkout.models import Checkout
from marketplace.order.models import Order
from marketplace.payment.models import TransactionItem
from tests.factories.checkout import HANOI
from tests.marketplace.graphql.checkout.conftest import gid
from tests.marketplace.graphql.checkout.test_checkout_flow import _address, _create

pytestmark = pytest.mark.django_db
COD = json.dumps({"gateway": "ocop.cash-on-delivery"})


def _create_errors(gql, variant_id, quantity) -> list[dict]:
    data = gql.run("CheckoutCreate", channel="default-channel", email="an@example.com",
                   lines=[{"variantId": gid("ProductVariant", variant_id), "quantity": quantity}])
    assert data["checkoutCreate"]["checkout"] is None
    return data["checkoutCreate"]["errors"]


@pytest.mark.parametrize("quantity,code", [(0, "ZERO_QUANTITY"), (-3, "ZERO_QUANTITY"),
                                           (51, "QUANTITY_GREATER_THAN_LIMIT")])
def test_quantity_zero_negative_or_over_the_limit_is_refused(gql, variant, quantity, code):
    errors = _create_errors(gql, variant.pk, quantity)

    assert [(e["code"], e["variants"]) for e in errors] == [(code, [gid("ProductVariant", variant.pk)])]
    assert not Checkout.objects.exists()


def test_raising_a_line_over_the_limit_is_refused(gql, variant, settings):
    settings.CHECKOUT_MAX_LINE_QUANTITY = 5
    checkout = _create(gql, variant, 4)

    data = gql.run("CheckoutLinesAdd", id=checkout["id"],
                   lines=[{"variantId": gid("ProductVariant", variant.pk), "quantity": 2}])

    assert [e["code"] for e in data["checkoutLinesAdd"]["errors"]] == ["QUANTITY_GREATER_THAN_LIMIT"]
    assert gql.run("Checkout", id=checkout["id"])["checkout"]["quantity"] == 4


def test_a_variant_sold_only_in_another_channel_is_refused(gql, catalog, variant):
    other = channel_ensure(slug="hoi-cho-ha-noi", name="Hội chợ Hà Nội")
    from marketplace.product.services import product_channel_listing_update, variant_price_set

    product = catalog.product("Bánh đa Kế", stock=0)
    product.channel_listings.all().delete()
    product.variants.get().channel_listings.all().delete()
    product_channel_listing_update(product=product, channel_id=other.pk)
    variant_price_set(variant=product.variants.get(), channel_id=other.pk, price=50_000)

    errors = _create_errors(gql, product.variants.get().pk, 1)

    assert [e["code"] for e in errors] == ["UNAVAILABLE_VARIANT_IN_CHANNEL"]


def test_a_product_without_a_valid_certificate_cannot_be_added(gql, catalog, variant):
    Certificate.objects.filter(product=variant.product).update(status="revoked")

    errors = _create_errors(gql, variant.pk, 1)

    assert [(e["code"], e["field"]) for e in errors] == [("PRODUCT_UNAVAILABLE_FOR_PURCHASE", "lines")]


def test_more_than_the_stock_is_refused_with_insufficient_stock(gql, variant):
    errors = _create_errors(gql, variant.pk, 11)

    assert [(e["code"], e["variants"]) for e in errors] == [("INSUFFICIENT_STOCK", [gid("ProductVariant", variant.pk)])]


def test_an_unknown_province_is_refused_and_no_address_is_saved(gql, variant):
    checkout = _create(gql, variant, 1)

    data = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"],
                   address={**_address(HANOI), "countryArea": "Tỉnh Không Có"})["checkoutShippingAddressUpdate"]

    assert [(e["code"], e["field"], e["addressType"]) for e in data["errors"]] == [
        ("INVALID", "countryArea", "SHIPPING")]
    assert gql.run("Checkout", id=checkout["id"])["checkout"]["shippingAddress"] is None


def test_a_bad_phone_and_missing_commune_are_both_reported(gql, variant):
    checkout = _create(gql, variant, 1)

    data = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"],
                   address={**_address(HANOI), "city": "", "phone": "12345"})["checkoutShippingAddressUpdate"]

    assert sorted((e["code"], e["field"]) for e in data["errors"]) == [("INVALID", "phone"), ("REQUIRED", "city")]


def test_a_certificate_lapsing_before_completion_refuses_it_naming_the_line_and_nothing_is_charged(
        gql, variant, stripe_env):
    checkout = _create(gql, variant, 1)
    method = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))[
        "checkoutShippingAddressUpdate"]["checkout"]["availableShippingMethods"][0]
    gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"], deliveryMethodId=method["id"])
    Certificate.objects.filter(product=variant.product).update(expires_on=timezone.localdate() - timedelta(days=1))

    data = gql.run("CheckoutComplete", id=checkout["id"])["checkoutComplete"]

    assert data["order"] is None
    assert [(e["code"], e["lines"], e["variants"]) for e in data["errors"]] == [
        ("PRODUCT_UNAVAILABLE_FOR_PURCHASE", [checkout["lines"][0]["id"]], [gid("ProductVariant", variant.pk)])]
    assert not Order.objects.exists() and not TransactionItem.objects.exists()
    problems = gql.run("Checkout", id=checkout["id"])["checkout"]["problems"]
    assert problems == [{"line": {"id": checkout["lines"][0]["id"]}}]


def test_a_checkout_id_reused_after_completion_gets_not_found_and_no_second_order(gql, variant):
    checkout = _create(gql, variant, 1)
    method = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))[
        "checkoutShippingAddressUpdate"]["checkout"]["availableShippingMethods"][0]
    gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"], deliveryMethodId=method["id"])
    assert gql.run("CheckoutComplete", id=checkout["id"], paymentData=COD)["checkoutComplete"]["errors"] == []

    again = gql.run("CheckoutComplete", id=checkout["id"], paymentData=COD)["checkoutComplete"]
    add = gql.run("CheckoutLinesAdd", id=checkout["id"],
                  lines=[{"variantId": gid("ProductVariant", variant.pk), "quantity": 1}])["checkoutLinesAdd"]

    assert [e["code"] for e in again["errors"]] == ["NOT_FOUND"] and again["order"] is None
    assert [e["code"] for e in add["errors"]] == ["NOT_FOUND"]
    assert Order.objects.count() == 1


@pytest.mark.parametrize("step,code", [
    ("nothing", "SHIPPING_ADDRESS_NOT_SET"),
    ("address", "SHIPPING_METHOD_NOT_SET"),
])
def test_completion_says_what_is_missing(gql, variant, step, code):
    checkout = _create(gql, variant, 1)
    if step == "address":
        gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))

    data = gql.run("CheckoutComplete", id=checkout["id"], paymentData=COD)["checkoutComplete"]

    assert [e["code"] for e in data["errors"]] == [code]


def test_completion_without_an_email_is_refused(gql, variant):
    checkout = _create(gql, variant, 1, email=None)

    data = gql.run("CheckoutComplete", id=checkout["id"], paymentData=COD)["checkoutComplete"]

    assert "EMAIL_NOT_SET" in [e["code"] for e in data["errors"]]


def test_pickup_without_a_contact_phone_is_refused(gql, variant, warehouse):
    checkout = _create(gql, variant, 1)
    gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"], deliveryMethodId=gid("Warehouse", warehouse.pk))

    data = gql.run("CheckoutComplete", id=checkout["id"], paymentData=COD)["checkoutComplete"]

    assert [e["code"] for e in data["errors"]] == ["BILLING_ADDRESS_NOT_SET"]


def test_a_sales_point_without_the_stock_cannot_be_chosen(gql, variant, second_point):
    checkout = _create(gql, variant, 1)

    data = gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"],
                   deliveryMethodId=gid("Warehouse", second_point.pk))["checkoutDeliveryMethodUpdate"]

    assert [e["code"] for e in data["errors"]] == ["DELIVERY_METHOD_NOT_APPLICABLE"]


def test_a_shipping_method_of_another_region_cannot_be_chosen(gql, variant):
    from marketplace.shipping.models import ShippingMethod

    checkout = _create(gql, variant, 1)
    gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))
    southern = ShippingMethod.objects.get(shipping_zone__slug="mien-nam")

    data = gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"],
                   deliveryMethodId=gid("ShippingMethod", southern.pk))["checkoutDeliveryMethodUpdate"]

    assert [e["code"] for e in data["errors"]] == ["DELIVERY_METHOD_NOT_APPLICABLE"]


def test_an_unknown_payment_gateway_is_refused(gql, variant, warehouse):
    checkout = _create(gql, variant, 1)

    data = gql.run("CheckoutComplete", id=checkout["id"], paymentData=json.dumps({"gateway": "bitcoin"}))

    assert [e["code"] for e in data["checkoutComplete"]["errors"]] == ["PAYMENT_ERROR"]


def test_a_malformed_checkout_id_is_a_top_level_error(client):
    import json as _json

    response = client.post("/graphql/", data=_json.dumps({"query": '{ checkout(id: "bm90LWEtaWQ=") { id } }'}),
                           content_type="application/json")

    assert response.json()["errors"][0]["extensions"]["exception"]["code"] == "GraphQLError"
