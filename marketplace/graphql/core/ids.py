"""Relay global IDs: base64("Type:pk"), with clear errors for malformed or wrong-type IDs."""

from __future__ import annotations

import binascii

from graphql_relay import from_global_id, to_global_id

from marketplace.graphql.core.errors import invalid

__all__ = ["to_global_id", "pk_from_global_id", "pks_from_global_ids"]


def pk_from_global_id(global_id: str, expected_type: str | tuple[str, ...], *, field: str = "id") -> int:
    expected = (expected_type,) if isinstance(expected_type, str) else expected_type
    try:
        type_name, pk = from_global_id(global_id)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise invalid(f"Couldn't resolve id: {global_id}.", field=field)
    if not type_name or not pk:
        raise invalid(f"Couldn't resolve id: {global_id}.", field=field)
    if type_name not in expected:
        raise invalid(f"Invalid ID: {global_id}. Expected: {', '.join(expected)}, received: {type_name}.",
                      field=field)
    try:
        return int(pk)
    except ValueError:
        raise invalid(f"Invalid ID: {global_id}.", field=field)


def pks_from_global_ids(ids: list[str] | None, expected_type: str, *, field: str) -> list[int]:
    return [pk_from_global_id(i, expected_type, field=field) for i in ids or []]
