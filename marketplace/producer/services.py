"""Producer writes. The registry is the source of truth for producers it publishes: upserts are keyed on the
registry id, so receiving the same producer again changes nothing."""

from __future__ import annotations

from dataclasses import fields

from django.db import transaction
from django.utils import timezone

from marketplace.core.text import vn_slugify
from marketplace.producer.models import Producer
from marketplace.producer.registry_data import ProducerData

_COPIED_FIELDS = tuple(f.name for f in fields(ProducerData) if f.name != "registry_id")


def _unique_producer_slugs(data: list[ProducerData]) -> list[str]:
    """One slug per producer: its name, or name + registry id when the name's slug is taken (2 queries)."""
    bases = [(vn_slugify(d.name) or "chu-the")[:200] for d in data]
    taken = set(Producer.objects.filter(slug__in=bases).values_list("slug", flat=True))
    fallbacks = [f"{base}-{vn_slugify(d.registry_id)}"[:300] for base, d in zip(bases, data, strict=True)]
    taken |= set(Producer.objects.filter(slug__in=fallbacks).values_list("slug", flat=True))
    slugs = []
    for base, fallback in zip(bases, fallbacks, strict=True):
        slug, n = (base if base not in taken else fallback), 1
        while slug in taken:
            n += 1
            slug = f"{fallback}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


@transaction.atomic
def producers_upsert_from_registry(*, producers: list[ProducerData]) -> dict[str, Producer]:
    """Create or update producers keyed on registry id; returns them by registry id. Later entries win."""
    wanted = {p.registry_id: p for p in producers}
    existing = {p.registry_id: p for p in Producer.objects.filter(registry_id__in=list(wanted))}
    changed: list[Producer] = []
    now = timezone.now()
    for registry_id, data in wanted.items():
        producer = existing.get(registry_id)
        if producer is None:
            continue
        diff = [name for name in _COPIED_FIELDS if getattr(producer, name) != getattr(data, name)]
        if diff:
            for name in diff:
                setattr(producer, name, getattr(data, name))
            producer.updated_at = now  # bulk_update skips auto_now
            changed.append(producer)
    if changed:
        Producer.objects.bulk_update(changed, [*_COPIED_FIELDS, "updated_at"])
    new = [data for registry_id, data in wanted.items() if registry_id not in existing]
    if new:
        created = Producer.objects.bulk_create([
            Producer(registry_id=data.registry_id, slug=slug,
                     **{name: getattr(data, name) for name in _COPIED_FIELDS})
            for data, slug in zip(new, _unique_producer_slugs(new), strict=True)
        ])
        existing.update({p.registry_id: p for p in created})
    return existing


def producer_upsert_from_registry(*, data: ProducerData) -> Producer:
    return producers_upsert_from_registry(producers=[data])[data.registry_id]


def producer_story_set(*, producer: Producer, story: str, story_en: str = "", actor: object = None) -> bool:
    """The producer's story as catalogue staff tell it (the registry's facts stay the sync's); audited."""
    from marketplace.core.audit import log_action

    before = {"story": producer.story, "story_en": producer.story_en}
    after = {"story": story.strip(), "story_en": story_en.strip()}
    if before == after:
        return False
    producer.story, producer.story_en = after["story"], after["story_en"]
    producer.save(update_fields=["story", "story_en", "updated_at"])
    log_action(action="producer_story_set", obj=producer, actor=actor, before=before, after=after)
    return True
