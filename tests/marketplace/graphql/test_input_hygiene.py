"""Input no column or calendar can hold is answered with a coded error naming the argument, never a database
error or a 500, and errors quote at most a short excerpt of the input."""

from __future__ import annotations

import json

import pytest

from marketplace.fair.models import FairEvent
from tests.marketplace.graphql.conftest import error_codes

CREATE = """mutation($input: FairEventInput!) { fairCreate(input: $input) { fair { id } errors { field code } } }"""
FAIR_INPUT = {"name": "Hội chợ OCOP Nghệ An", "startAt": "2026-05-10T08:00:00+07:00",
              "endAt": "2026-05-13T21:00:00+07:00", "venueName": "Quảng trường", "province": "Nghệ An"}


def post(client, query: str, variables: dict | None = None):
    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables or {}}),
                           content_type="application/json")
    assert response.status_code in (200, 400), response.content[:300]
    return response


def codes_without_database_errors(body: dict) -> list[str]:
    codes = error_codes(body)
    assert not {"DATABASE_ERROR", "INTERNAL_ERROR"} & set(codes), body
    return codes


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["Hội chợ\x00", "Hội chợ \ud800"], ids=["nul", "lone-surrogate"])
def test_unstorable_characters_in_a_mutation_are_refused_and_nothing_is_saved(client, promo_user, bad):
    client.force_login(promo_user)
    body = post(client, CREATE, {"input": {**FAIR_INPUT, "name": bad}}).json()
    assert codes_without_database_errors(body) == ["INVALID_CHARACTERS"]
    assert body["errors"][0]["extensions"]["exception"]["field"] == "input.name"
    assert FairEvent.objects.count() == 0


@pytest.mark.django_db
def test_nul_in_a_query_argument_is_refused(client):
    body = post(client, 'query($n: String!) { ocopCertificate(number: $n) { number } }', {"n": "12\x00/GCN"}).json()
    assert codes_without_database_errors(body) == ["INVALID_CHARACTERS"]


@pytest.mark.django_db
def test_nul_in_a_nested_filter_literal_is_refused(client, channel):
    query = '{ products(first: 5, channel: "default-channel", filter: {search: "n\\u0000m"}) { totalCount } }'
    assert codes_without_database_errors(post(client, query).json()) == ["INVALID_CHARACTERS"]


@pytest.mark.django_db
@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+07:00", "9999-12-31T23:00:00+07:00"])
def test_impossible_dates_are_refused(client, promo_user, when):
    client.force_login(promo_user)
    body = post(client, CREATE, {"input": {**FAIR_INPUT, "startAt": when}}).json()
    assert codes_without_database_errors(body) == ["DATE_OUT_OF_RANGE"]
    assert FairEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_string_longer_than_its_column_is_a_coded_error_and_saves_nothing(client, promo_user):
    client.force_login(promo_user)
    body = post(client, CREATE, {"input": {**FAIR_INPUT, "venueName": "Quảng trường " * 40}}).json()
    assert codes_without_database_errors(body) == ["VALUE_TOO_LONG"]
    assert body["errors"][0]["extensions"]["exception"]["field"] == "input.venueName"
    assert FairEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_street_longer_than_its_column_leaves_no_checkout_and_no_reservation(client, catalog, warehouse):
    from graphql_relay import to_global_id

    from marketplace.checkout.models import Checkout
    from marketplace.warehouse.models import Reservation

    variant = catalog.product("Nước mắm", warehouse=warehouse).variants.get()
    query = """mutation($v: ID!, $street: String!) { checkoutCreate(input: {channel: "default-channel",
        email: "an@example.com", lines: [{variantId: $v, quantity: 1}], shippingAddress: {firstName: "An",
        streetAddress1: $street, city: "Phường Hoàn Kiếm", countryArea: "Hà Nội", phone: "0912345678"}}) {
        checkout { id } errors { field code } } }"""
    body = post(client, query, {"v": to_global_id("ProductVariant", variant.pk), "street": "12 Hàng Bạc " * 30}).json()
    assert codes_without_database_errors(body) == ["VALUE_TOO_LONG"]
    assert body["errors"][0]["extensions"]["exception"]["field"] == "input.shippingAddress.streetAddress1"
    assert Checkout.objects.count() == 0
    assert Reservation.objects.count() == 0


@pytest.mark.django_db
def test_a_huge_string_is_refused_without_being_echoed(client):
    response = post(client, 'query($n: String!) { ocopCertificate(number: $n) { number } }', {"n": "9" * 200_000})
    assert codes_without_database_errors(response.json()) == ["VALUE_TOO_LONG"]
    assert len(response.content) < 1000


@pytest.mark.django_db
def test_an_invalid_value_error_quotes_only_an_excerpt(client, channel):
    response = post(client, 'query($f: Int) { products(first: $f, channel: "default-channel") { totalCount } }',
                    {"f": "x" * 500_000})
    body = response.json()
    assert codes_without_database_errors(body) == ["GraphQLError"]
    assert "Int cannot represent" in body["errors"][0]["message"] or "Variable '$f'" in body["errors"][0]["message"]
    assert len(response.content) < 1000
