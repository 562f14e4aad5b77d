"""The storefront's own documents executed against our API, and Saleor-shaped errors for bad input."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.marketplace.graphql.conftest import error_codes

DOCS = (Path(__file__).parent / "documents" / "storefront.graphql").read_text()



def op(api, name: str, **variables) -> dict:
    import json

    response = api.client.post("/graphql/", data=json.dumps(
        {"query": DOCS, "variables": variables, "operationName": name}), content_type="application/json")
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


@pytest.fixture
def shop(catalog, warehouse):
    products = [
        catalog.product("Nước mắm Vũng Áng", stars=4, price=85_000, warehouse=warehouse,
                        variants=["Chai 500 ml", "Chai 1 lít"]),
        catalog.product("Kẹo cu đơ Phong Nga", stars=5, price=45_000, warehouse=warehouse, group_code="I.3.b"),
        catalog.product("Chè Shan tuyết Mộc Châu", stars=3, price=120_000, warehouse=warehouse,
                        group_code="I.5.a"),
        catalog.product("Rượu ngô không đạt", stars=2, price=90_000, warehouse=warehouse, group_code="II.1.a"),
        catalog.product("Mật ong hết hạn", stars=4, price=150_000, warehouse=warehouse, group_code="I.2.b",
                        expires_on=date.today() - timedelta(days=1)),
        catalog.product("Gạo bị thu hồi", stars=4, price=30_000, warehouse=warehouse, group_code="I.3.b",
                        status="revoked"),
    ]
    return products


@pytest.mark.django_db
def test_product_list_shows_only_certified_products_with_vnd_prices(api, shop):
    data = op(api, "ProductListPaginated", first=10, channel="default-channel")

    products = data["products"]
    names = [e["node"]["name"] for e in products["edges"]]
    assert names == ["Chè Shan tuyết Mộc Châu", "Kẹo cu đơ Phong Nga", "Nước mắm Vũng Áng"]
    assert products["totalCount"] == 3
    fish_sauce = products["edges"][2]["node"]
    assert fish_sauce["pricing"]["priceRange"]["start"]["gross"] == {"amount": 85000.0, "currency": "VND"}
    assert fish_sauce["pricing"]["priceRange"]["stop"]["gross"] == {"amount": 95000.0, "currency": "VND"}
    assert base64.b64decode(fish_sauce["id"]).decode() == f"Product:{shop[0].pk}"


@pytest.mark.django_db
def test_pagination_walks_every_product_once(api, shop):
    first = op(api, "ProductListPaginated", first=2, channel="default-channel")["products"]
    second = op(api, "ProductListPaginated", first=2, after=first["pageInfo"]["endCursor"],
                channel="default-channel")["products"]

    assert first["pageInfo"]["hasNextPage"] is True
    assert second["pageInfo"]["hasNextPage"] is False
    seen = [e["node"]["slug"] for e in first["edges"] + second["edges"]]
    assert len(seen) == len(set(seen)) == 3


@pytest.mark.django_db
def test_product_details_by_slug(api, shop):
    product = op(api, "ProductDetails", slug=shop[0].slug, channel="default-channel")["product"]

    assert product["name"] == "Nước mắm Vũng Áng"
    assert product["isAvailable"] is True
    assert [v["name"] for v in product["variants"]] == ["Chai 500 ml", "Chai 1 lít"]
    assert product["variants"][0]["quantityAvailable"] == 10
    assert product["variants"][1]["pricing"]["price"]["gross"] == {"currency": "VND", "amount": 95000.0}
    assert product["description"]


@pytest.mark.django_db
def test_a_product_that_fails_the_listing_rule_is_not_found_by_slug(api, shop):
    assert op(api, "ProductDetails", slug=shop[4].slug, channel="default-channel")["product"] is None
    assert op(api, "ProductDetails", slug=shop[5].slug, channel="default-channel")["product"] is None


@pytest.mark.django_db
def test_category_page_lists_products_of_the_group_and_its_subgroups(api, shop):
    from marketplace.product.models import Category

    top_food = Category.objects.get(code="I")

    data = op(api, "ProductListByCategory", slug=top_food.slug, channel="default-channel")

    names = {e["node"]["name"] for e in data["category"]["products"]["edges"]}
    assert names == {"Nước mắm Vũng Áng", "Kẹo cu đơ Phong Nga", "Chè Shan tuyết Mộc Châu"}


@pytest.mark.django_db
def test_last_and_before_page_backwards(api, shop):
    last_two = op(api, "ProductListPaginated", last=2, channel="default-channel")["products"]
    before = op(api, "ProductListPaginated", last=2, before=last_two["pageInfo"]["startCursor"],
                channel="default-channel")["products"]

    assert [e["node"]["name"] for e in last_two["edges"]] == ["Kẹo cu đơ Phong Nga", "Nước mắm Vũng Áng"]
    assert last_two["pageInfo"]["hasPreviousPage"] is True
    assert [e["node"]["name"] for e in before["edges"]] == ["Chè Shan tuyết Mộc Châu"]


@pytest.mark.django_db
def test_top_level_categories_are_the_six_ocop_groups(api, shop):
    data = op(api, "CategoriesList", first=20)

    assert [e["node"]["name"] for e in data["categories"]["edges"]] == [
        "Thực phẩm", "Đồ uống", "Thảo dược", "Thủ công mỹ nghệ", "Sinh vật cảnh",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"]


@pytest.mark.django_db
def test_channels_list(api, shop):
    data = op(api, "ChannelsList")

    assert data["channels"] == [{
        "id": data["channels"][0]["id"], "name": "Kênh mặc định", "slug": "default-channel", "isActive": True,
        "currencyCode": "VND", "countries": [{"country": "Việt Nam", "code": "VN"}],
    }]


@pytest.mark.django_db
def test_search_ignores_diacritics(api, shop):
    data = op(api, "SearchProducts", search="nuoc mam", sortBy="NAME", sortDirection="ASC", first=10,
              channel="default-channel")

    assert [e["node"]["name"] for e in data["products"]["edges"]] == ["Nước mắm Vũng Áng"]


@pytest.mark.django_db
def test_sort_by_price_descending(api, shop):
    data = api.data('{ products(first: 10, channel: "default-channel", sortBy: {field: PRICE, direction: DESC})'
                    " { edges { node { name } } } }")

    assert [e["node"]["name"] for e in data["products"]["edges"]] == [
        "Chè Shan tuyết Mộc Châu", "Nước mắm Vũng Áng", "Kẹo cu đơ Phong Nga"]


@pytest.mark.django_db
def test_filter_by_ocop_stars_and_province(api, shop):
    data = api.data('{ products(first: 10, channel: "default-channel", filter: {ocopStars: [5]})'
                    " { totalCount edges { node { name } } } }")
    assert [e["node"]["name"] for e in data["products"]["edges"]] == ["Kẹo cu đơ Phong Nga"]

    data = api.data('{ products(first: 10, channel: "default-channel", filter: {provinces: ["Hà Tĩnh"]})'
                    " { totalCount } }")
    assert data["products"]["totalCount"] == 3


@pytest.mark.django_db
def test_node_query_resolves_a_product_and_hides_an_uncertified_one(api, shop):
    listed = base64.b64encode(f"Product:{shop[0].pk}".encode()).decode()
    hidden = base64.b64encode(f"Product:{shop[3].pk}".encode()).decode()

    data = api.data("query($a: ID!, $b: ID!) { a: node(id: $a) { id ... on Product { name } } "
                    "b: node(id: $b) { id } }", {"a": listed, "b": hidden})

    assert data["a"]["name"] == "Nước mắm Vũng Áng"
    assert data["b"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "code"), [
    ('{ products(first: 5, channel: "nope") { totalCount } }', "NOT_FOUND"),
    ('{ products(first: 101, channel: "default-channel") { totalCount } }', "GraphQLError"),
    ('{ products(first: 5, last: 5, channel: "default-channel") { totalCount } }', "GraphQLError"),
    ('{ products(channel: "default-channel") { totalCount } }', "GraphQLError"),
    ('{ products(first: 5, after: "garbage", channel: "default-channel") { totalCount } }', "GraphQLError"),
    ('{ product(id: "not-base64!!") { id } }', "GraphQLError"),
    ('{ product(id: "Q2F0ZWdvcnk6MQ==") { id } }', "GraphQLError"),
    ('{ node(id: "WHl6OjE=") { id } }', "GraphQLError"),
    ('{ products(first: 5, sortBy: {field: BOGUS, direction: ASC}) { totalCount } }', "GraphQLError"),
    ('{ products(first: 5, filter: {ocopStars: [7]}) { totalCount } }', "GraphQLError"),
    ('{ products(first: 5, filter: {provinces: ["Atlantis"]}) { totalCount } }', "GraphQLError"),
])
def test_bad_input_gets_a_coded_error_not_a_server_error(api, shop, query, code):
    body = api.post(query)

    assert body.get("errors"), body
    assert code in error_codes(body)
    assert "Traceback" not in str(body)


@pytest.mark.django_db
def test_product_list_costs_the_same_number_of_queries_for_5_and_100_products(api, catalog, warehouse):
    for i in range(100):
        catalog.product(f"Sản phẩm {i:03d}", warehouse=warehouse, variants=["Hộp", "Túi"])
    query = """query($n: Int!) { products(first: $n, channel: "default-channel") { totalCount edges { node {
        id name slug thumbnail { url } category { name } productType { name } isAvailable
        attributes { attribute { slug } values { name } }
        pricing { priceRange { start { gross { amount currency } } } }
        variants { id name quantityAvailable pricing { price { gross { amount } } } } } } } }"""

    counts = {}
    for n in (5, 100):
        with CaptureQueriesContext(connection) as ctx:
            data = api.data(query, {"n": n})
        assert len(data["products"]["edges"]) == n
        counts[n] = len(ctx.captured_queries)

    assert counts[5] == counts[100], counts
    assert counts[100] <= 15


@pytest.mark.django_db
def test_where_filter_combines_and_or_like_saleor(api, shop):
    data = api.data("""query($slug: String!) { products(first: 10, channel: "default-channel", where: {
        OR: [{slug: {eq: $slug}}, {price: {range: {gte: 100000}}}] }) { edges { node { name } } } }""",
                    {"slug": shop[0].slug})

    assert sorted(e["node"]["name"] for e in data["products"]["edges"]) == [
        "Chè Shan tuyết Mộc Châu", "Nước mắm Vũng Áng"]

    data = api.data("""{ products(first: 10, channel: "default-channel", where: {
        name: {oneOf: ["Kẹo cu đơ Phong Nga", "Gạo bị thu hồi"]} }) { edges { node { name } } } }""")
    assert [e["node"]["name"] for e in data["products"]["edges"]] == ["Kẹo cu đơ Phong Nga"]


@pytest.mark.django_db
def test_product_variants_connection_on_a_product(api, shop):
    data = api.data('query($s: String!) { product(slug: $s, channel: "default-channel") { productVariants(first: 1) '
                    "{ totalCount edges { node { name pricing { price { gross { amount } } } } } "
                    "pageInfo { hasNextPage } } } }", {"s": shop[0].slug})

    connection = data["product"]["productVariants"]
    assert connection["totalCount"] == 2 and connection["pageInfo"]["hasNextPage"] is True
    assert connection["edges"][0]["node"] == {"name": "Chai 500 ml",
                                              "pricing": {"price": {"gross": {"amount": 85000.0}}}}
