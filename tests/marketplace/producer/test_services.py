"""Producer upserts keyed on the registry id."""

from __future__ import annotations

import pytest

from marketplace.producer import selectors
from marketplace.producer.models import Producer
from marketplace.producer.registry_data import ProducerData
from marketplace.producer.services import producer_upsert_from_registry, producers_upsert_from_registry


def _data(registry_id="HT-P-0001", **changes):
    values = {"registry_id": registry_id, "name": "HTX Nước mắm Cẩm Nhượng", "kind": "cooperative",
              "tax_code": "3000123456", "phone": "0239 3855555", "district_as_published": "Cẩm Xuyên",
              "province_as_published": "Hà Tĩnh", "province_code": "ha-tinh"}
    return ProducerData(**{**values, **changes})


@pytest.mark.django_db
def test_the_same_producer_twice_is_one_producer_unchanged():
    first = producer_upsert_from_registry(data=_data())
    stamp = first.updated_at

    again = producer_upsert_from_registry(data=_data())

    assert again.pk == first.pk and Producer.objects.count() == 1
    again.refresh_from_db()
    assert again.updated_at == stamp


@pytest.mark.django_db
def test_a_changed_producer_is_updated_in_place():
    first = producer_upsert_from_registry(data=_data())

    producer_upsert_from_registry(data=_data(phone="0912345678", province_as_published="Hà Tĩnh"))

    first.refresh_from_db()
    assert first.phone == "0912345678"


@pytest.mark.django_db
def test_producers_with_the_same_name_get_distinct_slugs():
    producers = producers_upsert_from_registry(producers=[_data("A-1"), _data("B-2")])

    assert producers["A-1"].slug == "htx-nuoc-mam-cam-nhuong"
    assert producers["B-2"].slug == "htx-nuoc-mam-cam-nhuong-b-2"


@pytest.mark.django_db
def test_producer_get_by_registry_id_or_slug():
    producer = producer_upsert_from_registry(data=_data())

    assert selectors.producer_get(registry_id="HT-P-0001") == producer
    assert selectors.producer_get(slug=producer.slug) == producer
    assert selectors.producer_get(producer_id=producer.pk) == producer
    assert selectors.producer_get() is None
