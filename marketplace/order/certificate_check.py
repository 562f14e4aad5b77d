"""The listing rule asked again after an order was placed, at every step that moves goods or money (payment,
cash, hand-over, shipment). A line whose product no longer passes it is withdrawn: never paid, never handed over,
its units back on the shelf (where the warehouse shows them blocked, because the product fails the rule), the
line kept on the order with a coded reason the shopper is told by e-mail and on the order page. An order left
without lines is cancelled. Money already taken is refunded by marketplace.payment, which calls this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from marketplace.certification.selectors import products_listing_failures
from marketplace.core.audit import log_action
from marketplace.order.models import Order, OrderEvents, OrderLine, OrderLineCancelReason, OrderStatus
from marketplace.order.services import order_cancel, order_event_add, order_payment_totals_set
from marketplace.warehouse.allocations import allocations_release
from marketplace.warehouse.models import StockMovementKind

CHECKED_STATUSES = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)
REASON_BY_STATE = {
    "revoked": OrderLineCancelReason.CERTIFICATE_REVOKED,
    "expired": OrderLineCancelReason.CERTIFICATE_EXPIRED,
    "not_certified": OrderLineCancelReason.CERTIFICATE_DOWNGRADED,
}


@dataclass(frozen=True)
class Withdrawal:
    """What one check did: the order as it is now and the lines withdrawn by this check (none: all good)."""

    order: Order
    lines: list[OrderLine] = field(default_factory=list)

    @property
    def amount(self) -> Decimal:
        return sum((line.total_price_amount for line in self.lines), Decimal(0))

    @property
    def order_canceled(self) -> bool:
        return bool(self.lines) and self.order.status == OrderStatus.CANCELED

    def product_names(self) -> str:
        return ", ".join(sorted({line.product_name for line in self.lines}))


@transaction.atomic
def order_lines_check_listable(*, order: Order, actor=None, at: datetime | None = None) -> Withdrawal:
    """Withdraw the open lines whose product fails the listing rule now. Idempotent: lines already withdrawn
    are not touched again, and an order with nothing to withdraw is returned unchanged."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status not in CHECKED_STATUSES:
        return Withdrawal(order=order)
    lines = list(order.lines.filter(canceled_at__isnull=True, quantity_fulfilled=0, variant__isnull=False)
                 .select_related("variant"))
    failures = products_listing_failures(product_ids=sorted({line.variant.product_id for line in lines}), at=at)
    failing = [line for line in lines if line.variant.product_id in failures]
    if not failing:
        return Withdrawal(order=order)
    reference = f"Đơn #{order.number}"
    allocations_release(order_line_ids=[line.id for line in failing], kind=StockMovementKind.CANCELLATION,
                        actor=actor, reference=reference, reason="Chứng nhận OCOP không còn hiệu lực")
    now = timezone.now()
    for line in failing:
        line.canceled_at = now
        line.cancel_reason = REASON_BY_STATE.get(failures[line.variant.product_id],
                                                 OrderLineCancelReason.CERTIFICATE_INVALID)
        line.save(update_fields=["canceled_at", "cancel_reason"])
    order_event_add(order=order, type=OrderEvents.REMOVED_PRODUCTS, user=actor,
                    message="Hủy sản phẩm: chứng nhận OCOP không còn hiệu lực",
                    lines=[{"line_pk": str(line.pk), "item": line.product_name, "quantity": line.quantity,
                            "reason": line.cancel_reason} for line in failing])
    log_action(action="order.order.lines_withdrawn", obj=order, actor=actor,
               after={"lines": [str(line.pk) for line in failing],
                      "reasons": sorted({line.cancel_reason for line in failing})})
    if len(failing) == len(lines) and not order.lines.filter(quantity_fulfilled__gt=0).exists():
        order = order_cancel(order=order, actor=actor, allow_charged=True)
    else:
        order = _totals_reduce(order, failing, actor=actor)
    from marketplace.order.tasks import order_lines_canceled_email_task

    line_ids = [str(line.pk) for line in failing]
    transaction.on_commit(lambda: order_lines_canceled_email_task.delay(str(order.pk), line_ids), robust=True)
    return Withdrawal(order=order, lines=failing)


def _totals_reduce(order: Order, lines: list[OrderLine], *, actor) -> Order:
    """The order now costs what its remaining lines cost; the charge status follows (a paid order whose
    total fell is overcharged until marketplace.payment refunds the difference)."""
    amount = sum((line.total_price_amount for line in lines), Decimal(0))
    undiscounted = sum((line.undiscounted_total_price_amount for line in lines), Decimal(0))
    order.subtotal_amount -= amount
    order.total_amount -= amount
    order.undiscounted_subtotal_amount -= undiscounted
    order.undiscounted_total_amount -= undiscounted
    order.save(update_fields=["subtotal_amount", "total_amount", "undiscounted_subtotal_amount",
                              "undiscounted_total_amount", "updated_at"])
    return order_payment_totals_set(order=order, charged=order.total_charged_amount,
                                    authorized=order.total_authorized_amount,
                                    refunded=order.total_refunded_amount, actor=actor)
