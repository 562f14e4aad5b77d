"""E-mails to the shopper: order confirmation, "ready for pickup", lines cancelled after the order was placed.
Sent from Celery tasks queued on commit; the console backend prints them in development."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from marketplace.core.email import email_send
from marketplace.core.money import format_vnd
from marketplace.order.models import Order, OrderEvents
from marketplace.order.selectors import order_get
from marketplace.order.services import order_event_add


def order_public_url(order: Order) -> str:
    """The token link a guest can open without an account (the storefront's order page)."""
    try:
        path = reverse("storefront:order_detail", args=[str(order.pk)])
    except NoReverseMatch:
        path = f"/don-hang/{order.pk}/"
    return settings.PUBLIC_URL.rstrip("/") + path


def _send(order: Order, *, template: str, subject: str, email_type: str, extra=None) -> None:
    """subject: a (lazy) translatable text with %(number)s, put in the order's language; extra: more context, a
    dict or a function of the order (called in the order's language, so translated labels come out right)."""
    if not order.user_email:
        return
    with translation.override(order.language_code or "vi"):
        subject = str(subject) % {"number": order.number}
        context = {
            "order": order, "url": order_public_url(order), "lines": [
                {"name": f"{line.product_name} — {line.variant_name}" if line.variant_name else line.product_name,
                 "quantity": line.quantity, "total": format_vnd(line.total_price_amount)}
                for line in order.lines.all()],
            "subtotal": format_vnd(order.subtotal_amount), "shipping": format_vnd(order.shipping_price_amount),
            "total": format_vnd(order.total_amount),
        }
        if extra is not None:
            context.update(extra(order) if callable(extra) else extra)
        text = render_to_string(f"order/email/{template}.txt", context)
        html = render_to_string(f"order/email/{template}.html", context)
    email_send(to=[order.user_email], subject=subject, body=text, html=html)
    order_event_add(order=order, type=OrderEvents.EMAIL_SENT, email=order.user_email, email_type=email_type)


def order_confirmation_email_send(*, order_id: str) -> None:
    order = order_get(order_id=order_id)
    if order is not None:
        _send(order, template="confirmation", subject=gettext_lazy("OCOP Market: xác nhận đơn hàng #%(number)s"),
              email_type="order_confirmation")


def order_pickup_ready_email_send(*, order_id: str) -> None:
    order = order_get(order_id=order_id)
    if order is not None:
        _send(order, template="pickup_ready", subject=gettext_lazy("OCOP Market: đơn #%(number)s đã sẵn sàng để nhận"),
              email_type="shipping_confirmation")


def order_lines_canceled_email_send(*, order_id: str, line_ids: list[str]) -> None:
    """Tell the shopper which lines were withdrawn and why (the reason is translated into the order's language)."""
    order = order_get(order_id=order_id)
    if order is None:
        return

    def canceled(order: Order) -> dict:
        lines = [line for line in order.lines.all() if str(line.pk) in set(line_ids)]
        return {"canceled": [{"name": line.product_name, "quantity": line.quantity,
                              "reason": str(line.get_cancel_reason_display())} for line in lines]}

    _send(order, template="lines_canceled", email_type="order_cancel", extra=canceled,
          subject=gettext_lazy("OCOP Market: đơn #%(number)s có sản phẩm bị hủy"))
