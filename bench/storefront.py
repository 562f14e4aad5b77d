"""Storefront speed: catalogue, search and product pages at 10,000 and 100,000 products.

    /work/main/.venv/bin/python bench/storefront.py                       # 10,000 and 100,000
    /work/main/.venv/bin/python bench/storefront.py --products 10000 --keep

Each size gets its own database (ocop_bench_storefront_<n>) on the PostgreSQL server of BENCH_DATABASE_URL
(default postgres://postgres@127.0.0.1:5432/postgres), built with bulk inserts and indexed for search, and is
dropped afterwards unless --keep (--reuse skips the build when it exists). Pages are requested in-process
through the whole Django stack (middleware, view, selectors, templates) with DEBUG off. For each page it
prints the median and p95 time, SQL queries per page, and the bare SQL time of the same statements replayed on
a cursor, with the ratio page / bare SQL.

Targets: search p95 <= 100 ms at 100,000 products; <= 10 SQL queries per page; catalogue page <= 3x bare SQL.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
SEARCHES = ["nuoc mam", "keo cu do", "che shan tuyet", "mat ong", "ruou", "gao st25", "vinh phuc", "ca phe",
            "nuoc nam", "banh da"]

# (name stem, group code) — stems shoppers search for, each in the product group it belongs to
KINDS = [
    ("Nước mắm", "I.4.a"), ("Kẹo cu đơ", "I.3.b"), ("Chè Shan tuyết", "I.5.a"), ("Mật ong", "I.3.e"),
    ("Gạo ST25", "I.3.b"), ("Rượu men lá", "II.1.a"), ("Cà phê", "I.6.a"), ("Bánh đa vừng", "I.3.b"),
    ("Mắm tôm", "I.4.a"), ("Miến dong", "I.3.b"), ("Tương bần", "I.4.a"), ("Nấm linh chi", "III.1"),
    ("Trà hoa vàng", "III.3"), ("Hạt điều rang muối", "I.3.a"), ("Tinh dầu sả", "III.2"),
    ("Thổ cẩm", "IV.2"), ("Giỏ mây tre đan", "IV.1"), ("Chả cá", "I.3.d"), ("Ruốc tôm", "I.3.d"),
    ("Bưởi Phúc Trạch", "I.1.a"),
]
PLACES = ["Vũng Áng", "Cửa Hội", "Phong Nga", "Suối Giàng", "Tam Đảo", "Phú Quốc", "Cát Hải", "Mèo Vạc",
          "Đồng Tháp Mười", "Sóc Trăng", "Bắc Hà", "Tủa Chùa", "Đà Lạt", "Buôn Ma Thuột", "Hương Khê",
          "Nghi Xuân", "Kỳ Anh", "Thạch Hà", "Lập Thạch", "Tây Giang"]
GRADES = ["", "loại 1", "đặc biệt", "hộp quà", "truyền thống", "nguyên chất", "thượng hạng", "40 độ đạm"]
PRODUCER_KINDS = ["HTX", "Cơ sở", "Công ty TNHH", "Hộ kinh doanh", "Tổ hợp tác"]


def _db_url(server: str, name: str) -> str:
    parts = urlsplit(server)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


# --- the parent process: one child per size ---------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=0,
                        help="requests per page kind (default: 60, 30 at 100k+)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--reuse", action="store_true", help="reuse an existing benchmark database")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        runs = args.runs or (30 if args.one >= 100_000 else 60)
        run_one(args.one, runs=runs, keep=args.keep, reuse=args.reuse)
        return
    for n in args.products:
        command = [sys.executable, __file__, "--one", str(n)] + (["--keep"] if args.keep else []) + (
            ["--reuse"] if args.reuse else []) + (["--runs", str(args.runs)] if args.runs else [])
        subprocess.run(command, check=True, cwd=ROOT)


def _create_database(server: str, name: str, *, reuse: bool) -> bool:
    """Create the benchmark database; returns True when it already existed and is reused."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reuse:
            return True
        if exists:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return False


def _drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the child process: build, measure, print ---------------------------------------------------------------
def run_one(n: int, *, runs: int, keep: bool, reuse: bool) -> None:
    server = os.environ.get("BENCH_DATABASE_URL", DEFAULT_SERVER)
    name = f"ocop_bench_storefront_{n}"
    reused = _create_database(server, name, reuse=reuse)
    os.environ.update({
        "DATABASE_URL": _db_url(server, name), "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "testserver", "DJANGO_SETTINGS_MODULE": "marketplace.config.settings",
        "LOG_LEVEL": "WARNING", "ELASTICSEARCH_URL": "",
    })
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    # Plain static storage: the manifest needs collectstatic, which a benchmark has no reason to run.
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    try:
        if not reused:
            started = time.perf_counter()
            build_dataset(n)
            print(f"built {n:,} products in {time.perf_counter() - started:.1f} s (database {name})")
        measure(n, runs=runs)
    finally:
        from django.db import connections

        connections.close_all()
        if not keep:
            _drop_database(server, name)


def build_dataset(n: int, *, seed: int = 20261122) -> None:
    from django.core.management import call_command
    from django.db import connection

    from marketplace.account.models import Address
    from marketplace.certification.models import Certificate
    from marketplace.channel.services import channel_ensure
    from marketplace.core.geography import PROVINCES
    from marketplace.core.text import vn_slugify
    from marketplace.producer.models import Producer
    from marketplace.product import services as product_services
    from marketplace.product.models import (
        Product,
        ProductChannelListing,
        ProductVariant,
        ProductVariantChannelListing,
    )
    from marketplace.search.services import search_index_products
    from marketplace.warehouse.models import Stock, Warehouse

    rng = random.Random(seed)
    call_command("migrate", verbosity=0)
    channel = channel_ensure(slug="default-channel", name="Kênh mặc định")
    categories = product_services.category_tree_ensure()
    product_type = product_services.product_type_ensure()
    today = date.today()

    producers = []
    for i in range(max(1, n // 8)):
        province = rng.choice(PROVINCES)
        published = rng.choice([province.name, *province.merged_from])
        name = f"{rng.choice(PRODUCER_KINDS)} {rng.choice(PLACES)} {i}"
        producers.append(Producer(name=name, slug=f"{vn_slugify(name)}-{i}", province_code=province.code,
                                  province_as_published=published, kind="cooperative"))
    producers = Producer.objects.bulk_create(producers, batch_size=5000)

    products = []
    for i in range(n):
        stem, group = KINDS[i % len(KINDS)] if rng.random() < 0.9 else rng.choice(KINDS)
        name = " ".join(x for x in (stem, rng.choice(PLACES), rng.choice(GRADES)) if x)
        products.append(Product(
            name=name, slug=f"{vn_slugify(name)}-{i}", product_type=product_type, category=categories[group],
            producer=rng.choice(producers), description_plaintext=f"{name}: đặc sản OCOP, sản xuất thủ công.",
        ))
    products = Product.objects.bulk_create(products, batch_size=5000)

    listings, variants = [], []
    for product in products:
        listings.append(ProductChannelListing(product=product, channel=channel,
                                              is_published=rng.random() < 0.97, visible_in_listings=True))
        for v in range(1 if rng.random() < 0.6 else 2):
            variants.append(ProductVariant(product=product, name=["Chai 500 ml", "Hộp 1 kg"][v],
                                           sku=f"{product.slug}-{v}", sort_order=v))
    variants = ProductVariant.objects.bulk_create(variants, batch_size=5000)
    prices: dict[int, Decimal] = {}
    variant_listings = []
    for variant in variants:
        if rng.random() < 0.92:
            price = Decimal(rng.randrange(20, 900) * 1000)
            prices[variant.product_id] = min(price, prices.get(variant.product_id, price))
            variant_listings.append(ProductVariantChannelListing(variant=variant, channel=channel,
                                                                 price_amount=price))
    ProductVariantChannelListing.objects.bulk_create(variant_listings, batch_size=5000)
    for listing in listings:
        listing.discounted_price_amount = prices.get(listing.product.pk)
    ProductChannelListing.objects.bulk_create(listings, batch_size=5000)

    certificates = []
    for product in products:
        stars = rng.choices([2, 3, 4, 5], weights=[5, 45, 38, 12])[0]
        status = rng.choices(["active", "expired", "revoked"], weights=[92, 4, 4])[0]
        decided = today - timedelta(days=rng.randrange(10, 1100))
        expires = decided + timedelta(days=1095) if rng.random() < 0.95 else today - timedelta(days=3)
        certificates.append(Certificate(
            registry_id=f"B-{product.pk}", product=product, producer_id=product.producer_id,
            number=f"{product.pk}/GCN-UBND", stars=stars, score=Decimal(40 + stars * 10), issuer="UBND tỉnh",
            issuer_level="province", decision_number=f"{product.pk}/QĐ-UBND", decision_date=decided,
            expires_on=expires, status=status,
        ))
    Certificate.objects.bulk_create(certificates, batch_size=5000)

    warehouses = []
    for i in range(40):
        province = PROVINCES[i % len(PROVINCES)]
        address = Address.objects.create(street_address_1=f"{i} Trần Phú", city="Phường Trung tâm",
                                         country_area=province.name, province_code=province.code)
        warehouses.append(Warehouse(name=f"Điểm bán OCOP {i}", slug=f"diem-ban-{i}", address=address,
                                    is_private=i >= 30))
    warehouses = Warehouse.objects.bulk_create(warehouses)
    for warehouse in warehouses:
        warehouse.channels.add(channel)
    stocks = [Stock(warehouse=rng.choice(warehouses), product_variant=variant,
                    quantity=(q := rng.randrange(0, 50)), quantity_allocated=min(q, rng.randrange(0, 5)))
              for variant in variants if rng.random() < 0.5]
    Stock.objects.bulk_create(stocks, batch_size=5000, ignore_conflicts=True)

    started = time.perf_counter()
    search_index_products()
    print(f"full search index of {n:,} products: {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _time_page(client, url: str) -> tuple[float, list[dict]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed, list(captured.captured_queries)


def _time_bare_sql(queries: list[dict]) -> float:
    """The same statements on a plain cursor, rows fetched: what the database alone costs for this page."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query["sql"])
            if cursor.description:
                cursor.fetchall()
    return time.perf_counter() - started


def measure(n: int, *, runs: int) -> None:
    from django.test import Client
    from django.urls import reverse

    from marketplace.search.catalog import product_cards_get
    from marketplace.search.selectors import product_search

    client = Client()
    listable = product_search(limit=100, sort="newest").product_ids
    slugs = [card.slug for card in product_cards_get(product_ids=listable)]
    pages = {
        "catalog": [reverse("storefront:catalog")],
        "catalog 5★+province": [reverse("storefront:catalog") + "?stars=5&province=phu-tho&sort=price_asc"],
        "search": [reverse("storefront:catalog") + f"?q={q.replace(' ', '+')}" for q in SEARCHES],
        "product": [reverse("storefront:product", args=[slug]) for slug in slugs],
    }
    print(f"\n{n:,} products ({product_search(limit=0).total:,} listable), {runs} requests per page kind")
    header = (f"{'page':<22}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'bare SQL ms':>13}{'ratio':>8}"
              f"{'  (median page / median bare SQL)'}")
    print(header)
    print("-" * len(header))
    for kind, urls in pages.items():
        for url in urls[:3]:
            _time_page(client, url)  # warm up: connection, template cache, PostgreSQL buffers
        page_times, sql_times, query_counts = [], [], []
        for i in range(runs):
            url = urls[i % len(urls)]
            elapsed, queries = _time_page(client, url)
            page_times.append(elapsed * 1000)
            query_counts.append(len(queries))
            sql_times.append(_time_bare_sql(queries) * 1000)
        median_page, median_sql = statistics.median(page_times), statistics.median(sql_times)
        print(f"{kind:<22}{median_page:>10.1f}{_percentile(page_times, 95):>9.1f}{max(query_counts):>9}"
              f"{median_sql:>13.1f}{median_page / median_sql:>8.2f}")
    from marketplace.search.backends import postgres_index

    started = time.perf_counter()
    postgres_index.entries_refresh(product_ids=None, with_text=False)
    print(f"periodic search refresh of the whole catalogue (nothing changed): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    print("targets: search p95 <= 100 ms at 100,000 products; <= 10 queries per page; catalog ratio <= 3")


if __name__ == "__main__":
    main()
