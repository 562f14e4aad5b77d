from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

from marketplace.channel.models import Channel


def channel_list(*, active_only: bool = False) -> QuerySet[Channel]:
    qs = Channel.objects.all()
    return qs.filter(is_active=True) if active_only else qs


def channel_get_by_slug(*, slug: str | None) -> Channel | None:
    """The channel for a slug; with no slug, the default channel (Saleor requires it when there are several)."""
    return Channel.objects.filter(slug=slug or settings.DEFAULT_CHANNEL_SLUG).first()
