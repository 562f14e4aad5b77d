"""The sample Excel annex: a Hà Tĩnh decision's list of newly certified products, as provinces publish it
(title lines, a header in the province's own words, a group heading, a blank row, a total line), with a few
rows the importer must reject. Written byte-for-byte the same every time."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

FIXED_TIME = datetime(2026, 10, 20, 8, 0, 0)

HEADER = ("STT", "Tên sản phẩm", "Tên chủ thể", "Địa chỉ", "Nhóm sản phẩm", "Điểm", "Hạng sao")
ROWS: tuple[tuple[object, ...], ...] = (
    ("I", "NHÓM THỰC PHẨM", None, None, None, None, None),
    (1, "Kẹo cu đơ gừng Thiên Lộc", "Hộ kinh doanh Nguyễn Thị Hằng", "Thôn Trung Lộc, xã Can Lộc, Hà Tĩnh",
     "I.3.b", 76.5, "4 sao"),
    (2, "Nước mắm nhỉ Cẩm Nhượng", "HTX Nước mắm Cẩm Nhượng", "Thôn Hải Hà, xã Cẩm Nhượng, Hà Tĩnh", "I.4.a",
     81, "4★"),
    (3, "Cam bù Sơn Kim", "HTX Nông nghiệp Sơn Kim", "Thôn 2, xã Sơn Kim 1, Hà Tĩnh", "I.1.a", 68, 3),
    (4, "Mật ong rừng Vũ Quang", "Công ty TNHH Đặc sản Vũ Quang", "Tổ dân phố 3, xã Vũ Quang, Hà Tĩnh",
     "I.2.b", 72, "4 sao"),
    (5, "", "Cơ sở sản xuất bánh đa Yên Hồ", "Thôn 5, xã Đức Thọ, Hà Tĩnh", "I.3.b", 55, "3 sao"),
    (6, "Chè xanh Hương Đô", "Tổ hợp tác chè Hương Đô", "Thôn 7, xã Hương Đô, Hà Tĩnh", "I.5.a", 58.5,
     "3 sao"),
    (7, "Bưởi Phúc Trạch Hương Trà", "HTX Bưởi Phúc Trạch", "Thôn 1, xã Hương Trà, Hà Tĩnh", "I.1.a", 88,
     "6 sao"),
    (8, "Mắm ruốc Thạch Kim", "Hộ kinh doanh Phan Văn Long", "Thôn Bắc Sơn, xã Thạch Kim, Hà Tĩnh", "I.4.a",
     None, "chưa xếp hạng"),
    (None, None, None, None, None, None, None),
    ("II", "NHÓM THẢO DƯỢC, THỦ CÔNG", None, None, None, None, None),
    (9, "Tinh dầu sả chanh Kỳ Anh", "Công ty cổ phần Thảo dược Kỳ Anh", "Phường Kỳ Anh, Hà Tĩnh", "III.2", 70,
     "Bốn sao"),
    (10, "Mây tre đan Thạch Đài", "", "Thôn Đông Tiến, xã Thạch Đài, Hà Tĩnh", "IV.1", 61, "3"),
    (11, "Nón lá Hồng Lĩnh", "Tổ hợp tác nón lá Trung Lương", "Phường Bắc Hồng Lĩnh, Hà Tĩnh", "Nhóm XYZ", 64,
     "3 sao"),
    (12, "Tinh dầu bưởi Hương Khê", "HTX Dược liệu Hương Khê", "Thôn 4, xã Hương Khê, Hà Tĩnh",
     "Mỹ phẩm có thành phần từ thảo dược", 73, "4 sao"),
    ("Tổng cộng: 12 sản phẩm", None, None, None, None, None, None),
)


def write_annex(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"])
    sheet.append(["PHỤ LỤC"])
    sheet.append(["Danh sách sản phẩm được công nhận đạt chuẩn OCOP (Kèm theo Quyết định số 3120/QĐ-UBND "
                  "ngày "
                  "20/10/2026 của UBND tỉnh Hà Tĩnh)"])
    sheet.append([])
    sheet.append(list(HEADER))
    for cell in sheet[5]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for row in ROWS:
        sheet.append(list(row))
    for column, width in zip("ABCDEFG", (6, 34, 34, 40, 14, 8, 12), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.properties.creator = "Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_normalised_zip(buffer.getvalue()))


def _normalised_zip(data: bytes) -> bytes:
    """Same entries, fixed timestamps: openpyxl stamps the save time into the zip and docProps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _fix_modified(content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def _fix_modified(xml: bytes) -> bytes:
    import re

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", xml)
