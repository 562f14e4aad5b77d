from __future__ import annotations

import graphene

from marketplace.graphql.core.scalars import PositiveDecimal
from marketplace.graphql.discount.types import RewardValueTypeEnum
from marketplace.graphql.fair.enums import FairEventStatusEnum, FairSideEventKindEnum, FairZoneKindEnum


class FairEventFilterInput(graphene.InputObjectType):
    status = graphene.List(graphene.NonNull(FairEventStatusEnum))
    province = graphene.String(description="A province code or name (old names are mapped to current ones).")
    search = graphene.String()


class FairEventInput(graphene.InputObjectType):
    name = graphene.String()
    slug = graphene.String(description="Only when creating; generated from the name when omitted.")
    description = graphene.String()
    start_at = graphene.DateTime(description="Vietnam time when no offset is given.")
    end_at = graphene.DateTime(description="Vietnam time when no offset is given; after startAt.")
    venue_name = graphene.String()
    venue_address = graphene.String()
    latitude = graphene.Float()
    longitude = graphene.Float()
    province = graphene.String()
    organiser = graphene.String()


class FairZoneInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    code = graphene.String()
    kind = graphene.Field(FairZoneKindEnum)
    province = graphene.String()


class FairBoothInput(graphene.InputObjectType):
    code = graphene.String()
    zone = graphene.ID()
    producer = graphene.ID(description="Global id of type Producer.")
    producer_tax_code = graphene.String(description="Instead of `producer`: the producer's tax code.")
    sales_point = graphene.ID(description="Global id of type Warehouse.")
    products = graphene.List(graphene.NonNull(graphene.ID), description="Replaces the products on show.")
    note = graphene.String()


class FairSideEventInput(graphene.InputObjectType):
    kind = graphene.Field(FairSideEventKindEnum, required=True)
    title = graphene.String(required=True)
    description = graphene.String()
    start_at = graphene.DateTime(required=True)
    end_at = graphene.DateTime()
    location = graphene.String()
    stream_url = graphene.String()


class FairBoothRewardInput(graphene.InputObjectType):
    booth = graphene.ID(required=True)
    reward_value_type = graphene.Field(RewardValueTypeEnum)
    reward_value = PositiveDecimal(description="Empty: the booth follows the fair-wide discount.")


class FairCampaignInput(graphene.InputObjectType):
    reward_value_type = graphene.Field(RewardValueTypeEnum)
    reward_value = PositiveDecimal(description="Empty: no fair-wide discount (booths may still have their own).")
    booths = graphene.List(graphene.NonNull(FairBoothRewardInput))
