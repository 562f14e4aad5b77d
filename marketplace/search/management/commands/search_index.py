"""Build or refresh the search index by hand (demo seeding, after a bulk import, after restoring a backup).

    manage.py search_index            # what the periodic task does: changed products, then a refresh
    manage.py search_index --rebuild  # every product, from scratch
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from marketplace.search import services


class Command(BaseCommand):
    help = "Index products for search (PostgreSQL, and Elasticsearch when ELASTICSEARCH_URL is set)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="reindex every product")

    def handle(self, *args, rebuild: bool = False, **options) -> None:
        started = time.perf_counter()
        changed = services.search_index_products() if rebuild else services.search_index_sync()
        self.stdout.write(f"search index: {changed} entries written in {time.perf_counter() - started:.1f} s")
