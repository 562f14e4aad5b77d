"""ObjectTypes backed by a Django model: Relay `id`, `is_type_of` and node lookup by primary key."""

from __future__ import annotations

from typing import Any

import graphene
from graphene.types.objecttype import ObjectTypeOptions


class ModelObjectTypeOptions(ObjectTypeOptions):
    model: Any = None


class ModelObjectType(graphene.ObjectType):
    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, model=None, _meta=None, **options):
        _meta = _meta or ModelObjectTypeOptions(cls)
        _meta.model = model
        super().__init_subclass_with_meta__(_meta=_meta, **options)

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        model = cls._meta.model
        return model is not None and isinstance(root, model)

    # Who may read a row through `node(id:)`: closed unless the type says otherwise, so a new type cannot leak
    # through node() by being forgotten. Set `node_public = True` for rows anyone may read (as through the type's
    # own public query), or override `get_visible_node` with the rule of the type's own query.
    node_public = False

    @classmethod
    def get_node(cls, info, pk):
        """Used by `node(id:)`; `get_visible_node` holds the type's one visibility rule."""
        return cls.get_visible_node(info, int(pk))

    @classmethod
    def get_visible_node(cls, info, pk: int):
        if not cls.node_public:
            return None
        return cls._meta.model.objects.filter(pk=pk).first()


class UUIDModelObjectType(ModelObjectType):
    """A model keyed by a UUID (checkouts, orders, transactions): its global ID is "Type:<uuid>", the UUID works
    as a capability, and `node(id:)` passes the UUID string through instead of an integer."""

    uuid_pk = True

    class Meta:
        abstract = True

    @classmethod
    def get_node(cls, info, pk):
        return cls.get_visible_node(info, pk)

    @classmethod
    def get_visible_node(cls, info, pk):
        return None  # reachable through its owner unless a subclass says otherwise

    @staticmethod
    def resolve_id(root, info):
        return root.pk
