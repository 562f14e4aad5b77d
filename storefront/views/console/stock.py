"""The stock table (search, low/blocked filters, thresholds), receiving from a producer and count corrections."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.core.errors import DomainError
from marketplace.core.text import ascii_int
from marketplace.salespoint import selectors, services
from storefront.views.console.common import flash_error, point_context, point_view
from storefront.views.console.forms import AdjustForm, ReceiveForm, ThresholdForm

PAGE_SIZE = 50


@point_view
def stock_table(request: HttpRequest, point) -> HttpResponse:
    search = request.GET.get("q", "").strip()
    only_low, only_blocked = request.GET.get("low") == "1", request.GET.get("blocked") == "1"
    lines = selectors.stock_lines(warehouse_id=point.warehouse_id, search=search, only_low=only_low,
                                  only_blocked=only_blocked)
    page = Paginator(lines, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "storefront/console/stock.html", point_context(
        point, "stock", page=page, search=search, only_low=only_low, only_blocked=only_blocked,
        summary=selectors.stock_summary(warehouse_ids=[point.warehouse_id])[point.warehouse_id]))


@require_POST
@point_view
def threshold_set(request: HttpRequest, point, stock_id: int) -> HttpResponse:
    form = ThresholdForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    else:
        try:
            stock = selectors.stock_line_get(stock_id=stock_id)
            if stock is None or stock.warehouse_id != point.warehouse_id:
                raise DomainError(_("Không tìm thấy dòng tồn kho."), code="NOT_FOUND")
            services.stock_threshold_set(actor=request.user, stock_id=stock_id,
                                         threshold=form.cleaned_data["threshold"])
            messages.success(request, _("Đã lưu ngưỡng cảnh báo."))
        except DomainError as exc:
            flash_error(request, exc)
    back = reverse("storefront:console:stock", kwargs={"slug": point.warehouse.slug})
    query = request.POST.get("return_query", "").lstrip("?").replace("\n", "").replace("\r", "")
    return redirect(f"{back}?{query}" if query else back)


@point_view
def receive(request: HttpRequest, point) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = selectors.variants_for_receiving(query=query) if query else []
    chosen_id = request.POST.get("variant") or request.GET.get("variant")
    if not chosen_id and len(results) == 1:
        chosen_id = results[0].pk  # a scanned barcode or SKU that matches one product
    chosen_pk = ascii_int(chosen_id, max_digits=18)
    chosen = selectors.variant_find(pk=chosen_pk) if chosen_pk else None
    form = ReceiveForm(request.POST or None, initial={"variant": chosen.pk if chosen else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            movement = services.stock_receive(
                actor=request.user, warehouse_id=point.warehouse_id, variant_id=data["variant"],
                quantity=data["quantity"], delivery_note=data["delivery_note"], supplier=data["supplier"],
                note=data["note"])
        except DomainError as exc:
            flash_error(request, exc)
        else:
            messages.success(request, _("Đã nhập %(n)s × %(name)s (phiếu %(note)s). Tồn kho: %(after)s.") % {
                "n": data["quantity"], "name": chosen.product.name if chosen else "", "note": data["delivery_note"],
                "after": movement.quantity_after})
            return redirect("storefront:console:receive", slug=point.warehouse.slug)
    return render(request, "storefront/console/receive.html", point_context(
        point, "receive", form=form, query=query, results=results, chosen=chosen))


@point_view
def adjust(request: HttpRequest, point) -> HttpResponse:
    stock_id = request.POST.get("stock") or request.GET.get("stock")
    stock_pk = ascii_int(stock_id, max_digits=18)
    line = selectors.stock_line_get(stock_id=stock_pk) if stock_pk else None
    if line is not None and line.warehouse_id != point.warehouse_id:
        line = None
    form = AdjustForm(request.POST or None, initial={"variant": line.product_variant_id if line else None,
                                                     "counted_quantity": line.quantity if line else None})
    if request.method == "POST" and line is not None and form.is_valid():
        data = form.cleaned_data
        try:
            movement = services.stock_adjust(actor=request.user, warehouse_id=point.warehouse_id,
                                             variant_id=line.product_variant_id,
                                             counted_quantity=data["counted_quantity"], reason=data["reason"])
        except DomainError as exc:
            flash_error(request, exc)
        else:
            messages.success(request, _("Số lượng khớp tồn kho, không cần điều chỉnh.") if movement is None else
                             _("Đã điều chỉnh %(delta)+d. Tồn kho: %(after)s.") % {
                                 "delta": movement.quantity_delta, "after": movement.quantity_after})
            return redirect("storefront:console:stock", slug=point.warehouse.slug)
    return render(request, "storefront/console/adjust.html", point_context(point, "stock", form=form, line=line))
