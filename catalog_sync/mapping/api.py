"""JSON API record (registry README, "A record") -> CertificateData, or a Rejection saying why not.

Identity and status are read first. When the rest of a record cannot be read, its Rejection still carries
what the record says about the certificate's standing (`StatusChange`), so a revocation is never lost in a
record that is broken elsewhere."""

from __future__ import annotations

from datetime import datetime

from catalog_sync.mapping.common import (
    VIETNAM,
    Invalid,
    RejectCode,
    Rejection,
    clean_text,
    expiry_or_default,
    issuer_level,
    limited,
    packaging_weight_grams,
    parse_date,
    parse_datetime,
    parse_score,
    parse_stars,
    producer_kind,
    read_group,
    section,
)
from marketplace.certification.registry_data import (
    CertificateData,
    Packaging,
    ProductData,
    StatusChange,
    StatusDecision,
)
from marketplace.core.geography import province_resolve
from marketplace.core.text import fold_compact
from marketplace.producer.registry_data import ProducerData

STATUSES = ("active", "expired", "revoked", "superseded")


def _producer_from_api(raw: dict) -> ProducerData:
    name = limited(clean_text(raw.get("name")), "producer_name", "Tên chủ thể")
    if not name:
        raise Invalid(RejectCode.MISSING_PRODUCER, "Thiếu tên chủ thể")
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    province_published = clean_text(address.get("province"))
    province = province_resolve(province_published)
    tax_code = clean_text(raw.get("tax_code"))[:20]
    # Without an id, the tax code (or else the name) identifies the producer across records.
    fallback_id = f"MST-{tax_code}" if tax_code else f"P-{fold_compact(name)[:56]}"
    registry_id = clean_text(raw.get("id")) or fallback_id
    return ProducerData(
        registry_id=registry_id[:64], name=name, kind=producer_kind(raw.get("kind"), name), tax_code=tax_code,
        representative=clean_text(raw.get("representative"))[:200], phone=clean_text(raw.get("phone"))[:50],
        email=clean_text(raw.get("email"))[:254], address_line=clean_text(address.get("line"))[:300],
        commune=clean_text(address.get("commune"))[:120],
        district_as_published=clean_text(address.get("district"))[:120],
        province_as_published=province_published[:120], province_code=province.code if province else "",
    )


def _status_decision(raw: object) -> StatusDecision | None:
    if not isinstance(raw, dict):
        return None
    return StatusDecision(number=clean_text(raw.get("no"))[:100],
                          date=parse_date(raw.get("date"), label="Ngày quyết định thay đổi trạng thái"),
                          reason=clean_text(raw.get("reason")))


def _lenient_status_decision(raw: object) -> StatusDecision | None:
    try:
        return _status_decision(raw)
    except Invalid:
        decision = raw if isinstance(raw, dict) else {}
        return StatusDecision(number=clean_text(decision.get("no"))[:100], date=None,
                              reason=clean_text(decision.get("reason")))


def _status_change(raw: dict, *, record_id: str, status: str) -> StatusChange:
    """What a broken record still says about its certificate: read leniently, field by field."""
    certificate = raw.get("certificate") if isinstance(raw.get("certificate"), dict) else {}
    try:
        stars: int | None = parse_stars(certificate.get("stars"))
    except Invalid:
        stars = None
    superseded_by = clean_text(raw.get("superseded_by"))
    return StatusChange(
        registry_id=record_id, status=status, stars=stars,
        status_decision=_lenient_status_decision(raw.get("status_decision")),
        superseded_by="" if superseded_by == record_id or len(superseded_by) > 64 else superseded_by,
        updated_at=parse_datetime(raw.get("updated_at")), payload=raw,
    )


def map_api_record(raw: object) -> CertificateData | Rejection:
    """One record of GET /api/v1/certificates (registry README) -> CertificateData, or why not."""
    if not isinstance(raw, dict):
        return Rejection(RejectCode.NOT_AN_OBJECT, "Bản ghi không phải là một đối tượng JSON",
                         payload={"value": repr(raw)[:1000]})
    record_id = clean_text(raw.get("id"))
    try:
        if not record_id:
            raise Invalid(RejectCode.MISSING_ID, "Thiếu mã hồ sơ (id)")
        limited(record_id, "registry_id", "Mã hồ sơ")
        status = clean_text(raw.get("status")).lower()
        if status not in STATUSES:
            raise Invalid(RejectCode.UNKNOWN_STATUS,
                          f"Trạng thái “{clean_text(raw.get('status'))}” không hợp lệ")
    except Invalid as invalid:
        return Rejection(invalid.code, invalid.reason, record_id=record_id[:200], payload=raw)
    try:
        return _map_body(raw, record_id=record_id, status=status)
    except Invalid as invalid:
        return Rejection(invalid.code, invalid.reason, record_id=record_id, payload=raw,
                         status_change=_status_change(raw, record_id=record_id, status=status))


def _map_body(raw: dict, *, record_id: str, status: str) -> CertificateData:
    """Everything after identity and status; raises Invalid for the first field that cannot be read."""
    product, certificate = section(raw, "product"), section(raw, "certificate")
    name = limited(clean_text(product.get("name")), "product_name", "Tên sản phẩm")
    if not name:
        raise Invalid(RejectCode.MISSING_NAME, "Thiếu tên sản phẩm")
    number = limited(clean_text(certificate.get("number")), "number", "Số giấy chứng nhận")
    if not number:
        raise Invalid(RejectCode.MISSING_NUMBER, "Thiếu số giấy chứng nhận")
    stars = parse_stars(certificate.get("stars"))
    group = read_group(product.get("group_code"), product.get("legacy_group"))
    if group.code is None:
        raise Invalid(RejectCode.UNKNOWN_GROUP, "Nhóm sản phẩm không xác định: (trống)")
    decision_date = parse_date(certificate.get("decision_date"), label="Ngày quyết định")
    expires_on = expiry_or_default(decision_date,
                                   parse_date(certificate.get("expires_on"), label="Ngày hết hạn"))
    superseded_by = limited(clean_text(raw.get("superseded_by")), "superseded_by", "Mã hồ sơ thay thế")
    return CertificateData(
        registry_id=record_id, number=number, stars=stars, score=parse_score(certificate.get("score")),
        issuer=limited(clean_text(certificate.get("issuer")), "issuer", "Cơ quan cấp"),
        issuer_level=issuer_level(certificate.get("issuer_level")),
        decision_number=limited(clean_text(certificate.get("decision_no")), "decision_number",
                                "Số quyết định"),
        decision_date=decision_date, expires_on=expires_on, status=status,
        status_decision=_status_decision(raw.get("status_decision")),
        superseded_by="" if superseded_by == record_id else superseded_by,
        updated_at=parse_datetime(raw.get("updated_at")),
        product=ProductData(
            name=name, group_code=group.code,
            group_code_as_published=clean_text(product.get("group_code"))[:16],
            legacy_group=limited(clean_text(product.get("legacy_group")), "legacy_group", "Nhóm cũ"),
            description=str(product.get("description") or "").strip(),
            story=str(product.get("story") or "").strip(),
            packaging=tuple(Packaging(name=clean_text(p)[:255],
                                      weight_grams=packaging_weight_grams(clean_text(p)))
                            for p in (product.get("packaging") or []) if clean_text(p)),
            images=tuple(clean_text(u) for u in (product.get("images") or [])
                         if clean_text(u).startswith(("http://", "https://"))),
        ),
        producer=_producer_from_api(section(raw, "producer")),
        payload=raw,
        notes=(group.note,) if group.note else (),
    )


def dedupe_latest(records: list[CertificateData]) -> tuple[list[CertificateData], list[Rejection]]:
    """One record per registry id within a batch: the newest `updated_at` wins (the later one on a tie); the
    others are reported, so a duplicated id never silently replaces a newer version."""
    best: dict[str, tuple[int, CertificateData]] = {}
    dropped: list[tuple[CertificateData, CertificateData]] = []
    floor = datetime.min.replace(tzinfo=VIETNAM)
    for position, record in enumerate(records):
        previous = best.get(record.registry_id)
        if previous is None:
            best[record.registry_id] = (position, record)
            continue
        if (record.updated_at or floor) >= (previous[1].updated_at or floor):
            best[record.registry_id] = (position, record)
            dropped.append((previous[1], record))
        else:
            dropped.append((record, previous[1]))
    rejections = [
        Rejection(RejectCode.DUPLICATE_ID,
                  f"Mã hồ sơ {old.registry_id} xuất hiện nhiều lần trong cùng một đợt; "
                  "đã dùng bản cập nhật lúc "
                  f"{kept.updated_at.isoformat() if kept.updated_at else '(không rõ)'}",
                  record_id=old.registry_id, payload=old.payload)
        for old, kept in dropped
    ]
    return [record for _, record in sorted(best.values(), key=lambda pair: pair[0])], rejections
