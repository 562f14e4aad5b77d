"""stockBulkUpdate speed: one GraphQL call setting N stock lines of a sales point (a count correction each, written
to the ledger), as an operator signed in to the console would send it.

    python bench/stock_bulk_update.py [--rows 2000]

Target on a 2-core machine: 2,000 rows in under 3 s (it took 42 s when each row was its own stock_adjust). Runs in
a scratch database (bench_stock_bulk_update) on the server settings.py points at (DATABASE_URL, or the embedded
PostgreSQL)."""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._db import use_bench_database  # noqa: E402

BULK = """mutation($stocks: [StockBulkUpdateInput!]!) {
  stockBulkUpdate(stocks: $stocks) { count errors { code message } } }"""
VARIANTS_PER_PRODUCT = 20


def build(rows: int):
    """A sales point with `rows` stock lines of certified products (empty shelves) and its operator."""
    from marketplace.account.services import user_create
    from marketplace.certification.models import Certificate
    from marketplace.channel.services import channel_ensure
    from marketplace.producer.models import Producer
    from marketplace.product import services as product_services
    from marketplace.product.models import ProductVariant
    from marketplace.salespoint.services import SalesPointData, sales_point_create, sales_point_operators_set
    from marketplace.warehouse.models import Stock

    channel = channel_ensure(slug="default-channel", name="Kênh toàn quốc")
    point = sales_point_create(actor=None, data=SalesPointData(
        name="Trung tâm OCOP", slug="bench-point", kind="centre", location_category="trade_centre",
        street_address="1 Trần Phú", commune="Phường Thành Sen", province="Hà Tĩnh", channel_ids=[channel.pk]))
    operator = user_create(email="bench-op@example.com", password="bench-pw-123", roles=["sales_point_operator"])
    sales_point_operators_set(actor=None, warehouse_id=point.warehouse_id, user_ids=[operator.pk])
    producer = Producer.objects.create(slug="bench-producer", name="HTX Bench", province_code="ha-tinh")
    product_type = product_services.product_type_ensure()
    variants = []
    for p in range((rows + VARIANTS_PER_PRODUCT - 1) // VARIANTS_PER_PRODUCT):
        product = product_services.product_create(name=f"Sản phẩm {p}", product_type=product_type,
                                                   producer_id=producer.pk)
        Certificate.objects.create(
            registry_id=f"B-{product.pk}", product=product, producer=producer, number=f"{product.pk}/GCN",
            stars=4, score=Decimal(82), issuer="UBND tỉnh Hà Tĩnh", issuer_level="province",
            decision_number=f"{product.pk}/QĐ", decision_date=date.today() - timedelta(days=100),
            expires_on=date.today() + timedelta(days=900), status="active", group_code="I.4.a")
        variants += ProductVariant.objects.bulk_create([
            ProductVariant(product=product, name=f"Quy cách {i}", sku=f"bench-{p}-{i}")
            for i in range(VARIANTS_PER_PRODUCT)])
    variants = variants[:rows]
    Stock.objects.bulk_create([Stock(warehouse_id=point.warehouse_id, product_variant=v) for v in variants])
    return point, operator, variants


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    # As in production: no per-query debug logging, no GraphQL debug middleware.
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    use_bench_database("bench_stock_bulk_update")

    from django.db import connection
    from django.test import Client
    from graphql_relay import to_global_id

    from marketplace.salespoint.ledger import stock_ledger_mismatches

    t0 = time.perf_counter()
    point, operator, variants = build(args.rows)
    print(f"built {len(variants)} stock lines in {time.perf_counter() - t0:.1f} s")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(operator)
    client.post("/graphql/", data=json.dumps({"query": "{ shop { name } }"}), content_type="application/json")
    warehouse = to_global_id("Warehouse", point.warehouse_id)
    figures = {"rows": len(variants)}
    for label, quantity in (("receive (all rows up)", 50), ("count (all rows down)", 40)):
        stocks = [{"warehouseId": warehouse, "variantId": to_global_id("ProductVariant", v.pk),
                   "quantity": quantity + (i % 7)} for i, v in enumerate(variants)]
        body = json.dumps({"query": BULK, "variables": {"stocks": stocks}})
        queries: list[str] = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            t0 = time.perf_counter()
            response = client.post("/graphql/", data=body, content_type="application/json")
            seconds = time.perf_counter() - t0
        result = response.json()["data"]["stockBulkUpdate"]
        assert result["count"] == len(variants), result["errors"][:3]
        print(f"{label:24s} {seconds:6.2f} s  {len(queries):4d} queries  target < 3 s")
        figures[label] = round(seconds, 2)
    assert stock_ledger_mismatches() == [], "ledger does not sum to the stock"
    print("ledger sums to the stock: yes")
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
