"""`python manage.py populatedb`: the demo marketplace. Idempotent: running it again adds nothing twice."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from marketplace.certification.demo import demo_products_create
from marketplace.demo.catalog import demo_prices_and_stock
from marketplace.demo.content import demo_base_create


class Command(BaseCommand):
    help = "Load the demo data: users, channel, categories, sales points, pages, menus, certified products."

    def add_arguments(self, parser):
        parser.add_argument("--no-images", action="store_true", help="Skip generating placeholder images.")

    def handle(self, *args, **options):
        base = demo_base_create()
        channel = base["channel"]
        created = demo_products_create(channel_id=channel.pk, with_images=not options["no_images"])
        self.stdout.write(f"Products from the demo list: {created} new")
        priced = demo_prices_and_stock(channel_id=channel.pk, warehouse_ids=[w.pk for w in base["warehouses"]])
        self.stdout.write(f"Products with prices and stock: {priced}")
        self.stdout.write(self.style.SUCCESS(
            "Demo ready. Sign in as admin@example.com, operator@example.com or promo@example.com "
            "(password: ocop-demo-2026)."))
