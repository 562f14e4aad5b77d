"""Row locks on certificates, always taken in primary-key order so two transactions never deadlock each other."""

from __future__ import annotations

from django.db.models import QuerySet

from marketplace.certification.models import Certificate


def certificates_lock(*, registry_ids: list[str]) -> QuerySet[Certificate]:
    """Lock the certificates with these registry ids for the rest of the transaction (call inside
    transaction.atomic): the sync's status changes and the expiry sweep must not interleave on one row."""
    return Certificate.objects.select_for_update(of=("self",)).filter(registry_id__in=registry_ids).order_by("pk")
