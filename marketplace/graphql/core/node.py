"""`node(id:)`: Relay lookup by global ID that applies each type's own visibility rule."""

from __future__ import annotations

import binascii

import graphene
from graphql_relay import from_global_id

from marketplace.graphql.core.errors import invalid


def resolve_node(root, info, id: str):
    try:
        type_name, pk = from_global_id(id)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise invalid(f"Couldn't resolve id: {id}.", field="id")
    if not type_name or not pk:
        raise invalid(f"Couldn't resolve id: {id}.", field="id")
    graphene_type = info.schema.get_type(type_name)
    object_type = getattr(graphene_type, "graphene_type", None)
    if object_type is None or not hasattr(object_type, "get_node"):
        raise invalid(f"Invalid ID: {id}. Unknown type: {type_name}.", field="id")
    # Checkouts and orders have UUID keys (their IDs are capabilities); other types have integers.
    key = pk if getattr(object_type, "uuid_pk", False) else None
    if key is None:
        try:
            key = int(pk)
        except ValueError:
            raise invalid(f"Couldn't resolve id: {id}.", field="id")
    return object_type.get_node(info, key)


def node_field() -> graphene.Field:
    return graphene.Field(graphene.relay.Node, id=graphene.ID(required=True), resolver=resolve_node)
