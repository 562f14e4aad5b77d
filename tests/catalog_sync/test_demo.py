"""The demo: the bundled sample synced through the real path lists exactly the records the rule allows."""

from __future__ import annotations

import pytest

from catalog_sync.demo import demo_registry_sync
from catalog_sync.mapping import Rejection, map_api_record
from catalog_sync.models import SyncRunStatus
from catalog_sync.registry_server import load_sample_records
from marketplace.certification.models import Certificate
from marketplace.certification.selectors import today_in_vietnam
from marketplace.product.models import Product
from tests.catalog_sync.conftest import shop_names


def _product_count(records: list[dict]) -> int:
    """Records linked by superseded_by are one product (a re-rating); the rest are a product each."""
    parent = {r["id"]: r["id"] for r in records}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for record in records:
        if record["superseded_by"] in parent:
            parent[root(record["superseded_by"])] = root(record["id"])
    return len({root(key) for key in parent})


def _expected_listed(records: list[dict]) -> set[str]:
    today = today_in_vietnam()
    names = set()
    for raw in records:
        data = map_api_record(raw)
        if getattr(data, "registry_id", None) and data.status == "active" and data.stars >= 3 \
                and data.expires_on >= today:
            names.add(data.product.name)
    return names


@pytest.mark.django_db
def test_demo_lists_exactly_the_sample_records_that_satisfy_the_listing_rule(channel):
    records = load_sample_records()

    run = demo_registry_sync()

    assert run.status == SyncRunStatus.SUCCEEDED, run.error
    assert run.received == len(records)
    assert run.rejected == 4  # the sample's deliberately broken records
    assert run.created == len(records) - 4
    assert shop_names() == _expected_listed(records)
    assert Certificate.objects.count() == len(records) - 4
    valid = [r for r in records if not isinstance(map_api_record(r), Rejection)]
    assert Product.objects.count() == _product_count(valid)


@pytest.mark.django_db
def test_demo_twice_changes_nothing(channel):
    demo_registry_sync()
    listed = shop_names()

    again = demo_registry_sync()

    assert (again.created, again.updated, again.delisted, again.relisted) == (0, 0, 0, 0)
    assert shop_names() == listed
