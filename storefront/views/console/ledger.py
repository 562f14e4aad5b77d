"""The ledger of a point: filters, pages, and CSV / Excel export of what the filters select."""

from __future__ import annotations

import csv
from datetime import date
from io import BytesIO

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from marketplace.core.spreadsheets import spreadsheet_row_safe
from marketplace.salespoint import ledger as ledger_selectors
from storefront.views.console.common import point_context, point_view

PAGE_SIZE = 50
EXPORT_LIMIT = 50_000


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _rows(movements):
    for m in movements.iterator(chunk_size=2000):
        yield spreadsheet_row_safe([
            timezone.localtime(m.created_at).strftime("%Y-%m-%d %H:%M:%S"),
            ledger_selectors.movement_kind_label(m.kind), m.stock.product_variant.product.name,
            m.stock.product_variant.sku or "", m.quantity_delta, m.quantity_after, m.allocated_delta,
            m.reference, m.reason, m.actor.email if m.actor_id else ""])


def _headers() -> list[str]:
    return [_("Thời gian"), _("Loại"), _("Sản phẩm"), _("SKU"), _("Thay đổi"), _("Tồn sau"), _("Giữ hàng"),
            _("Chứng từ"), _("Lý do"), _("Người thực hiện")]


def _export(point, movements, fmt: str) -> HttpResponse:
    name = f"so-kho-{point.warehouse.slug}-{timezone.localdate():%Y%m%d}"
    movements = movements[:EXPORT_LIMIT]
    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(_("Sổ kho"))
        sheet.append(_headers())
        for row in _rows(movements):
            sheet.append(row)
        buffer = BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # so Excel opens the Vietnamese text as UTF-8
    writer = csv.writer(response)
    writer.writerow(_headers())
    writer.writerows(_rows(movements))
    return response


@point_view
def ledger(request: HttpRequest, point) -> HttpResponse:
    kinds = [k for k in request.GET.getlist("kind") if k]
    date_from, date_to = _date(request.GET.get("from")), _date(request.GET.get("to"))
    search = request.GET.get("q", "").strip()
    movements = ledger_selectors.stock_ledger(warehouse_ids=[point.warehouse_id], kinds=kinds, date_from=date_from,
                                              date_to=date_to, search=search)
    if request.GET.get("format") in ("csv", "xlsx"):
        return _export(point, movements, request.GET["format"])
    return render(request, "storefront/console/ledger.html", point_context(
        point, "ledger", page=Paginator(movements, PAGE_SIZE).get_page(request.GET.get("page")),
        kinds=kinds, kind_choices=ledger_selectors.movement_kind_choices(), date_from=date_from, date_to=date_to,
        search=search, mismatches=ledger_selectors.stock_ledger_mismatches(warehouse_ids=[point.warehouse_id])))
