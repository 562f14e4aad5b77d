"""Card payment for a placed order: the browser sends the payment method Stripe.js made; we confirm it with
Stripe and say what comes next (done, 3-D Secure, or declined: try another card or pay on delivery)."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.selectors import order_get
from marketplace.payment.selectors import COD_GATEWAY, STRIPE_GATEWAY, transaction_active_stripe
from marketplace.payment.services import transaction_initialize, transaction_process
from storefront.views.checkout.common import flash_errors
from storefront.views.checkout.messages import error_messages


def _order_url(order, **query) -> str:
    url = reverse("storefront:order_detail", args=[order.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def card_payment_start(request: HttpRequest, order, payment_method_id: str) -> JsonResponse:
    try:
        step = transaction_initialize(order=order, gateway=STRIPE_GATEWAY,
                                      actor=request.user if request.user.is_authenticated else None)
        if payment_method_id:
            step = transaction_process(item=step.transaction, payment_method_id=payment_method_id)
    except (DomainError, DomainErrors) as exc:
        return JsonResponse({"errors": error_messages(exc), "redirect": _order_url(order)}, status=400)
    status = step.data.get("status")
    if status == "succeeded":
        return JsonResponse({"status": status, "redirect": _order_url(order, placed=1)})
    if status == "requires_action":
        return JsonResponse({"status": status, "client_secret": step.data.get("clientSecret"),
                             "sync_url": reverse("storefront:order_payment_sync", args=[order.pk]),
                             "redirect": _order_url(order, placed=1)})
    error = step.data.get("error") or _("Thanh toán chưa hoàn tất.")
    request.session["payment_error"] = str(error)
    return JsonResponse({"status": status, "error": error, "redirect": _order_url(order, placed=1)})


def _order(order_id: uuid.UUID):
    order = order_get(order_id=order_id)
    if order is None:
        raise Http404
    return order


@require_POST
def order_pay(request: HttpRequest, order_id: uuid.UUID) -> HttpResponse:
    return card_payment_start(request, _order(order_id), request.POST.get("payment_method_id") or "")


@require_POST
def order_payment_sync(request: HttpRequest, order_id: uuid.UUID) -> HttpResponse:
    """After 3-D Secure in the browser: ask Stripe where the payment stands."""
    order = _order(order_id)
    item = transaction_active_stripe(order_id=order.pk)
    if item is not None:
        try:
            step = transaction_process(item=item)
            if step.data.get("error"):
                request.session["payment_error"] = str(step.data["error"])
        except (DomainError, DomainErrors) as exc:
            flash_errors(request, exc)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"redirect": _order_url(order)})
    return redirect(_order_url(order))


@require_POST
def order_pay_on_delivery(request: HttpRequest, order_id: uuid.UUID) -> HttpResponse:
    order = _order(order_id)
    try:
        transaction_initialize(order=order, gateway=COD_GATEWAY,
                               actor=request.user if request.user.is_authenticated else None)
    except (DomainError, DomainErrors) as exc:
        flash_errors(request, exc)
    return redirect(_order_url(order))
