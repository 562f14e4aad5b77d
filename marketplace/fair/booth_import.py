"""Import a booth list from Excel: one booth per row with its code, optional zone, the producer (name or tax
code) and the products on show. Headers are matched ignoring case, diacritics and spacing, as the registry
annex's are. Rows that match go in; every cell that cannot be matched is reported with its row number and a
plain reason. The import is one transaction: an unexpected failure saves nothing."""

from __future__ import annotations

import io
import re
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from marketplace.core.errors import DomainError
from marketplace.core.text import fold_compact
from marketplace.discount.selectors import promotion_clashes_find
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.matching import ProducerIndex, product_match_for_producer
from marketplace.fair.models import Booth, FairEvent, FairZone
from marketplace.fair.selectors import products_check_for_fair
from marketplace.fair.services import booth_code_normalize, booth_create, fair_campaign_sync, zone_create
from marketplace.fair.services.booths import BOOTH_CODE_PATTERN
from marketplace.product.models import ProductVariant

COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("magianhang", "magian", "sogianhang", "sogian", "gianhang", "gian", "boothcode", "booth"),
    "zone": ("khu", "khuvuc", "zone"),
    "producer": ("chuthe", "tenchuthe", "chuthesanxuat", "tenchuthesanxuat", "nhasanxuat", "producer"),
    "tax_code": ("masothue", "mst", "masodoanhnghiep", "taxcode"),
    "products": ("sanpham", "tensanpham", "sanphamtrungbay", "cacsanpham", "products"),
}
TEMPLATE_HEADERS = ("Mã gian hàng", "Khu", "Chủ thể", "Mã số thuế", "Sản phẩm")
MAX_ROWS = 2000
# A booth list is a few hundred rows; these bounds keep a hostile or sloppy file (a million formatted empty rows,
# a zip bomb, 16,384 columns) from holding a worker: a file of empty rows once took 59 s.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_UNZIPPED_BYTES = 40 * 1024 * 1024
MAX_COLUMNS = 40
MAX_SCANNED_ROWS = MAX_ROWS + 3000
EMPTY_ROWS_END_OF_LIST = 200  # this many empty rows in a row: the list has ended
MAX_SECONDS = 15
_PRODUCT_SEPARATORS = re.compile(r"[;\n|]+")


@dataclass(frozen=True)
class RowIssue:
    row: int
    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class FlaggedProduct:
    row: int
    product_name: str
    expires_on: date | None


@dataclass
class BoothImportReport:
    booths_created: list[str] = field(default_factory=list)
    products_attached: int = 0
    zones_created: list[str] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    flagged: list[FlaggedProduct] = field(default_factory=list)
    rows_read: int = 0
    dry_run: bool = False

    @property
    def rows_with_issues(self) -> list[int]:
        return sorted({i.row for i in self.issues})


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _tax_text(value: Any) -> str:
    text = _text(value)
    # A tax code typed into a number cell loses its leading zero (0101234567 -> 101234567).
    return text.zfill(10) if isinstance(value, int | float) and len(text) == 9 else text


def _file_invalid(message: str) -> DomainError:
    return DomainError(message, code=FairErrorCode.IMPORT_FILE_INVALID, field="file")


def _check_size(file: IO[bytes]) -> None:
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(0)
    if size > MAX_FILE_BYTES:
        raise _file_invalid(_("Tệp quá lớn (%(size)s KB): tối đa %(max)s KB.")
                            % {"size": size // 1024, "max": MAX_FILE_BYTES // 1024})
    try:
        unzipped = sum(info.file_size for info in zipfile.ZipFile(file).infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _file_invalid(_("Tệp không đọc được: hãy tải lên tệp Excel .xlsx.")) from None
    finally:
        file.seek(0)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise _file_invalid(_("Tệp chứa quá nhiều dữ liệu sau khi giải nén: hãy xoá các dòng, cột trống và thử lại."))


def booth_rows_read(file: IO[bytes]) -> list[tuple[int, dict[str, Any]]]:
    """(Excel row number, {column: value}) for each non-empty row under the header row. Reading stops at the end
    of the list (a long run of empty rows); a file too large, too long or too slow to read is refused."""
    _check_size(file)
    deadline = time.monotonic() + MAX_SECONDS
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise _file_invalid(_("Tệp không đọc được: hãy tải lên tệp Excel .xlsx.")) from None
    try:
        return _rows_under_header(workbook.worksheets[0], deadline=deadline)
    finally:
        workbook.close()


def _rows_under_header(sheet, *, deadline: float) -> list[tuple[int, dict[str, Any]]]:
    rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    header: dict[int, str] = {}
    header_row = 0
    for number, values in enumerate(rows, start=1):
        found = {i: key for i, cell in enumerate(values) if cell is not None
                 for key, names in COLUMNS.items() if fold_compact(str(cell)) in names}
        if "code" in found.values() and ({"producer", "tax_code"} & set(found.values())):
            header, header_row = found, number
            break
        if number >= 10:
            break
    if not header:
        raise DomainError(_("Không thấy dòng tiêu đề: cần các cột «Mã gian hàng» và «Chủ thể» (hoặc «Mã số thuế»)."),
                          code=FairErrorCode.IMPORT_FILE_INVALID, field="file")
    result = []
    empty_run = 0
    for number, values in enumerate(rows, start=header_row + 1):
        record = {key: values[i] if i < len(values) else None for i, key in header.items()}
        if all(_text(v) == "" for v in record.values()):
            empty_run += 1
            if empty_run >= EMPTY_ROWS_END_OF_LIST:
                break
            continue
        empty_run = 0
        result.append((number, record))
        if len(result) > MAX_ROWS or number > MAX_SCANNED_ROWS:
            raise _file_invalid(_("Tệp có quá %(n)s dòng.") % {"n": MAX_ROWS})
        if time.monotonic() > deadline:
            raise _file_invalid(_("Tệp đọc quá lâu: hãy chia nhỏ danh sách và thử lại."))
    return result


@transaction.atomic
def booths_import(*, fair: FairEvent, file: IO[bytes], actor: Any = None, dry_run: bool = False,
                  at: datetime | None = None) -> BoothImportReport:
    """Create the booths a file lists. With dry_run, report what would happen and save nothing."""
    report = BoothImportReport(dry_run=dry_run)
    fair = FairEvent.objects.select_for_update(of=("self",)).get(pk=fair.pk)
    rows = booth_rows_read(file)
    report.rows_read = len(rows)
    producers = ProducerIndex.build()
    zones = {z.name.casefold(): z for z in FairZone.objects.filter(fair=fair)}
    zones.update({z.code.casefold(): z for z in zones.copy().values() if z.code})
    codes = {c.upper() for c in Booth.objects.filter(fair=fair).values_list("code", flat=True)}
    has_campaign = fair.reward_value is not None
    for number, record in rows:
        _import_row(fair=fair, number=number, record=record, report=report, producers=producers, zones=zones,
                    codes=codes, has_campaign=has_campaign, actor=actor, at=at)
    fair_campaign_sync(fair=fair, actor=actor)
    if dry_run:
        transaction.set_rollback(True)
    return report


def _import_row(*, fair: FairEvent, number: int, record: dict[str, Any], report: BoothImportReport,
                producers: ProducerIndex, zones: dict[str, FairZone], codes: set[str], has_campaign: bool,
                actor: Any, at: datetime | None) -> None:
    def issue(column: str, value: str, reason: str) -> None:
        report.issues.append(RowIssue(row=number, column=column, value=value, reason=reason))

    raw_code = _text(record.get("code"))
    code = booth_code_normalize(raw_code)
    if not code:
        return issue(_("Mã gian hàng"), raw_code, _("Thiếu mã gian hàng."))
    if not BOOTH_CODE_PATTERN.match(code):
        return issue(_("Mã gian hàng"), raw_code, _("Mã gian hàng chỉ dùng chữ, số và - . /, tối đa 20 ký tự."))
    if code in codes:
        return issue(_("Mã gian hàng"), raw_code, _("Mã gian hàng «%(code)s» bị trùng (đã có trong hội chợ hoặc ở "
                                                   "dòng trước).") % {"code": code})
    producer_text, tax_text = _text(record.get("producer")), _tax_text(record.get("tax_code"))
    match = producers.match(text=producer_text, tax_code=tax_text)
    if match.producer is None:
        return issue(_("Chủ thể"), producer_text or tax_text, match.reason)
    producer = match.producer
    product_ids: list[int] = []
    for name in (n.strip() for n in _PRODUCT_SEPARATORS.split(_text(record.get("products")))):
        if not name:
            continue
        found = product_match_for_producer(producer=producer, text=name)
        if found.product is None:
            issue(_("Sản phẩm"), name, found.reason)
        elif found.product.pk not in product_ids:
            product_ids.append(found.product.pk)
    product_ids = _attachable(fair=fair, number=number, product_ids=product_ids, report=report,
                              has_campaign=has_campaign, issue=issue, at=at)
    zone = None
    zone_text = _text(record.get("zone"))
    if zone_text:
        zone = zones.get(zone_text.casefold())
        if zone is None:
            zone = zone_create(fair=fair, name=zone_text, actor=actor)
            zones[zone_text.casefold()] = zone
            report.zones_created.append(zone.name)
    try:
        with transaction.atomic():
            booth_create(fair=fair, code=code, producer_id=producer.pk, zone_id=zone.pk if zone else None,
                         product_ids=product_ids, actor=actor, at=at, sync_campaign=False)
    except DomainError as exc:
        return issue(_("Mã gian hàng"), raw_code, exc.message)
    codes.add(code)
    report.booths_created.append(code)
    report.products_attached += len(product_ids)


def _attachable(*, fair: FairEvent, number: int, product_ids: list[int], report: BoothImportReport,
                has_campaign: bool, issue, at: datetime | None) -> list[int]:
    """The products that can go on show; the others are reported against the row."""
    checks = products_check_for_fair(fair=fair, product_ids=product_ids, at=at)
    keep: list[int] = []
    for check in sorted(checks, key=lambda c: product_ids.index(c.product.pk)):
        name = check.product.name
        if not check.listable:
            issue(_("Sản phẩm"), name, _("Không có giấy chứng nhận OCOP còn hiệu lực (từ 3 sao)."))
        elif check.other_booth_code:
            issue(_("Sản phẩm"), name, _("Đã được trưng bày ở gian %(booth)s.") % {"booth": check.other_booth_code})
        else:
            keep.append(check.product.pk)
            if check.lapses_before_end:
                report.flagged.append(FlaggedProduct(row=number, product_name=name, expires_on=check.expires_on))
    if has_campaign and keep:
        variant_ids = list(ProductVariant.objects.filter(product_id__in=keep).values_list("pk", flat=True))
        clashes = promotion_clashes_find(variant_ids=variant_ids, channel_ids=_all_channel_ids(),
                                         start_date=fair.start_at, end_date=fair.end_at,
                                         exclude_promotion_id=fair.campaign_id)
        for product_id in dict.fromkeys(c.product_id for c in clashes):
            clash = next(c for c in clashes if c.product_id == product_id)
            issue(_("Sản phẩm"), clash.product_name,
                  _("Đang thuộc chương trình giảm giá «%(promotion)s» trùng thời gian hội chợ.")
                  % {"promotion": clash.promotion_name})
            keep.remove(product_id)
    return keep


def _all_channel_ids() -> list[int]:
    from marketplace.channel.selectors import channel_list

    return list(channel_list(active_only=True).values_list("pk", flat=True))


def booth_import_template() -> bytes:
    """An empty booth list with the expected headers and one example row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Gian hàng"
    sheet.append(TEMPLATE_HEADERS)
    sheet.append(("A-01", "Khu Hà Tĩnh", "Hợp tác xã Ví dụ", "3001234567", "Nước mắm Ví dụ; Kẹo cu đơ Ví dụ"))
    for column, width in zip("ABCDE", (14, 20, 40, 16, 60), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
