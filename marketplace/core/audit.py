"""Writing audit entries; services call log_action for every state change they make on behalf of a person."""

from __future__ import annotations

from typing import Any

from django.db import models

from marketplace.core.models import AuditEntry


def log_action(
    *,
    action: str,
    obj: models.Model,
    actor: Any = None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        before=before or {},
        after=after or {},
    )


def log_actions(*, action: str, entries: list[tuple[models.Model, dict, dict]], actor: Any = None) -> None:
    """log_action for many objects in one insert: entries are (object, before, after)."""
    AuditEntry.objects.bulk_create([
        AuditEntry(action=action, actor=actor if getattr(actor, "is_authenticated", False) else None,
                   object_type=obj._meta.label_lower, object_id=str(obj.pk), before=before or {}, after=after or {})
        for obj, before, after in entries])
