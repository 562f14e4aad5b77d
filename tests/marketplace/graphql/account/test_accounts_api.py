"""Saleor's own-account mutations: registration with a confirmation link, password change, address book with
the Vietnamese checks, deletion that erases personal data and keeps orders, and who may touch what."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from marketplace.account.models import Address, User
from marketplace.account.services import user_create
from tests.marketplace.graphql.conftest import error_codes

pytestmark = pytest.mark.django_db

REGISTER = """mutation($input: AccountRegisterInput!) { accountRegister(input: $input) {
    requiresConfirmation errors { field code } } }"""
CONFIRM = """mutation($email: String!, $token: String!) { confirmAccount(email: $email, token: $token) {
    user { email isConfirmed } errors { field code } } }"""
TOKEN = """mutation($email: String!, $password: String!) { tokenCreate(email: $email, password: $password) {
    token errors { field code } } }"""
PASSWORD = """mutation($old: String, $new: String!) { passwordChange(oldPassword: $old, newPassword: $new) {
    user { email } errors { field code } } }"""
UPDATE = """mutation($input: AccountInput!) { accountUpdate(input: $input) {
    user { firstName lastName languageCode } errors { field code } } }"""
CREATE = """mutation($input: AddressInput!, $type: AddressTypeEnum) { accountAddressCreate(input: $input, type: $type) {
    address { id city phone countryArea } user { defaultShippingAddress { id } addresses { id } }
    errors { field code } } }"""
ADDR_UPDATE = """mutation($id: ID!, $input: AddressInput!) { accountAddressUpdate(id: $id, input: $input) {
    address { id city phone streetAddress1 } errors { field code } } }"""
ADDR_DELETE = """mutation($id: ID!) { accountAddressDelete(id: $id) {
    user { addresses { id } } errors { field code } } }"""
SET_DEFAULT = """mutation($id: ID!, $type: AddressTypeEnum!) { accountSetDefaultAddress(id: $id, type: $type) {
    user { defaultBillingAddress { id } } errors { field code } } }"""
REQUEST_DELETION = """mutation($url: String!) { accountRequestDeletion(redirectUrl: $url) { errors { field code } } }"""
DELETE = """mutation($token: String!) { accountDelete(token: $token) { errors { field code } } }"""

HOME = {"firstName": "Nguyễn Lan", "streetAddress1": "12 Hàng Bạc", "city": "phuong hoan kiem",
        "countryArea": "Hà Nội", "phone": "0912 345 678", "country": "VN"}


def _query(mail) -> dict:
    url = re.search(r"https?://\S+", mail.body).group(0)
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def lan(db):
    return user_create(email="lan@example.com", password="old-pass-123", first_name="Lan")


def test_registration_needs_the_emailed_confirmation_before_sign_in(api, mailoutbox,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        data = api.data(REGISTER, {"input": {"email": "Binh@Example.com", "password": "sen-hong-2026!",
                                             "firstName": "Bình", "redirectUrl": "http://testserver/xac-nhan/"}})
    assert data["accountRegister"] == {"requiresConfirmation": True, "errors": []}
    refused = api.data(TOKEN, {"email": "binh@example.com", "password": "sen-hong-2026!"})["tokenCreate"]
    assert refused == {"token": None, "errors": [{"field": "email", "code": "ACCOUNT_NOT_CONFIRMED"}]}

    [mail] = mailoutbox
    link = _query(mail)
    assert mail.to == ["binh@example.com"] and mail.body.count("http://testserver/xac-nhan/?") == 1
    confirmed = api.data(CONFIRM, link)["confirmAccount"]
    again = api.data(CONFIRM, link)["confirmAccount"]

    assert confirmed == {"user": {"email": "binh@example.com", "isConfirmed": True}, "errors": []}
    assert again["errors"] == [{"field": "token", "code": "INVALID"}]  # the link works once
    assert api.data(TOKEN, {"email": "binh@example.com", "password": "sen-hong-2026!"})["tokenCreate"]["token"]


def test_registration_refuses_a_foreign_redirect_and_a_taken_email_creating_nothing(api, lan, mailoutbox):
    foreign = api.data(REGISTER, {"input": {"email": "x@example.com", "password": "sen-hong-2026!",
                                            "redirectUrl": "https://evil.example/steal"}})["accountRegister"]
    taken = api.data(REGISTER, {"input": {"email": "LAN@example.com", "password": "sen-hong-2026!"}})
    assert foreign["errors"] == [{"field": "redirectUrl", "code": "INVALID"}]
    assert taken["accountRegister"]["errors"] == [{"field": "email", "code": "UNIQUE"}]
    assert User.objects.count() == 1 and mailoutbox == []


def test_password_change_needs_the_old_password(api, client, lan):
    client.force_login(lan)
    wrong = api.data(PASSWORD, {"old": "nope", "new": "hoa-sen-2026!"})["passwordChange"]
    right = api.data(PASSWORD, {"old": "old-pass-123", "new": "hoa-sen-2026!"})["passwordChange"]

    assert wrong["errors"] == [{"field": "oldPassword", "code": "INVALID_CREDENTIALS"}]
    assert right == {"user": {"email": "lan@example.com"}, "errors": []}
    lan.refresh_from_db()
    assert lan.check_password("hoa-sen-2026!")


def test_account_update_changes_the_profile(api, client, lan):
    client.force_login(lan)
    data = api.data(UPDATE, {"input": {"firstName": "Thu Lan", "lastName": "Phạm", "languageCode": "EN"}})
    assert data["accountUpdate"] == {"user": {"firstName": "Thu Lan", "lastName": "Phạm", "languageCode": "EN"},
                                     "errors": []}


def test_the_address_book_create_update_default_delete(api, client, lan):
    client.force_login(lan)
    first = api.data(CREATE, {"input": HOME})["accountAddressCreate"]
    assert first["errors"] == []
    assert first["address"]["city"] == "Phường Hoàn Kiếm" and first["address"]["phone"] == "+84912345678"
    assert first["user"]["defaultShippingAddress"] == {"id": first["address"]["id"]}  # the first one is default
    second = api.data(CREATE, {"input": {**HOME, "streetAddress1": "5 Tràng Tiền"}})["accountAddressCreate"]

    updated = api.data(ADDR_UPDATE, {"id": second["address"]["id"], "input": {"phone": "+84 987 654 321"}})
    assert updated["accountAddressUpdate"]["address"]["phone"] == "+84987654321"
    assert updated["accountAddressUpdate"]["address"]["streetAddress1"] == "5 Tràng Tiền"
    default = api.data(SET_DEFAULT, {"id": second["address"]["id"], "type": "BILLING"})["accountSetDefaultAddress"]
    assert default["user"]["defaultBillingAddress"] == {"id": second["address"]["id"]}
    deleted = api.data(ADDR_DELETE, {"id": first["address"]["id"]})["accountAddressDelete"]
    assert deleted == {"user": {"addresses": [{"id": second["address"]["id"]}]}, "errors": []}


@pytest.mark.parametrize("field,value", [("phone", "0112345678"), ("phone", "+1 202 555 0123"),
                                         ("city", "Phường Bến Nghé"), ("countryArea", "Sài Gòn Cũ")])
def test_a_bad_phone_or_commune_is_a_coded_error_and_nothing_is_written(api, client, lan, field, value):
    client.force_login(lan)
    data = api.data(CREATE, {"input": {**HOME, field: value}})["accountAddressCreate"]
    assert data["address"] is None and {"field": field, "code": "INVALID"} in data["errors"]
    assert Address.objects.count() == 0


def test_a_shopper_cannot_touch_another_shoppers_address(api, client, lan):
    client.force_login(lan)
    address_id = api.data(CREATE, {"input": HOME})["accountAddressCreate"]["address"]["id"]
    other = user_create(email="mai@example.com", password="x-pass-2026!")
    client.force_login(other)

    update = api.data(ADDR_UPDATE, {"id": address_id, "input": {"phone": "0987654321"}})["accountAddressUpdate"]
    delete = api.data(ADDR_DELETE, {"id": address_id})["accountAddressDelete"]
    default = api.data(SET_DEFAULT, {"id": address_id, "type": "SHIPPING"})["accountSetDefaultAddress"]

    assert [r["errors"] for r in (update, delete, default)] == [[{"field": "id", "code": "NOT_FOUND"}]] * 3
    assert Address.objects.get().phone == "+84912345678"
    other.refresh_from_db()
    assert other.default_shipping_address_id is None


def test_anonymous_callers_are_refused(api, lan):
    body = api.post(CREATE, {"input": HOME})
    assert error_codes(body) == ["PermissionDenied"] and Address.objects.count() == 0
    assert error_codes(api.post(PASSWORD, {"old": "old-pass-123", "new": "hoa-sen-2026!"})) == ["PermissionDenied"]


def test_deletion_erases_personal_data_and_keeps_orders(api, client, lan, mailoutbox,
                                                        django_capture_on_commit_callbacks):
    from marketplace.account.addresses import address_copy, address_create
    from marketplace.order.models import Order
    from tests.factories.checkout import HANOI

    client.force_login(lan)
    api.data(CREATE, {"input": HOME})
    lan.metadata = {"newsletter": "yes"}
    lan.save()
    snapshot = address_copy(address=address_create(data=HANOI))
    order = Order.objects.create(number=9001, user=lan, user_email=lan.email, shipping_address=snapshot,
                                 channel_id=_channel())

    bad = api.data(DELETE, {"token": "1-wrong"})["accountDelete"]
    assert bad["errors"] == [{"field": "token", "code": "INVALID"}]
    with django_capture_on_commit_callbacks(execute=True):
        api.data(REQUEST_DELETION, {"url": "http://testserver/xoa/"})
    token = _query(mailoutbox[0])["token"]
    assert api.data(DELETE, {"token": token})["accountDelete"] == {"errors": []}

    lan.refresh_from_db()
    assert (lan.first_name, lan.is_active, lan.metadata, lan.has_usable_password()) == ("", False, {}, False)
    assert lan.email.endswith("@deleted.invalid") and not lan.addresses.exists()
    order.refresh_from_db()
    assert order.user_id == lan.pk and order.shipping_address.street_address_1 == "12 Hàng Bạc"
    assert Address.objects.filter(pk=snapshot.pk).exists()


def _channel() -> int:
    from marketplace.channel.models import Channel

    return Channel.objects.get_or_create(slug="default-channel", defaults={"name": "VN", "currency_code": "VND"})[0].pk
