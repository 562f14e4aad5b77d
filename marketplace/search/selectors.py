"""Product search, the one entry point for the storefront and GraphQL (`products(filter: {search: ...})`).

    result = product_search(text="nuoc mam", stars=[5], province="Vĩnh Phúc", limit=24)
    result.product_ids  # one page, in order;  result.total;  result.facets.stars -> {5: 3, 4: 7}

Elasticsearch answers when ELASTICSEARCH_URL is set (and falls back to PostgreSQL if it cannot be reached);
otherwise PostgreSQL does. Either way only listable products of the channel are returned.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from django.conf import settings

from marketplace.core.geography import province_resolve
from marketplace.search.backends.base import (
    ProductSearchFilters,
    ProductSearchQuery,
    ProductSearchResult,
    SearchBackend,
    SearchFacets,
    SearchSort,
    SearchText,
)
from marketplace.search.backends.postgres import PostgresSearchBackend

logger = logging.getLogger(__name__)

MAX_PAGE_SIZE = 100
UNKNOWN_PROVINCE = "-"  # matches no product: an unknown province filters everything out, it is not ignored


def search_backend_get() -> SearchBackend:
    if settings.ELASTICSEARCH_URL:
        from marketplace.search.backends.elasticsearch import ElasticsearchSearchBackend

        return ElasticsearchSearchBackend.from_settings()
    return PostgresSearchBackend()


def product_search(
    *, text: str | None = "", stars: Sequence[int] = (), category_id: int | None = None,
    province: str | None = None, producer_id: int | None = None, price_min: int | None = None,
    price_max: int | None = None, at_sales_point: bool = False, sort: str | SearchSort = SearchSort.RELEVANCE,
    offset: int = 0, limit: int = 24, channel_slug: str | None = None, at: datetime | None = None,
    backend: SearchBackend | None = None,
) -> ProductSearchResult:
    """Ordered product ids of one page + total + facets. `province` takes a code or any name, old ones too."""
    province_code = None
    if province:
        resolved = province_resolve(province)
        province_code = resolved.code if resolved else UNKNOWN_PROVINCE
    query = ProductSearchQuery(
        text=SearchText.parse(text),
        filters=ProductSearchFilters(
            stars=tuple(sorted({int(s) for s in stars})), category_id=category_id,
            province_code=province_code, producer_id=producer_id, price_min=price_min, price_max=price_max,
            at_sales_point=at_sales_point,
        ),
        sort=SearchSort(sort),
        offset=max(0, offset),
        limit=min(max(0, limit), MAX_PAGE_SIZE),
        channel_slug=channel_slug or settings.DEFAULT_CHANNEL_SLUG,
        at=at,
    )
    if query.text.raw and query.text.is_empty:
        # only symbols ("!!!", "???"): nothing to look for, so nothing found (not the whole catalogue)
        return ProductSearchResult(product_ids=[], total=0, facets=SearchFacets(), backend="none")
    backend = backend or search_backend_get()
    if backend.name == "postgres":
        return backend.product_search(query)
    try:
        return backend.product_search(query)
    except Exception:  # a search server being down must not take the shop down with it
        logger.exception("search backend %s failed; answering from PostgreSQL", backend.name)
        return PostgresSearchBackend().product_search(query)
