"""Importing a booth list from Excel: matched rows go in, every unmatched cell is reported by row number."""

from __future__ import annotations

import functools
import io
from datetime import date

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from marketplace.core.errors import DomainError
from marketplace.fair import booth_import
from marketplace.fair.booth_import import booth_import_template, booths_import
from marketplace.fair.models import Booth, BoothProduct, FairZone
from marketplace.fair.services import booth_create, fair_campaign_set
from marketplace.producer.models import Producer
from tests.factories.fair import vn

AT = vn(2026, 4, 20)


def xlsx(*rows, headers=("STT", "Mã gian hàng", "Khu", "Chủ thể", "Mã số thuế", "Sản phẩm trưng bày")) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH GIAN HÀNG HỘI CHỢ OCOP"])  # a title line above the header, as provinces do
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.fixture
def producers(catalog):
    sauce = catalog.product("Nước mắm Vũng Áng 35 độ đạm", producer_name="HTX Nước mắm Vũng Áng")
    Producer.objects.filter(pk=sauce.producer_id).update(tax_code="0101234567")
    sauce2 = catalog.product("Nước mắm nhĩ cá cơm")
    sauce2.producer_id = sauce.producer_id
    sauce2.save()
    candy = catalog.product("Kẹo cu đơ Phong Nga", producer_name="Cơ sở sản xuất kẹo cu đơ Phong Nga")
    expired = catalog.product("Mật ong hết hạn", producer_name="HTX Ong mật", expires_on=date(2026, 1, 1))
    lapsing = catalog.product("Mật ong rừng", expires_on=date(2026, 5, 11))
    lapsing.producer_id = expired.producer_id
    lapsing.save()
    return {"sauce": sauce, "sauce2": sauce2, "candy": candy, "expired": expired, "lapsing": lapsing}


@pytest.mark.django_db
def test_matched_rows_become_booths_and_unmatched_cells_are_reported_by_row(fair, producers):
    booth_create(fair=fair, code="C-01", producer_id=producers["candy"].producer_id)
    file = xlsx(
        (1, "A-01", "Khu Hà Tĩnh", "", 101234567, "Nước mắm Vũng Áng 35 độ đạm; nuoc mam nhi ca com"),
        (2, "a-02", "Khu Hà Tĩnh", "co so san xuat KEO CU DO Phong Nga", None, "Kẹo cu đơ Phong Nga\nBánh đa vừng"),
        (3, "A-03", "Khu Nghệ An", "HTX Không Có", None, "Gì đó"),
        (4, "A-01", "", "HTX Nước mắm Vũng Áng", None, ""),
        (5, "c-01", "", "HTX Nước mắm Vũng Áng", None, ""),
        (6, "B-01", "Khu Ong", "HTX Ong mật", None, "Mật ong hết hạn; Mật ong rừng"),
        (None, None, None, None, None, None),
        (7, "", "", "HTX Ong mật", None, ""),
    )

    report = booths_import(fair=fair, file=file, at=AT)

    assert report.booths_created == ["A-01", "A-02", "B-01"]
    assert report.products_attached == 4
    assert report.zones_created == ["Khu Hà Tĩnh", "Khu Ong"]
    assert [(i.row, i.column, i.value) for i in report.issues] == [
        (4, "Sản phẩm", "Bánh đa vừng"),
        (5, "Chủ thể", "HTX Không Có"),
        (6, "Mã gian hàng", "A-01"),
        (7, "Mã gian hàng", "c-01"),
        (8, "Sản phẩm", "Mật ong hết hạn"),
        (10, "Mã gian hàng", ""),
    ]
    assert "Không tìm thấy chủ thể «HTX Không Có»" in report.issues[1].reason
    assert "trùng" in report.issues[2].reason
    assert "giấy chứng nhận" in report.issues[4].reason
    assert [(f.row, f.product_name) for f in report.flagged] == [(8, "Mật ong rừng")]
    a01 = Booth.objects.get(fair=fair, code="A-01")
    assert a01.zone.name == "Khu Hà Tĩnh" and a01.producer_id == producers["sauce"].producer_id
    assert set(BoothProduct.objects.filter(booth=a01).values_list("product_id", flat=True)) == {
        producers["sauce"].pk, producers["sauce2"].pk}


@pytest.mark.django_db
def test_a_dry_run_reports_the_same_and_saves_nothing(fair, producers):
    file = xlsx((1, "A-01", "Khu Hà Tĩnh", "HTX Nước mắm Vũng Áng", None, "Nước mắm nhĩ cá cơm"),
                (2, "A-02", "", "Ai đó", None, ""))

    report = booths_import(fair=fair, file=file, dry_run=True, at=AT)

    assert (report.booths_created, report.rows_with_issues, report.dry_run) == (["A-01"], [4], True)
    assert Booth.objects.filter(fair=fair).count() == 0
    assert FairZone.objects.filter(fair=fair).count() == 0


@pytest.mark.django_db
def test_products_in_another_overlapping_campaign_are_reported_not_attached(fair, make_fair, producers):
    from marketplace.fair.services import fair_publish

    other = make_fair("Hội chợ Nghệ An", province="Nghệ An")
    fair_campaign_set(fair=other, reward_value_type="percentage", reward_value="10")
    booth_create(fair=other, code="X-01", producer_id=producers["candy"].producer_id,
                 product_ids=[producers["candy"].pk], at=AT)
    fair_publish(fair=other, at=AT)
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    # the candy now moves to this fair's booth list (another producer booth at the other fair holds it)
    file = xlsx((1, "A-01", "", "Cơ sở sản xuất kẹo cu đơ Phong Nga", None, "Kẹo cu đơ Phong Nga"))

    report = booths_import(fair=fair, file=file, at=AT)

    assert report.booths_created == ["A-01"]
    assert [(i.row, i.value) for i in report.issues] == [(3, "Kẹo cu đơ Phong Nga")]
    assert "Hội chợ Nghệ An" in report.issues[0].reason


@pytest.mark.django_db
@pytest.mark.parametrize("content", [b"not an excel file", None])
def test_a_file_without_the_expected_header_or_not_excel_is_refused(fair, content):
    file = io.BytesIO(content) if content else xlsx(("A-01", "x"), headers=("Cột 1", "Cột 2"))

    with pytest.raises(DomainError) as error:
        booths_import(fair=fair, file=file)

    assert error.value.code == "import_file_invalid"


@pytest.mark.django_db
def test_the_template_reads_back_as_one_row(fair, producers):
    report = booths_import(fair=fair, file=io.BytesIO(booth_import_template()), dry_run=True, at=AT)

    assert report.rows_read == 1
    assert report.issues[0].column == "Chủ thể"  # the example producer does not exist


@functools.cache
def _with_formatted_empty_rows(count: int) -> bytes:
    """The shape of the file that kept a worker busy: a header, one booth, then formatted rows with no value."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Gian hàng")
    sheet.append(["Mã gian hàng", "Khu", "Chủ thể", "Mã số thuế", "Sản phẩm"])
    sheet.append(["A-01", "", "HTX Nước mắm Vũng Áng", "", ""])
    bold = Font(bold=True)
    for _ in range(count):
        cells = [WriteOnlyCell(sheet, value=None) for _ in range(5)]
        for cell in cells:
            cell.font = bold
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_file_of_formatted_empty_rows_is_read_up_to_its_last_booth_only(fair, producers, monkeypatch):
    file = io.BytesIO(_with_formatted_empty_rows(60_000))
    assert 300_000 < len(file.getvalue()) < 2 * 1024 * 1024
    rows_parsed = []
    parse = ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        for row in parse(self, *args, **kwargs):
            rows_parsed.append(1)
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)

    report = booths_import(fair=fair, file=file, at=AT)

    assert report.booths_created == ["A-01"] and report.rows_read == 1
    # Reading all 60,000 rows kept a worker busy (59 s for the reported file); the list ends after a run of empties.
    assert len(rows_parsed) <= 2 + booth_import.EMPTY_ROWS_END_OF_LIST + 1


@pytest.mark.django_db
def test_an_oversize_or_zip_bomb_file_is_refused_with_a_message(fair, producers, monkeypatch):
    big = io.BytesIO(b"PK" + b"\0" * (2 * 1024 * 1024 + 1))
    with pytest.raises(DomainError, match="Tệp quá lớn") as oversize:
        booths_import(fair=fair, file=big, at=AT)
    monkeypatch.setattr(booth_import, "MAX_UNZIPPED_BYTES", 1000)
    with pytest.raises(DomainError, match="giải nén") as bomb:
        booths_import(fair=fair, file=xlsx((1, "A-01", "", "HTX Nước mắm Vũng Áng", None, "")), at=AT)

    assert oversize.value.code == bomb.value.code == "import_file_invalid"
    assert Booth.objects.count() == 0


@pytest.mark.django_db
def test_more_booths_than_the_row_cap_are_refused(fair, producers, monkeypatch):
    monkeypatch.setattr(booth_import, "MAX_ROWS", 3)
    rows = [(n, f"A-0{n}", "", "HTX Nước mắm Vũng Áng", None, "") for n in range(1, 6)]

    with pytest.raises(DomainError, match="quá 3 dòng"):
        booths_import(fair=fair, file=xlsx(*rows), at=AT)
    assert Booth.objects.count() == 0
