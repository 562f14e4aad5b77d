"""Checkout in three steps: contact → delivery or pickup → payment. Each step calls one service."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.account.addresses import CONTACT_ONLY
from marketplace.checkout import services as checkout_services
from marketplace.checkout.complete import checkout_complete
from marketplace.checkout.selectors import checkout_collection_points, checkout_info_get
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.core.text import ascii_int
from marketplace.payment.selectors import (
    COD_GATEWAY,
    STRIPE_GATEWAY,
    payment_gateways_available,
    stripe_csp_sources,
    stripe_js_url,
)
from storefront.views.checkout.common import current_checkout, flash_errors, forget
from storefront.views.checkout.forms import AddressForm, ContactForm
from storefront.views.checkout.messages import error_messages
from storefront.views.checkout.payment import card_payment_start


def _checkout_or_cart(request):
    checkout = current_checkout(request)
    if checkout is None or not checkout.lines.exists():
        return None
    return checkout


def contact(request: HttpRequest) -> HttpResponse:
    checkout = _checkout_or_cart(request)
    if checkout is None:
        return redirect("storefront:cart")
    billing = checkout.billing_address
    initial = {"email": checkout.email or (request.user.email if request.user.is_authenticated else ""),
               "name": billing.first_name if billing else "", "phone": billing.phone if billing else "",
               "note": checkout.customer_note}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            checkout_services.checkout_email_update(checkout=checkout, email=data["email"])
            checkout_services.checkout_billing_address_update(
                checkout=checkout, data={"first_name": data["name"], "phone": data["phone"]}, rules=CONTACT_ONLY)
            checkout_services.checkout_note_update(checkout=checkout, note=data["note"])
        except (DomainError, DomainErrors) as exc:
            flash_errors(request, exc)
        else:
            return redirect("storefront:checkout_delivery")
    return render(request, "storefront/checkout/contact.html",
                  {"form": form, "info": checkout_info_get(checkout=checkout), "step": 1})


def delivery(request: HttpRequest) -> HttpResponse:
    checkout = _checkout_or_cart(request)
    if checkout is None:
        return redirect("storefront:cart")
    if not checkout.email:
        return redirect("storefront:checkout_contact")
    billing = checkout.billing_address
    shipping = checkout.shipping_address if checkout.collection_point_id is None else None
    initial = {"name": billing.first_name if billing else "", "phone": billing.phone if billing else ""}
    if shipping:
        initial = {"name": shipping.first_name, "phone": shipping.phone, "street": shipping.street_address_1,
                   "commune": shipping.city, "province": shipping.country_area}
    action = request.POST.get("action")
    form = AddressForm(request.POST if action == "address" else None, initial=initial)
    if request.method == "POST":
        try:
            if action == "address" and form.is_valid():
                checkout_services.checkout_shipping_address_update(checkout=checkout, data=form.address_data())
                return redirect(reverse("storefront:checkout_delivery") + "#shipping-methods")
            if action == "method":
                checkout_services.checkout_delivery_method_update(
                    checkout=checkout, shipping_method_id=ascii_int(request.POST.get("method")) or None)
                return redirect("storefront:checkout_payment")
            if action == "pickup":
                checkout_services.checkout_delivery_method_update(
                    checkout=checkout, warehouse_id=ascii_int(request.POST.get("point")) or None)
                return redirect("storefront:checkout_payment")
        except (DomainError, DomainErrors) as exc:
            flash_errors(request, exc)
        except ValueError:
            messages.error(request, _("Lựa chọn không hợp lệ."))
    info = checkout_info_get(checkout=checkout)
    return render(request, "storefront/checkout/delivery.html", {
        "form": form, "info": info, "points": checkout_collection_points(info=info), "step": 2,
        "mode": "ship" if (shipping or action == "address") else ("pickup" if info.is_pickup else ""),
    })


def payment(request: HttpRequest) -> HttpResponse:
    checkout = _checkout_or_cart(request)
    if checkout is None:
        return redirect("storefront:cart")
    info = checkout_info_get(checkout=checkout)
    if not info.has_delivery:
        return redirect("storefront:checkout_delivery")
    gateways = payment_gateways_available()
    stripe = next((g for g in gateways if g.id == STRIPE_GATEWAY), None)
    response = render(request, "storefront/checkout/payment.html", {
        "info": info, "step": 3, "gateways": gateways, "cod_gateway": COD_GATEWAY,
        "stripe": stripe, "stripe_key": dict(stripe.config).get("api_key") if stripe else "",
        "stripe_js": stripe_js_url(),
    })
    response._csp_update = stripe_csp_sources()
    return response


@require_POST
def place(request: HttpRequest) -> HttpResponse:
    """Place the order. Cash on delivery: a form post, then the order page. Card: called by the payment script
    with the payment method Stripe.js created; it answers JSON (what to do next)."""
    checkout = _checkout_or_cart(request)
    gateway = request.POST.get("gateway") or COD_GATEWAY
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if checkout is None:
        if wants_json:
            return JsonResponse({"errors": [_("Giỏ hàng đang trống.")], "redirect": reverse("storefront:cart")},
                                status=400)
        return redirect("storefront:cart")
    try:
        order = checkout_complete(checkout_token=checkout.pk, user=request.user,
                                  gateway=COD_GATEWAY if gateway == COD_GATEWAY else None)
    except (DomainError, DomainErrors) as exc:
        if wants_json:
            return JsonResponse({"errors": error_messages(exc)}, status=400)
        flash_errors(request, exc)
        return redirect("storefront:checkout_payment")
    forget(request)
    request.session.setdefault("placed_orders", []).append(str(order.pk))
    request.session.modified = True
    if gateway == STRIPE_GATEWAY and wants_json:
        return card_payment_start(request, order, request.POST.get("payment_method_id") or "")
    return redirect(reverse("storefront:order_detail", args=[order.pk]) + "?placed=1")
