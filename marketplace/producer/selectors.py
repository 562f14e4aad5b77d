"""Producer reads for the storefront. (Registry-sync reads belong next to these, in their own functions.)"""

from __future__ import annotations

from marketplace.producer.models import Producer


def producer_get_by_slug(*, slug: str) -> Producer | None:
    return Producer.objects.filter(slug=slug).first()
