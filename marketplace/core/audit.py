"""Writing audit entries; services call log_action for every state change they make on behalf of a person."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.utils import timezone

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


def log_actions(*, action: str, model: type[models.Model], entries: list[tuple[object, dict, dict]],
                actor: Any = None) -> None:
    """log_action for many objects of one model in a single INSERT (a bulk stock count writes thousands; building
    a model instance per entry costs more than the insert itself). Entries are (primary key, before, after)."""
    if not entries:
        return
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (action, actor_id, object_type, object_id, before, after, created_at) "
            "SELECT %s, %s, %s, v.object_id, v.before::jsonb, v.after::jsonb, %s "
            "FROM unnest(%s::text[], %s::text[], %s::text[]) WITH ORDINALITY AS v(object_id, before, after, n) "
            "ORDER BY v.n",
            [action, actor.pk if getattr(actor, "is_authenticated", False) else None,
             model._meta.label_lower, timezone.now(),
             [str(pk) for pk, _b, _a in entries],
             [json.dumps(before or {}, cls=DjangoJSONEncoder) for _o, before, _a in entries],
             [json.dumps(after or {}, cls=DjangoJSONEncoder) for _o, _b, after in entries]])
