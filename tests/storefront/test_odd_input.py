"""Odd input from a careless user or an attacker: non-ASCII digits, NUL bytes, lone surrogates, oversize bodies.
Each is answered with the page (the odd value ignored and noted), a 400/404 page or a form message — never a 500,
and never the words "Internal Server Error"."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ODD_VALUES = ["²", "٣", "１", "1\x00", "\ud800", "9" * 40]


def _query(**params: str) -> str:
    """A raw query string: the test client cannot encode a lone surrogate, a browser or a script can."""
    return "?" + "&".join(f"{k}={quote(v.encode('utf-8', 'surrogatepass'))}" for k, v in params.items())


def _assert_answered(response, *allowed):
    assert response.status_code in allowed, response.status_code
    assert b"Internal Server Error" not in response.content


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize("name", ["stars", "page", "price_min", "q", "group"])
def test_the_catalog_answers_odd_query_values(client, shop, name, value):
    _assert_answered(client.get(reverse("storefront:catalog") + _query(**{name: value})), 200, 400, 404)


@pytest.mark.parametrize("value", ODD_VALUES)
def test_a_category_page_answers_odd_page_numbers(client, shop, value):
    slug = shop.fish_sauce.category.slug

    _assert_answered(client.get(reverse("storefront:category", args=[slug]) + _query(page=value)), 200, 400, 404)


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize("url", ["storefront:home", "storefront:sales_points", "storefront:verify_index",
                                 "storefront:fair_list"])
def test_public_pages_answer_odd_query_values(client, shop, url, value):
    response = client.get(reverse(url) + _query(page=value, tinh=value, number=value, q=value))

    _assert_answered(response, 200, 302, 400, 404)


def test_a_producer_page_answers_an_odd_page_number(client, shop):
    _assert_answered(client.get(reverse("storefront:producer", args=[shop.fish_sauce.producer.slug]),
                                {"page": "²"}), 200, 400)


@pytest.mark.parametrize("value", ODD_VALUES)
def test_the_cart_answers_odd_variant_and_quantity(client, shop, value):
    variant = shop.fish_sauce.variants.first()

    for data in ({"variant": value, "quantity": "1"}, {"variant": str(variant.pk), "quantity": value}):
        body = _query(**data)[1:]
        _assert_answered(client.post(reverse("storefront:cart-add"), body,
                                     content_type="application/x-www-form-urlencoded"), 200, 302, 400)


def test_a_nul_byte_in_a_form_field_is_a_bad_request_page(client):
    response = client.post(reverse("storefront:login"), "email=a%40example.com&password=x%00y",
                           content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_an_oversize_request_is_refused_with_a_clear_page(client, settings):
    settings.REQUEST_MAX_BYTES = 1000

    response = client.post(reverse("storefront:login"), "email=" + "a" * 2000,
                           content_type="application/x-www-form-urlencoded")

    assert response.status_code == 413
    assert "quá lớn" in response.content.decode()
