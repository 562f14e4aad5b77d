"""The catalogue and search pages, as a shopper on a phone uses them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.storefront.conftest import MAX_QUERIES_PER_PAGE

pytestmark = pytest.mark.django_db
CATALOG = reverse("storefront:catalog")


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_typing_without_diacritics_finds_the_product(client, shop, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        response = client.get(CATALOG, {"q": "nuoc mam"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Nước mắm Vũng Áng" in page and "Nước mắm cá cơm Cửa Hội" in page
    assert "Kẹo cu đơ" not in page
    assert "2 sản phẩm" in text_of(response)


def test_filtering_by_five_stars_shows_only_five_star_products_with_counts(client, shop):
    response = client.get(CATALOG, {"stars": "5"})

    text = text_of(response)
    assert "3 sản phẩm" in text
    for name in ("Nước mắm Vũng Áng", "Kẹo cu đơ Phong Nga", "Rượu men lá Tam Đảo"):
        assert name in text
    assert "Chè Shan tuyết" not in text
    assert "5 sao (3)" in text and "4 sao (2)" in text and "3 sao (1)" in text
    assert 'id="f-stars-5" name="stars" value="5" checked' in response.content.decode()


def test_every_filter_value_shows_its_count(client, shop):
    text = text_of(client.get(CATALOG, {"q": "nuoc mam"}))

    assert "Thực phẩm (2)" in text  # top-level groups; the chosen branch opens below
    assert "Hà Tĩnh (1)" in text and "Nghệ An (1)" in text
    assert "Có sẵn tại điểm bán (1)" in text


def test_an_old_province_name_finds_the_products_of_the_province_it_merged_into(client, shop):
    by_filter = client.get(CATALOG, {"province": "Vĩnh Phúc"})
    by_search = client.get(CATALOG, {"q": "vinh phuc"})

    for response in (by_filter, by_search):
        assert "Rượu men lá Tam Đảo" in response.content.decode()
        assert "Nước mắm Vũng Áng" not in response.content.decode()
    assert "Vĩnh Phúc" in text_of(by_filter)  # the page explains Phú Thọ includes the old province


def test_the_province_page_and_an_old_province_slug(client, shop):
    page = client.get(reverse("storefront:province", args=["phu-tho"]))
    old = client.get(reverse("storefront:province", args=["vinh-phuc"]))
    unknown = client.get(reverse("storefront:province", args=["atlantis"]))

    assert page.status_code == 200 and "Rượu men lá Tam Đảo" in page.content.decode()
    assert old.status_code == 301 and old["Location"] == reverse("storefront:province", args=["phu-tho"])
    assert unknown.status_code == 404 and "Không tìm thấy tỉnh, thành phố" in unknown.content.decode()


def test_the_group_page_includes_its_sub_groups(client, shop):
    from marketplace.product.selectors import category_tree_get

    food = category_tree_get().find("I")

    response = client.get(reverse("storefront:category", args=[food.slug]))

    text = text_of(response)
    assert response.status_code == 200
    assert "Nước mắm Vũng Áng" in text and "Kẹo cu đơ Phong Nga" in text and "Mật ong bạc hà" in text
    assert "Rượu men lá" not in text
    assert client.get(reverse("storefront:category", args=["khong-co"])).status_code == 404


def test_a_listable_product_without_a_price_shows_its_badge_and_says_not_on_sale(client, shop):
    response = client.get(CATALOG, {"q": "mat ong"})

    page = response.content.decode()
    assert 'aria-label="OCOP 3 sao"' in page
    assert "Chưa mở bán" in page


def test_pagination_keeps_the_filters_in_the_url(client, catalog):
    from marketplace.search.services import search_index_products

    for i in range(30):
        catalog.product(f"Nước mắm {i:02d}", stars=5)
    search_index_products()

    response = client.get(CATALOG, {"q": "nuoc mam", "stars": "5", "sort": "newest"})

    page = response.content.decode()
    assert "30 sản phẩm" in text_of(response)
    [next_link] = re.findall(r'href="([^"]+)" rel="next"', page)
    assert next_link.replace("&amp;", "&") == "?q=nuoc+mam&stars=5&sort=newest&page=2"
    second = client.get(CATALOG + next_link.replace("&amp;", "&"))
    assert second.status_code == 200 and second.content.decode().count('class="card"') == 6


def test_htmx_requests_get_only_the_results_fragment(client, shop):
    response = client.get(CATALOG, {"stars": "5"}, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.startswith('<div id="catalog"') and "<html" not in page
    assert "Kẹo cu đơ Phong Nga" in page


@pytest.mark.parametrize("params", [
    {"q": ""}, {"q": "   "}, {"q": "x" * 5000}, {"q": "!!!@@@###"},
    {"q": "'; DROP TABLE product_product; --"},
    {"q": "%_\\"}, {"stars": "9"}, {"stars": "abc"}, {"group": "khong-co"}, {"province": "Atlantis"},
    {"sort": "bogus"}, {"price_min": "abc"}, {"price_max": "-5"}, {"price_min": "9" * 40}, {"page": "abc"},
    {"page": "-1"}, {"page": "0"}, {"page": "9" * 40}, {"sales_point": "maybe"}, {"q": "nuoc\x00mam"},
    {"province": "\x00"}, {"group": "\x00"}, {"stars": ["5", "4", "5", "x"]},
])
def test_bad_input_gets_a_friendly_page_never_a_server_error(client, shop, params,
                                                             django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        response = client.get(CATALOG, params)

    assert response.status_code in (200, 400, 404)  # NUL bytes: the 400 page (marketplace/core/middleware.py)
    assert "OCOP Market" in response.content.decode()


def test_unknown_filter_values_are_ignored_with_a_notice(client, shop):
    response = client.get(CATALOG, {"stars": "9", "province": "Atlantis"})

    assert response.status_code == 200
    assert "Một số bộ lọc không hợp lệ nên đã được bỏ qua." in response.content.decode()
    assert "6 sản phẩm" in text_of(response)


def test_a_very_long_query_is_cut_to_200_characters_with_a_notice(client, shop):
    response = client.get(CATALOG, {"q": "nuoc mam " + "x" * 300})

    assert response.status_code == 200
    assert "chỉ dùng 200 ký tự đầu" in response.content.decode()


def test_a_symbol_only_query_asks_for_words(client, shop):
    response = client.get(CATALOG, {"q": "!!!"})

    assert response.status_code == 200
    assert "bằng chữ hoặc số" in response.content.decode()
    assert "0 sản phẩm" in text_of(response)


def test_a_page_past_the_end_is_a_friendly_404_linking_to_the_last_page(client, shop):
    response = client.get(CATALOG, {"stars": "5", "page": "7"})

    page = response.content.decode()
    assert response.status_code == 404
    assert "Không có trang 7." in page
    assert 'href="?stars=5&amp;page=1"' in page
