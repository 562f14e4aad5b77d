from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.storefront.conftest import MAX_QUERIES_PER_PAGE

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_home_shows_five_star_and_new_products_groups_provinces_and_fairs(client, shop,
                                                                        django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        response = client.get(reverse("storefront:home"))

    text = text_of(response)
    assert response.status_code == 200
    five = text[text.index("Sản phẩm OCOP 5 sao"):text.index("Mới được chứng nhận")]
    assert "Nước mắm Vũng Áng" in five and "Kẹo cu đơ Phong Nga" in five and "Chè Shan tuyết" not in five
    assert "Xem tất cả (3)" in five
    assert "Mật ong bạc hà" in text[text.index("Mới được chứng nhận"):]
    assert "Thực phẩm 5 sản phẩm" in text and "Đồ uống 1 sản phẩm" in text
    assert "Phú Thọ (1)" in text and "Hà Tĩnh (2)" in text
    assert "Hội chợ OCOP" in text


def test_home_works_with_an_empty_catalogue(client, db):
    response = client.get(reverse("storefront:home"))

    assert response.status_code == 200
    assert "Chưa có sản phẩm 5 sao." in response.content.decode()


def test_the_producer_page_lists_their_certified_products(client, shop, django_assert_max_num_queries):
    url = reverse("storefront:producer", args=[shop.wine.producer.slug])

    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        response = client.get(url)

    text = text_of(response)
    assert response.status_code == 200
    assert "HTX Tam Đảo" in text and "Rượu men lá Tam Đảo" in text and "Nước mắm" not in text
    assert "1 sản phẩm OCOP đang được bày bán" in text


def test_an_unknown_producer_gets_a_friendly_404(client, db):
    response = client.get(reverse("storefront:producer", args=["khong-co"]))

    assert response.status_code == 404
    assert "Không tìm thấy chủ thể" in response.content.decode()


def test_an_unknown_url_gets_the_friendly_404_page(client, db):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
