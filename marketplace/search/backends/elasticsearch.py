"""Elasticsearch search (used when ELASTICSEARCH_URL is set), with the `elasticsearch` 9 client's
elasticsearch.dsl.

The query mirrors the PostgreSQL backend: the listing rule and the channel are filters (expiry compared with
today's date in Vietnam, so it needs no reindex); the shopper's text matches name > producer > group/province
> description, every word required, with fuzzy matching for short queries; the shopper's filters are a
post_filter, and each facet is an aggregation under every filter but its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.dsl import Q, Search
from elasticsearch.helpers import bulk

from marketplace.certification.selectors import today_in_vietnam
from marketplace.search.backends.base import (
    ProductSearchQuery,
    ProductSearchResult,
    SearchBackend,
    SearchFacets,
    SearchSort,
    SearchText,
)
from marketplace.search.backends.es_documents import ProductDocument, product_document_rows

TEXT_FIELDS = ["name^4", "name.prefix^2", "name_en^3", "producer_name^2", "producer_name.prefix",
               "place_text^1.5", "description"]
FUZZY_FIELDS = ["name^4", "name_en^3", "producer_name^2"]
MAX_CATEGORY_BUCKETS = 500


def index_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-products"


def text_query(text: SearchText) -> Q:
    exact = Q("multi_match", query=text.folded, fields=TEXT_FIELDS, type="cross_fields", operator="and")
    if not text.is_short:
        return exact
    fuzzy = Q("multi_match", query=text.folded, fields=FUZZY_FIELDS, type="best_fields", operator="and",
              fuzziness="AUTO", prefix_length=1)
    return Q("bool", should=[exact, fuzzy], minimum_should_match=1)


def filter_clauses(query: ProductSearchQuery) -> dict[str, Q]:
    """The shopper's filters by facet name (each facet's aggregation leaves its own out)."""
    f = query.filters
    clauses: dict[str, Q] = {}
    if f.stars:
        clauses["stars"] = Q("terms", stars=list(f.stars))
    if f.category_id is not None:
        clauses["category"] = Q("term", category_path=f.category_id)
    if f.province_code:
        clauses["province"] = Q("term", province_code=f.province_code)
    if f.at_sales_point:
        clauses["sales_point"] = Q("term", in_sales_point=True)
    price_range = {k: v for k, v in (("gte", f.price_min), ("lte", f.price_max)) if v is not None}
    if price_range:
        clauses["price"] = Q("range", price=price_range)
    return clauses


def _all_but(clauses: dict[str, Q], leave_out: str | None) -> Q:
    kept = [q for name, q in clauses.items() if name != leave_out]
    return Q("bool", filter=kept) if kept else Q("match_all")


SORTS: dict[SearchSort, list] = {
    SearchSort.RELEVANCE: ["_score", {"stars": {"order": "desc", "missing": "_last"}},
                           {"created_at": "desc"}],
    SearchSort.PRICE_ASC: [{"price": {"order": "asc", "missing": "_last"}}, "_doc"],
    SearchSort.PRICE_DESC: [{"price": {"order": "desc", "missing": "_last"}}, "_doc"],
    SearchSort.NEWEST: [{"created_at": "desc"}, "_doc"],
    SearchSort.STARS: [{"stars": {"order": "desc", "missing": "_last"}}, "_score", {"created_at": "desc"}],
}


def build_search(query: ProductSearchQuery, *, today: date, index: str = "ocop-products") -> Search:
    """The whole request for one page: hits, total and facets. Pure (no server): tests read its to_dict()."""
    rule = [Q("term", channels=query.channel_slug), Q("range", listable_until={"gte": today.isoformat()})]
    if query.filters.producer_id is not None:
        rule.append(Q("term", producer_id=query.filters.producer_id))
    must = [text_query(query.text)] if not query.text.is_empty else []
    search = Search(index=index).query(Q("bool", filter=rule, must=must))
    clauses = filter_clauses(query)
    if clauses:
        search = search.post_filter(_all_but(clauses, None))
    search.aggs.bucket("stars", "filter", filter=_all_but(clauses, "stars")).bucket(
        "values", "terms", field="stars", size=10)
    search.aggs.bucket("category", "filter", filter=_all_but(clauses, "category")).bucket(
        "values", "terms", field="category_id", size=MAX_CATEGORY_BUCKETS)
    search.aggs.bucket("province", "filter", filter=_all_but(clauses, "province")).bucket(
        "values", "terms", field="province_code", size=100)
    search.aggs.bucket("sales_point", "filter", filter=Q("bool", filter=[
        _all_but(clauses, "sales_point"), Q("term", in_sales_point=True)]))
    price = search.aggs.bucket("price", "filter", filter=_all_but(clauses, "price"))
    price.metric("min", "min", field="price")
    price.metric("max", "max", field="price")
    search = search.sort(*SORTS[query.sort]).extra(track_total_hits=True)
    return search.source(False)[query.offset:query.offset + query.limit]


def result_from_response(response: dict) -> ProductSearchResult:
    aggs = response.get("aggregations", {})

    def buckets(name: str) -> list[dict]:
        return aggs.get(name, {}).get("values", {}).get("buckets", [])

    price = aggs.get("price", {})
    facets = SearchFacets(
        stars={int(b["key"]): b["doc_count"] for b in buckets("stars")},
        categories={int(b["key"]): b["doc_count"] for b in buckets("category")},
        provinces={str(b["key"]): b["doc_count"] for b in buckets("province")},
        at_sales_point=aggs.get("sales_point", {}).get("doc_count", 0),
        price_min=int(price["min"]["value"]) if price.get("min", {}).get("value") is not None else None,
        price_max=int(price["max"]["value"]) if price.get("max", {}).get("value") is not None else None,
    )
    hits = response.get("hits", {})
    return ProductSearchResult(product_ids=[int(h["_id"]) for h in hits.get("hits", [])],
                               total=hits.get("total", {}).get("value", 0), facets=facets,
                               backend="elasticsearch")


class ElasticsearchSearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, *, client: Elasticsearch, index: str) -> None:
        self.client = client
        self.index = index

    @classmethod
    def from_settings(cls) -> ElasticsearchSearchBackend:
        return cls(client=Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=3), index=index_name())

    def index_create(self) -> None:
        """Create the index with its analyzers and mapping if it does not exist yet."""
        if not self.client.indices.exists(index=self.index):
            ProductDocument.init(index=self.index, using=self.client)

    def products_index(self, *, product_ids: Sequence[int] | None = None) -> int:
        self.index_create()
        rows = product_document_rows(product_ids=product_ids, channel_slug=settings.DEFAULT_CHANNEL_SLUG)
        actions = (ProductDocument(**row).to_dict(include_meta=True) | {"_index": self.index} for row in rows)
        written, _ = bulk(self.client, actions, refresh="wait_for")
        return written

    def products_remove(self, *, product_ids: Sequence[int]) -> None:
        actions = ({"_op_type": "delete", "_index": self.index, "_id": pk} for pk in product_ids)
        bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def product_search(self, query: ProductSearchQuery) -> ProductSearchResult:
        search = build_search(query, today=today_in_vietnam(query.at), index=self.index)
        response = self.client.search(index=self.index, body=search.to_dict())
        return result_from_response(response.body)
