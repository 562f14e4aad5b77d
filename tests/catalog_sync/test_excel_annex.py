"""The Excel annex of a decision: header variants, broken rows reported by row number, the rest listed."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from catalog_sync import services
from catalog_sync.mapping import DecisionInfo
from catalog_sync.models import SyncRunStatus
from catalog_sync.registry_server.dataset import ANNEX_PATH
from marketplace.certification.models import Certificate
from marketplace.product.models import Product
from tests.catalog_sync.conftest import shop_names

DECISION = DecisionInfo(number="3120/QĐ-UBND", date=date(2026, 10, 20), issuer="UBND tỉnh Hà Tĩnh",
                        issuer_level="province")


def _workbook(path, header, rows, *, title_rows=0):
    workbook = Workbook()
    sheet = workbook.active
    for n in range(title_rows):
        sheet.append([f"Dòng tiêu đề {n + 1}"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.mark.django_db
def test_bundled_annex_imports_the_readable_rows_and_reports_the_others_by_row_number(channel):
    run = services.annex_import(path=ANNEX_PATH, decision=DECISION)

    assert run.status == SyncRunStatus.SUCCEEDED
    assert (run.received, run.created, run.rejected) == (12, 7, 5)
    rejects = {r.row_number: (r.code, r.reason) for r in run.rejected_records.all()}
    assert rejects == {
        11: ("missing_name", "Thiếu tên sản phẩm"),
        13: ("stars_out_of_range", "Số sao 6 nằm ngoài khoảng 1–5"),
        14: ("stars_unreadable", "Không đọc được số sao “chưa xếp hạng”"),
        18: ("missing_producer", "Thiếu tên chủ thể"),
        19: ("unknown_group", "Nhóm sản phẩm không xác định: Nhóm XYZ"),
    }
    assert shop_names() == {"Kẹo cu đơ gừng Thiên Lộc", "Nước mắm nhỉ Cẩm Nhượng", "Cam bù Sơn Kim",
                            "Mật ong rừng Vũ Quang", "Chè xanh Hương Đô", "Tinh dầu sả chanh Kỳ Anh",
                            "Tinh dầu bưởi Hương Khê"}
    cert = Certificate.objects.get(product__name="Tinh dầu sả chanh Kỳ Anh")
    assert (cert.stars, cert.decision_number, cert.issuer, cert.expires_on) == (
        4, "3120/QĐ-UBND", "UBND tỉnh Hà Tĩnh", date(2029, 10, 20))
    assert Product.objects.get(name="Tinh dầu bưởi Hương Khê").category.code == "III.2"  # group given by name
    assert cert.producer.province_code == "ha-tinh"


@pytest.mark.django_db
def test_importing_the_same_annex_twice_changes_nothing(channel):
    services.annex_import(path=ANNEX_PATH, decision=DECISION)

    again = services.annex_import(path=ANNEX_PATH, decision=DECISION)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert Product.objects.count() == 7


@pytest.mark.django_db
@pytest.mark.parametrize("header", [
    ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Số sao"],
    ["stt", "TÊN SẢN PHẨM", "TÊN CHỦ THỂ", "ĐỊA CHỈ", "HẠNG SAO"],
    ["S TT", "Tên  sản   phẩm", "Chủ thể sản xuất", "Dia chi", "Xếp hạng"],
    ["Số TT", "Ten san pham", "Tên chủ thể", "Địa chỉ", "Kết quả xếp hạng (số sao)"],
])
def test_header_variants_are_matched_ignoring_case_diacritics_and_spacing(channel, tmp_path, header):
    path = _workbook(tmp_path / "annex.xlsx", header, [
        [1, "Miến dong Na Rì", "HTX Miến dong Côn Minh", "xã Côn Minh, huyện Na Rì, tỉnh Bắc Kạn", "4★"],
        [2, "Chè Tân Cương", "Hộ kinh doanh Lê Thị Mai", "xã Tân Cương, TP Thái Nguyên, Thái Nguyên",
         "3 sao"],
    ], title_rows=3)
    decision = DecisionInfo(number="88/QĐ-UBND", date=date(2026, 9, 1), issuer="UBND tỉnh Thái Nguyên",
                            issuer_level="province")

    run = services.annex_import(path=path, decision=decision)

    assert run.status == SyncRunStatus.SUCCEEDED, run.error
    assert (run.created, run.rejected) == (2, 0)
    assert shop_names() == {"Miến dong Na Rì", "Chè Tân Cương"}
    mien = Product.objects.get(name="Miến dong Na Rì")
    assert (mien.producer.kind, mien.producer.district_as_published, mien.producer.province_code) == (
        "cooperative", "huyện Na Rì", "thai-nguyen")  # Bắc Kạn is now part of Thái Nguyên
    assert mien.category is None  # this annex names no group


@pytest.mark.django_db
def test_a_file_without_a_recognisable_header_fails_with_a_clear_error(channel, tmp_path):
    path = _workbook(tmp_path / "annex.xlsx", ["Cột A", "Cột B"], [["x", "y"]])

    run = services.annex_import(path=path, decision=DECISION)

    assert run.status == SyncRunStatus.FAILED and not run.error_is_temporary
    assert "Không tìm thấy dòng tiêu đề" in run.error
    assert Product.objects.count() == 0


@pytest.mark.django_db
def test_a_file_that_is_not_excel_fails_with_a_clear_error(channel, tmp_path):
    path = tmp_path / "annex.xlsx"
    path.write_text("not a spreadsheet")

    run = services.annex_import(path=path, decision=DECISION)

    assert run.status == SyncRunStatus.FAILED
    assert "Không mở được tệp Excel" in run.error
