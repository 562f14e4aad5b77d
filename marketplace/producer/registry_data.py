"""What the registry says about a producer (chủ thể), as a typed value the sync hands to producer services.

Built by catalog_sync's pure mapping; nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProducerData:
    registry_id: str
    name: str
    kind: str  # a ProducerKind value
    tax_code: str = ""
    representative: str = ""
    phone: str = ""
    email: str = ""
    address_line: str = ""
    commune: str = ""
    district_as_published: str = ""
    province_as_published: str = ""
    province_code: str = ""  # the current (2025) province, resolved from the published one
