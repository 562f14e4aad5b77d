"""The post-fair report against hand-computed sums.

Fair: 10/05/2026 08:00 → 13/05/2026 21:00 (85 hours), so the comparison period is 06/05 19:00 → 10/05 08:00.
Booth A-01 (HTX Nước mắm, sales point W): fish sauce 4★ and anchovy sauce 5★, group I.
Booth A-02 (HTX Rượu, no sales point): rice wine 3★, group II. Warehouse W2 is not at the fair."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from marketplace.account.models import Address
from marketplace.fair import report as report_module
from marketplace.fair.report import SalesRow, fair_report, fair_sales_query, fair_sales_rows
from marketplace.fair.report_export import fair_report_charts, fair_report_xlsx
from marketplace.fair.services import booth_create
from marketplace.warehouse.models import Warehouse
from tests.factories.fair import FAIR_END, FAIR_START, vn

AT = vn(2026, 4, 1)


def _warehouse(slug: str) -> Warehouse:
    address = Address.objects.create(street_address_1="1 Trần Phú", country_area="Hà Tĩnh")
    return Warehouse.objects.create(name=slug, slug=slug, address=address, is_private=False)


@pytest.fixture
def sales(fair, catalog):
    sauce = catalog.product("Nước mắm Vũng Áng", stars=4, producer_name="HTX Nước mắm")
    anchovy = catalog.product("Nước mắm cá cơm", stars=5)
    anchovy.producer_id = sauce.producer_id
    anchovy.save()
    wine = catalog.product("Rượu nếp", stars=3, group_code="II.1.a", producer_name="HTX Rượu")
    tea = catalog.product("Chè không tham gia", stars=4)
    w, w2 = _warehouse("w"), _warehouse("w2")
    booth_create(fair=fair, code="A-01", producer_id=sauce.producer_id, sales_point_id=w.pk,
                 product_ids=[sauce.pk, anchovy.pk], at=AT)
    booth_create(fair=fair, code="A-02", producer_id=wine.producer_id, product_ids=[wine.pk], at=AT)

    def row(product, quantity, revenue, sold_at, channel="online", warehouse=None, ref=None):
        return SalesRow(product_id=product.pk, variant_id=product.variants.get().pk, quantity=quantity,
                        revenue=Decimal(revenue), sold_at=sold_at, channel=channel,
                        warehouse_id=warehouse.pk if warehouse else None, order_ref=ref)

    rows = [
        row(sauce, 2, 153_000, FAIR_START, ref="O1"),                       # during, the opening instant
        row(anchovy, 1, 90_000, vn(2026, 5, 11, 10), ref="O1"),             # during, same order
        row(wine, 3, 121_500, FAIR_END - timedelta(seconds=1), ref="O2"),   # during, last second
        row(sauce, 1, 76_500, vn(2026, 5, 12, 15), "counter", w, "C1"),     # during, at the fair's counter
        row(sauce, 5, 400_000, vn(2026, 5, 12, 15), "counter", w2, "C2"),   # other counter: ignored
        row(wine, 9, 999_000, FAIR_END, ref="O9"),                          # the closing instant: ignored
        row(sauce, 1, 85_000, vn(2026, 5, 8, 9), ref="O3"),                 # before
        row(wine, 2, 90_000, vn(2026, 5, 6, 19), ref="O4"),                 # before, its first instant
        row(wine, 7, 700_000, vn(2026, 5, 6, 18, 59, 59), ref="O5"),        # earlier still: ignored
        row(tea, 4, 480_000, vn(2026, 5, 11), ref="O6"),                    # not at the fair: ignored
        row(sauce, 2, 170_000, vn(2026, 5, 9, 16), "counter", w),           # before, counter, no order ref
    ]
    return {"rows": rows, "w": w, "w2": w2, "sauce": sauce, "anchovy": anchovy, "wine": wine, "tea": tea}


def _figures(line):
    return (line.during.orders, line.during.quantity, line.during.revenue,
            line.before.orders, line.before.quantity, line.before.revenue)


@pytest.mark.django_db
def test_totals_and_comparison_period(fair, sales):
    report = fair_report(fair=fair, sales_rows=sales["rows"])

    assert (report.periods.before_start, report.periods.before_end) == (vn(2026, 5, 6, 19), FAIR_START)
    assert _figures(report.total) == (3, 7, Decimal(441_000), 3, 5, Decimal(345_000))
    assert report.total.revenue_change_pct == Decimal("27.8")
    assert report.rows_counted == 7


@pytest.mark.django_db
def test_sums_per_booth_producer_star_level_group_and_channel(fair, sales):
    report = fair_report(fair=fair, sales_rows=sales["rows"])

    assert [(line.label, _figures(line)) for line in report.by_booth] == [
        ("A-01 · HTX Nước mắm", (2, 4, Decimal(319_500), 2, 3, Decimal(255_000))),
        ("A-02 · HTX Rượu", (1, 3, Decimal(121_500), 1, 2, Decimal(90_000))),
    ]
    assert [line.label for line in report.by_producer] == ["HTX Nước mắm", "HTX Rượu"]
    assert [(line.label, line.during.revenue, line.before.revenue) for line in report.by_stars] == [
        ("5 sao", Decimal(90_000), Decimal(0)),
        ("4 sao", Decimal(229_500), Decimal(255_000)),
        ("3 sao", Decimal(121_500), Decimal(90_000)),
    ]
    assert [(line.label, line.during.revenue, line.before.revenue) for line in report.by_group] == [
        ("I. Thực phẩm", Decimal(319_500), Decimal(255_000)),
        ("II. Đồ uống", Decimal(121_500), Decimal(90_000)),
    ]
    assert [(line.key, _figures(line)) for line in report.by_channel] == [
        ("online", (2, 6, Decimal(364_500), 2, 3, Decimal(175_000))),
        ("counter", (1, 1, Decimal(76_500), 1, 2, Decimal(170_000))),
    ]
    assert report.by_product[0].label == "Nước mắm Vũng Áng"  # highest revenue during the fair


@pytest.mark.django_db
def test_a_fair_without_sales_lists_its_booths_with_zeros(fair, sales):
    report = fair_report(fair=fair, sales_rows=[])

    assert [line.key for line in report.by_booth] == ["A-01", "A-02"]
    assert _figures(report.total) == (0, 0, Decimal(0), 0, 0, Decimal(0))
    assert report.total.revenue_change_pct is None


@pytest.mark.django_db
def test_registered_sales_sources_are_asked_for_the_fair_products_points_and_both_periods(fair, sales, monkeypatch):
    monkeypatch.setattr(report_module, "_SOURCES", [])
    asked = []

    @report_module.sales_source_register
    def source(query):
        asked.append(query)
        return sales["rows"][:2]

    rows = fair_sales_rows(fair=fair)

    assert rows == sales["rows"][:2]
    assert asked == [fair_sales_query(fair)]
    query = asked[0]
    assert query.product_ids == {sales["sauce"].pk, sales["anchovy"].pk, sales["wine"].pk}
    assert query.warehouse_ids == {sales["w"].pk}
    assert (query.start, query.end) == (vn(2026, 5, 6, 19), FAIR_END)


@pytest.mark.django_db
def test_charts_and_excel_export_carry_the_figures(fair, sales):
    report = fair_report(fair=fair, sales_rows=sales["rows"])

    charts = fair_report_charts(report)
    workbook = load_workbook(io.BytesIO(fair_report_xlsx(report)))

    assert set(charts) == {"total", "booth", "stars", "group"}
    assert charts["booth"].startswith("<svg") and "A-01 · HTX Nước mắm" in charts["booth"]
    assert 'role="img"' in charts["stars"] and "5 sao" in charts["stars"]
    assert workbook.sheetnames == ["Tổng quan", "Theo kênh", "Theo gian hàng", "Theo chủ thể", "Theo hạng sao",
                                   "Theo nhóm sản phẩm", "Theo sản phẩm"]
    booth_sheet = list(workbook["Theo gian hàng"].iter_rows(values_only=True))
    assert booth_sheet[1] == ("A-01 · HTX Nước mắm", 2, 4, 319_500, 2, 3, 255_000, 25.3)
    assert list(workbook["Tổng quan"].iter_rows(values_only=True))[5][:4] == ("Tổng cộng", 3, 7, 441_000)


@pytest.mark.django_db
def test_names_that_look_like_formulas_stay_text_in_the_excel_report(fair, sales):
    sales["wine"].name = "=HYPERLINK(\"http://attacker.example\",\"Rượu\")"
    sales["wine"].save()
    fair.name = "@SUM(1+1)"
    fair.save()

    workbook = load_workbook(io.BytesIO(fair_report_xlsx(fair_report(fair=fair, sales_rows=sales["rows"]))))

    products = [row[0] for row in workbook["Theo sản phẩm"].iter_rows(min_row=2, values_only=True)]
    assert "'=HYPERLINK(\"http://attacker.example\",\"Rượu\")" in products
    assert list(workbook["Tổng quan"].iter_rows(values_only=True))[0][:2] == ("Hội chợ", "'@SUM(1+1)")
    assert all(cell.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)
