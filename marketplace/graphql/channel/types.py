from __future__ import annotations

import graphene

from marketplace.channel.models import Channel as ChannelModel
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.types import CountryDisplay, ObjectWithMetadata, country_display


class Channel(ModelObjectType):
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    is_active = graphene.Boolean(required=True)
    currency_code = graphene.String(required=True)
    default_country = graphene.Field(CountryDisplay, required=True)
    countries = graphene.List(graphene.NonNull(CountryDisplay))

    class Meta:
        model = ChannelModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        from marketplace.channel.selectors import channel_list

        return channel_list(active_only=True).filter(pk=pk).first()  # as `channel(id:)`

    @staticmethod
    def resolve_default_country(root, info):
        return country_display(root.default_country)

    @staticmethod
    def resolve_countries(root, info):
        return [country_display(root.default_country)]
