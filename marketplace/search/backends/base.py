"""The search interface every backend implements, and the plain data it takes and returns.

A query carries the shopper's text, the filters and the sort; a result is the ordered product ids of one page,
the total, and the facet counts. Facet counts are "disjunctive": the counts of one facet apply every other
filter but not its own, so ticking 4★ still shows how many 5★ products there are.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from marketplace.core.text import fold

MAX_QUERY_LENGTH = 200
MAX_QUERY_TOKENS = 12
# Queries this short get trigram matching too: a typo in a two-word query should still find the product.
TYPO_TOLERANT_MAX_TOKENS = 3
TYPO_TOLERANT_MAX_CHARS = 32


class SearchSort(StrEnum):
    RELEVANCE = "relevance"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    NEWEST = "newest"
    STARS = "stars"


@dataclass(frozen=True)
class SearchText:
    """The shopper's text, folded (no diacritics, đ -> d) and split into word tokens."""

    raw: str
    tokens: tuple[str, ...]

    @classmethod
    def parse(cls, text: str | None) -> SearchText:
        raw = (text or "").strip()[:MAX_QUERY_LENGTH]
        tokens = tuple(re.findall(r"[a-z0-9]+", fold(raw)))[:MAX_QUERY_TOKENS]
        return cls(raw=raw, tokens=tokens)

    @property
    def folded(self) -> str:
        return " ".join(self.tokens)

    @property
    def is_empty(self) -> bool:
        return not self.tokens

    @property
    def is_short(self) -> bool:
        return len(self.tokens) <= TYPO_TOLERANT_MAX_TOKENS and len(self.folded) <= TYPO_TOLERANT_MAX_CHARS


@dataclass(frozen=True)
class ProductSearchFilters:
    stars: tuple[int, ...] = ()
    category_id: int | None = None  # the category and every sub-category below it
    province_code: str | None = None  # a current province (old names are resolved before this point)
    producer_id: int | None = None
    price_min: int | None = None
    price_max: int | None = None
    at_sales_point: bool = False  # stock to hand at a public sales point


@dataclass(frozen=True)
class ProductSearchQuery:
    text: SearchText = field(default_factory=lambda: SearchText.parse(""))
    filters: ProductSearchFilters = field(default_factory=ProductSearchFilters)
    sort: SearchSort = SearchSort.RELEVANCE
    offset: int = 0
    limit: int = 24
    channel_slug: str = ""
    at: datetime | None = None  # the clock the listing rule uses (now, unless a test fixes it)


@dataclass(frozen=True)
class SearchFacets:
    stars: dict[int, int] = field(default_factory=dict)
    categories: dict[int, int] = field(default_factory=dict)  # per product's own category; callers roll up
    provinces: dict[str, int] = field(default_factory=dict)
    at_sales_point: int = 0
    price_min: int | None = None
    price_max: int | None = None


@dataclass(frozen=True)
class ProductSearchResult:
    product_ids: list[int]
    total: int
    facets: SearchFacets
    backend: str = ""


class SearchBackend(ABC):
    name: str = ""

    @abstractmethod
    def product_search(self, query: ProductSearchQuery) -> ProductSearchResult:
        """Listable products in the query's channel that match, one page of ids in order, total and facets."""

    @abstractmethod
    def products_index(self, *, product_ids: Sequence[int] | None = None) -> int:
        """(Re)index these products (all when None); returns how many documents were written."""

    @abstractmethod
    def products_remove(self, *, product_ids: Sequence[int]) -> None:
        """Drop products that no longer exist from the index."""
