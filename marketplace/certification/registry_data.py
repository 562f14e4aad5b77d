"""What the registry says about one certificate (and its product and producer), as typed values.

catalog_sync's pure mapping builds these from a JSON record or an Excel annex row; certification services
store them. `fingerprint()` identifies the content, so receiving the same record twice changes nothing.
`StatusChange` is what a record that cannot be stored whole still says about a certificate's standing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal

from marketplace.producer.registry_data import ProducerData


@dataclass(frozen=True, slots=True)
class Packaging:
    name: str  # as published, e.g. "Hộp 300 g"
    weight_grams: int | None = None


@dataclass(frozen=True, slots=True)
class ProductData:
    name: str
    group_code: str | None  # the 2023 group code (category); None when the source names no group
    group_code_as_published: str = ""
    legacy_group: str = ""
    description: str = ""
    story: str = ""
    packaging: tuple[Packaging, ...] = ()
    images: tuple[str, ...] = ()  # remote URLs, never fetched


@dataclass(frozen=True, slots=True)
class StatusDecision:
    number: str
    date: date | None
    reason: str


@dataclass(frozen=True, slots=True)
class RecordNote:
    """Something the run log should say about a record that was stored anyway (e.g. a group filed under its
    parent). `code` is stable, `message` is for staff, in Vietnamese."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    """The identity and standing of a registry record whose other fields could not be read: enough to take a
    stored certificate off sale (revoked, expired, superseded, fewer stars), never to put one on sale."""

    registry_id: str
    status: str  # a CertificateStatus value, as the registry published it
    stars: int | None = None  # when readable
    status_decision: StatusDecision | None = None
    superseded_by: str = ""
    updated_at: datetime | None = None
    payload: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class CertificateData:
    registry_id: str
    number: str
    stars: int
    score: Decimal | None
    issuer: str
    issuer_level: str  # an IssuerLevel value or ""
    decision_number: str
    decision_date: date | None
    expires_on: date
    status: str  # a CertificateStatus value, as the registry published it
    product: ProductData
    producer: ProducerData
    status_decision: StatusDecision | None = None
    superseded_by: str = ""
    updated_at: datetime | None = None
    payload: dict = field(default_factory=dict, compare=False)  # the record or row as received
    notes: tuple[RecordNote, ...] = field(default=(), compare=False)  # for the run log, not stored

    def fingerprint(self) -> str:
        """A hash of what we store (not of updated_at or the raw payload): equal means nothing to write."""
        content = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("payload",
                                                                                         "updated_at", "notes")}
        content["product"], content["producer"] = asdict(self.product), asdict(self.producer)
        if self.status_decision is not None:
            content["status_decision"] = asdict(self.status_decision)
        blob = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()
