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


def test_a_revocation_leaves_search_once_its_certificate_is_reindexed(catalog):
    product = catalog.product("Ruốc tôm")
    services.search_index_sync()
    certificate = Certificate.objects.get(product=product)
    Certificate.objects.filter(pk=certificate.pk).update(status="revoked")  # as the registry sync records it

    written = search_index_certificates_task.delay(certificate_ids=[certificate.pk]).get()

    assert written == 1
    assert product_search(text="ruoc tom").product_ids == []


def test_the_periodic_sync_catches_changes_that_do_not_touch_the_product_row(catalog, warehouse):
    from marketplace.warehouse.models import Stock

    revoked = catalog.product("Ruốc tôm")
    repriced = catalog.product("Mắm tôm", price=50_000)
    stocked = catalog.product("Mắm cáy")
    unpublished = catalog.product("Mắm rươi")
    services.search_index_sync()
    Certificate.objects.filter(product=revoked).update(status="revoked")
    repriced.channel_listings.update(discounted_price_amount=70_000)
    Stock.objects.create(warehouse=warehouse, product_variant=stocked.variants.get(), quantity=3)
    unpublished.channel_listings.update(is_published=False)

    services.search_index_sync()

    assert set(product_search(text="mam").product_ids) == {repriced.pk, stocked.pk}
    assert product_search(price_min=60_000, price_max=80_000).product_ids == [repriced.pk]
    assert product_search(at_sales_point=True).product_ids == [stocked.pk]


def test_the_index_task_takes_ids_and_ignores_unknown_ones(catalog):
    product = catalog.product("Nước mắm Vũng Áng")

    search_index_products_task.delay(product_ids=[product.pk, 999_999]).get()

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


def test_the_management_command_indexes_the_catalogue(catalog):
    from io import StringIO

    from django.core.management import call_command

    product = catalog.product("Nước mắm Vũng Áng")
    out = StringIO()

    call_command("search_index", "--rebuild", stdout=out)

    assert product_search(text="nuoc mam").product_ids == [product.pk]
    assert "1 entries written" in out.getvalue()
