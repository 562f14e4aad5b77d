"""Global IDs of objects keyed by a UUID (checkouts, checkout lines, orders, transactions): "Type:<uuid>"."""

from __future__ import annotations

import binascii
import uuid

from graphql_relay import from_global_id

from marketplace.graphql.core.errors import invalid


def uuid_from_global_id(global_id: str, expected_type: str, *, field: str = "id") -> uuid.UUID:
    try:
        type_name, raw = from_global_id(global_id)
        if type_name != expected_type:
            raise ValueError
        return uuid.UUID(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise invalid(f"Invalid ID: {global_id}. Expected: {expected_type}.", field=field)
