"""Celery tasks: take ids, call one service. Indexing is idempotent: a retried task changes nothing twice."""

from __future__ import annotations

import elastic_transport
from celery import shared_task

from marketplace.search import services

# A search server that is down or slow is a temporary failure: retry with backoff.
TEMPORARY = (ConnectionError, TimeoutError, elastic_transport.ConnectionError,
             elastic_transport.ConnectionTimeout)


@shared_task(autoretry_for=TEMPORARY, retry_backoff=True, max_retries=5)
def search_index_products_task(*, product_ids: list[int]) -> int:
    return services.search_index_products(product_ids=product_ids)


@shared_task(autoretry_for=TEMPORARY, retry_backoff=True, max_retries=5)
def search_index_certificates_task(*, certificate_ids: list[int]) -> int:
    return services.search_index_certificates(certificate_ids=certificate_ids)


@shared_task
def search_index_sync_task() -> int:
    return services.search_index_sync()
