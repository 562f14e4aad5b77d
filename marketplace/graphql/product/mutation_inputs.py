"""Saleor's inputs of the catalogue mutations (channel listings and media)."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.scalars import PositiveDecimal
from marketplace.graphql.core.upload import Upload


class ProductChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True)
    is_published = graphene.Boolean()
    publication_date = graphene.Date()
    published_at = graphene.DateTime()
    visible_in_listings = graphene.Boolean()
    is_available_for_purchase = graphene.Boolean()
    available_for_purchase_date = graphene.Date()
    available_for_purchase_at = graphene.DateTime()
    add_variants = graphene.List(graphene.NonNull(graphene.ID))
    remove_variants = graphene.List(graphene.NonNull(graphene.ID))


class ProductChannelListingUpdateInput(graphene.InputObjectType):
    update_channels = graphene.List(graphene.NonNull(ProductChannelListingAddInput))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))


class ProductVariantChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True)
    price = PositiveDecimal(required=True)
    cost_price = PositiveDecimal()
    prior_price = PositiveDecimal()
    preorder_threshold = graphene.Int()


class ProductMediaCreateInput(graphene.InputObjectType):
    alt = graphene.String()
    image = Upload()
    product = graphene.ID(required=True)
    media_url = graphene.String()


class ProductMediaUpdateInput(graphene.InputObjectType):
    alt = graphene.String()
