"""Excel annex of a certification decision: header matching and row -> CertificateData, or a Rejection.

Headers differ between provinces and years; they are matched ignoring case, diacritics, spacing and
punctuation. The decision (number, date, issuer) is given at import time, not read from the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from catalog_sync.mapping.common import (
    VALIDITY_MONTHS,
    Invalid,
    RejectCode,
    Rejection,
    add_months,
    clean_text,
    limited,
    parse_score,
    parse_stars,
    producer_kind,
    read_group,
)
from marketplace.certification.registry_data import CertificateData, ProductData
from marketplace.core.geography import province_resolve
from marketplace.core.text import fold, fold_compact
from marketplace.producer.registry_data import ProducerData

# field -> header spellings, folded and compacted ("Tên  sản-phẩm" -> "tensanpham").
ANNEX_HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "sott", "tt", "sothutu"),
    "name": ("tensanpham", "sanpham", "tensp", "tensanphamocop", "tensanphamdichvu"),
    "producer": ("chuthe", "tenchuthe", "chuthesanxuat", "tenchuthesanxuat", "chuthesanxuatkinhdoanh",
                 "chuthesohuusanpham", "donvisanxuat", "tendonvi", "coso"),
    "address": ("diachi", "diachichuthe", "diachisanxuat"),
    "stars": ("sosao", "hangsao", "xephang", "ketquaxephang", "ketquaxephangsao", "ketquadanhgiaxephang",
              "hangsaodatduoc", "sosaodatduoc", "phanhang"),
    "group": ("nhomsanpham", "nhom", "phannhom", "nganhhang", "nhomsp", "bonhom", "nhomnganh"),
    "score": ("diem", "tongdiem", "diemdanhgia", "sodiem", "diemdat", "diemdatduoc"),
    "number": ("sogcn", "sogiaychungnhan", "sochungnhan"),
}
_EXACT = {spelling: name for name, spellings in ANNEX_HEADERS.items() for spelling in spellings}
# Longest spelling first, so "ketquaxephangsao…" is not taken for something shorter.
_PREFIXES = sorted(((s, n) for s, n in _EXACT.items() if len(s) >= 5), key=lambda pair: -len(pair[0]))
REQUIRED_COLUMNS = ("name", "stars")


def annex_header_field(header: object) -> str | None:
    key = fold_compact(clean_text(header))
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for spelling, name in _PREFIXES:
        if key.startswith(spelling):
            return name
    return None


def annex_columns(header_cells: list[object]) -> dict[int, str]:
    """Column index -> field for a candidate header row (the first column of each field wins)."""
    columns: dict[int, str] = {}
    for index, cell in enumerate(header_cells):
        name = annex_header_field(cell)
        if name and name not in columns.values():
            columns[index] = name
    return columns


def is_header_row(columns: dict[int, str]) -> bool:
    return all(required in columns.values() for required in REQUIRED_COLUMNS)


@dataclass(frozen=True)
class DecisionInfo:
    """The certification decision an annex belongs to, as given by whoever imports it."""

    number: str
    date: date
    issuer: str
    issuer_level: str  # district / province / national
    province_code: str = ""  # when empty, read from the issuer ("UBND tỉnh Hà Tĩnh")

    @property
    def province(self) -> str:
        if self.province_code:
            return self.province_code
        match = re.search(r"\b(?:tinh|thanh pho)\s+(.+)$", fold(self.issuer))
        province = province_resolve(match.group(1)) if match else None
        return province.code if province else ""

    @property
    def key(self) -> str:
        return f"QD-{self.province or 'vn'}-{self.date.year}-{fold_compact(self.number)[:20]}"

    @property
    def label(self) -> str:
        return f"Quyết định {self.number} ngày {self.date:%d/%m/%Y} ({self.issuer})"[:200]


_COMMUNE = ("xa ", "phuong ", "thi tran ", "dac khu ")
_DISTRICT = ("huyen ", "thi xa ", "quan ", "thanh pho ", "tp ", "tp. ")


def split_address(text: str) -> tuple[str, str, str, str]:
    """"Thôn 3, xã Phú Lộc, huyện Can Lộc, tỉnh Hà Tĩnh" -> (line, commune, district, province as written)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    province = district = commune = ""
    if parts and province_resolve(parts[-1]):
        province = parts.pop()
    rest = []
    for part in parts:
        folded = fold(part)
        if not commune and folded.startswith(_COMMUNE):
            commune = part
        elif not district and folded.startswith(_DISTRICT):
            district = part
        else:
            rest.append(part)
    return ", ".join(rest), commune, district, province


def _row_payload(row: dict[str, object], row_number: int) -> dict:
    return {"row": row_number, **{k: clean_text(v) for k, v in row.items() if clean_text(v)}}


def map_annex_row(row: dict[str, object], *, row_number: int, decision: DecisionInfo
                  ) -> CertificateData | Rejection:
    """One annex row (field -> cell value, see ANNEX_HEADERS) -> CertificateData, or why not."""
    payload = _row_payload(row, row_number)
    stt = clean_text(row.get("stt"))
    item = stt if stt.isdigit() else f"r{row_number}"
    record_id = f"{decision.key}#{item}"
    try:
        name = limited(clean_text(row.get("name")), "product_name", "Tên sản phẩm")
        if not name:
            raise Invalid(RejectCode.MISSING_NAME, "Thiếu tên sản phẩm")
        producer_name = limited(clean_text(row.get("producer")), "producer_name", "Tên chủ thể")
        if not producer_name:
            raise Invalid(RejectCode.MISSING_PRODUCER, "Thiếu tên chủ thể")
        stars = parse_stars(row.get("stars"))
        group_text = clean_text(row.get("group"))
        group = read_group(group_text, None)
        line, commune, district, province_written = split_address(clean_text(row.get("address")))
        province = province_resolve(province_written) or province_resolve(decision.province)
        province_code = province.code if province else ""
        number = clean_text(row.get("number")) or f"{decision.number} - {item}"
        return CertificateData(
            registry_id=limited(record_id, "registry_id", "Mã hồ sơ"),
            number=limited(number, "number", "Số giấy chứng nhận"), stars=stars,
            score=parse_score(row.get("score")), issuer=limited(decision.issuer, "issuer", "Cơ quan cấp"),
            issuer_level=decision.issuer_level, decision_number=decision.number, decision_date=decision.date,
            expires_on=add_months(decision.date, VALIDITY_MONTHS), status="active",
            product=ProductData(name=name, group_code=group.code, group_code_as_published=group_text[:16]),
            producer=ProducerData(
                registry_id=f"XLSX-{province_code or 'vn'}-{fold_compact(producer_name)[:48]}",
                name=producer_name, kind=producer_kind(None, producer_name), address_line=line[:300],
                commune=commune[:120], district_as_published=district[:120],
                province_as_published=(province_written or (province.name if province else ""))[:120],
                province_code=province_code,
            ),
            payload=payload,
            notes=(group.note,) if group.note else (),
        )
    except Invalid as invalid:
        return Rejection(invalid.code, invalid.reason, record_id=record_id, row_number=row_number,
                         payload=payload)
