"""The product page: badge, certificate, producer, availability, structured data, QR code to verification."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from marketplace.search.services import search_index_products
from tests.storefront.conftest import MAX_QUERIES_PER_PAGE

pytestmark = pytest.mark.django_db


def product_url(product) -> str:
    return reverse("storefront:product", args=[product.slug])


def test_the_page_shows_the_star_badge_and_the_certificate(client, shop, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        response = client.get(product_url(shop.fish_sauce))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="ocop-badge ocop-badge--lg" role="img" aria-label="OCOP 5 sao"' in page
    assert "<title>OCOP 5 sao</title>" in page
    certificate = shop.fish_sauce.certificates.get()
    start = page.index('id="certificate-heading"')
    panel = page[start:page.index("</dl>", start)]
    for fact in ("15/GCN-UBND", "5 sao", "90/100", "UBND tỉnh Hà Tĩnh", certificate.decision_number,
                 certificate.decision_date.strftime("%d/%m/%Y"), certificate.expires_on.strftime("%d/%m/%Y"),
                 "Còn hiệu lực"):
        assert fact in panel


def test_each_packaging_shows_its_price_in_vnd(client, shop):
    page = client.get(product_url(shop.fish_sauce)).content.decode()

    assert re.search(r"Chai 500 ml</span>\s*<span class=\"variant__price\">120\.000\xa0₫", page)
    assert re.search(r"Chai 1 lít</span>\s*<span class=\"variant__price\">130\.000\xa0₫", page)


def test_the_producer_block_links_to_all_their_products(client, shop):
    page = client.get(product_url(shop.fish_sauce)).content.decode()

    assert f'href="{reverse("storefront:producer", args=[shop.fish_sauce.producer.slug])}"' in page
    assert "Xem tất cả sản phẩm OCOP của chủ thể" in page


def test_availability_is_listed_per_sales_point(client, shop):
    page = client.get(product_url(shop.fish_sauce)).content.decode()

    assert "Điểm bán OCOP Hà Tĩnh" in page
    assert "Chai 500 ml: còn 10" in page and "Chai 1 lít: còn 10" in page
    assert "Hiện chưa có điểm bán nào còn hàng." in client.get(product_url(shop.tea)).content.decode()


def test_the_qr_code_and_link_lead_to_the_verification_page_on_the_public_url(client, shop, settings):
    settings.PUBLIC_URL = "https://ocop.example.vn/"

    page = client.get(product_url(shop.fish_sauce)).content.decode()

    assert 'href="https://ocop.example.vn/verify/15/GCN-UBND/"' in page
    assert '<svg role="img" aria-label="Mã QR xác minh giấy chứng nhận"' in page


def test_the_page_carries_schema_org_product_data(client, shop, settings):
    settings.PUBLIC_URL = "https://ocop.example.vn"

    page = client.get(product_url(shop.fish_sauce)).content.decode()

    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(raw)
    assert data["@type"] == "Product" and data["name"] == "Nước mắm Vũng Áng"
    assert data["brand"] == {"@type": "Organization", "name": "HTX Nước mắm Vũng Áng"}
    assert data["url"] == "https://ocop.example.vn/san-pham/nuoc-mam-vung-ang/"
    assert [(o["price"], o["priceCurrency"], o["availability"]) for o in data["offers"]] == [
        ("120000", "VND", "https://schema.org/InStock"), ("130000", "VND", "https://schema.org/InStock")]


def test_structured_data_cannot_break_out_of_its_script_element(client, catalog):
    product = catalog.product("Kẹo </script><script>alert(1)</script>")
    search_index_products()

    page = client.get(product_url(product)).content.decode()

    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(raw)["name"] == "Kẹo </script><script>alert(1)</script>"


def test_the_buy_form_posts_to_the_cart(client, shop):
    page = client.get(product_url(shop.fish_sauce)).content.decode()

    assert '<form class="buy" method="post" action="/gio-hang/them/">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert re.search(r'<button type="submit" class="button button--primary">Thêm vào giỏ', page)


def test_a_listable_product_without_price_or_stock_says_not_on_sale(client, shop):
    no_price = client.get(product_url(shop.not_on_sale)).content.decode()
    no_stock = client.get(product_url(shop.tea)).content.decode()

    for page in (no_price, no_stock):
        assert "Chưa mở bán" in page and "Thêm vào giỏ" not in page
    assert 'aria-label="OCOP 3 sao"' in no_price and "Chưa có giá" in no_price


@pytest.mark.parametrize("change", ["expired", "revoked", "unpublished", "unknown"])
def test_a_product_not_on_show_gets_a_friendly_404(client, catalog, change):
    product = catalog.product(
        "Nước mắm cũ", status="revoked" if change == "revoked" else "active",
        expires_on=date.today() - timedelta(days=1) if change == "expired" else None,
    )
    if change == "unpublished":
        product.channel_listings.update(is_published=False)

    slug = "khong-co" if change == "unknown" else product.slug
    response = client.get(reverse("storefront:product", args=[slug]))

    assert response.status_code == 404
    assert "Sản phẩm không có hoặc không còn được bày bán" in response.content.decode()


def test_in_english_the_breadcrumb_names_the_product_group_in_english(client, shop):
    page = client.get(f"/en{product_url(shop.fish_sauce)}").content.decode()

    assert "Sauces and fish sauce</a>" in page
    assert "Tương, nước mắm</a>" not in page
