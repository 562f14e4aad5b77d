"""The fair report as SVG charts and as an Excel workbook (one sheet per breakdown)."""

from __future__ import annotations

import io
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from marketplace.core.money import format_vnd
from marketplace.core.spreadsheets import spreadsheet_cell_safe, spreadsheet_row_safe
from marketplace.fair.charts import Series, bar_chart_svg
from marketplace.fair.report import FairReport, ReportLine
from marketplace.fair.selectors import VN_TZ

DURING, BEFORE = _lazy("Trong hội chợ"), _lazy("Cùng kỳ trước hội chợ")


def _compact_vnd(value: Decimal | int | float) -> str:
    value = Decimal(value)
    if value >= 1_000_000:
        return f"{(value / 1_000_000).quantize(Decimal('0.1'))} tr ₫".replace(".", ",")
    return format_vnd(value)


def _revenue_chart(title: str, lines: list[ReportLine]) -> str:
    return bar_chart_svg(
        title=title, labels=[line.label for line in lines],
        series=[Series(str(DURING), [line.during.revenue for line in lines]),
                Series(str(BEFORE), [line.before.revenue for line in lines])],
        value_format=_compact_vnd,
    )


def fair_report_charts(report: FairReport) -> dict[str, str]:
    """name -> inline SVG."""
    return {
        "total": _revenue_chart(_("Doanh thu: trong hội chợ và cùng kỳ trước"), [report.total, *report.by_channel]),
        "booth": _revenue_chart(_("Doanh thu theo gian hàng"), report.by_booth),
        "stars": _revenue_chart(_("Doanh thu theo hạng sao OCOP"), report.by_stars),
        "group": _revenue_chart(_("Doanh thu theo nhóm sản phẩm"), report.by_group),
    }


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment, VN_TZ), "d/m/Y H:i")


SHEETS = ((_lazy("Theo kênh"), "by_channel", _lazy("Kênh")),
          (_lazy("Theo gian hàng"), "by_booth", _lazy("Gian hàng")),
          (_lazy("Theo chủ thể"), "by_producer", _lazy("Chủ thể")),
          (_lazy("Theo hạng sao"), "by_stars", _lazy("Hạng sao")),
          (_lazy("Theo nhóm sản phẩm"), "by_group", _lazy("Nhóm sản phẩm")),
          (_lazy("Theo sản phẩm"), "by_product", _lazy("Sản phẩm")))
COLUMNS = (_lazy("Đơn hàng (trong)"), _lazy("Số lượng (trong)"), _lazy("Doanh thu ₫ (trong)"),
           _lazy("Đơn hàng (trước)"), _lazy("Số lượng (trước)"), _lazy("Doanh thu ₫ (trước)"),
           _lazy("Thay đổi doanh thu %"))


def _row(line: ReportLine) -> list:
    change = line.revenue_change_pct
    return [spreadsheet_cell_safe(line.label), line.during.orders, line.during.quantity, int(line.during.revenue),
            line.before.orders, line.before.quantity, int(line.before.revenue),
            float(change) if change is not None else None]


def fair_report_xlsx(report: FairReport) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Tổng quan")
    p = report.periods
    summary.append(spreadsheet_row_safe([_("Hội chợ"), report.fair.name]))
    summary.append([_("Trong hội chợ"), f"{_when(p.during_start)} – {_when(p.during_end)}"])
    summary.append([_("Cùng kỳ trước"), f"{_when(p.before_start)} – {_when(p.before_end)}"])
    summary.append([])
    summary.append(["", *map(str, COLUMNS)])
    summary.append(_row(report.total))
    for cell in summary[5]:
        cell.font = Font(bold=True)
    summary.column_dimensions["A"].width = 28
    for title, attribute, first in SHEETS:
        sheet = workbook.create_sheet(str(title))
        sheet.append([str(first), *map(str, COLUMNS)])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for line in getattr(report, attribute):
            sheet.append(_row(line))
        sheet.column_dimensions["A"].width = 40
        for row in sheet.iter_rows(min_row=2, min_col=4, max_col=7):
            for cell in row:
                cell.number_format = "#,##0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
