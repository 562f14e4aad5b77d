"""What the pickup queue needs from orders, as a small interface. marketplace.order and marketplace.payment sit
above this app, so this app never imports them: marketplace.payment (the lowest app that can reach both the order
services and `order_mark_paid`) plugs the real backend in at start-up with `pickup_backend_set(...)` from its
AppConfig.ready (see payment/pickup_backend.py). Without a backend the queue is empty and hand-over actions are
refused with PICKUPS_UNAVAILABLE. The backend's calls map one to one onto `orders_for_pickup`,
`order_pickup_ready`, `order_mark_paid` and `order_pickup_handover`.

An order is identified by an opaque string (online orders are keyed by a UUID), never by an integer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext_lazy as _


class PickupStatus:
    TO_PREPARE = "to_prepare"
    READY = "ready"
    HANDED_OVER = "handed_over"
    # Not (or no longer) to be collected: waiting for a card payment, cancelled, expired. Never shown in the queue
    # (so it needs no label); a stale form acting on such an order is refused.
    CLOSED = "closed"

    LABELS = {TO_PREPARE: _("Cần chuẩn bị"), READY: _("Sẵn sàng giao"), HANDED_OVER: _("Đã giao")}


@dataclass(frozen=True)
class PickupLine:
    product_name: str
    variant_name: str
    sku: str
    quantity: int


@dataclass(frozen=True)
class PickupOrder:
    id: str  # the order's own key as text (a UUID for online orders)
    number: str  # as people read it out, e.g. "#1042"
    warehouse_id: int
    status: str  # PickupStatus
    customer_name: str
    customer_phone: str
    total: Decimal
    is_paid: bool
    cash_on_delivery: bool
    created_at: datetime
    lines: list[PickupLine] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return PickupStatus.LABELS.get(self.status, self.status)


class PickupBackend(Protocol):
    def orders_for_pickup(self, *, warehouse_ids: list[int]) -> list[PickupOrder]: ...

    def order_get(self, *, order_id: str) -> PickupOrder | None: ...

    def order_pickup_ready(self, *, order_id: str, actor) -> None: ...

    def order_mark_paid(self, *, order_id: str, actor) -> None: ...

    def order_lines_check(self, *, order_id: str, actor) -> list[str]:
        """Ask the listing rule again for the order's lines; withdraw (and commit) those that fail it. Returns
        the names of the products withdrawn now (empty: everything may still be handed over)."""
        ...

    def order_pickup_handover(self, *, order_id: str, actor) -> None:
        """Hand the goods over; the order side writes the PICKUP_HANDOVER stock movements (stock_move)."""
        ...


_backend: PickupBackend | None = None


def pickup_backend_set(backend: PickupBackend | None) -> None:
    global _backend
    _backend = backend


def pickup_backend_get() -> PickupBackend | None:
    return _backend
