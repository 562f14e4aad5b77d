"""Search index writes: the folded search text on each product, the search entries PostgreSQL search reads,
and the Elasticsearch index when ELASTICSEARCH_URL is set.

What keeps them current:
- `search_index_sync()`, run every minute by Celery beat: reindexes products flagged `search_index_dirty` or
  changed (their row, a certificate, their producer) since its last run, then refreshes what changes without
  touching the product row (listing, price, stock, certificate status) for the whole catalogue, in one
  set-based statement, and sends exactly the changed products on to Elasticsearch;
- `search_index_enqueue(product_ids=...)` after a write that should show at once (the registry sync calls it).
Expiry needs neither: both backends compare the expiry date with today's date at query time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from marketplace.certification.models import Certificate
from marketplace.product.models import Product
from marketplace.search.backends import postgres_index
from marketplace.search.models import SearchIndexCursor

SYNC_CURSOR = "products"
SYNC_BATCH = 2000
# Rows committed a little before the previous run started may carry an older timestamp than its cursor.
SYNC_OVERLAP = timedelta(seconds=30)


def _chunks(ids: Sequence[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start:start + size])


def _elasticsearch_update(*, product_ids: Sequence[int] | None) -> None:
    if not settings.ELASTICSEARCH_URL:
        return
    from marketplace.search.backends.elasticsearch import ElasticsearchSearchBackend

    backend = ElasticsearchSearchBackend.from_settings()
    if product_ids is None:
        backend.products_index(product_ids=None)
        return
    existing = set(Product.objects.filter(pk__in=product_ids).values_list("pk", flat=True))
    if existing:
        backend.products_index(product_ids=sorted(existing))
    if gone := sorted(set(product_ids) - existing):
        backend.products_remove(product_ids=gone)


@transaction.atomic
def search_index_products(*, product_ids: Sequence[int] | None = None) -> int:
    """(Re)index these products (every product when None) everywhere; returns how many entries changed."""
    postgres_index.documents_update(product_ids=product_ids)
    changes = postgres_index.entries_refresh(product_ids=product_ids, with_text=True)
    transaction.on_commit(lambda: _elasticsearch_update(product_ids=product_ids))
    return len(changes.written)


def search_index_certificates(*, certificate_ids: Sequence[int]) -> int:
    product_ids = sorted(set(Certificate.objects.filter(pk__in=certificate_ids).values_list("product_id",
                                                                                           flat=True)))
    return search_index_products(product_ids=product_ids) if product_ids else 0


def search_index_enqueue(*, product_ids: Sequence[int]) -> None:
    """Queue indexing of these products once the surrounding transaction commits."""
    from marketplace.search.tasks import search_index_products_task

    ids = sorted(set(product_ids))
    if ids:
        transaction.on_commit(lambda: search_index_products_task.delay(product_ids=ids))


def _changed_product_ids(since) -> set[int]:
    ids = set(Product.objects.filter(search_index_dirty=True).values_list("pk", flat=True))
    if since is not None:
        ids |= set(Product.objects.filter(updated_at__gte=since).values_list("pk", flat=True))
        ids |= set(Certificate.objects.filter(updated_at__gte=since).values_list("product_id", flat=True))
        ids |= set(Product.objects.filter(producer__updated_at__gte=since).values_list("pk", flat=True))
    return ids


def search_index_sync() -> int:
    """The periodic run: reindex what changed since the last run, refresh the rest; returns entries changed.

    The refresh reads the whole catalogue in one statement (about a second at 100,000 products) and writes
    only rows that differ.
    """
    started = timezone.now()
    cursor = SearchIndexCursor.objects.filter(name=SYNC_CURSOR).first()
    changed = 0
    if cursor is None:
        changed += search_index_products(product_ids=None)
    else:
        for chunk in _chunks(sorted(_changed_product_ids(cursor.position - SYNC_OVERLAP)), SYNC_BATCH):
            changed += search_index_products(product_ids=chunk)
    with transaction.atomic():
        refreshed = postgres_index.entries_refresh(product_ids=None, with_text=False)
        touched = sorted(refreshed.written | refreshed.removed)
        transaction.on_commit(lambda: _elasticsearch_update(product_ids=touched) if touched else None)
    SearchIndexCursor.objects.update_or_create(name=SYNC_CURSOR, defaults={"position": started})
    return changed + len(touched)
