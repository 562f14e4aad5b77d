"""Pickup hand-over at a point: to prepare → ready → handed over, with cash on delivery collected at the counter.
The order itself belongs to marketplace.order (see salespoint/pickups.py); here are the point's rules: only an
operator of the order's point may act, and only in that order."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.models import SalesPoint
from marketplace.salespoint.pickups import PickupBackend, PickupOrder, PickupStatus, pickup_backend_get
from marketplace.salespoint.scope import salespoint_check_operator


def _backend() -> PickupBackend:
    backend = pickup_backend_get()
    if backend is None:
        raise DomainError(_("Chưa kết nối với đơn hàng trực tuyến."), code=SalesPointErrorCode.PICKUPS_UNAVAILABLE)
    return backend


def _order_in_scope(*, actor, order_id: object) -> tuple[PickupBackend, PickupOrder]:
    backend = _backend()
    order = backend.order_get(order_id=str(order_id or "").strip())
    if order is None:
        raise DomainError(_("Không tìm thấy đơn hàng."), code=SalesPointErrorCode.NOT_FOUND, field="order")
    salespoint_check_operator(user=actor, warehouse_id=order.warehouse_id)
    return backend, order


def _audit(action: str, *, order: PickupOrder, actor, after: dict) -> None:
    point = SalesPoint.objects.filter(warehouse_id=order.warehouse_id).first()
    if point is not None:
        log_action(action=f"salespoint.pickup.{action}", obj=point, actor=actor,
                   before={"order": order.number, "status": order.status}, after={"order": order.number, **after})


@transaction.atomic
def pickup_mark_ready(*, actor, order_id: str) -> None:
    """`order_id` is the order's key as the queue gives it (PickupOrder.id, a UUID for online orders)."""
    backend, order = _order_in_scope(actor=actor, order_id=order_id)
    if order.status != PickupStatus.TO_PREPARE:
        raise DomainError(_("Đơn hàng không ở trạng thái cần chuẩn bị."),
                          code=SalesPointErrorCode.PICKUP_INVALID_STATUS, field="order")
    backend.order_pickup_ready(order_id=order.id, actor=actor)
    _audit("ready", order=order, actor=actor, after={"status": PickupStatus.READY})


def pickup_hand_over(*, actor, order_id: str, cash_received: bool = False) -> None:
    """Hand a ready order to the customer. An unpaid cash-on-delivery order needs `cash_received`; it is then
    marked paid first, so an order never leaves the counter unpaid. The listing rule is asked first, as for a
    counter sale: a product whose certificate is no longer valid is withdrawn from the order (and stays, blocked,
    on the shelf) and the hand-over refused, so the operator collects the new amount. Not one transaction: the
    withdrawal must stay when the hand-over is refused, and cash received stays recorded."""
    backend, order = _order_in_scope(actor=actor, order_id=order_id)
    if order.status != PickupStatus.READY:
        raise DomainError(_("Đơn hàng chưa sẵn sàng để giao."), code=SalesPointErrorCode.PICKUP_INVALID_STATUS,
                          field="order")
    if withdrawn := backend.order_lines_check(order_id=order.id, actor=actor):
        _audit("lines_withdrawn", order=order, actor=actor, after={"products": withdrawn})
        raise DomainError(
            _("Không giao: %(names)s không còn giấy chứng nhận OCOP hợp lệ, đã được hủy khỏi đơn và giữ lại trên "
              "kệ (bị chặn bán). Kiểm tra lại đơn trước khi giao.") % {"names": ", ".join(withdrawn)},
            code=SalesPointErrorCode.STOCK_BLOCKED, field="order")
    if not order.is_paid:
        if not (order.cash_on_delivery and cash_received):
            raise DomainError(_("Đơn hàng chưa được thanh toán: cần xác nhận đã thu tiền."),
                              code=SalesPointErrorCode.REQUIRED, field="cash_received")
        backend.order_mark_paid(order_id=order.id, actor=actor)
    backend.order_pickup_handover(order_id=order.id, actor=actor)
    _audit("handed_over", order=order, actor=actor,
           after={"status": PickupStatus.HANDED_OVER, "cash_collected": not order.is_paid})
