"""Vietnamese first, English under /en/; money in VND; the star badge and the safe URL helper."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_vietnamese_is_the_default_and_english_lives_under_en(client, shop):
    vi = client.get("/san-pham/", {"q": "nuoc mam"})
    en = client.get("/en/san-pham/", {"q": "nuoc mam"})

    assert '<html lang="vi">' in vi.content.decode() and '<html lang="en">' in en.content.decode()
    assert "2 sản phẩm" in text_of(vi) and "Chưa mở bán" in text_of(vi)
    assert "2 products" in text_of(en) and "Not on sale yet" in text_of(en)
    assert "Search results for “nuoc mam”" in text_of(en)
    assert "120.000\xa0₫" in vi.content.decode() and "₫120,000" in en.content.decode()


def test_the_language_switch_keeps_the_page_and_its_filters(client, shop):
    page = client.get("/san-pham/", {"q": "nuoc mam", "stars": "5"}).content.decode()
    english = client.get("/en/san-pham/", {"q": "nuoc mam", "stars": "5"}).content.decode()

    assert 'href="/en/san-pham/?q=nuoc+mam&amp;stars=5" hreflang="en" lang="en"' in page
    assert 'href="/san-pham/?q=nuoc+mam&amp;stars=5" hreflang="vi" lang="vi"' in english


def test_english_pages_translate_the_badge_for_screen_readers(client, shop):
    from django.urls import reverse

    with translation.override("en"):
        url = reverse("storefront:product", args=[shop.fish_sauce.slug])

    page = client.get(url).content.decode()

    assert url.startswith("/en/")
    assert 'aria-label="OCOP 5 stars"' in page
    assert "OCOP certificate" in page and "Valid until" in page


def render(source: str, **context) -> str:
    return Template("{% load storefront %}" + source).render(Context(context))


@pytest.mark.parametrize(("language", "expected"), [("vi", "125.000\xa0₫"), ("en", "₫125,000")])
def test_money_is_whole_dong(language, expected):
    with translation.override(language):
        assert render("{{ amount|vnd }}", amount=125_000) == expected
    assert render("{{ amount|vnd }}", amount=None) == ""


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_the_star_badge_says_its_stars_to_screen_readers(stars):
    with translation.override("vi"):
        html = render("{% star_badge stars %}", stars=stars)

    assert f'role="img" aria-label="OCOP {stars} sao"' in html
    assert f"<title>OCOP {stars} sao</title>" in html
    assert html.count("ocop-badge__star--on") == stars and html.count("ocop-badge__star--off") == 5 - stars


def test_no_stars_no_badge():
    assert render("{% star_badge stars %}", stars=None).strip() == ""


def test_query_with_replaces_one_parameter_and_keeps_the_rest():
    request = RequestFactory().get("/san-pham/", {"q": "nuoc mam", "stars": ["5", "4"], "page": "3"})

    expected = "?q=nuoc+mam&amp;stars=5&amp;stars=4&amp;page=4"
    assert render("{% query_with page=4 %}", request=request) == expected
