"""Saleor's ProductError and ProductChannelListingError (code: ProductErrorCode)."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.enums import ProductErrorCode


class ProductError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(ProductErrorCode, required=True)
    attributes = graphene.List(graphene.NonNull(graphene.ID))
    values = graphene.List(graphene.NonNull(graphene.ID))


class ProductChannelListingError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(ProductErrorCode, required=True)
    attributes = graphene.List(graphene.NonNull(graphene.ID))
    values = graphene.List(graphene.NonNull(graphene.ID))
    channels = graphene.List(graphene.NonNull(graphene.ID))
    variants = graphene.List(graphene.NonNull(graphene.ID))

    @staticmethod
    def resolve_channels(root, info):
        return _global_ids("Channel", root.channels)

    @staticmethod
    def resolve_variants(root, info):
        return _global_ids("ProductVariant", root.variants)


def _global_ids(type_name: str, pks) -> list[str] | None:
    if not pks:
        return None
    return [graphene.relay.Node.to_global_id(type_name, pk) for pk in pks]
