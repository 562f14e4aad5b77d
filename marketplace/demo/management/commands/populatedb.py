"""`python manage.py populatedb`: the demo marketplace. Idempotent: running it again adds nothing twice."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from catalog_sync.demo import demo_registry_sync
from marketplace.checkout.demo import demo_pickup_orders_create
from marketplace.demo.catalog import demo_placeholder_images, demo_prices_and_stock
from marketplace.demo.content import demo_base_create
from marketplace.fair.demo import demo_fairs_create
from marketplace.salespoint.demo import demo_sales_points_create
from marketplace.search.services import search_index_products
from marketplace.shipping.services import shipping_zones_seed


class Command(BaseCommand):
    help = "Load the demo data: users, channel, categories, sales points, pages, menus, certified products."

    def add_arguments(self, parser):
        parser.add_argument("--no-images", action="store_true", help="Skip generating placeholder images.")

    def handle(self, *args, **options):
        base = demo_base_create()
        channel = base["channel"]
        run = demo_registry_sync()
        self.stdout.write(f"Registry sync ({run.source_label}): {run.status}, created {run.created}, "
                          f"updated {run.updated}, unchanged {run.unchanged}, rejected {run.rejected}")
        if not options["no_images"]:
            generated = demo_placeholder_images()
            self.stdout.write(f"Placeholder images generated: {generated}")
        points = demo_sales_points_create()
        self.stdout.write(f"Sales points: {', '.join(p.warehouse.name for p in points)}")
        priced = demo_prices_and_stock(channel_id=channel.pk, warehouse_ids=[p.warehouse_id for p in points])
        self.stdout.write(f"Products with prices and stock: {priced}")
        fairs = demo_fairs_create()
        self.stdout.write(f"Fairs: {', '.join(f.name for f in fairs) if fairs else 'none'}")
        zones = shipping_zones_seed()
        pickups = demo_pickup_orders_create(warehouse_id=points[0].warehouse_id)
        self.stdout.write(f"Pickup orders waiting at {points[0].warehouse.name}: {len(pickups)}")
        self.stdout.write(f"Shipping zones: {len(zones)}")
        indexed = search_index_products()
        self.stdout.write(f"Search index: {indexed} products (re)indexed")
        self.stdout.write(self.style.SUCCESS(
            "Demo ready. Sign in as admin@example.com, operator@example.com or promo@example.com "
            "(password: ocop-demo-2026)."))
