"""JWT sign-in, registration, and who may see which order."""

from __future__ import annotations

import json
from datetime import timedelta

import jwt
import pytest
from django.conf import settings

from marketplace.account.services import user_create
from marketplace.order.models import Order
from tests.factories.checkout import HANOI
from tests.marketplace.graphql.checkout.helpers import CheckoutApi
from tests.marketplace.graphql.checkout.test_checkout_flow import _address, _create

pytestmark = pytest.mark.django_db
COD = json.dumps({"gateway": "ocop.cash-on-delivery"})
PASSWORD = "mat-khau-an-toan-2026"


def _place_order(gql, variant) -> dict:
    checkout = _create(gql, variant, 1)
    method = gql.run("CheckoutShippingAddressUpdate", id=checkout["id"], address=_address(HANOI))[
        "checkoutShippingAddressUpdate"]["checkout"]["availableShippingMethods"][0]
    gql.run("CheckoutDeliveryMethodUpdate", id=checkout["id"], deliveryMethodId=method["id"])
    done = gql.run("CheckoutComplete", id=checkout["id"], paymentData=COD)["checkoutComplete"]
    assert done["errors"] == []
    return done["order"]


def _signed_in(client, email="an@example.com") -> CheckoutApi:
    user_create(email=email, password=PASSWORD)
    token = CheckoutApi(client).run("TokenCreate", email=email, password=PASSWORD)["tokenCreate"]["token"]
    return CheckoutApi(client, token=token)


def test_register_sign_in_and_see_my_orders(client, variant, settings):
    settings.ENABLE_ACCOUNT_CONFIRMATION_BY_EMAIL = False  # with it on, see graphql/account/test_accounts_api.py
    api = CheckoutApi(client)
    registered = api.run("AccountRegister", input={"email": "Moi@Example.com", "password": PASSWORD,
                                                   "firstName": "Mới", "languageCode": "VI"})["accountRegister"]
    assert registered["errors"] == [] and registered["requiresConfirmation"] is False
    tokens = api.run("TokenCreate", email="moi@example.com", password=PASSWORD)["tokenCreate"]
    me = CheckoutApi(client, token=tokens["token"])

    order = _place_order(me, variant)

    data = me.run("CurrentUser")["me"]
    assert data["email"] == "moi@example.com"
    assert [edge["node"]["number"] for edge in data["orders"]["edges"]] == [order["number"]]
    assert data["orders"]["edges"][0]["node"]["userEmail"] == "an@example.com"


def test_wrong_password_gives_invalid_credentials(client, shopper):
    data = CheckoutApi(client).run("TokenCreate", email=shopper.email, password="sai")["tokenCreate"]

    assert data["token"] is None and [e["code"] for e in data["errors"]] == ["INVALID_CREDENTIALS"]


def test_a_refresh_token_gives_a_new_access_token(client, shopper):
    api = CheckoutApi(client)
    tokens = api.run("TokenCreate", email=shopper.email, password="mat-khau-an-toan-2026")["tokenCreate"]

    refreshed = api.run("TokenRefresh", refreshToken=tokens["refreshToken"])["tokenRefresh"]
    misuse = api.run("TokenRefresh", refreshToken=tokens["token"])["tokenRefresh"]

    assert refreshed["errors"] == [] and refreshed["token"]
    assert [e["code"] for e in misuse["errors"]] == ["JWT_INVALID_TOKEN"]


@pytest.mark.parametrize("case", ["expired", "tampered", "revoked"])
def test_a_bad_bearer_token_is_refused(client, shopper, case):
    from marketplace.account.tokens import token_create, tokens_revoke_all

    access = token_create(email=shopper.email, password="mat-khau-an-toan-2026").access
    if case == "expired":
        payload = jwt.decode(access, settings.SECRET_KEY, algorithms=["HS256"])
        payload["exp"] = payload["iat"] - int(timedelta(minutes=1).total_seconds())
        access = jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")
    elif case == "tampered":
        payload = jwt.decode(access, settings.SECRET_KEY, algorithms=["HS256"])
        access = jwt.encode({**payload, "user_id": payload["user_id"] + 1}, "not-our-key", algorithm="HS256")
    else:
        tokens_revoke_all(user=shopper)

    response = client.post("/graphql/", data=json.dumps({"query": "{ me { email } }"}),
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {access}")

    assert response.status_code == 401
    expected = "ExpiredSignatureError" if case == "expired" else "InvalidTokenError"
    assert response.json()["errors"][0]["extensions"]["exception"]["code"] == expected


@pytest.mark.parametrize("email,password,code", [
    ("khach@example.com", PASSWORD, "UNIQUE"),
    ("moi@example.com", "ngan", "PASSWORD_TOO_SHORT"),
    ("khong-phai-email", PASSWORD, "INVALID"),
])
def test_registration_problems_are_coded(client, shopper, email, password, code):
    data = CheckoutApi(client).run("AccountRegister", input={"email": email, "password": password})

    assert code in [e["code"] for e in data["accountRegister"]["errors"]]


def test_a_guest_order_is_read_by_its_token_link(client, variant):
    order = _place_order(CheckoutApi(client), variant)
    token = str(Order.objects.get().pk)

    data = CheckoutApi(client).run("OrderByToken", token=token)["orderByToken"]

    assert data["number"] == order["number"] and data["userEmail"] == "an@example.com"
    assert data["shippingAddress"]["streetAddress1"] == HANOI["street_address_1"]


def test_an_account_order_shows_personal_data_only_to_its_owner(client, variant):
    owner = _signed_in(client)
    order = _place_order(owner, variant)

    stranger = CheckoutApi(client).run("Order", id=order["id"])["order"]
    mine = owner.run("Order", id=order["id"])["order"]

    assert stranger["number"] == order["number"]
    assert (stranger["userEmail"], stranger["shippingAddress"]) == (None, None)
    assert mine["userEmail"] == "an@example.com" and mine["shippingAddress"]["city"] == HANOI["city"]


def test_only_order_staff_may_cancel_or_mark_paid(client, variant):
    order = _place_order(CheckoutApi(client), variant)
    shopper_api = _signed_in(client, "khach2@example.com")
    staff = user_create(email="staff@example.com", password=PASSWORD, is_staff=True)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="manage_orders"))
    staff_token = CheckoutApi(client).run("TokenCreate", email=staff.email, password=PASSWORD)["tokenCreate"]["token"]
    staff_api = CheckoutApi(client, token=staff_token)

    response = client.post("/graphql/", data=json.dumps({
        "query": 'mutation($id: ID!) { orderCancel(id: $id) { errors { code } } }', "variables": {"id": order["id"]}}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {shopper_api.token}")
    paid = staff_api.run("OrderMarkAsPaid", id=order["id"])["orderMarkAsPaid"]
    canceled = staff_api.run("OrderCancel", id=order["id"])["orderCancel"]

    assert response.json()["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert paid["errors"] == [] and (paid["order"]["isPaid"], paid["order"]["chargeStatus"]) == (True, "FULL")
    assert canceled["errors"] == [] and canceled["order"]["status"] == "CANCELED"
