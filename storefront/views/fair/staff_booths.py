"""Staff console: booths (allocate, edit, products on show, delete) and the Excel booth import."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.core.errors import DomainError
from marketplace.fair import services
from marketplace.fair.booth_import import booth_import_template as template_bytes
from marketplace.fair.booth_import import booths_import
from marketplace.fair.matching import producer_match
from marketplace.fair.selectors import booth_candidate_products, booth_get, booth_product_ids, zones_list
from marketplace.warehouse.selectors import warehouse_list
from storefront.views.fair.access import form_errors_from, staff_fair, staff_required
from storefront.views.fair.forms import BoothForm, BoothImportForm, BoothProductsForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _booth_form(fair, data=None, initial=None) -> BoothForm:
    return BoothForm(data, initial=initial, zones=zones_list(fair=fair), sales_points=warehouse_list())


def _producer_id(form: BoothForm) -> int | None:
    match = producer_match(text=form.cleaned_data["producer"])
    if match.producer is None:
        form.add_error("producer", match.reason)
        return None
    return match.producer.pk


@staff_required()
def booth_create(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    form = _booth_form(fair, request.POST or None, initial={"zone": request.GET.get("khu")})
    if request.method == "POST" and form.is_valid() and (producer_id := _producer_id(form)):
        data = form.cleaned_data
        try:
            booth = services.booth_create(fair=fair, code=data["code"], producer_id=producer_id,
                                          zone_id=data["zone"], sales_point_id=data["sales_point"],
                                          note=data["note"], actor=request.user)
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Đã thêm gian %(code)s. Chọn sản phẩm trưng bày.") % {"code": booth.code})
            return redirect("storefront:staff_booth_edit", slug, booth.pk)
    return render(request, "storefront/fair/staff/booth_form.html", {"fair": fair, "form": form, "booth": None})


@staff_required()
def booth_edit(request: HttpRequest, slug: str, booth_id: int) -> HttpResponse:
    fair = staff_fair(slug)
    booth = booth_get(fair=fair, pk=booth_id)
    if booth is None:
        raise Http404
    initial = {"code": booth.code, "zone": booth.zone_id, "producer": booth.producer.tax_code or booth.producer.name,
               "sales_point": booth.sales_point_id, "note": booth.note}
    is_products = request.method == "POST" and "save_products" in request.POST
    form = _booth_form(fair, request.POST if request.method == "POST" and not is_products else None, initial)
    candidates = booth_candidate_products(booth=booth)
    products_form = BoothProductsForm(request.POST if is_products else None, candidates=candidates,
                                      initial={"products": booth_product_ids(booth=booth)})
    if is_products and products_form.is_valid():
        try:
            services.booth_products_set(booth=booth, product_ids=products_form.cleaned_data["products"],
                                        actor=request.user)
        except DomainError as error:
            form_errors_from(products_form, error)
        else:
            messages.success(request, _("Đã lưu sản phẩm trưng bày của gian %(code)s.") % {"code": booth.code})
            return redirect("storefront:staff_booth_edit", slug, booth.pk)
    elif request.method == "POST" and not is_products and form.is_valid() and (producer_id := _producer_id(form)):
        data = form.cleaned_data
        try:
            booth = services.booth_update(booth=booth, code=data["code"], producer_id=producer_id,
                                          zone_id=data["zone"], sales_point_id=data["sales_point"],
                                          note=data["note"], actor=request.user)
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Đã lưu gian %(code)s.") % {"code": booth.code})
            return redirect("storefront:staff_booth_edit", slug, booth.pk)
    return render(request, "storefront/fair/staff/booth_form.html", {
        "fair": fair, "booth": booth, "form": form, "products_form": products_form,
        "candidates": {c.product.pk: c for c in candidates},
    })


@require_POST
@staff_required()
def booth_delete(request: HttpRequest, slug: str, booth_id: int) -> HttpResponse:
    fair = staff_fair(slug)
    booth = booth_get(fair=fair, pk=booth_id)
    if booth is None:
        raise Http404
    try:
        services.booth_delete(booth=booth, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã xoá gian %(code)s.") % {"code": booth.code})
    return redirect("storefront:staff_fair_detail", slug)


@staff_required()
def booth_import(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    form = BoothImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = booths_import(fair=fair, file=form.cleaned_data["file"], dry_run=form.cleaned_data["dry_run"],
                                   actor=request.user)
        except DomainError as error:
            form_errors_from(form, error)
    return render(request, "storefront/fair/staff/import.html", {"fair": fair, "form": form, "report": report})


@staff_required()
def booth_import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_bytes(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-gian-hang.xlsx"'
    return response
