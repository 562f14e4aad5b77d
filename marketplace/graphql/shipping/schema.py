"""Staff shipping API: Saleor's shippingZones / shippingZone queries and the zone and price mutations."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.ids import pks_from_global_ids
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.shipping import mutations
from marketplace.graphql.shipping.staff_types import ShippingZone, can_manage
from marketplace.shipping.selectors import shipping_zone_get, shipping_zones_list

ShippingZoneCountableConnection = connection_type(ShippingZone, "ShippingZone")


class ShippingZoneFilterInput(graphene.InputObjectType):
    search = graphene.String()
    channels = graphene.List(graphene.NonNull(graphene.ID))


class ShippingQueries(graphene.ObjectType):
    shipping_zone = graphene.Field(ShippingZone, id=graphene.ID(required=True), channel=graphene.String())
    shipping_zones = graphene.Field(ShippingZoneCountableConnection, filter=ShippingZoneFilterInput(),
                                    channel=graphene.String(), **connection_args())

    @staticmethod
    def resolve_shipping_zone(root, info, id, channel=None):
        from marketplace.graphql.core.ids import pk_from_global_id

        if not can_manage(info):
            raise permission_denied(["MANAGE_SHIPPING"])
        return shipping_zone_get(zone_id=pk_from_global_id(id, "ShippingZone"))

    @staticmethod
    def resolve_shipping_zones(root, info, filter=None, channel=None, **page_args):
        if not can_manage(info):
            raise permission_denied(["MANAGE_SHIPPING"])
        filter = filter or {}
        qs = shipping_zones_list(search=filter.get("search") or "",
                                 channel_ids=pks_from_global_ids(filter.get("channels"), "Channel", field="channels"))
        if channel:
            qs = qs.filter(channels__slug=channel)
        args = {k: v for k, v in page_args.items() if k in ("first", "after", "last", "before")}
        return paginate(qs, **args)


class ShippingMutations(graphene.ObjectType):
    shipping_zone_create = mutations.ShippingZoneCreate.Field()
    shipping_zone_update = mutations.ShippingZoneUpdate.Field()
    shipping_zone_delete = mutations.ShippingZoneDelete.Field()
    shipping_price_create = mutations.ShippingPriceCreate.Field()
    shipping_price_update = mutations.ShippingPriceUpdate.Field()
    shipping_price_delete = mutations.ShippingPriceDelete.Field()
    shipping_method_channel_listing_update = mutations.ShippingMethodChannelListingUpdate.Field()
