"""The demo the README's first command loads: what each demo user finds, and that loading twice adds nothing."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.test import Client

from marketplace.certification.selectors import products_visible
from marketplace.channel.selectors import channel_get_by_slug
from marketplace.fair.selectors import fairs_for_home
from marketplace.order.models import Order
from marketplace.salespoint.models import SalesPoint


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("populatedb", "--no-images")
        yield
        call_command("flush", "--no-input")


@pytest.mark.django_db
@pytest.mark.slow
def test_the_demo_shop_lists_certified_products_with_vnd_prices(demo, client):
    query = '{ products(first: 5, channel: "default-channel") { totalCount edges { node { name pricing { ' \
            "priceRange { start { gross { amount currency } } } } } } } }"
    body = client.post("/graphql/", json.dumps({"query": query}), content_type="application/json").json()

    products = body["data"]["products"]
    channel = channel_get_by_slug(slug=None)
    assert products["totalCount"] == products_visible(channel_id=channel.pk, in_listings=True).count() >= 30
    assert {e["node"]["pricing"]["priceRange"]["start"]["gross"]["currency"] for e in products["edges"]
            if e["node"]["pricing"]} == {"VND"}


@pytest.mark.django_db
@pytest.mark.slow
def test_demo_staff_can_sign_in_and_the_operator_has_one_point_with_pickups_waiting(demo):
    operator_points = SalesPoint.objects.filter(operators__email="operator@example.com")

    assert operator_points.count() == 1
    assert Order.objects.filter(collection_point_id=operator_points.get().warehouse_id).count() == 2
    for email in ("admin@example.com", "operator@example.com", "promo@example.com", "catalog@example.com",
                  "orders@example.com", "shopper@example.com"):
        assert Client().login(email=email, password="ocop-demo-2026"), email


@pytest.mark.django_db
@pytest.mark.slow
def test_the_demo_has_an_ongoing_and_an_upcoming_fair_and_loading_again_adds_nothing(demo):
    before = (Order.objects.count(), SalesPoint.objects.count(),
              products_visible(channel_id=channel_get_by_slug(slug=None).pk).count())

    call_command("populatedb", "--no-images")

    statuses = sorted(f.status_now for f in fairs_for_home())
    assert statuses == ["ongoing", "published"]
    assert (Order.objects.count(), SalesPoint.objects.count(),
            products_visible(channel_id=channel_get_by_slug(slug=None).pk).count()) == before
