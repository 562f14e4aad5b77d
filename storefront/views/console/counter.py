"""The counter: find by name, SKU or scanned barcode, a basket kept in the session per point, payment in cash or by
card on the terminal, then the receipt page to print."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.text import ascii_int
from marketplace.salespoint import selectors, services
from marketplace.salespoint.pricing import counter_cart
from storefront.views.console.common import flash_error, point_context, point_view
from storefront.views.console.forms import CounterAddForm, CounterPayForm


def _basket_key(point) -> str:
    return f"counter:{point.warehouse_id}"


def _basket(request: HttpRequest, point) -> dict[int, int]:
    return {int(k): v for k, v in request.session.get(_basket_key(point), {}).items()}


def _save(request: HttpRequest, point, basket: dict[int, int]) -> None:
    request.session[_basket_key(point)] = {str(k): v for k, v in basket.items() if v > 0}


def _token(request: HttpRequest, point, *, renew: bool = False) -> str:
    key = f"{_basket_key(point)}:token"
    if renew or key not in request.session:
        request.session[key] = uuid.uuid4().hex
    return request.session[key]


def _add(request: HttpRequest, point) -> None:
    form = CounterAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs) + " (INVALID_QUANTITY)")
        return
    data = form.cleaned_data
    try:
        if data["variant"]:
            variant_id = data["variant"]
        else:
            variant_id = selectors.counter_scan(warehouse_id=point.warehouse_id, code=data["code"] or "") \
                .product_variant_id
    except DomainError as exc:
        flash_error(request, exc)
        return
    basket = _basket(request, point)
    basket[variant_id] = basket.get(variant_id, 0) + data["quantity"]
    _save(request, point, basket)
    _token(request, point)


def _update(request: HttpRequest, point) -> None:
    basket = _basket(request, point)
    for variant_id in list(basket):
        raw = request.POST.get(f"qty_{variant_id}", "").strip()
        if raw == "":
            continue
        quantity = ascii_int(raw.removeprefix("-"))
        if quantity is None:
            messages.error(request, _("Số lượng phải là số nguyên.") + " (INVALID_QUANTITY)")
            return
        if raw.startswith("-"):
            messages.error(request, _("Số lượng không được âm.") + " (INVALID_QUANTITY)")
            return
        basket[variant_id] = quantity
    if (remove := ascii_int(request.POST.get("remove"))) is not None:
        basket.pop(remove, None)
    _save(request, point, basket)


def _pay(request: HttpRequest, point) -> HttpResponse | None:
    form = CounterPayForm(request.POST, payment_choices=selectors.payment_method_choices())
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return None
    data = form.cleaned_data
    try:
        sale = services.counter_sale_create(
            actor=request.user, warehouse_id=point.warehouse_id, lines=list(_basket(request, point).items()),
            payment_method=data["payment_method"], amount_tendered=data["amount_tendered"],
            terminal_reference=data["terminal_reference"], client_token=data["token"])
    except DomainError as exc:
        flash_error(request, exc)
        return None
    _save(request, point, {})
    _token(request, point, renew=True)
    return redirect("storefront:console:receipt", slug=point.warehouse.slug, number=sale.number)


@point_view
def counter(request: HttpRequest, point) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add":
            _add(request, point)
        elif action == "update":
            _update(request, point)
        elif action == "clear":
            _save(request, point, {})
        elif action == "pay" and (done := _pay(request, point)) is not None:
            return done
        return redirect("storefront:console:counter", slug=point.warehouse.slug)
    query = request.GET.get("q", "").strip()
    lines, total = counter_cart(warehouse_id=point.warehouse_id, items=_basket(request, point))
    return render(request, "storefront/console/counter.html", point_context(
        point, "counter", query=query, results=selectors.counter_lookup(warehouse_id=point.warehouse_id,
                                                                         query=query) if query else [],
        lines=lines, total=total, can_pay=bool(lines) and not any(line.problem for line in lines),
        pay_form=CounterPayForm(payment_choices=selectors.payment_method_choices(),
                                initial={"token": _token(request, point), "payment_method": "cash"}),
        recent=selectors.counter_sales_for_point(warehouse_id=point.warehouse_id, limit=5)))


@point_view
def receipt(request: HttpRequest, point, number: str) -> HttpResponse:
    sale = selectors.counter_sale_for_user(user=request.user, number=number)
    if request.method == "POST" and request.POST.get("action") == "void":
        try:
            services.counter_sale_void(actor=request.user, sale_id=sale.pk, reason=request.POST.get("reason", ""))
            messages.success(request, _("Đã hủy hóa đơn; hàng đã được trả lại kệ."))
        except DomainError as exc:
            flash_error(request, exc)
        return redirect("storefront:console:receipt", slug=point.warehouse.slug, number=sale.number)
    return render(request, "storefront/console/receipt.html", point_context(point, "counter", sale=sale))
