"""The cart: add (from the product page's form: `variant`, `quantity`), change quantities, remove."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.channel.selectors import channel_get_by_slug
from marketplace.checkout import services as checkout_services
from marketplace.checkout.selectors import checkout_info_get, variants_purchase_info
from marketplace.core.client_address import client_address_get
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.core.text import ascii_int
from storefront.views.checkout.common import channel_slug, current_checkout, flash_errors, remember


def _int(value, default: int | None = None) -> int | None:
    number = ascii_int(value)
    return default if number is None else number


def cart(request: HttpRequest) -> HttpResponse:
    checkout = current_checkout(request)
    info = checkout_info_get(checkout=checkout) if checkout else None
    return render(request, "storefront/checkout/cart.html", {"info": info})


@require_POST
def cart_add(request: HttpRequest) -> HttpResponse:
    variant_id = _int(request.POST.get("variant") or request.POST.get("variant_id"))
    quantity = _int(request.POST.get("quantity"), 1)
    back = request.POST.get("next") or request.headers.get("Referer") or ""
    if variant_id is None:
        messages.error(request, _("Vui lòng chọn quy cách sản phẩm."))
        return redirect(back if url_has_allowed_host_and_scheme(back, {request.get_host()}) else "storefront:cart")
    line = checkout_services.LineInput(variant_id=variant_id, quantity=quantity)
    try:
        checkout = current_checkout(request)
        if checkout is None:
            checkout = checkout_services.checkout_create(channel_slug=channel_slug(), lines=[line], user=request.user,
                                                         language_code=request.LANGUAGE_CODE,
                                                         client_address=client_address_get(meta=request.META))
            remember(request, checkout)
        else:
            checkout_services.checkout_lines_add(checkout=checkout, lines=[line],
                                                 client_address=client_address_get(meta=request.META))
    except (DomainError, DomainErrors) as exc:
        flash_errors(request, exc)
        if url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
            return redirect(back)
        return redirect("storefront:cart")
    messages.success(request, _("Đã thêm vào giỏ hàng."))
    return redirect("storefront:cart")


@require_POST
def cart_line_update(request: HttpRequest, line_id: uuid.UUID) -> HttpResponse:
    checkout = current_checkout(request)
    if checkout is None:
        return redirect("storefront:cart")
    quantity = 0 if "remove" in request.POST else _int(request.POST.get("quantity"), -1)
    try:
        checkout_services.checkout_lines_update(
            checkout=checkout, lines=[checkout_services.LineUpdate(quantity=quantity, line_id=line_id)],
            client_address=client_address_get(meta=request.META))
    except (DomainError, DomainErrors) as exc:
        flash_errors(request, exc)
    return redirect("storefront:cart")


def buy(request: HttpRequest, variant_id: int) -> HttpResponse:
    """A small "buy this" page for a variant (used where the product page's buy box is not available)."""
    channel = channel_get_by_slug(slug=channel_slug())
    if channel is None:
        raise Http404
    purchase = variants_purchase_info(variant_ids=[variant_id], channel_id=channel.pk).get(variant_id)
    if purchase is None:
        raise Http404
    return render(request, "storefront/checkout/buy.html", {"purchase": purchase})
