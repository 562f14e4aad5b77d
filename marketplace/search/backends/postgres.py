"""PostgreSQL search over the search entries (marketplace.search.models.ProductSearchEntry): full text
(weighted name > producer > group/place > description) over text folded by `ocop_fold` (unaccent, with
đ -> d), and trigram word similarity to forgive typos in short queries.

One statement answers a page: a MATERIALIZED CTE holds the channel's entries that are listable today and match
the text; facet counts, the total and the page of ids are all read from it. The shopper's filters are applied
outside the CTE so each facet can leave its own filter out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from marketplace.certification.selectors import today_in_vietnam
from marketplace.search.backends import postgres_index
from marketplace.search.backends.base import (
    ProductSearchQuery,
    ProductSearchResult,
    SearchBackend,
    SearchFacets,
    SearchSort,
    SearchText,
)

# ts_rank weights, in PostgreSQL's order {D, C, B, A}: description, group/place, producer, name.
RANK_WEIGHTS = "{0.05,0.2,0.4,1.0}"


def tsquery_for(text: SearchText) -> str:
    """Every token as a prefix ('nuoc:* & ma:*'): results follow the shopper as they type."""
    return " & ".join(f"{token}:*" for token in text.tokens)


@dataclass(frozen=True)
class _Sql:
    sql: str
    params: list


SORT_COLUMNS = "id, f_rank, f_stars, f_created, f_price"
FUZZY_WHEN_FEWER_THAN = 3


class PostgresSearchBackend(SearchBackend):
    name = "postgres"

    # --- indexing -------------------------------------------------------------------------------------------
    def products_index(self, *, product_ids: Sequence[int] | None = None) -> int:
        postgres_index.documents_update(product_ids=product_ids)
        changes = postgres_index.entries_refresh(product_ids=product_ids, with_text=True)
        return len(changes.written)

    def products_remove(self, *, product_ids: Sequence[int]) -> None:
        """Nothing to do: entries go with their product (ON DELETE CASCADE)."""

    # --- searching ------------------------------------------------------------------------------------------
    def product_search(self, query: ProductSearchQuery) -> ProductSearchResult:
        result = self._run(self.statement(query, fuzzy=False))
        if not query.text.is_empty and query.text.is_short and result.total < FUZZY_WHEN_FEWER_THAN:
            # Few exact matches for a short query: likely a typo, so widen to trigram similarity.
            result = self._run(self.statement(query, fuzzy=True))
        return result

    def statement(self, query: ProductSearchQuery, *, fuzzy: bool = False) -> _Sql:
        base = self._base(query, fuzzy=fuzzy)
        conditions = self._conditions(query)
        all_ = self._where(conditions)
        parts: list[_Sql] = []

        def facet(select: str, leave_out: str | None, extra: str = "", group_by: str = "") -> None:
            where = self._where(conditions, leave_out=leave_out)
            parts.append(_Sql(f"SELECT {select} FROM base WHERE {where.sql}{extra}{group_by}", where.params))

        facet("'stars', f_stars::text, count(*)", "stars", group_by=" GROUP BY f_stars")
        facet("'category', f_cat::text, count(*)", "category", group_by=" GROUP BY f_cat")
        facet("'province', f_province, count(*)", "province", group_by=" GROUP BY f_province")
        facet("'sales_point', '', count(*)", "sales_point", extra=" AND f_sp")
        facet("'price', min(f_price)::text, coalesce(max(f_price), 0)::bigint", "price")
        facet("'total', '', count(*)", None)
        order_by = self._order_by(query.sort)
        # ORDER BY + LIMIT inside (a bounded top-N sort), numbered outside (a sort of one page only).
        parts.append(_Sql(
            f"SELECT 'page', id::text, row_number() OVER (ORDER BY {order_by}) FROM (SELECT {SORT_COLUMNS}"
            f" FROM base WHERE {all_.sql} ORDER BY {order_by} LIMIT %s OFFSET %s) AS page",
            [*all_.params, query.limit, query.offset],
        ))
        union = " UNION ALL ".join(f"({part.sql})" for part in parts)
        return _Sql(f"WITH base AS MATERIALIZED ({base.sql}) {union}",
                    [*base.params, *(p for part in parts for p in part.params)])

    def _base(self, query: ProductSearchQuery, *, fuzzy: bool) -> _Sql:
        """The channel's entries published now, listable today (the listing rule's expiry, on the rule's
        clock), matching the text, with what the filters, facets and sorts need."""
        fragments = [_Sql(
            "SELECT e.product_id AS id, e.stars AS f_stars, e.province_code AS f_province,"
            " e.category_id AS f_cat, e.category_parent_id AS f_cat_p, e.category_grandparent_id AS f_cat_pp,"
            " e.price AS f_price,"
            " e.in_sales_point AS f_sp, e.product_created_at AS f_created, ", [])]
        fragments.append(self._rank(query.text, fuzzy=fuzzy) if not query.text.is_empty
                         else _Sql("0.0::float AS f_rank", []))
        fragments.append(_Sql(
            " FROM search_productsearchentry e"
            " WHERE e.channel_id = (SELECT id FROM channel_channel WHERE slug = %s) AND e.visible"
            " AND (e.published_at IS NULL OR e.published_at <= %s) AND e.listable_until >= %s",
            [query.channel_slug, query.at or timezone.now(), today_in_vietnam(query.at)],
        ))
        if query.filters.producer_id is not None:
            fragments.append(_Sql(" AND e.producer_id = %s", [query.filters.producer_id]))
        if not query.text.is_empty:
            fragments.append(self._match(query.text, fuzzy=fuzzy))
        return _Sql(" ".join(f.sql for f in fragments), [p for f in fragments for p in f.params])

    @staticmethod
    def _match(text: SearchText, *, fuzzy: bool) -> _Sql:
        if not fuzzy:
            return _Sql(" AND e.vector @@ to_tsquery('simple', %s)", [tsquery_for(text)])
        # word similarity against "name + producer", through the trigram index: 'nuoc nam' finds 'nuoc mam'
        return _Sql(" AND (e.vector @@ to_tsquery('simple', %s) OR e.document %%> %s)",
                    [tsquery_for(text), text.folded])

    @staticmethod
    def _rank(text: SearchText, *, fuzzy: bool) -> _Sql:
        # Full-text rank carries the field weights; a document starting with the query (the product name
        # comes first in it) gets a bonus over a producer match; in the fuzzy pass, closer spellings rank
        # higher.
        # Tokens are [a-z0-9] only, so the LIKE pattern needs no escaping.
        sql = (f"ts_rank('{RANK_WEIGHTS}', e.vector, to_tsquery('simple', %s))"
               " + CASE WHEN e.document LIKE %s THEN 0.5 ELSE 0 END")
        params: list = [tsquery_for(text), f"{text.folded}%"]
        if fuzzy:
            sql += " + 0.5 * word_similarity(%s, e.document)"
            params.append(text.folded)
        return _Sql(f"({sql})::float AS f_rank", params)

    @staticmethod
    def _conditions(query: ProductSearchQuery) -> dict[str, tuple[str, list]]:
        f = query.filters
        conditions: dict[str, tuple[str, list]] = {}
        if f.stars:
            conditions["stars"] = ("f_stars = ANY(%s)", [list(f.stars)])
        if f.category_id is not None:
            conditions["category"] = ("%s IN (f_cat, f_cat_p, f_cat_pp)", [f.category_id])
        if f.province_code:
            conditions["province"] = ("f_province = %s", [f.province_code])
        if f.at_sales_point:
            conditions["sales_point"] = ("f_sp", [])
        price = []
        price_params: list = []
        if f.price_min is not None:
            price.append("f_price >= %s")
            price_params.append(f.price_min)
        if f.price_max is not None:
            price.append("f_price <= %s")
            price_params.append(f.price_max)
        if price:
            conditions["price"] = (" AND ".join(price), price_params)
        return conditions

    @staticmethod
    def _where(conditions: dict[str, tuple[str, list]], *, leave_out: str | None = None) -> _Sql:
        parts = [(sql, params) for key, (sql, params) in conditions.items() if key != leave_out]
        if not parts:
            return _Sql("true", [])
        return _Sql(" AND ".join(f"({sql})" for sql, _ in parts), [p for _, params in parts for p in params])

    @staticmethod
    def _order_by(sort: SearchSort) -> str:
        return {
            SearchSort.RELEVANCE: "f_rank DESC, f_stars DESC, f_created DESC, id DESC",
            SearchSort.PRICE_ASC: "f_price ASC NULLS LAST, id",
            SearchSort.PRICE_DESC: "f_price DESC NULLS LAST, id",
            SearchSort.NEWEST: "f_created DESC, id DESC",
            SearchSort.STARS: "f_stars DESC, f_rank DESC, f_created DESC, id DESC",
        }[sort]

    def _run(self, statement: _Sql) -> ProductSearchResult:
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params)
            rows = cursor.fetchall()
        stars: dict[int, int] = {}
        categories: dict[int, int] = {}
        provinces: dict[str, int] = {}
        page: list[tuple[int, int]] = []
        at_sales_point = total = 0
        price_min = price_max = None
        for kind, value, number in rows:
            if kind == "page":
                page.append((number, int(value)))
            elif kind == "stars" and value is not None:
                stars[int(value)] = number
            elif kind == "category" and value is not None:
                categories[int(value)] = number
            elif kind == "province" and value:
                provinces[value] = number
            elif kind == "sales_point":
                at_sales_point = number
            elif kind == "price" and value is not None:
                price_min, price_max = int(float(value)), int(number)
            elif kind == "total":
                total = number
        facets = SearchFacets(stars=stars, categories=categories, provinces=provinces,
                              at_sales_point=at_sales_point, price_min=price_min, price_max=price_max)
        return ProductSearchResult(product_ids=[pk for _, pk in sorted(page)], total=total, facets=facets,
                                   backend=self.name)
