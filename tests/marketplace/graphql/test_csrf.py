"""CSRF on /graphql/: a request signed in by the session cookie must pass Django's CSRF check; a bearer token
needs none; form-encoded bodies (what a cross-site HTML form sends) are refused."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from graphql_relay import to_global_id

from marketplace.account.tokens import token_create
from marketplace.warehouse.models import Stock
from tests.factories.salespoint import PASSWORD
from tests.marketplace.graphql.conftest import error_codes

RECEIVE = """mutation($w: ID!, $v: ID!) { stockReceive(input: {warehouse: $w, variant: $v, quantity: 2,
    deliveryNote: "PGH-9"}) { stock { quantity } errors { code } } }"""


@pytest.fixture
def receive(shelf, point_a, operator_a):
    variant = shelf.variant("Cu đơ")
    stock = shelf.put(point_a, variant, 20)
    variables = {"w": to_global_id("Warehouse", point_a.warehouse_id), "v": to_global_id("ProductVariant", variant.pk)}
    return {"stock": stock, "payload": json.dumps({"query": RECEIVE, "variables": variables})}


def quantity(stock: Stock) -> int:
    stock.refresh_from_db()
    return stock.quantity


@pytest.mark.django_db
def test_a_cross_origin_post_with_the_session_cookie_is_refused(receive, operator_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(operator_a)
    response = browser.post("/graphql/", receive["payload"], content_type="application/json",
                            headers={"Origin": "https://attacker.example"})
    assert response.status_code == 403
    assert error_codes(response.json()) == ["CSRF_FAILED"]
    assert quantity(receive["stock"]) == 20


@pytest.mark.django_db
def test_a_form_encoded_post_is_refused_even_with_the_session(receive, operator_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(operator_a)
    from urllib.parse import urlencode

    query = json.loads(receive["payload"])["query"]
    response = browser.post("/graphql/", urlencode({"query": query}),
                            content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert error_codes(response.json()) == ["UNSUPPORTED_MEDIA_TYPE"]
    # multipart is accepted for uploads, so a cross-site multipart form meets the CSRF check
    response = browser.post("/graphql/", {"operations": receive["payload"], "map": "{}"})
    assert response.status_code == 403
    assert error_codes(response.json()) == ["CSRF_FAILED"]
    assert quantity(receive["stock"]) == 20


@pytest.mark.django_db
def test_the_same_origin_page_with_the_csrf_token_works(receive, operator_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(operator_a)
    browser.get("/graphql/", headers={"Accept": "text/html"})  # the playground sets the csrftoken cookie
    token = browser.cookies["csrftoken"].value
    response = browser.post("/graphql/", receive["payload"], content_type="application/json",
                            headers={"X-CSRFToken": token, "Origin": "http://testserver"})
    assert response.status_code == 200, response.content
    assert response.json()["data"]["stockReceive"]["errors"] == []
    assert quantity(receive["stock"]) == 22


@pytest.mark.django_db
def test_a_bearer_token_needs_no_csrf_token(receive, operator_a):
    access = token_create(email=operator_a.email, password=PASSWORD).access
    response = Client(enforce_csrf_checks=True).post(
        "/graphql/", receive["payload"], content_type="application/json",
        headers={"Authorization": f"Bearer {access}", "Origin": "https://app.example"})
    assert response.status_code == 200, response.content
    assert response.json()["data"]["stockReceive"]["errors"] == []
    assert quantity(receive["stock"]) == 22


@pytest.mark.django_db
def test_anonymous_queries_need_no_csrf_token(client):
    response = Client(enforce_csrf_checks=True).post("/graphql/", json.dumps({"query": "{ shop { name } }"}),
                                                     content_type="application/json")
    assert response.status_code == 200
    assert "errors" not in response.json()
