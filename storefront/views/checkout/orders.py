"""The order page (a guest's token link, or the account's order) and the account's order history."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from marketplace.order.selectors import (
    order_awaits_card_payment,
    order_can_be_viewed_in_full,
    order_get,
    order_is_paid,
    orders_for_user,
)
from marketplace.order.staff_selectors import order_fulfillments
from marketplace.payment.selectors import COD_GATEWAY, payment_gateways_available, stripe_csp_sources, stripe_js_url


def order_detail(request: HttpRequest, order_id: uuid.UUID) -> HttpResponse:
    order = order_get(order_id=order_id)
    if order is None:
        raise Http404
    stripe = next((g for g in payment_gateways_available() if g.id == "stripe"), None)
    lines = list(order.lines.all())
    response = render(request, "storefront/checkout/order_detail.html", {
        "order": order, "lines": lines, "canceled_lines": [line for line in lines if line.is_canceled],
        "full": order_can_be_viewed_in_full(
            order=order, user=request.user) or str(order.pk) in request.session.get("placed_orders", []),
        "is_paid": order_is_paid(order), "awaits_card": order_awaits_card_payment(order),
        "pay_on_delivery": order.payment_gateway == COD_GATEWAY, "placed": request.GET.get("placed") == "1",
        "payment_error": request.session.pop("payment_error", None), "stripe": stripe,
        "stripe_key": dict(stripe.config).get("api_key") if stripe else "", "stripe_js": stripe_js_url(),
        "fulfillments": order_fulfillments(order_id=order.pk),
    })
    response._csp_update = stripe_csp_sources()
    return response


@login_required
def account_orders(request: HttpRequest) -> HttpResponse:
    page = Paginator(orders_for_user(user_id=request.user.pk), 20).get_page(request.GET.get("page"))
    return render(request, "storefront/checkout/account_orders.html", {"page": page})
