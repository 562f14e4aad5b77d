"""Search index writes. The PostgreSQL document lives on the product row (search_document, search_vector); the
Elasticsearch index, when configured, is written alongside it.

What triggers indexing:
- `search_index_enqueue(product_ids=...)` after a write (queues a Celery task once the transaction commits);
- `search_index_sync()`, run every minute by Celery beat, picks up products flagged `search_index_dirty` and
  products whose own row, certificates or producer changed since its last run, so nothing depends on every
  writer remembering to enqueue.
Expiry needs no reindex: both backends compare the expiry date with today's date at query time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from marketplace.certification.models import Certificate
from marketplace.product.models import Product
from marketplace.search.backends.postgres import PostgresSearchBackend
from marketplace.search.models import SearchIndexCursor

SYNC_CURSOR = "products"
SYNC_BATCH = 2000
# Rows committed a little before the previous run started may carry an older timestamp than its cursor.
SYNC_OVERLAP = timedelta(seconds=30)


def _chunks(ids: Sequence[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start:start + size])


def search_index_products(*, product_ids: Sequence[int] | None = None) -> int:
    """(Re)index these products (every product when None) in every configured backend."""
    count = PostgresSearchBackend().products_index(product_ids=product_ids)
    if settings.ELASTICSEARCH_URL:
        from marketplace.search.backends.elasticsearch import ElasticsearchSearchBackend

        backend = ElasticsearchSearchBackend.from_settings()
        if product_ids is None:
            backend.products_index(product_ids=None)
        else:
            existing = set(Product.objects.filter(pk__in=product_ids).values_list("pk", flat=True))
            backend.products_index(product_ids=sorted(existing))
            gone = sorted(set(product_ids) - existing)
            if gone:
                backend.products_remove(product_ids=gone)
    return count


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


def search_index_sync() -> int:
    """Index every product that is flagged dirty or changed (itself, a certificate, its producer) since last run."""
    started = timezone.now()
    cursor = SearchIndexCursor.objects.filter(name=SYNC_CURSOR).first()
    ids = set(Product.objects.filter(search_index_dirty=True).values_list("pk", flat=True))
    if cursor is not None:
        since = cursor.position - SYNC_OVERLAP
        ids |= set(Product.objects.filter(updated_at__gte=since).values_list("pk", flat=True))
        ids |= set(Certificate.objects.filter(updated_at__gte=since).values_list("product_id", flat=True))
        ids |= set(Product.objects.filter(producer__updated_at__gte=since).values_list("pk", flat=True))
    count = 0
    if cursor is None:
        count = search_index_products(product_ids=None)
    else:
        for chunk in _chunks(sorted(ids), SYNC_BATCH):
            count += search_index_products(product_ids=chunk)
    SearchIndexCursor.objects.update_or_create(name=SYNC_CURSOR, defaults={"position": started})
    return count
