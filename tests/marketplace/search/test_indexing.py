"""Keeping the search index in step with the catalogue: periodic sync, tasks, and enqueueing after writes."""

from __future__ import annotations

import pytest

from marketplace.certification.models import Certificate
from marketplace.producer.models import Producer
from marketplace.product.models import Product
from marketplace.search import services
from marketplace.search.selectors import product_search
from marketplace.search.tasks import (
    search_index_certificates_task,
    search_index_products_task,
    search_index_sync_task,
)

pytestmark = pytest.mark.django_db


def test_a_new_product_is_found_once_the_periodic_sync_has_run(catalog):
    product = catalog.product("Nước mắm Vũng Áng")
    assert product_search(text="nuoc mam").product_ids == []

    search_index_sync_task.delay()

    assert product_search(text="nuoc mam").product_ids == [product.pk]
    assert not Product.objects.get(pk=product.pk).search_index_dirty


def test_the_sync_picks_up_products_changed_since_its_last_run(catalog):
    product = catalog.product("Nước mắm Vũng Áng")
    other = catalog.product("Kẹo cu đơ")
    services.search_index_sync()
    product.refresh_from_db()
    assert not product.search_index_dirty
    product.name = "Mắm tôm chua"
    product.save()
    count = services.search_index_sync()

    assert product_search(text="mam tom").product_ids == [product.pk]
    assert count >= 1
    assert other.pk not in product_search(text="mam tom").product_ids


def test_a_producer_rename_is_picked_up_by_the_sync(catalog):
    product = catalog.product("Ruốc tôm", producer_name="Cơ sở Hải Hà")
    services.search_index_sync()
    producer = Producer.objects.get(pk=product.producer_id)
    producer.name = "HTX Thủy sản Cửa Hội"
    producer.save()

    services.search_index_sync()

    assert product_search(text="cua hoi").product_ids == [product.pk]


def test_a_certificate_change_reindexes_its_product(catalog):
    product = catalog.product("Ruốc tôm")
    services.search_index_sync()
    Product.objects.filter(pk=product.pk).update(search_document="", search_vector=None)
    certificate = Certificate.objects.get(product=product)

    written = search_index_certificates_task.delay(certificate_ids=[certificate.pk]).get()

    assert written == 1
    assert product_search(text="ruoc tom").product_ids == [product.pk]


def test_the_index_task_takes_ids_and_ignores_unknown_ones(catalog):
    product = catalog.product("Nước mắm Vũng Áng")

    written = search_index_products_task.delay(product_ids=[product.pk, 999_999]).get()

    assert written == 1
    assert product_search(text="nuoc mam").product_ids == [product.pk]


def test_enqueueing_waits_for_the_transaction_to_commit(catalog, django_capture_on_commit_callbacks):
    product = catalog.product("Nước mắm Vũng Áng")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.search_index_enqueue(product_ids=[product.pk, product.pk])
    assert product_search(text="nuoc mam").product_ids == []
    for callback in callbacks:
        callback()

    assert len(callbacks) == 1
    assert product_search(text="nuoc mam").product_ids == [product.pk]
