"""Fair queries (`fairs`, `fair`) and staff mutations. Shoppers see published fairs; staff with MANAGE_FAIRS
also see drafts."""

from __future__ import annotations

import graphene

from marketplace.core.geography import province_resolve
from marketplace.fair.selectors import fair_get, fairs_list
from marketplace.graphql.core.errors import invalid
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.fair.enums import enum_value
from marketplace.graphql.fair.inputs import FairEventFilterInput
from marketplace.graphql.fair.mutations.booths import FairBoothCreate, FairBoothDelete, FairBoothUpdate
from marketplace.graphql.fair.mutations.campaign import FairCampaignClear, FairCampaignSet
from marketplace.graphql.fair.mutations.fairs import FairCreate, FairDelete, FairPublish, FairUnpublish, FairUpdate
from marketplace.graphql.fair.mutations.side_events import FairSideEventCreate, FairSideEventDelete
from marketplace.graphql.fair.mutations.zones import FairZoneCreate, FairZoneDelete
from marketplace.graphql.fair.types import FairEvent, can_manage_fairs

FairEventCountableConnection = connection_type(FairEvent, "FairEvent")


class FairQueries(graphene.ObjectType):
    fairs = graphene.Field(FairEventCountableConnection, filter=graphene.Argument(FairEventFilterInput),
                           description="OCOP fairs: ongoing first, then upcoming, then past.", **connection_args())
    fair = graphene.Field(FairEvent, id=graphene.ID(), slug=graphene.String())

    @staticmethod
    def resolve_fairs(root, info, filter=None, **page_args):
        filter = filter or {}
        province_code = None
        if filter.get("province"):
            province = province_resolve(filter["province"])
            if province is None:
                raise invalid(f"Unknown province: {filter['province']}.", field="province")
            province_code = province.code
        qs = fairs_list(public=not can_manage_fairs(info), province_code=province_code,
                        statuses=[enum_value(s) for s in filter.get("status") or []] or None,
                        search=filter.get("search"))
        return paginate(qs, **page_args)

    @staticmethod
    def resolve_fair(root, info, id=None, slug=None):
        if (id is None) == (slug is None):
            raise invalid("Provide exactly one of `id` or `slug`.")
        public = not can_manage_fairs(info)
        if id is not None:
            return fair_get(pk=pk_from_global_id(id, "FairEvent"), public=public)
        return fair_get(slug=slug, public=public)


class FairMutations(graphene.ObjectType):
    fair_create = FairCreate.Field()
    fair_update = FairUpdate.Field()
    fair_publish = FairPublish.Field()
    fair_unpublish = FairUnpublish.Field()
    fair_delete = FairDelete.Field()
    fair_zone_create = FairZoneCreate.Field()
    fair_zone_delete = FairZoneDelete.Field()
    fair_booth_create = FairBoothCreate.Field()
    fair_booth_update = FairBoothUpdate.Field()
    fair_booth_delete = FairBoothDelete.Field()
    fair_side_event_create = FairSideEventCreate.Field()
    fair_side_event_delete = FairSideEventDelete.Field()
    fair_campaign_set = FairCampaignSet.Field()
    fair_campaign_clear = FairCampaignClear.Field()
