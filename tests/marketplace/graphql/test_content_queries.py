"""Menus, pages, the shop and translations, as a storefront reads them."""

from __future__ import annotations

import json

import pytest

from marketplace.demo.content import demo_base_create


@pytest.fixture
def content(db):
    return demo_base_create()


@pytest.mark.django_db
def test_navbar_menu_points_at_the_six_ocop_groups(api, content):
    data = api.data('{ menu(slug: "navbar", channel: "default-channel") { name items { name level '
                    'category { slug name } translation(languageCode: EN) { name } } } }')

    items = data["menu"]["items"]
    assert [i["category"]["name"] for i in items] == [
        "Thực phẩm", "Đồ uống", "Thảo dược", "Thủ công mỹ nghệ", "Sinh vật cảnh",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"]
    assert items[0]["translation"]["name"] == "Food"


@pytest.mark.django_db
def test_footer_pages_and_page_by_slug_with_english_translation(api, content):
    menus = api.data('{ menus(first: 10) { totalCount edges { node { slug items { page { slug } } } } } }')
    footer = next(e["node"] for e in menus["menus"]["edges"] if e["node"]["slug"] == "footer")
    slugs = [i["page"]["slug"] for i in footer["items"]]

    page = api.data('query($s: String!) { page(slug: $s) { title content isPublished pageType { name } '
                    'translation(languageCode: EN) { title } } }', {"s": slugs[0]})["page"]

    assert slugs == ["sao-ocop-la-gi", "giao-hang-va-nhan-tai-diem-ban", "doi-tra"]
    assert page["title"] == "Sao OCOP nghĩa là gì?"
    assert "90 điểm" in json.loads(page["content"])["blocks"][0]["data"]["text"]
    assert page["translation"]["title"] == "What do OCOP stars mean?"


@pytest.mark.django_db
def test_shop_says_vietnamese_first_and_vnd(api, content):
    shop = api.data("{ shop { name defaultCountry { code country } languages { code language } "
                    "channelCurrencies } }")["shop"]

    assert shop["defaultCountry"] == {"code": "VN", "country": "Việt Nam"}
    assert [lang["code"] for lang in shop["languages"]] == ["VI", "EN"]
    assert shop["channelCurrencies"] == ["VND"]


@pytest.mark.django_db
def test_private_metadata_needs_staff(api, catalog):
    product = catalog.product("Nước mắm")
    product.private_metadata = {"supplier": "x"}
    product.metadata = {"origin": "Hà Tĩnh"}
    product.save()

    body = api.post('query($s: String!) { product(slug: $s, channel: "default-channel") { metadata { key value } '
                    "privateMetadata { key } } }", {"s": product.slug})

    assert body["data"]["product"] is None or body["data"]["product"]["metadata"] == [
        {"key": "origin", "value": "Hà Tĩnh"}]
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
