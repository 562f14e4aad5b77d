"""ProductList through the GraphQL API against the bare SQL for the same rows.

    .venv/bin/python bench/catalog_api.py [--products 10000] [--runs 50] [--page 20]

Builds N certified products (bulk inserts) in the database `ocop_bench_catalog`, then runs the storefront's
ProductList query many times and prints median and p95, the SQL queries per request, the bare SQL time for the
same rows, and the ratio of the two (target: ratio <= 3 at 10,000 products).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._db import percentile, use_bench_database  # noqa: E402

QUERY = """query($first: Int!, $after: String) {
  products(first: $first, after: $after, channel: "default-channel") {
    totalCount
    edges { cursor node { id name slug
      thumbnail { url alt }
      category { id name }
      pricing { priceRange { start { gross { amount currency } } stop { gross { amount currency } } } } } }
    pageInfo { endCursor hasNextPage } } }"""


def build(n: int) -> None:
    from marketplace.account.models import Address
    from marketplace.certification.models import Certificate
    from marketplace.channel.services import channel_ensure
    from marketplace.producer.models import Producer
    from marketplace.product.models import (
        Product,
        ProductChannelListing,
        ProductMedia,
        ProductVariant,
        ProductVariantChannelListing,
    )
    from marketplace.product.services import category_tree_ensure, product_type_ensure
    from marketplace.warehouse.models import Stock, Warehouse

    channel = channel_ensure(slug="default-channel", name="Toàn quốc")
    categories = [c for code, c in category_tree_ensure().items() if code.count(".") == 2]
    product_type = product_type_ensure()
    producers = Producer.objects.bulk_create(
        [Producer(name=f"HTX {i}", slug=f"htx-{i}", province_code="ha-tinh") for i in range(200)])
    address = Address.objects.create(street_address_1="1 Trần Phú", country_area="Hà Tĩnh")
    warehouse = Warehouse.objects.create(name="Kho", slug="kho", address=address, is_private=False)
    warehouse.channels.add(channel)
    batch = 2000
    for start in range(0, n, batch):
        products = Product.objects.bulk_create([
            Product(name=f"Sản phẩm OCOP {i:06d}", slug=f"san-pham-ocop-{i:06d}", product_type=product_type,
                    category=categories[i % len(categories)], producer=producers[i % len(producers)],
                    search_document=f"san pham ocop {i:06d}")
            for i in range(start, min(start + batch, n))])
        ProductChannelListing.objects.bulk_create([
            ProductChannelListing(product=p, channel=channel, is_published=True, visible_in_listings=True,
                                  discounted_price_amount=Decimal(50_000 + p.pk % 100 * 1000)) for p in products])
        ProductMedia.objects.bulk_create([ProductMedia(product=p, external_url=f"/media/{p.slug}.png", alt=p.name)
                                          for p in products])
        variants = ProductVariant.objects.bulk_create([
            ProductVariant(product=p, name=name, sku=f"{p.slug}-{k}") for p in products
            for k, name in enumerate(["Hộp nhỏ", "Hộp lớn"])])
        ProductVariantChannelListing.objects.bulk_create([
            ProductVariantChannelListing(variant=v, channel=channel,
                                         price_amount=Decimal(50_000 + v.product_id % 100 * 1000 + v.pk % 2 * 20_000))
            for v in variants])
        Stock.objects.bulk_create([Stock(warehouse=warehouse, product_variant=v, quantity=10) for v in variants])
        today = date.today()
        Certificate.objects.bulk_create([
            Certificate(registry_id=f"B-{p.pk}", product=p, number=f"{p.pk}/GCN", stars=3 + p.pk % 3,
                        decision_date=today - timedelta(days=100), expires_on=today + timedelta(days=900))
            for p in products])
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


BARE_SQL = [
    # the same rows, fetched with hand-written SQL: count, page, thumbnails, categories, variants, prices
    """SELECT count(*) FROM product_product p
       WHERE EXISTS (SELECT 1 FROM product_productchannellisting l WHERE l.product_id = p.id AND l.channel_id = %(ch)s
                     AND l.is_published AND l.visible_in_listings)
         AND EXISTS (SELECT 1 FROM certification_certificate c WHERE c.product_id = p.id AND c.status = 'active'
                     AND c.stars >= 3 AND c.expires_on >= CURRENT_DATE)""",
    """SELECT p.id, p.name, p.slug, p.category_id FROM product_product p
       WHERE EXISTS (SELECT 1 FROM product_productchannellisting l WHERE l.product_id = p.id AND l.channel_id = %(ch)s
                     AND l.is_published AND l.visible_in_listings)
         AND EXISTS (SELECT 1 FROM certification_certificate c WHERE c.product_id = p.id AND c.status = 'active'
                     AND c.stars >= 3 AND c.expires_on >= CURRENT_DATE)
       ORDER BY p.name, p.id LIMIT %(n)s""",
    "SELECT product_id, external_url, alt FROM product_productmedia WHERE product_id = ANY(%(ids)s)",
    "SELECT id, name FROM product_category WHERE id = ANY(%(cats)s)",
    "SELECT id, product_id FROM product_productvariant WHERE product_id = ANY(%(ids)s)",
    """SELECT variant_id, price_amount FROM product_productvariantchannellisting
       WHERE variant_id = ANY(%(vids)s) AND channel_id = %(ch)s AND price_amount IS NOT NULL""",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--page", type=int, default=20)
    args = parser.parse_args()

    use_bench_database("ocop_bench_catalog")
    started = time.perf_counter()
    build(args.products)
    print(f"built {args.products} products in {time.perf_counter() - started:.1f} s")

    from django.db import connection, reset_queries
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from marketplace.channel.models import Channel
    from marketplace.graphql.api import schema

    factory = RequestFactory()

    def api_once() -> tuple[float, int, dict]:
        request = factory.post("/graphql/")
        from django.contrib.auth.models import AnonymousUser

        request.user = AnonymousUser()
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            result = schema.execute(QUERY, variables={"first": args.page}, context_value=request)
            elapsed = time.perf_counter() - t0
        assert not result.errors, result.errors
        return elapsed, len(ctx.captured_queries), result.data

    for _ in range(3):
        api_once()
    api_times, queries = [], 0
    for _ in range(args.runs):
        elapsed, queries, data = api_once()
        api_times.append(elapsed)
        reset_queries()
    edges = data["products"]["edges"]
    channel_id = Channel.objects.get(slug="default-channel").pk

    def sql_once() -> float:
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(BARE_SQL[0], {"ch": channel_id})
            cursor.fetchone()
            cursor.execute(BARE_SQL[1], {"ch": channel_id, "n": args.page})
            rows = cursor.fetchall()
            ids = [r[0] for r in rows]
            cats = list({r[3] for r in rows})
            cursor.execute(BARE_SQL[2], {"ids": ids})
            cursor.fetchall()
            cursor.execute(BARE_SQL[3], {"cats": cats})
            cursor.fetchall()
            cursor.execute(BARE_SQL[4], {"ids": ids})
            vids = [r[0] for r in cursor.fetchall()]
            cursor.execute(BARE_SQL[5], {"vids": vids, "ch": channel_id})
            cursor.fetchall()
        return time.perf_counter() - t0

    for _ in range(3):
        sql_once()
    sql_times = [sql_once() for _ in range(args.runs)]

    api_median, sql_median = statistics.median(api_times), statistics.median(sql_times)
    print(f"products: {args.products}, page size: {args.page}, runs: {args.runs}, rows returned: {len(edges)}")
    print(f"API   median {api_median * 1000:7.2f} ms   p95 {percentile(api_times, 95) * 1000:7.2f} ms   "
          f"SQL queries per request: {queries}")
    print(f"SQL   median {sql_median * 1000:7.2f} ms   p95 {percentile(sql_times, 95) * 1000:7.2f} ms   (bare SQL, "
          f"{len(BARE_SQL)} statements)")
    print(f"ratio API/SQL (median): {api_median / sql_median:.2f}  (target <= 3)")


if __name__ == "__main__":
    main()
