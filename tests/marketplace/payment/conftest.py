from __future__ import annotations

import pytest

from marketplace.checkout.complete import checkout_complete
from tests.factories.checkout import stock_receive


@pytest.fixture
def card_order(catalog, warehouse, checkout_builder):
    """A placed order of 2 × 100.000 ₫ + 25.000 ₫ delivery, waiting for a card payment."""
    variant = catalog.product("Mật ong hoa nhãn", stock=0, price=100_000).variants.get()
    stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=10)
    return checkout_complete(checkout_token=checkout_builder.ready(variant, 2).pk)
