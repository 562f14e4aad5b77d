from __future__ import annotations

import graphene

from marketplace.channel import selectors
from marketplace.graphql.channel.types import Channel
from marketplace.graphql.core.ids import pk_from_global_id


class ChannelQueries(graphene.ObjectType):
    channels = graphene.List(graphene.NonNull(Channel))
    channel = graphene.Field(Channel, id=graphene.ID(), slug=graphene.String())

    @staticmethod
    def resolve_channels(root, info):
        return list(selectors.channel_list(active_only=True))

    @staticmethod
    def resolve_channel(root, info, id=None, slug=None):
        if id is not None:
            pk = pk_from_global_id(id, "Channel")
            return selectors.channel_list(active_only=True).filter(pk=pk).first()
        if slug is not None:
            return selectors.channel_list(active_only=True).filter(slug=slug).first()
        return None
