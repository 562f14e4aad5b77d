"""The sales point's pickup queue fed by real orders (salespoint/pickups.py defines the interface).

It lives here rather than in marketplace.order because collecting cash at the counter is payment's
`order_mark_paid`, and payment is the lowest app allowed to import both it and the order services. Registered at
start-up from PaymentConfig.ready. The point's rules (who may act, in which order) stay in salespoint; the order
services check the order's own state again under a row lock."""

from __future__ import annotations

from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.order.certificate_check import order_lines_check_listable
from marketplace.order.error_codes import OrderErrorCode
from marketplace.order.models import PAY_ON_DELIVERY_GATEWAYS, Order, OrderStatus
from marketplace.order.selectors import order_get, order_is_paid, orders_for_pickup
from marketplace.order.services import order_pickup_handover, order_pickup_ready
from marketplace.payment.services import order_mark_paid, orders_refund_surplus
from marketplace.salespoint.pickups import PickupLine, PickupOrder, PickupStatus

OPEN = (OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)


def _status(order: Order) -> str:
    if order.status == OrderStatus.FULFILLED:
        return PickupStatus.HANDED_OVER
    if order.status not in OPEN:
        return PickupStatus.CLOSED
    return PickupStatus.READY if order.pickup_ready_at else PickupStatus.TO_PREPARE


def _customer(order: Order) -> tuple[str, str]:
    """Who comes to collect: the contact given at checkout (a pickup order's billing address holds it)."""
    contact = order.billing_address or order.shipping_address
    name = " ".join(filter(None, [contact.first_name, contact.last_name])) if contact else ""
    if not name and order.user is not None:
        name = " ".join(filter(None, [order.user.first_name, order.user.last_name]))
    return name or order.user_email, contact.phone if contact else ""


def pickup_order_from(order: Order) -> PickupOrder:
    name, phone = _customer(order)
    return PickupOrder(
        id=str(order.pk), number=f"#{order.number}", warehouse_id=order.collection_point_id, status=_status(order),
        customer_name=name, customer_phone=phone, total=order.total_amount, is_paid=order_is_paid(order),
        cash_on_delivery=order.payment_gateway in PAY_ON_DELIVERY_GATEWAYS, created_at=order.created_at,
        lines=[PickupLine(product_name=line.product_name, variant_name=line.variant_name, sku=line.product_sku or "",
                          quantity=line.quantity) for line in order.lines.all() if not line.is_canceled])


class OrderPickupBackend:
    """salespoint.pickups.PickupBackend over marketplace.order and marketplace.payment."""

    def orders_for_pickup(self, *, warehouse_ids: list[int]) -> list[PickupOrder]:
        return [pickup_order_from(order) for order in orders_for_pickup(warehouse_ids=warehouse_ids)]

    def order_get(self, *, order_id: str) -> PickupOrder | None:
        order = self._order(order_id)
        return pickup_order_from(order) if order is not None else None

    def order_pickup_ready(self, *, order_id: str, actor) -> None:
        order_pickup_ready(order=self._existing(order_id), actor=actor)

    def order_mark_paid(self, *, order_id: str, actor) -> None:
        order_mark_paid(order=self._existing(order_id), actor=actor)

    def order_lines_check(self, *, order_id: str, actor) -> list[str]:
        withdrawal = order_lines_check_listable(order=self._existing(order_id), actor=actor)
        if withdrawal.lines:
            orders_refund_surplus(order_ids=[withdrawal.order.pk])
        return sorted({line.product_name for line in withdrawal.lines})

    def order_pickup_handover(self, *, order_id: str, actor) -> None:
        order_pickup_handover(order=self._existing(order_id), actor=actor)

    @staticmethod
    def _order(order_id: str) -> Order | None:
        """Only pickup orders exist for a sales point; a home-delivery order is not found."""
        order = order_get(order_id=order_id)
        return order if order is not None and order.is_pickup else None

    def _existing(self, order_id: str) -> Order:
        order = self._order(order_id)
        if order is None:
            raise DomainError(_("Không tìm thấy đơn hàng."), code=OrderErrorCode.NOT_FOUND, field="id")
        return order
