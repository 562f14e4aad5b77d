"""Applying the standing of registry records that could not be stored whole (`StatusChange`).

A record that says "revoked" but is broken elsewhere (an unknown group, a bad date) is still rejected and
reported, but what it says about the certificate's standing is applied first: a revocation is never lost.
Only changes that take a certificate away from sale are applied (a non-active status, fewer stars); nothing
here can put a product on sale, since the rest of the record could not be checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from marketplace.certification.locks import certificates_lock
from marketplace.certification.models import Certificate, CertificateEvent, CertificateStatus
from marketplace.certification.registry_data import StatusChange
from marketplace.certification.registry_upsert import (
    certificates_link_superseded,
    jsonable,
    products_follow_current_certificates,
)
from marketplace.certification.selectors import listable_product_ids
from marketplace.product import services as product_services


@dataclass
class StatusOutcome:
    applied: dict[str, dict[str, list]] = field(default_factory=dict)  # registry id -> {field: [before, after]}
    unknown: list[str] = field(default_factory=list)  # registry ids we hold no certificate for
    delisted: set[int] = field(default_factory=set)  # product ids no longer listable because of them


def _restricting_values(cert: Certificate, change: StatusChange) -> dict[str, object]:
    """The fields of `cert` this change takes away: never back to active, never more stars."""
    values: dict[str, object] = {}
    if change.status != CertificateStatus.ACTIVE:
        if change.status != cert.status:
            values["status"] = change.status
        decision = change.status_decision
        if decision is not None:
            values.update(status_decision_number=decision.number, status_reason=decision.reason)
            if decision.date is not None:
                values["status_decision_date"] = decision.date
        if change.status == CertificateStatus.SUPERSEDED and change.superseded_by:
            values["superseded_by_registry_id"] = change.superseded_by
    if change.stars is not None and change.stars < cert.stars:
        values["stars"] = change.stars
    return {key: value for key, value in values.items() if getattr(cert, key) != value}


def status_changes_apply(*, changes: list[StatusChange], source: str, at: datetime | None = None
                         ) -> StatusOutcome:
    """Apply what each change takes away from its stored certificate (call inside a transaction), with an
    event per certificate, and unpublish products that stop passing the listing rule."""
    outcome = StatusOutcome()
    if not changes:
        return outcome
    certificates = {c.registry_id: c for c in certificates_lock(registry_ids=[c.registry_id for c in changes])}
    product_ids = sorted({c.product_id for c in certificates.values()})
    listable_before = listable_product_ids(product_ids=product_ids, at=at)
    changed: list[Certificate] = []
    events: list[CertificateEvent] = []
    for change in changes:
        cert = certificates.get(change.registry_id)
        if cert is None:
            outcome.unknown.append(change.registry_id)
            continue
        values = _restricting_values(cert, change)
        if not values:
            continue
        diff = {key: [jsonable(getattr(cert, key)), jsonable(value)] for key, value in values.items()}
        for key, value in values.items():
            setattr(cert, key, value)
        # The stored fingerprint no longer describes the certificate: the next readable version is written.
        cert.registry_fingerprint = ""
        cert.registry_updated_at = change.updated_at or cert.registry_updated_at
        cert.source, cert.updated_at = source[:100], timezone.now()
        changed.append(cert)
        kind = (CertificateEvent.Kind.STATUS_CHANGED if "status" in values
                else CertificateEvent.Kind.STARS_CHANGED if "stars" in values else CertificateEvent.Kind.UPDATED)
        events.append(CertificateEvent(certificate=cert, kind=kind, changes=diff, payload=change.payload,
                                       source=source[:100]))
        outcome.applied[change.registry_id] = diff
    if not changed:
        return outcome
    Certificate.objects.bulk_update(changed, [
        "status", "status_decision_number", "status_decision_date", "status_reason", "superseded_by_registry_id",
        "stars", "registry_fingerprint", "registry_updated_at", "source", "updated_at",
    ])
    CertificateEvent.objects.bulk_create(events)
    certificates_link_superseded(registry_ids=[c.registry_id for c in changed])
    affected = sorted({c.product_id for c in changed})
    products_follow_current_certificates(product_ids=affected, todo={}, new_products=set())
    listable_after = listable_product_ids(product_ids=affected, at=at)
    not_listable = [p for p in affected if p not in listable_after]
    product_services.product_channel_listings_unpublish(product_ids=not_listable)
    outcome.delisted = {p for p in not_listable if p in listable_before}
    product_services.product_mark_search_dirty(product_ids=affected)
    return outcome
