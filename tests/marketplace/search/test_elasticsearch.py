"""The Elasticsearch backend. No Elasticsearch server can run on this machine, so the mapping, the documents
and the generated queries are checked as data; the behaviour tests at the end run whenever a server answers at
ELASTICSEARCH_URL and are skipped, with the reason, when none does."""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta

import pytest
from elasticsearch import Elasticsearch

from marketplace.search.backends.base import (
    ProductSearchFilters,
    ProductSearchQuery,
    SearchSort,
    SearchText,
)
from marketplace.search.backends.elasticsearch import (
    ElasticsearchSearchBackend,
    build_search,
    result_from_response,
)
from marketplace.search.backends.es_documents import ProductDocument, product_document_rows
from marketplace.search.selectors import product_search

TODAY = date(2026, 11, 22)


def query(text="", sort=SearchSort.RELEVANCE, **filters) -> ProductSearchQuery:
    return ProductSearchQuery(text=SearchText.parse(text), filters=ProductSearchFilters(**filters), sort=sort,
                              channel_slug="default-channel", offset=24, limit=24)


# --- mapping -----------------------------------------------------------------------------------------------
def test_the_index_folds_diacritics_and_d_stroke_in_every_text_field():
    index = ProductDocument._index.to_dict()
    analysis = index["settings"]["analysis"]

    assert analysis["analyzer"]["ocop_folding"]["filter"] == ["lowercase", "asciifolding"]
    assert analysis["char_filter"]["ocop_d_stroke"]["mappings"] == ["đ => d", "Đ => D"]
    properties = index["mappings"]["properties"]
    for field in ("name", "name_en", "producer_name", "place_text", "description"):
        assert properties[field] == {**properties[field], "type": "text", "analyzer": "ocop_folding"}
    assert properties["name"]["fields"]["prefix"]["analyzer"] == "ocop_folding_prefix"
    assert properties["name"]["fields"]["prefix"]["search_analyzer"] == "ocop_folding"


def test_filters_and_facets_use_exact_fields():
    properties = ProductDocument._index.to_dict()["mappings"]["properties"]

    assert {k: properties[k]["type"] for k in ("stars", "category_path", "province_code", "channels", "price",
                                                "in_sales_point", "listable_until")} == {
        "stars": "integer", "category_path": "integer", "province_code": "keyword", "channels": "keyword",
        "price": "long", "in_sales_point": "boolean", "listable_until": "date"}


# --- queries -----------------------------------------------------------------------------------------------
def test_the_listing_rule_and_channel_are_filters_with_expiry_compared_to_today():
    body = build_search(query(), today=TODAY).to_dict()

    assert body["query"]["bool"]["filter"] == [
        {"term": {"channels": "default-channel"}},
        {"range": {"listable_until": {"gte": "2026-11-22"}}},
    ]
    assert body["track_total_hits"] is True
    assert (body["from"], body["size"]) == (24, 24)
    assert body["_source"] is False


def test_text_matches_every_word_weighting_name_over_producer_over_description():
    body = build_search(query("Nước mắm Vũng Áng đặc biệt ngon"), today=TODAY).to_dict()

    match = body["query"]["bool"]["must"][0]["multi_match"]
    assert match["query"] == "nuoc mam vung ang dac biet ngon"
    assert match["operator"] == "and"
    assert match["fields"][:2] == ["name^4", "name.prefix^2"]
    assert "producer_name^2" in match["fields"] and "description" in match["fields"]
    assert "fuzziness" not in match  # long queries: exact words only


def test_short_queries_also_match_fuzzily_for_typos():
    body = build_search(query("nuoc nam"), today=TODAY).to_dict()

    should = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert [clause["multi_match"].get("fuzziness") for clause in should] == [None, "AUTO"]


def test_each_facet_leaves_out_only_its_own_filter():
    filtered = query(stars=(5,), province_code="phu-tho", at_sales_point=True)
    body = build_search(filtered, today=TODAY).to_dict()
    stars_5 = {"terms": {"stars": [5]}}
    phu_tho = {"term": {"province_code": "phu-tho"}}
    sales_point = {"term": {"in_sales_point": True}}

    assert body["post_filter"] == {"bool": {"filter": [stars_5, phu_tho, sales_point]}}
    assert body["aggs"]["stars"]["filter"] == {"bool": {"filter": [phu_tho, sales_point]}}
    assert body["aggs"]["province"]["filter"] == {"bool": {"filter": [stars_5, sales_point]}}
    assert body["aggs"]["stars"]["aggs"]["values"]["terms"]["field"] == "stars"


def test_a_group_filter_matches_the_group_and_everything_below_it():
    body = build_search(query(category_id=7), today=TODAY).to_dict()

    assert body["post_filter"] == {"bool": {"filter": [{"term": {"category_path": 7}}]}}


@pytest.mark.parametrize(("sort", "first"), [
    (SearchSort.RELEVANCE, "_score"), (SearchSort.PRICE_ASC, {"price": {"order": "asc", "missing": "_last"}}),
    (SearchSort.NEWEST, {"created_at": "desc"}),
    (SearchSort.STARS, {"stars": {"order": "desc", "missing": "_last"}}),
])
def test_sorts(sort, first):
    assert build_search(query(sort=sort), today=TODAY).to_dict()["sort"][0] == first


def test_a_response_becomes_ids_total_and_facets():
    response = {
        "hits": {"total": {"value": 42, "relation": "eq"}, "hits": [{"_id": "7"}, {"_id": "3"}]},
        "aggregations": {
            "stars": {"doc_count": 42, "values": {"buckets": [{"key": 5, "doc_count": 30},
                                                              {"key": 4, "doc_count": 12}]}},
            "category": {"doc_count": 42, "values": {"buckets": [{"key": 16, "doc_count": 42}]}},
            "province": {"doc_count": 42, "values": {"buckets": [{"key": "phu-tho", "doc_count": 42}]}},
            "sales_point": {"doc_count": 5},
            "price": {"doc_count": 42, "min": {"value": 50000.0}, "max": {"value": 900000.0}},
        },
    }

    result = result_from_response(response)

    assert result.product_ids == [7, 3]
    assert result.total == 42
    assert result.facets.stars == {5: 30, 4: 12}
    assert result.facets.provinces == {"phu-tho": 42}
    facets = result.facets
    assert (facets.at_sales_point, facets.price_min, facets.price_max) == (5, 50000, 900000)


# --- documents ---------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_document_carries_what_the_query_filters_on(catalog, warehouse):
    expires = date.today() + timedelta(days=400)
    product = catalog.product("Rượu men lá", stars=4, price=120_000, group_code="II.1.a",
                              province="Vĩnh Phúc", producer_name="HTX Tam Đảo", warehouse=warehouse,
                              expires_on=expires)

    [row] = list(product_document_rows(product_ids=[product.pk], channel_slug="default-channel"))

    assert row["meta"] == {"id": product.pk}
    assert (row["name"], row["producer_name"]) == ("Rượu men lá", "HTX Tam Đảo")
    assert (row["stars"], row["price"]) == (4, 120_000)
    assert row["listable_until"] == expires
    assert row["channels"] == ["default-channel"]
    assert row["province_code"] == "phu-tho"
    assert "Vĩnh Phúc" in row["place_text"] and "Phú Thọ" in row["place_text"]
    assert len(row["category_path"]) == 3 and row["category_path"][0] == product.category_id
    assert row["in_sales_point"] is True


@pytest.mark.django_db
def test_a_product_without_a_valid_certificate_has_no_listable_date(catalog):
    product = catalog.product("Nước mắm bị thu hồi", status="revoked")

    [row] = list(product_document_rows(product_ids=[product.pk], channel_slug="default-channel"))

    assert row["listable_until"] is None


@pytest.mark.django_db
def test_when_the_search_server_is_down_search_answers_from_postgresql(catalog):
    from marketplace.search.services import search_index_products

    product = catalog.product("Nước mắm Vũng Áng")
    search_index_products()  # settings have no ELASTICSEARCH_URL here: PostgreSQL only
    unreachable = ElasticsearchSearchBackend(client=Elasticsearch("http://127.0.0.1:1", request_timeout=1,
                                                                  max_retries=0), index="ocop-products")

    result = product_search(text="nuoc mam", backend=unreachable)

    assert result.product_ids == [product.pk]
    assert result.backend == "postgres"


# --- against a live server (skipped when none answers) -----------------------------------------------------
def _live_url() -> str:
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch server to test against")
    try:
        if not Elasticsearch(url, request_timeout=2, max_retries=0).ping():
            pytest.skip(f"no Elasticsearch server answers at {url}")
    except Exception as exc:  # any transport failure means the same: nothing to test against
        pytest.skip(f"no Elasticsearch server answers at {url}: {exc}")
    return url


@pytest.fixture
def live_es(settings, db):
    url = _live_url()
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchSearchBackend.from_settings()
    yield backend
    backend.client.indices.delete(index=backend.index, ignore_unavailable=True)


@pytest.mark.django_db
def test_live_search_folds_diacritics_and_applies_the_listing_rule(live_es, catalog,
                                                                   django_capture_on_commit_callbacks):
    from marketplace.search.services import search_index_products

    listed = catalog.product("Nước mắm Vũng Áng", stars=5)
    catalog.product("Nước mắm hết hạn", expires_on=date.today() - timedelta(days=1))
    catalog.product("Kẹo cu đơ Phong Nga", stars=4, group_code="I.3.b")
    with django_capture_on_commit_callbacks(execute=True):  # Elasticsearch is written after the commit
        search_index_products()

    found = product_search(text="nuoc mam", backend=live_es)
    keo = product_search(text="keo cu do", backend=live_es)
    five = product_search(stars=[5], backend=live_es)

    assert found.backend == "elasticsearch"
    assert found.product_ids == [listed.pk]
    assert len(keo.product_ids) == 1
    assert five.total == 1 and five.facets.stars == {5: 1, 4: 1}


@pytest.mark.django_db
def test_live_typo_tolerance_for_short_queries(live_es, catalog, django_capture_on_commit_callbacks):
    from marketplace.search.services import search_index_products

    product = catalog.product("Chè Shan tuyết Suối Giàng", group_code="I.5.a")
    with django_capture_on_commit_callbacks(execute=True):
        search_index_products()

    assert product_search(text="che shan tuyt", backend=live_es).product_ids == [product.pk]
