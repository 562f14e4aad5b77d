"""An in-memory stand-in for the order app's pickup services. marketplace.order has no models in this branch
(issue 5 builds them in parallel), so tests of the pickup queue plug this in through the same interface the order
app will use (salespoint.pickups.pickup_backend_set). It moves stock the way an order does: allocation when the
order is placed, PICKUP_HANDOVER (quantity and allocation down) when it is handed over."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from marketplace.salespoint.pickups import PickupLine, PickupOrder, PickupStatus, pickup_backend_set
from marketplace.warehouse.models import StockMovementKind
from marketplace.warehouse.services import stock_get_or_create, stock_move


class FakePickupBackend:
    def __init__(self):
        self.orders: dict[int, PickupOrder] = {}
        self.variants: dict[int, tuple[int, int]] = {}  # order id -> (variant id, quantity)
        self.calls: list[tuple[str, int]] = []

    def place(self, *, warehouse_id: int, variant, quantity: int = 1, paid: bool = False,
              cash_on_delivery: bool = True, number: str | None = None) -> PickupOrder:
        order_id = len(self.orders) + 1
        stock = stock_get_or_create(warehouse_id=warehouse_id, variant_id=variant.pk)
        stock_move(stock_id=stock.pk, kind=StockMovementKind.ONLINE_ALLOCATION, allocated_delta=quantity,
                   reference=number or f"#{order_id}")
        order = PickupOrder(
            id=order_id, number=number or f"#{order_id}", warehouse_id=warehouse_id,
            status=PickupStatus.TO_PREPARE, customer_name="Nguyễn Thị Lan", customer_phone="0912 345 678",
            total=Decimal(100_000 * quantity), is_paid=paid, cash_on_delivery=cash_on_delivery,
            created_at=datetime(2026, 11, 20, 9, 0),
            lines=[PickupLine(product_name=variant.product.name, variant_name=variant.name, sku=variant.sku or "",
                              quantity=quantity)])
        self.orders[order_id] = order
        self.variants[order_id] = (variant.pk, quantity)
        return order

    def orders_for_pickup(self, *, warehouse_ids):
        return [o for o in self.orders.values()
                if o.warehouse_id in warehouse_ids and o.status != PickupStatus.HANDED_OVER]

    def order_get(self, *, order_id):
        return self.orders.get(order_id)

    def order_pickup_ready(self, *, order_id, actor):
        self.calls.append(("ready", order_id))
        self.orders[order_id] = replace(self.orders[order_id], status=PickupStatus.READY)

    def order_mark_paid(self, *, order_id, actor):
        self.calls.append(("paid", order_id))
        self.orders[order_id] = replace(self.orders[order_id], is_paid=True)

    def order_pickup_handover(self, *, order_id, actor):
        self.calls.append(("handover", order_id))
        order = self.orders[order_id]
        variant_id, quantity = self.variants[order_id]
        stock = stock_get_or_create(warehouse_id=order.warehouse_id, variant_id=variant_id)
        stock_move(stock_id=stock.pk, kind=StockMovementKind.PICKUP_HANDOVER, quantity_delta=-quantity,
                   allocated_delta=-quantity, actor=actor, reference=order.number)
        self.orders[order_id] = replace(order, status=PickupStatus.HANDED_OVER)


@pytest.fixture
def pickups():
    backend = FakePickupBackend()
    pickup_backend_set(backend)
    yield backend
    pickup_backend_set(None)
