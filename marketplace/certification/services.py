"""Certificate writes: storing what the registry publishes, and the expiry sweep.

Both keep the channel listings in step with the listing rule (selectors.py), so listings and the search index
agree with what the rule says at read time."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from marketplace.certification.error_codes import CertificationErrorCode
from marketplace.certification.models import Certificate, CertificateEvent, CertificateStatus
from marketplace.certification.registry_data import CertificateData, StatusChange
from marketplace.certification.registry_status import status_changes_apply
from marketplace.certification.registry_upsert import UpsertOutcome, upsert_batch
from marketplace.certification.selectors import product_listable_q, today_in_vietnam
from marketplace.channel import selectors as channel_selectors
from marketplace.channel import services as channel_services
from marketplace.core.errors import DomainError
from marketplace.product import services as product_services
from marketplace.product.models import Product

logger = logging.getLogger(__name__)

__all__ = ["UpsertOutcome", "SweepOutcome", "certificate_upsert_from_registry",
           "certificates_upsert_from_registry",
           "certificates_expire_sweep"]


def _default_channel_id() -> int:
    channel = channel_selectors.channel_get_by_slug(slug=None) or channel_services.channel_ensure(
        slug=settings.DEFAULT_CHANNEL_SLUG, name="Kênh toàn quốc"
    )
    return channel.pk


def certificates_upsert_from_registry(*, records: list[CertificateData], source: str,
                                      channel_id: int | None = None, at: datetime | None = None,
                                      status_changes: list[StatusChange] | None = None) -> UpsertOutcome:
    """Store a batch of registry records, keyed on registry id: the same records twice change nothing.

    `status_changes` (from records rejected for other reasons) are applied first, and only as far as they take
    a certificate away from sale (`registry_status`); `status_applied` says what they changed. They go first
    so that a readable successor in the same batch joins the product of the certificate it supersedes.

    New products are published in the channel (default: the default channel) as soon as they pass the listing
    rule, even without a price or stock; products that stop passing it are unpublished everywhere. When the
    batch cannot be stored as a whole, records are stored one by one and the ones that fail are reported in
    `failed` instead of holding back the rest."""
    channel_id = channel_id or _default_channel_id()
    status = _status_changes_apply(changes=list(status_changes or ()), source=source, at=at)
    try:
        with transaction.atomic():
            outcome = upsert_batch(records=records, source=source, channel_id=channel_id, at=at)
            outcome.merge(status)
            return outcome
    except (DatabaseError, DomainError):
        logger.exception("Batch of %s registry records failed; storing them one by one", len(records))
    outcome = status
    for record in records:
        try:
            with transaction.atomic():
                outcome.merge(upsert_batch(records=[record], source=source, channel_id=channel_id, at=at))
        except (DatabaseError, DomainError) as exc:
            outcome.failed[record.registry_id] = f"{type(exc).__name__}: {exc}"[:500]
    return outcome


def _status_changes_apply(*, changes: list[StatusChange], source: str, at: datetime | None
                          ) -> UpsertOutcome:
    outcome = UpsertOutcome()
    if not changes:
        return outcome
    try:
        with transaction.atomic():
            parts = [status_changes_apply(changes=changes, source=source, at=at)]
    except (DatabaseError, DomainError):
        logger.exception("Applying %s registry statuses failed; applying them one by one", len(changes))
        parts = []
        for change in changes:
            try:
                with transaction.atomic():
                    parts.append(status_changes_apply(changes=[change], source=source, at=at))
            except (DatabaseError, DomainError) as exc:
                outcome.failed[change.registry_id] = f"{type(exc).__name__}: {exc}"[:500]
    for applied in parts:
        outcome.status_applied.update(applied.applied)
        outcome.delisted |= applied.delisted
    return outcome


def certificate_upsert_from_registry(*, record: CertificateData, source: str, channel_id: int | None = None,
                                     at: datetime | None = None) -> Certificate:
    outcome = certificates_upsert_from_registry(records=[record], source=source, channel_id=channel_id, at=at)
    if record.registry_id in outcome.failed:
        raise DomainError(outcome.failed[record.registry_id], code=CertificationErrorCode.SAVE_FAILED,
                          field="registry_id")
    return Certificate.objects.get(registry_id=record.registry_id)


@dataclass
class SweepOutcome:
    expired_certificate_ids: list[int] = field(default_factory=list)
    unpublished_product_ids: set[int] = field(default_factory=set)


@transaction.atomic
def certificates_expire_sweep(*, at: datetime | None = None) -> SweepOutcome:
    """Mark active certificates past their expiry as expired (with an event), and unpublish every published
    product that no longer passes the listing rule. The rule already hides them at read time; this keeps
    listings and the search index in agreement with it."""
    today = today_in_vietnam(at)
    due = list(
        Certificate.objects.select_for_update(skip_locked=True)
        .filter(status=CertificateStatus.ACTIVE, expires_on__lt=today)
        .values_list("pk", "product_id", "expires_on")
    )
    outcome = SweepOutcome(expired_certificate_ids=[pk for pk, _, _ in due])
    if due:
        Certificate.objects.filter(pk__in=outcome.expired_certificate_ids).update(
            status=CertificateStatus.EXPIRED, updated_at=timezone.now()
        )
        CertificateEvent.objects.bulk_create([
            CertificateEvent(certificate_id=pk, kind=CertificateEvent.Kind.EXPIRED,
                             changes={"status": [CertificateStatus.ACTIVE, CertificateStatus.EXPIRED]},
                             payload={"expires_on": expires_on.isoformat(), "swept_on": today.isoformat()},
                             source="expiry-sweep")
            for pk, _, expires_on in due
        ])
    stale = list(
        Product.objects.filter(channel_listings__is_published=True)
        .exclude(product_listable_q(at=at)).values_list("pk", flat=True).distinct()
    )
    outcome.unpublished_product_ids = product_services.product_channel_listings_unpublish(product_ids=stale)
    dirty = outcome.unpublished_product_ids | {product_id for _, product_id, _ in due}
    product_services.product_mark_search_dirty(product_ids=sorted(dirty))
    return outcome
