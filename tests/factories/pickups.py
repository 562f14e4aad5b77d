"""Click-and-collect orders for a sales point, placed the way a shopper places them: a checkout with pickup at the
point, completed through checkout_complete (stock is allocated at the point). The pickup queue reads them through
the backend marketplace.payment registers at start-up."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from marketplace.checkout.complete import checkout_complete
from marketplace.order.models import Order
from marketplace.payment.models import COD_GATEWAY
from marketplace.salespoint.models import SalesPoint
from tests.factories.checkout import CheckoutBuilder


@dataclass
class PickupOrders:
    builder: CheckoutBuilder

    def place(self, point: SalesPoint, variant, quantity: int = 1, *, cash_on_delivery: bool = True) -> Order:
        """An order to collect at `point`: cash on delivery (confirmed at once), or waiting for a card payment."""
        checkout = self.builder.ready(variant, quantity, pickup=point.warehouse)
        return checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY if cash_on_delivery else None)


@pytest.fixture
def pickup_orders(checkout_builder) -> PickupOrders:
    return PickupOrders(builder=checkout_builder)
