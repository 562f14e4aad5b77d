"""Reads about producers, for the API and pages."""

from __future__ import annotations

from django.db.models import QuerySet

from marketplace.producer.models import Producer


def producer_list(*, province_code: str | None = None, kind: str | None = None) -> QuerySet[Producer]:
    qs = Producer.objects.all()
    if province_code:
        qs = qs.filter(province_code=province_code)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def producer_get(*, producer_id: int | None = None, registry_id: str | None = None,
                 slug: str | None = None) -> Producer | None:
    """One producer by primary key, registry id or slug (the first one given)."""
    if producer_id is not None:
        return Producer.objects.filter(pk=producer_id).first()
    if registry_id:
        return Producer.objects.filter(registry_id=registry_id).first()
    if slug:
        return Producer.objects.filter(slug=slug).first()
    return None


def producers_by_ids(ids: list[int]) -> dict[int, Producer]:
    return Producer.objects.in_bulk(ids)


def producer_get_by_slug(*, slug: str) -> Producer | None:
    return Producer.objects.filter(slug=slug).first()
