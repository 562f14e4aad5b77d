"""availableCollectionPoints keeps Saleor's shape (Warehouse objects) and lists only sales points open for pickup:
a warehouse with click-and-collect set but no sales-point profile is left out and cannot be chosen."""

from __future__ import annotations

import pytest

from marketplace.account.models import Address
from marketplace.warehouse.models import Warehouse
from tests.factories.checkout import stock_receive
from tests.marketplace.graphql.checkout.conftest import gid

pytestmark = pytest.mark.django_db


def test_a_click_and_collect_warehouse_without_a_sales_point_profile_is_not_offered(gql, variant, channel,
                                                                                   pickup_point):
    depot = Warehouse.objects.create(
        name="Kho tổng Hà Tĩnh", slug="kho-tong", is_private=False, click_and_collect_option="all",
        address=Address.objects.create(street_address_1="Khu công nghiệp", country_area="Hà Tĩnh"))
    depot.channels.add(channel)
    stock_receive(warehouse=depot, variant_id=variant.pk, quantity=5)
    created = gql.run("CheckoutCreate", channel="default-channel", email="an@example.com",
                      lines=[{"variantId": gid("ProductVariant", variant.pk), "quantity": 2}])["checkoutCreate"]

    points = created["checkout"]["availableCollectionPoints"]
    refused = gql.run("CheckoutDeliveryMethodUpdate", id=created["checkout"]["id"],
                      deliveryMethodId=gid("Warehouse", depot.pk))["checkoutDeliveryMethodUpdate"]

    assert [(p["id"], p["name"], p["clickAndCollectOption"]) for p in points] == [
        (gid("Warehouse", pickup_point.pk), pickup_point.name, "LOCAL")]
    assert [e["code"] for e in refused["errors"]] == ["DELIVERY_METHOD_NOT_APPLICABLE"]
