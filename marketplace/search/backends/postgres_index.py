"""PostgreSQL indexing, set-based: one statement writes the folded search text of many products, one writes
their search entries (marketplace.search.models.ProductSearchEntry). Both are idempotent; the entry statement
returns the products whose entry actually changed, so the periodic refresh tells Elasticsearch about those."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Max, QuerySet

from marketplace.certification.selectors import valid_certificates
from marketplace.core.geography import PROVINCES
from marketplace.core.text import vn_slugify
from marketplace.warehouse.selectors import stock_at_sales_points

DESCRIPTION_CHARS = 4000

# Weighted for ts_rank: A name (and English name), B producer, C group names and places, D description.
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

_ENTRY_COLUMNS = ["visible", "published_at", "listable_until", "stars", "price", "in_sales_point",
                  "category_id", "category_parent_id", "category_grandparent_id", "province_code",
                  "producer_id", "product_created_at"]
_TEXT_COLUMNS = ["document", "vector"]

_ENTRY_SQL = """
WITH province_keys(key, code) AS (SELECT * FROM unnest(%s::text[], %s::text[])),
valid AS ({valid}),
current_cert AS (
    SELECT DISTINCT ON (product_id) product_id, stars FROM certification_certificate
    WHERE status <> 'superseded' {cert_where}
    ORDER BY product_id, decision_date DESC NULLS LAST, id DESC
),
sp AS ({stock}),
src AS (
    SELECT pcl.product_id, pcl.channel_id, (pcl.is_published AND pcl.visible_in_listings) AS visible,
        pcl.published_at, valid.until AS listable_until, current_cert.stars,
        pcl.discounted_price_amount AS price, sp.product_id IS NOT NULL AS in_sales_point, p.category_id,
        c.parent_id AS category_parent_id, c1.parent_id AS category_grandparent_id,
        coalesce(nullif(pr.province_code, ''), pk.code, '') AS province_code, p.producer_id,
        p.created_at AS product_created_at,
        p.search_document AS document, p.search_vector AS vector
    FROM product_productchannellisting pcl
    JOIN product_product p ON p.id = pcl.product_id
    LEFT JOIN valid ON valid.product_id = p.id
    LEFT JOIN current_cert ON current_cert.product_id = p.id
    LEFT JOIN sp ON sp.product_id = p.id
    LEFT JOIN producer_producer pr ON pr.id = p.producer_id
    LEFT JOIN province_keys pk ON pk.key
        = trim(both '-' from regexp_replace(ocop_fold(pr.province_as_published), '[^a-z0-9]+', '-', 'g'))
    LEFT JOIN product_category c ON c.id = p.category_id
    LEFT JOIN product_category c1 ON c1.id = c.parent_id
    {src_where}
)
INSERT INTO search_productsearchentry AS e (product_id, channel_id, {columns}, document, vector, indexed_at)
SELECT product_id, channel_id, {columns}, document, vector, now() FROM src
ON CONFLICT (product_id, channel_id) DO UPDATE SET {updates}, indexed_at = now()
WHERE ({compared}) IS DISTINCT FROM ({excluded})
RETURNING e.product_id
"""

_ORPHANS_SQL = """
DELETE FROM search_productsearchentry e
WHERE NOT EXISTS (SELECT 1 FROM product_productchannellisting pcl
                  WHERE pcl.product_id = e.product_id AND pcl.channel_id = e.channel_id) {where}
RETURNING e.product_id
"""


@dataclass(frozen=True)
class EntryChanges:
    written: set[int]  # products whose entry was created or changed
    removed: set[int]  # products whose entry went (their channel listing was deleted)


def _province_keys() -> tuple[list[str], list[str]]:
    """Slugs of every province name, current and old, with and without "tỉnh"/"thành phố": the province of a
    producer whose current province code is missing, from its address as published."""
    keys, codes = [], []
    for province in PROVINCES:
        for name in (province.name, *province.merged_from):
            for prefix in ("", "tỉnh ", "thành phố ", "tp "):
                keys.append(vn_slugify(prefix + name))
                codes.append(province.code)
    return keys, codes


def _province_search_names() -> tuple[list[str], list[str]]:
    """Each current province with its old names, so 'vinh phuc' finds products now in Phú Thọ."""
    return [p.code for p in PROVINCES], [" ".join((p.name, *p.merged_from)) for p in PROVINCES]


def _sql(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def documents_update(*, product_ids: Sequence[int] | None) -> int:
    """Fold and weight the searchable text of these products (all when None) into their search fields."""
    codes, names = _province_search_names()
    where, params = ("true", []) if product_ids is None else ("p0.id = ANY(%s)", [list(product_ids)])
    with connection.cursor() as cursor:
        cursor.execute(_DOCUMENT_SQL.format(where=where), [codes, names, DESCRIPTION_CHARS, *params])
        return cursor.rowcount


def entries_refresh(*, product_ids: Sequence[int] | None, with_text: bool) -> EntryChanges:
    """Bring the search entries of these products (all when None) in line with the catalogue.

    Without text, only what changes often is compared and written (listing, certificate, price, stock): the
    periodic refresh of the whole catalogue. With text, the search document is copied too (after
    documents_update for the same products).
    """
    valid = valid_certificates().order_by().values("product_id").annotate(until=Max("expires_on"))
    stock = stock_at_sales_points().annotate(product_id=F("product_variant__product_id")).values(
        "product_id").distinct()
    ids = None if product_ids is None else list(product_ids)
    if ids is not None:
        valid = valid.filter(product_id__in=ids)
        stock = stock.filter(product_variant__product_id__in=ids)
    valid_sql, valid_params = _sql(valid)
    stock_sql, stock_params = _sql(stock)
    updated = _ENTRY_COLUMNS + (_TEXT_COLUMNS if with_text else [])
    statement = _ENTRY_SQL.format(
        valid=valid_sql, stock=stock_sql,
        cert_where="" if ids is None else "AND product_id = ANY(%s)",
        src_where="" if ids is None else "WHERE pcl.product_id = ANY(%s)",
        columns=", ".join(_ENTRY_COLUMNS),
        updates=", ".join(f"{c} = EXCLUDED.{c}" for c in updated),
        compared=", ".join(f"e.{c}" for c in updated),
        excluded=", ".join(f"EXCLUDED.{c}" for c in updated),
    )
    id_params = [] if ids is None else [ids]
    params = [*_province_keys(), *valid_params, *id_params, *stock_params, *id_params]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        written = {row[0] for row in cursor.fetchall()}
        cursor.execute(_ORPHANS_SQL.format(where="" if ids is None else "AND e.product_id = ANY(%s)"),
                       [] if ids is None else [ids])
        removed = {row[0] for row in cursor.fetchall()}
    return EntryChanges(written=written, removed=removed)
