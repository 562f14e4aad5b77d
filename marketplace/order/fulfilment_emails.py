"""E-mails to the shopper about what staff did to the order: shipped (with the tracking number), delivered,
cancelled, refunded. Sent from Celery tasks queued on commit, in the order's language (Vietnamese or English)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from marketplace.core.money import format_vnd
from marketplace.order.models import Fulfillment
from marketplace.order.notifications import _send
from marketplace.order.selectors import order_get

FULFILLMENT_SUBJECTS = {
    "shipped": (gettext_lazy("OCOP Market: đơn #%(number)s đã được gửi đi"), "shipping_confirmation"),
    "delivered": (gettext_lazy("OCOP Market: đơn #%(number)s đã được giao"), "fulfillment_confirmation"),
}
ORDER_SUBJECTS = {
    "canceled": (gettext_lazy("OCOP Market: đơn #%(number)s đã bị hủy"), "order_cancel"),
    "refunded": (gettext_lazy("OCOP Market: hoàn tiền cho đơn #%(number)s"), "order_refund"),
}


def order_fulfillment_email_send(*, kind: str, fulfillment_id: int) -> None:
    fulfillment = Fulfillment.objects.filter(pk=fulfillment_id).select_related("warehouse").first()
    order = order_get(order_id=fulfillment.order_id) if fulfillment else None
    if order is None or kind not in FULFILLMENT_SUBJECTS:
        return
    subject, email_type = FULFILLMENT_SUBJECTS[kind]
    shipped = [{"name": f"{fl.order_line.product_name} — {fl.order_line.variant_name}"
                if fl.order_line.variant_name else fl.order_line.product_name, "quantity": fl.quantity}
               for fl in fulfillment.lines.select_related("order_line")]
    _send(order, template=f"fulfillment_{kind}", subject=subject, email_type=email_type,
          extra={"fulfillment": fulfillment, "shipped": shipped})


def order_staff_email_send(*, kind: str, order_id: str, amount: str = "") -> None:
    order = order_get(order_id=order_id)
    if order is None or kind not in ORDER_SUBJECTS:
        return
    subject, email_type = ORDER_SUBJECTS[kind]
    _send(order, template=f"order_{kind}", subject=subject, email_type=email_type,
          extra={"amount": format_vnd(amount) if amount else ""})
