"""/quan-ly/don-hang/: the staff order list (search and Saleor's filters) and the order page, where order staff
ship lines with a tracking number, mark delivered, record cash, cancel, refund and take goods back."""

from __future__ import annotations

import uuid
from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.channel.selectors import channel_list
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.core.permissions import OrderPermissions
from marketplace.order import fulfilment
from marketplace.order.returns import ReturnLine
from marketplace.order.selectors import order_events, order_is_paid
from marketplace.order.staff_selectors import (
    OrderFilter,
    fulfillment_get,
    order_charge_status_choices,
    order_fulfillments,
    order_get_for_staff,
    order_lines_for_staff,
    order_status_choices,
    orders_for_staff,
)
from marketplace.payment.selectors import transactions_for_order
from marketplace.payment.services import order_mark_paid
from marketplace.payment.staff_orders import (
    order_cancel_by_staff,
    order_refund,
    order_refundable_amount,
    order_return_and_refund,
)
from marketplace.warehouse.selectors import warehouse_list
from storefront.views.console.common import flash_error
from storefront.views.console.staff_access import permission_view

PAGE_SIZE = 30
EVENT_LABELS = {
    "placed": gettext_lazy("Đặt hàng"), "confirmed": gettext_lazy("Xác nhận"), "expired": gettext_lazy("Hết hạn"),
    "canceled": gettext_lazy("Hủy đơn"), "order_marked_as_paid": gettext_lazy("Ghi nhận đã thu tiền"),
    "order_fully_paid": gettext_lazy("Đã thanh toán đủ"), "email_sent": gettext_lazy("Đã gửi email"),
    "payment_refunded": gettext_lazy("Đã hoàn tiền"), "payment_failed": gettext_lazy("Thanh toán thất bại"),
    "transaction_event": gettext_lazy("Giao dịch"), "transaction_refund_requested": gettext_lazy("Yêu cầu hoàn tiền"),
    "fulfillment_fulfilled_items": gettext_lazy("Gửi hàng"), "fulfillment_returned": gettext_lazy("Khách trả hàng"),
    "fulfillment_restocked_items": gettext_lazy("Nhập lại kho"),
    "tracking_updated": gettext_lazy("Cập nhật mã vận đơn"),
    "note_added": gettext_lazy("Ghi chú"), "other": gettext_lazy("Khác"),
}


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str) -> int | None:
    return int(value) if value and value.isdigit() else None


@permission_view(OrderPermissions.MANAGE_ORDERS)
def order_list(request: HttpRequest) -> HttpResponse:
    g = request.GET
    channel_id, point_id = _int(g.get("channel", "")), _int(g.get("point", ""))
    filters = OrderFilter(
        search=g.get("q", ""), statuses=[s for s in g.getlist("status") if s],
        charge_statuses=[s for s in g.getlist("charge") if s], customer=g.get("customer", ""),
        created_from=_date(g.get("from", "")), created_to=_date(g.get("to", "")),
        channel_ids=[channel_id] if channel_id else [], warehouse_ids=[point_id] if point_id else [])
    page = Paginator(orders_for_staff(filters=filters), PAGE_SIZE).get_page(g.get("page"))
    return render(request, "storefront/console/orders/list.html", {
        "active": "orders", "page": page, "filters": g, "statuses": order_status_choices(),
        "charge_statuses": order_charge_status_choices(), "channels": channel_list(),
        "points": warehouse_list().order_by("name")})


def _fulfil(request: HttpRequest, order) -> None:
    warehouse_id = _int(request.POST.get("warehouse", ""))
    lines = []
    for key, value in request.POST.items():
        if key.startswith("qty_") and value.strip() not in ("", "0"):
            quantity = _int(value.strip())
            if quantity is None or warehouse_id is None:
                raise DomainError(_("Số lượng giao phải là số nguyên dương, và cần chọn kho."), code="INVALID",
                                  field="quantity")
            lines.append(fulfilment.FulfilLine(order_line_id=key[4:], stocks=[
                fulfilment.FulfilStock(warehouse_id=warehouse_id, quantity=quantity)]))
    fulfilment.order_fulfil_lines(order=order, lines=lines, tracking_number=request.POST.get("tracking_number", ""),
                                  carrier=request.POST.get("carrier", ""), actor=request.user)
    messages.success(request, _("Đã ghi nhận gửi hàng."))


def _return(request: HttpRequest, order) -> None:
    lines = []
    for key, value in request.POST.items():
        if key.startswith("ret_") and value.strip() not in ("", "0"):
            quantity = _int(value.strip())
            if quantity is None:
                raise DomainError(_("Số lượng trả phải là số nguyên dương."), code="INVALID", field="quantity")
            lines.append(ReturnLine(order_line_id=key[4:], quantity=quantity))
    warehouse_id = _int(request.POST.get("warehouse", ""))
    if warehouse_id is None:
        raise DomainError(_("Chọn kho nhận hàng trả."), code="REQUIRED", field="warehouse")
    order_return_and_refund(order=order, lines=lines, warehouse_id=warehouse_id,
                            refund=request.POST.get("refund") == "1", actor=request.user)
    messages.success(request, _("Đã nhập lại hàng trả."))


def _fulfillment_of(request: HttpRequest, order):
    fulfillment = fulfillment_get(fulfillment_id=_int(request.POST.get("fulfillment", "")) or 0)
    if fulfillment is None or fulfillment.order_id != order.pk:
        raise DomainError(_("Không tìm thấy lần giao hàng."), code="NOT_FOUND", field="fulfillment")
    return fulfillment


def _act(request: HttpRequest, order, action: str) -> None:
    actor = request.user
    if action == "fulfil":
        _fulfil(request, order)
    elif action == "tracking":
        fulfilment.fulfillment_tracking_update(
            fulfillment=_fulfillment_of(request, order), tracking_number=request.POST.get("tracking_number", ""),
            carrier=request.POST.get("carrier"), notify_customer=True, actor=actor)
        messages.success(request, _("Đã cập nhật mã vận đơn."))
    elif action == "delivered":
        fulfilment.fulfillment_mark_delivered(fulfillment=_fulfillment_of(request, order), actor=actor)
        messages.success(request, _("Đã ghi nhận giao tới khách."))
    elif action == "mark_paid":
        order_mark_paid(order=order, actor=actor, transaction_reference=request.POST.get("reference", ""))
        messages.success(request, _("Đã ghi nhận thu tiền."))
    elif action == "cancel":
        order_cancel_by_staff(order=order, actor=actor)
        messages.success(request, _("Đã hủy đơn hàng."))
    elif action == "refund":
        order_refund(order=order, amount=request.POST.get("amount", ""), actor=actor,
                     reason=request.POST.get("reason", ""))
        messages.success(request, _("Đã yêu cầu hoàn tiền."))
    elif action == "return":
        _return(request, order)
    else:
        raise DomainError(_("Thao tác không hợp lệ."), code="INVALID", field="action")


@permission_view(OrderPermissions.MANAGE_ORDERS)
def order_detail(request: HttpRequest, order_id: uuid.UUID) -> HttpResponse:
    order = order_get_for_staff(order_id=order_id)
    if order is None:
        raise Http404
    if request.method == "POST":
        try:
            _act(request, order, request.POST.get("action", ""))
        except DomainErrors as exc:
            for error in exc.errors:
                flash_error(request, error)
        except DomainError as exc:
            flash_error(request, exc)
        return redirect("storefront:console:order", order_id=order.pk)
    lines = order_lines_for_staff(order=order)
    return render(request, "storefront/console/orders/detail.html", {
        "active": "orders", "order": order, "lines": lines, "fulfillments": order_fulfillments(order_id=order.pk),
        "events": [(e, EVENT_LABELS.get(e.type, e.type)) for e in order_events(order_id=order.pk)],
        "transactions": list(transactions_for_order(order_id=order.pk)),
        "is_paid": order_is_paid(order), "refundable": order_refundable_amount(order=order),
        "points": warehouse_list().order_by("name"),
        "default_point": next((wh for line in lines for wh, _name, _q in line.allocated_at), None),
        "can_fulfil": order.status in fulfilment.FULFILLABLE and not order.is_pickup,
        "can_return": any(line.returnable > 0 for line in lines)})
