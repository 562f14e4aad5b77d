from __future__ import annotations

import pytest

from tests.factories.checkout import stock_receive
from tests.marketplace.graphql.checkout.helpers import CheckoutApi


@pytest.fixture
def gql(client) -> CheckoutApi:
    return CheckoutApi(client)


@pytest.fixture
def variant(catalog, warehouse, pickup_point, shipping_zones):
    """A certified product (120.000 ₫) with 10 units at the Hà Tĩnh sales point (pickup: local stock)."""
    v = catalog.product("Kẹo cu đơ Hà Tĩnh", stock=0, price=120_000).variants.get()
    stock_receive(warehouse=warehouse, variant_id=v.pk, quantity=10)
    return v


def gid(type_name: str, pk) -> str:
    from graphql_relay import to_global_id

    return to_global_id(type_name, str(pk))
