"""Readers shared by the JSON and the Excel mapping: dates, stars, scores, groups, packaging, producer kinds;
and `Rejection`, what a record that cannot be read becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from marketplace.certification.registry_data import RecordNote, StatusChange
from marketplace.core.text import fold, fold_compact
from marketplace.product.ocop_groups import (
    GROUPS_BY_CODE,
    LEGACY_GROUPS,
    PRODUCT_GROUPS,
    group_code_nearest,
    group_code_normalize,
)

VIETNAM = timezone(timedelta(hours=7))
VALIDITY_MONTHS = 36
ISSUER_LEVELS = {"district": "district", "province": "province", "national": "national",
                 "ministry": "national",
                 "central": "national", "huyen": "district", "tinh": "province", "trung uong": "national"}
PRODUCER_KINDS = {"enterprise": "enterprise", "company": "enterprise", "cooperative": "cooperative",
                  "cooperative_union": "cooperative_union", "cooperative union": "cooperative_union",
                  "cooperative_group": "cooperative_group", "cooperative group": "cooperative_group",
                  "household": "household", "household_business": "household",
                  "registered household business": "household"}
# Longest first: "lien hiep htx" before "htx".
_KIND_BY_NAME_PREFIX = (
    ("lien hiep hop tac xa", "cooperative_union"), ("lien hiep htx", "cooperative_union"),
    ("to hop tac", "cooperative_group"), ("tht ", "cooperative_group"),
    ("hop tac xa", "cooperative"), ("htx", "cooperative"),
    ("cong ty", "enterprise"), ("cty", "enterprise"), ("doanh nghiep", "enterprise"), ("dntn", "enterprise"),
)
_MAX = {"registry_id": 64, "number": 100, "decision_number": 100, "product_name": 250, "producer_name": 300,
        "issuer": 200, "legacy_group": 64, "superseded_by": 64}


class RejectCode(StrEnum):
    NOT_AN_OBJECT = "not_an_object"
    MISSING_ID = "missing_id"
    MISSING_NAME = "missing_name"
    MISSING_PRODUCER = "missing_producer"
    MISSING_NUMBER = "missing_number"
    MISSING_FIELD = "missing_field"
    STARS_OUT_OF_RANGE = "stars_out_of_range"
    STARS_UNREADABLE = "stars_unreadable"
    SCORE_OUT_OF_RANGE = "score_out_of_range"
    UNKNOWN_GROUP = "unknown_group"
    UNKNOWN_STATUS = "unknown_status"
    BAD_DATE = "bad_date"
    MISSING_DECISION_DATE = "missing_decision_date"
    EXPIRY_BEFORE_DECISION = "expiry_before_decision"
    TOO_LONG = "too_long"
    DUPLICATE_ID = "duplicate_id"
    NOT_SAVED = "not_saved"


@dataclass(frozen=True)
class Rejection:
    code: RejectCode
    reason: str
    record_id: str = ""
    row_number: int | None = None
    payload: dict = field(default_factory=dict, compare=False)
    # What the record still says about the certificate's standing, applied although the record is rejected.
    status_change: StatusChange | None = None


class Invalid(Exception):
    def __init__(self, code: RejectCode, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


# --- small readers ------------------------------------------------------------------------------------------

def clean_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def limited(value: str, key: str, label: str) -> str:
    if len(value) > _MAX[key]:
        raise Invalid(RejectCode.TOO_LONG, f"{label} dài quá {_MAX[key]} ký tự")
    return value


def section(record: dict, key: str) -> dict:
    value = record.get(key)
    if not isinstance(value, dict):
        raise Invalid(RejectCode.MISSING_FIELD, f"Thiếu phần “{key}” của bản ghi")
    return value


def parse_date(value: object, *, label: str) -> date | None:
    """ISO dates (2024-10-15), Vietnamese ones (15/10/2024), or a spreadsheet date. None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise Invalid(RejectCode.BAD_DATE, f"{label} “{text}” không phải là ngày hợp lệ")


def parse_datetime(value: object) -> datetime | None:
    """An ISO 8601 date-time; without an offset it is Vietnam time. None when empty or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: day 28 exists in every month


_STAR_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5}


def parse_stars(value: object) -> int:
    """4, 4.0, "4", "4 sao", "4★", "Hạng 4 sao", "bốn sao" -> 4. Raises Invalid when unreadable or not 1-5."""
    if isinstance(value, bool) or value is None or value == "":
        raise Invalid(RejectCode.STARS_UNREADABLE, "Thiếu số sao")
    if isinstance(value, int | float | Decimal) and float(value).is_integer():
        stars = int(value)
    else:
        text = fold(clean_text(value))
        digits = re.findall(r"\d+(?:[.,]\d+)?", text)
        words = [_STAR_WORDS[w] for w in re.findall(r"[a-z]+", text) if w in _STAR_WORDS]
        if len(digits) == 1 and float(digits[0].replace(",", ".")).is_integer():
            stars = int(float(digits[0].replace(",", ".")))
        elif not digits and len(words) == 1:
            stars = words[0]
        else:
            raise Invalid(RejectCode.STARS_UNREADABLE, f"Không đọc được số sao “{clean_text(value)}”")
    if not 1 <= stars <= 5:
        raise Invalid(RejectCode.STARS_OUT_OF_RANGE, f"Số sao {stars} nằm ngoài khoảng 1–5")
    return stars


def parse_score(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        score = Decimal(clean_text(value).replace(",", "."))
    except InvalidOperation:
        raise Invalid(RejectCode.SCORE_OUT_OF_RANGE, f"Điểm “{clean_text(value)}” không phải là số") from None
    if not Decimal(0) <= score <= Decimal(100):
        raise Invalid(RejectCode.SCORE_OUT_OF_RANGE, f"Điểm {score} nằm ngoài khoảng 0–100")
    return score


_GROUP_BY_NAME = {fold_compact(g.name_vi): g.code for g in PRODUCT_GROUPS}
_CODE_SHAPE = re.compile(r"^[IVX]+(?:\.[0-9A-Za-z]+)*\.?$", re.IGNORECASE)


class NoteCode(StrEnum):
    GROUP_FILED_UNDER_PARENT = "group_filed_under_parent"
    GROUP_FROM_LEGACY = "group_from_legacy"
    STATUS_APPLIED = "status_applied"


@dataclass(frozen=True)
class GroupReading:
    code: str | None  # the 2023 group we file the product under; None: no group given at all
    note: RecordNote | None = None  # when it is not the group the source wrote


def read_group(code: object, legacy: object) -> GroupReading:
    """The 2023 group from a code (I.4.a), a group's name, or a 2019 group name (food, drink, …). A code our
    table lacks is filed under its nearest known parent (I.5.b -> I.5 -> I), with a note for the run log.
    The published code is read before the legacy group. Raises Invalid when something is written that names
    no group we know, not even a parent."""
    code_text, legacy_text = clean_text(code), clean_text(legacy)
    if not code_text and not legacy_text:
        return GroupReading(None)
    unknown = ""
    for text in (code_text, legacy_text):
        if not text:
            continue
        reading = _read_one_group(text)
        if reading is None:
            unknown = unknown or text
            continue
        if unknown and reading.note is None:
            return GroupReading(reading.code, RecordNote(
                NoteCode.GROUP_FROM_LEGACY,
                f"Mã nhóm “{unknown}” không xác định; xếp theo nhóm cũ “{text}” vào nhóm {reading.code}"))
        return reading
    raise Invalid(RejectCode.UNKNOWN_GROUP, f"Nhóm sản phẩm không xác định: {unknown}")


def _read_one_group(text: str) -> GroupReading | None:
    if group_code_normalize(text) in GROUPS_BY_CODE:
        return GroupReading(group_code_normalize(text))
    named = _GROUP_BY_NAME.get(fold_compact(text)) or LEGACY_GROUPS.get(fold(text).strip())
    if named:
        return GroupReading(named)
    parent = group_code_nearest(text) if _CODE_SHAPE.match(text.replace(" ", "")) else None
    if parent is None:
        return None
    return GroupReading(parent, RecordNote(
        NoteCode.GROUP_FILED_UNDER_PARENT,
        f"Mã nhóm “{text}” không có trong bảng nhóm sản phẩm (QĐ 148/QĐ-TTg); "
        f"xếp vào nhóm cha gần nhất {parent} “{GROUPS_BY_CODE[parent].name_vi}”"))


_WEIGHT = re.compile(r"(?:(\d+)\s*[a-z]*\s*[x×]\s*)?(\d+(?:[.,]\d+)?)\s*(kg|gr|g|gam|ml|lit|l)\b")


def packaging_weight_grams(name: str) -> int | None:
    """"Hộp 300 g" -> 300, "Chai 0,5 lít" -> 500, "Thùng 6 chai x 500 ml" -> 3000 (1 ml taken as 1 g)."""
    match = _WEIGHT.search(fold(name))
    if not match:
        return None
    count = int(match.group(1) or 1)
    amount = float(match.group(2).replace(",", "."))
    factor = 1000 if match.group(3) in ("kg", "lit", "l") else 1
    return round(count * amount * factor) or None


def producer_kind(kind: object, name: str) -> str:
    """The published kind when we know it, else guessed from the name (HTX …, Công ty …), else household."""
    known = PRODUCER_KINDS.get(fold(clean_text(kind)).replace("-", "_"))
    if known:
        return known
    folded = fold(name)
    for prefix, guessed in _KIND_BY_NAME_PREFIX:
        if folded.startswith(prefix):
            return guessed
    return "household"


def issuer_level(value: object) -> str:
    return ISSUER_LEVELS.get(fold(clean_text(value)), "")




def expiry_or_default(decision_date: date | None, expires_on: date | None) -> date:
    if expires_on is None and decision_date is None:
        raise Invalid(RejectCode.MISSING_DECISION_DATE, "Thiếu cả ngày quyết định lẫn ngày hết hạn")
    expires_on = expires_on or add_months(decision_date, VALIDITY_MONTHS)  # type: ignore[arg-type]
    if decision_date and expires_on <= decision_date:
        raise Invalid(RejectCode.EXPIRY_BEFORE_DECISION,
                       f"Ngày hết hạn {expires_on:%d/%m/%Y} không sau ngày quyết định "
                       f"{decision_date:%d/%m/%Y}")
    return expires_on
