"""Searching the catalogue the way shoppers type: without diacritics, with typos, by old province names."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from marketplace.core.text import fold
from marketplace.search.backends.postgres import PostgresSearchBackend
from marketplace.search.selectors import product_search

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def names(result, catalog_products):
    by_id = {p.pk: p.name for p in catalog_products}
    return [by_id[pk] for pk in result.product_ids]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("nuoc mam", "Nước mắm Vũng Áng"), ("keo cu do", "Kẹo cu đơ Phong Nga"),
     ("che shan tuyet", "Chè Shan tuyết Suối Giàng"), ("KẸO CU ĐƠ", "Kẹo cu đơ Phong Nga"),
     ("nuoc ma", "Nước mắm Vũng Áng"), ("nuoc nam", "Nước mắm Vũng Áng"),
     ("keo cu dd", "Kẹo cu đơ Phong Nga")],
)
def test_typing_without_diacritics_or_with_a_typo_finds_the_product(catalog, reindex, typed, expected):
    products = [catalog.product("Nước mắm Vũng Áng", group_code="I.4.a"),
                catalog.product("Kẹo cu đơ Phong Nga", group_code="I.3.b"),
                catalog.product("Chè Shan tuyết Suối Giàng", group_code="I.5.a")]
    reindex()

    result = product_search(text=typed)

    assert names(result, products)[0] == expected


def test_a_name_match_ranks_above_a_producer_match_above_a_description_match(catalog, reindex):
    in_description = catalog.product("Bánh đa vừng", group_code="I.3.b", producer_name="Cơ sở Minh An")
    in_description.description_plaintext = "Ăn kèm nước mắm mặn mà."
    in_description.save()
    by_producer = catalog.product("Ruốc tôm", group_code="I.3.d", producer_name="HTX Nước mắm Cửa Hội")
    by_name = catalog.product("Nước mắm cá cơm", group_code="I.3.d", producer_name="Cơ sở Hải Hà")
    reindex()

    result = product_search(text="nuoc mam")

    assert result.product_ids == [by_name.pk, by_producer.pk, in_description.pk]


def test_an_old_province_name_finds_products_of_the_province_it_merged_into(catalog, reindex):
    phu_tho = catalog.product("Rượu men lá", group_code="II.1.a", province="Vĩnh Phúc",
                              producer_name="HTX Tam Đảo")
    catalog.product("Nước mắm Vũng Áng", province="Hà Tĩnh", producer_name="Cơ sở Vũng Áng")
    reindex()

    assert product_search(province="Vĩnh Phúc").product_ids == [phu_tho.pk]
    assert product_search(province="phu-tho").product_ids == [phu_tho.pk]
    assert product_search(text="vinh phuc").product_ids == [phu_tho.pk]
    assert product_search(text="phu tho").product_ids == [phu_tho.pk]


def test_only_listable_published_products_are_found(catalog, reindex):
    listed = catalog.product("Nước mắm Vũng Áng")
    catalog.product("Nước mắm hết hạn", expires_on=date.today() - timedelta(days=1))
    catalog.product("Nước mắm bị thu hồi", status="revoked")
    catalog.product("Nước mắm hai sao", stars=2)
    unpublished = catalog.product("Nước mắm chưa đăng")
    unpublished.channel_listings.update(is_published=False)
    reindex()

    result = product_search(text="nuoc mam")

    assert result.product_ids == [listed.pk]
    assert result.total == 1


def test_expiry_takes_effect_at_midnight_in_vietnam_without_reindexing(catalog, reindex):
    product = catalog.product("Kẹo cu đơ", expires_on=date(2027, 3, 31))
    reindex()

    assert product_search(text="keo", at=datetime(2027, 3, 31, 23, 59, tzinfo=VN)).product_ids == [product.pk]
    assert product_search(text="keo", at=datetime(2027, 4, 1, 0, 0, tzinfo=VN)).product_ids == []


def test_star_filter_shows_only_those_stars_and_facets_still_count_the_others(catalog, reindex):
    five = [catalog.product(f"Nước mắm {i}", stars=5) for i in range(3)]
    catalog.product("Nước mắm bốn sao", stars=4)
    catalog.product("Kẹo ba sao", stars=3, group_code="I.3.b")

    reindex()
    result = product_search(stars=[5])

    assert sorted(result.product_ids) == sorted(p.pk for p in five)
    assert result.total == 3
    # its own filter left out: the other choices keep their counts
    assert result.facets.stars == {5: 3, 4: 1, 3: 1}


def test_group_filter_includes_sub_groups_and_other_facets_follow_it(catalog, reindex):
    sauce = catalog.product("Nước mắm", group_code="I.4.a", stars=5)
    spice = catalog.product("Muối ớt", group_code="I.4.b", stars=4)
    catalog.product("Rượu", group_code="II.1.a", stars=4)
    reindex()
    from marketplace.product.selectors import category_tree_get

    tree = category_tree_get()
    condiments = tree.find("I.4")

    result = product_search(category_id=condiments.id)

    assert sorted(result.product_ids) == sorted([sauce.pk, spice.pk])
    assert result.facets.stars == {5: 1, 4: 1}
    assert tree.rolled_up_counts(result.facets.categories)[tree.find("I").id] == 2
    assert tree.rolled_up_counts(result.facets.categories)[tree.find("II").id] == 1


def test_price_range_and_sales_point_filters(catalog, warehouse, reindex):
    cheap = catalog.product("Kẹo rẻ", price=50_000, warehouse=warehouse)
    dear = catalog.product("Kẹo đắt", price=500_000)
    catalog.product("Kẹo chưa có giá", price=None)
    reindex()

    assert product_search(price_max=100_000).product_ids == [cheap.pk]
    assert product_search(price_min=100_000).product_ids == [dear.pk]
    at_sales_point = product_search(at_sales_point=True)
    assert at_sales_point.product_ids == [cheap.pk]
    assert product_search().facets.at_sales_point == 1
    assert (product_search().facets.price_min, product_search().facets.price_max) == (50_000, 500_000)


def test_sorts(catalog, reindex):
    a = catalog.product("Mật ong A", price=300_000, stars=3)
    b = catalog.product("Mật ong B", price=100_000, stars=5)
    c = catalog.product("Mật ong C", price=200_000, stars=4)
    reindex()

    assert product_search(sort="price_asc").product_ids == [b.pk, c.pk, a.pk]
    assert product_search(sort="price_desc").product_ids == [a.pk, c.pk, b.pk]
    assert product_search(sort="stars").product_ids == [b.pk, c.pk, a.pk]
    assert product_search(sort="newest").product_ids == [c.pk, b.pk, a.pk]


def test_pages_keep_the_order_and_the_total(catalog, reindex):
    products = [catalog.product(f"Nước mắm {i:02d}", price=10_000 * (i + 1)) for i in range(7)]
    reindex()

    pages = [product_search(sort="price_asc", offset=offset, limit=3) for offset in (0, 3, 6, 9)]

    assert [r.product_ids for r in pages] == [[p.pk for p in products[0:3]], [p.pk for p in products[3:6]],
                                              [products[6].pk], []]
    assert {r.total for r in pages} == {7}


@pytest.mark.parametrize("typed", ["!!!", "???", "   ", "%_\\'\"", "x" * 500, "nuoc " * 100])
def test_odd_input_never_fails(catalog, reindex, typed):
    catalog.product("Nước mắm Vũng Áng")
    reindex()

    result = product_search(text=typed)

    assert result.total >= 0


def test_symbol_only_queries_find_nothing_rather_than_everything(catalog, reindex):
    catalog.product("Nước mắm Vũng Áng")
    reindex()

    assert product_search(text="!!!").product_ids == []
    assert product_search(text="").total == 1


def test_an_unknown_province_finds_nothing(catalog, reindex):
    catalog.product("Nước mắm Vũng Áng")
    reindex()

    assert product_search(province="Atlantis").total == 0


@pytest.mark.parametrize("text", ["Nước mắm Vũng Áng", "Kẹo cu đơ", "ĐẶC SẢN Đà Nẵng", "Thừa Thiên Huế",
                                  "Chè Shan tuyết Suối Giàng", "Bà Rịa - Vũng Tàu", "Đắk Lắk ưởng ỹ"])
def test_sql_folding_matches_python_folding(db, text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT ocop_fold(%s)", [text])
        assert cursor.fetchone()[0] == fold(text)


def test_a_search_is_one_query_and_a_second_only_to_widen_a_likely_typo(catalog, reindex,
                                                                         django_assert_num_queries):
    for i in range(3):
        catalog.product(f"Nước mắm Vũng Áng {i}")
    reindex()

    with django_assert_num_queries(1):
        product_search(text="nuoc mam", stars=[4, 5], province="ha-tinh", price_min=1, at_sales_point=False)
    with django_assert_num_queries(2):
        assert product_search(text="nuoc nam").total == 3


def test_the_backend_reports_its_name(catalog, reindex):
    assert product_search().backend == PostgresSearchBackend.name


def test_a_producer_without_a_current_province_code_is_placed_by_its_address_as_published(catalog, reindex):
    from marketplace.producer.models import Producer

    product = catalog.product("Rượu men lá", province="Vĩnh Phúc", producer_name="HTX Tam Đảo")
    Producer.objects.filter(pk=product.producer_id).update(province_code="",
                                                           province_as_published="tỉnh Vĩnh Phúc")
    reindex()

    assert product_search(province="phu-tho").product_ids == [product.pk]
