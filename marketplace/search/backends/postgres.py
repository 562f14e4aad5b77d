"""PostgreSQL search: full text (tsvector, weighted name > producer > group/province > description) plus trigram
word similarity for typo tolerance on short queries, over text folded by `ocop_fold` (unaccent, with đ -> d).

One statement answers a page: a MATERIALIZED CTE holds every listable, published product that matches the text
(the listing rule comes from certification.selectors, compiled into the CTE), and the facet counts, the total
and the page of ids are all read from it. The shopper's filters are applied outside the CTE so each facet can
leave its own filter out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone

from marketplace.certification.selectors import current_certificate_subquery, products_listable
from marketplace.core.geography import PROVINCES
from marketplace.product.models import Product
from marketplace.search.backends.base import (
    ProductSearchQuery,
    ProductSearchResult,
    SearchBackend,
    SearchFacets,
    SearchSort,
    SearchText,
)
from marketplace.warehouse.selectors import stock_available_q_for_product

# ts_rank weights, in PostgreSQL's order {D, C, B, A}: description, group/province, producer, name.
RANK_WEIGHTS = "{0.05,0.2,0.4,1.0}"
DESCRIPTION_CHARS = 4000

_DOCUMENT_SQL = """
WITH prov(code, names) AS (SELECT * FROM unnest(%s::text[], %s::text[]))
UPDATE product_product AS p
SET search_document = d.document, search_vector = d.vector, search_index_dirty = false
FROM (
    SELECT p0.id,
        ocop_fold(concat_ws(' ', p0.name, pr.name)) AS document,
        setweight(to_tsvector('simple', ocop_fold(concat_ws(' ', p0.name, t.name))), 'A')
        || setweight(to_tsvector('simple', ocop_fold(coalesce(pr.name, ''))), 'B')
        || setweight(to_tsvector('simple', ocop_fold(concat_ws(' ', c.name, c1.name, c2.name,
               pr.province_as_published, pr.district_as_published, prov.names))), 'C')
        || setweight(to_tsvector('simple', ocop_fold(left(p0.description_plaintext, %s))), 'D') AS vector
    FROM product_product p0
    LEFT JOIN producer_producer pr ON pr.id = p0.producer_id
    LEFT JOIN prov ON prov.code = pr.province_code
    LEFT JOIN product_category c ON c.id = p0.category_id
    LEFT JOIN product_category c1 ON c1.id = c.parent_id
    LEFT JOIN product_category c2 ON c2.id = c1.parent_id
    LEFT JOIN product_producttranslation t ON t.product_id = p0.id AND t.language_code = 'en'
    WHERE {where}
) AS d
WHERE p.id = d.id
"""


def _province_search_names() -> tuple[list[str], list[str]]:
    """Each current province with its old names, so 'vinh phuc' finds products now in Phú Thọ."""
    return [p.code for p in PROVINCES], [" ".join((p.name, *p.merged_from)) for p in PROVINCES]


def tsquery_for(text: SearchText) -> str:
    """Every token as a prefix ('nuoc:* & ma:*'): results follow the shopper as they type. Tokens are [a-z0-9]."""
    return " & ".join(f"{token}:*" for token in text.tokens)


def published_in_channel_q(*, channel_slug: str, now) -> Q:
    """One Q (so one join) for the channel listing: published, visible in listings, publication date reached."""
    return Q(
        channel_listings__channel__slug=channel_slug,
        channel_listings__is_published=True,
        channel_listings__visible_in_listings=True,
    ) & (Q(channel_listings__published_at__isnull=True) | Q(channel_listings__published_at__lte=now))


@dataclass(frozen=True)
class _Sql:
    sql: str
    params: list


class PostgresSearchBackend(SearchBackend):
    name = "postgres"

    # --- indexing -------------------------------------------------------------------------------------------
    def products_index(self, *, product_ids: Sequence[int] | None = None) -> int:
        codes, names = _province_search_names()
        if product_ids is None:
            where, params = "true", []
        else:
            where, params = "p0.id = ANY(%s)", [list(product_ids)]
        with connection.cursor() as cursor:
            cursor.execute(_DOCUMENT_SQL.format(where=where), [codes, names, DESCRIPTION_CHARS, *params])
            return cursor.rowcount

    def products_remove(self, *, product_ids: Sequence[int]) -> None:
        """Nothing to do: the document lives on the product row and goes with it."""

    # --- searching ------------------------------------------------------------------------------------------
    def base_queryset(self, query: ProductSearchQuery) -> QuerySet:
        now = query.at or timezone.now()
        qs = Product.objects.filter(published_in_channel_q(channel_slug=query.channel_slug, now=now))
        qs = products_listable(queryset=qs, at=query.at)
        if query.filters.producer_id is not None:
            qs = qs.filter(producer_id=query.filters.producer_id)
        qs = qs.annotate(f_rank=self._rank(query.text)) if not query.text.is_empty else qs.annotate(
            f_rank=Value(0.0, output_field=FloatField()))
        if not query.text.is_empty:
            qs = qs.filter(self._match(query.text))
        return qs.annotate(
            f_stars=current_certificate_subquery(field="stars"),
            f_province=F("producer__province_code"),
            f_cat=F("category_id"),
            f_cat_p=F("category__parent_id"),
            f_cat_pp=F("category__parent__parent_id"),
            f_price=F("channel_listings__discounted_price_amount"),
            f_sp=stock_available_q_for_product(public_only=True),
            f_created=F("created_at"),
        ).values("id", "f_rank", "f_stars", "f_province", "f_cat", "f_cat_p", "f_cat_pp", "f_price", "f_sp",
                 "f_created")

    @staticmethod
    def _match(text: SearchText) -> RawSQL:
        sql = "\"product_product\".\"search_vector\" @@ to_tsquery('simple', %s)"
        params: list = [tsquery_for(text)]
        if text.is_short:
            # word similarity against "name + producer", via the trigram index: 'nuoc nam' still finds 'nuoc mam'
            sql = f"({sql} OR \"product_product\".\"search_document\" %%> %s)"
            params.append(text.folded)
        return RawSQL(sql, params, output_field=BooleanField())

    @staticmethod
    def _rank(text: SearchText) -> RawSQL:
        # Full-text rank carries the field weights; trigram similarity on name+producer rewards close spellings;
        # a document that starts with the query (the product name does) gets a bonus over a producer match.
        sql = (
            f"ts_rank('{RANK_WEIGHTS}', \"product_product\".\"search_vector\", to_tsquery('simple', %s))"
            " + 0.5 * word_similarity(%s, \"product_product\".\"search_document\")"
            " + CASE WHEN \"product_product\".\"search_document\" LIKE %s THEN 0.5 ELSE 0 END"
        )
        # tokens are [a-z0-9] only, so the LIKE pattern needs no escaping
        return RawSQL(sql, [tsquery_for(text), text.folded, f"{text.folded}%"], output_field=FloatField())

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
            SearchSort.RELEVANCE: "f_rank DESC, f_stars DESC NULLS LAST, f_created DESC, id DESC",
            SearchSort.PRICE_ASC: "f_price ASC NULLS LAST, id",
            SearchSort.PRICE_DESC: "f_price DESC NULLS LAST, id",
            SearchSort.NEWEST: "f_created DESC, id DESC",
            SearchSort.STARS: "f_stars DESC NULLS LAST, f_rank DESC, f_created DESC, id DESC",
        }[sort]

    def statement(self, query: ProductSearchQuery) -> _Sql:
        base_sql, base_params = self.base_queryset(query).query.sql_with_params()
        conditions = self._conditions(query)
        all_ = self._where(conditions)
        parts: list[_Sql] = []

        def facet(select: str, leave_out: str | None, extra: str = "", group_by: str = "") -> None:
            where = self._where(conditions, leave_out=leave_out)
            sql = f"SELECT {select} FROM base WHERE {where.sql}{extra}{group_by}"
            parts.append(_Sql(sql, where.params))

        facet("'stars', f_stars::text, count(*)", "stars", group_by=" GROUP BY f_stars")
        facet("'category', f_cat::text, count(*)", "category", group_by=" GROUP BY f_cat")
        facet("'province', f_province, count(*)", "province", group_by=" GROUP BY f_province")
        facet("'sales_point', '', count(*)", "sales_point", extra=" AND f_sp")
        facet("'price', min(f_price)::text, coalesce(max(f_price), 0)::bigint", "price")
        facet("'total', '', count(*)", None)
        order_by = self._order_by(query.sort)
        parts.append(_Sql(
            f"SELECT 'page', id::text, ordinal FROM (SELECT id, row_number() OVER (ORDER BY {order_by}) AS ordinal"
            f" FROM base WHERE {all_.sql} ORDER BY {order_by} LIMIT %s OFFSET %s) AS page",
            [*all_.params, query.limit, query.offset],
        ))
        union = " UNION ALL ".join(f"({part.sql})" for part in parts)
        return _Sql(f"WITH base AS MATERIALIZED ({base_sql}) {union}",
                    [*base_params, *(p for part in parts for p in part.params)])

    def product_search(self, query: ProductSearchQuery) -> ProductSearchResult:
        statement = self.statement(query)
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
