"""Rejected records that still carry a status (`StatusChange`): which of them go to the services, and how the
run log says what they changed."""

from __future__ import annotations

from datetime import datetime

from catalog_sync.mapping.common import VIETNAM, RejectCode, Rejection
from marketplace.certification.registry_data import CertificateData, StatusChange

_STATUS_WORDS = {"active": "còn hiệu lực", "expired": "hết hiệu lực", "revoked": "bị thu hồi",
                 "superseded": "đã được thay thế"}
_FLOOR = datetime.min.replace(tzinfo=VIETNAM)


def dedupe_status_changes(*, records: list[CertificateData], changes: list[StatusChange]
                          ) -> tuple[list[CertificateData], list[StatusChange], list[Rejection]]:
    """When one registry id comes both readable and broken in a batch, the newer version wins; on a tie the
    broken one's status does, since it can only take the certificate off sale. A readable version that loses
    is reported; a status change that loses is dropped (its record is reported as rejected anyway)."""
    latest: dict[str, StatusChange] = {}
    for change in changes:
        kept = latest.get(change.registry_id)
        if kept is None or (change.updated_at or _FLOOR) >= (kept.updated_at or _FLOOR):
            latest[change.registry_id] = change
    readable = {r.registry_id: r for r in records}
    dropped: list[Rejection] = []
    for registry_id, change in list(latest.items()):
        record = readable.get(registry_id)
        if record is None:
            continue
        if (record.updated_at or _FLOOR) > (change.updated_at or _FLOOR):
            del latest[registry_id]
        else:
            del readable[registry_id]
            dropped.append(Rejection(
                RejectCode.DUPLICATE_ID,
                f"Mã hồ sơ {registry_id} xuất hiện nhiều lần trong cùng một đợt; đã áp dụng trạng thái của "
                "bản cập nhật sau (bản đó có lỗi)", record_id=registry_id, payload=record.payload))
    kept_records = [r for r in records if readable.get(r.registry_id) is r]
    return kept_records, list(latest.values()), dropped


def status_applied_message(changes: dict[str, list]) -> str:
    """{"status": ["active", "revoked"], "stars": [4, 2]} -> a sentence for staff."""
    parts = []
    if "status" in changes:
        before, after = changes["status"]
        parts.append(f"trạng thái {_STATUS_WORDS.get(before, before)} → {_STATUS_WORDS.get(after, after)}")
    if "stars" in changes:
        parts.append(f"số sao {changes['stars'][0]} → {changes['stars'][1]}")
    if "superseded_by_registry_id" in changes:
        parts.append(f"thay thế bởi {changes['superseded_by_registry_id'][1]}")
    if "status_reason" in changes and changes["status_reason"][1]:
        parts.append(f"lý do: {changes['status_reason'][1]}")
    if not parts:
        parts.append("thông tin quyết định thay đổi trạng thái")
    return "Vẫn áp dụng " + "; ".join(parts) + " (gỡ khỏi cửa hàng nếu không còn đạt điều kiện)"
