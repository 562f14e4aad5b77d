"""fairCampaignSet, fairCampaignClear: the fair price (needs MANAGE_FAIRS and MANAGE_DISCOUNTS)."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import DiscountPermissions, OcopPermissions
from marketplace.fair import services
from marketplace.fair.selectors import fair_get
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.fair.enums import enum_value
from marketplace.graphql.fair.inputs import FairCampaignInput
from marketplace.graphql.fair.mutations.base import FairMutation, fair_from_id
from marketplace.graphql.fair.types import FairEvent

_PERMISSIONS = (OcopPermissions.MANAGE_FAIRS, DiscountPermissions.MANAGE_DISCOUNTS)


class FairCampaignSet(FairMutation):
    fair = graphene.Field(FairEvent)

    class Arguments:
        fair_id = graphene.ID(required=True)
        input = FairCampaignInput(required=True)

    class Meta:
        permissions = _PERMISSIONS
        description = (
            "Set the fair price: a discount on the booth products for exactly the fair's dates, applied online and "
            "at the counter once the fair is published. A product may be in one campaign at a time: a campaign "
            "overlapping another on the same product is refused with CAMPAIGN_OVERLAP naming the product."
        )

    @classmethod
    def perform_mutation(cls, root, info, fair_id, input):
        fair = fair_from_id(fair_id, field="fairId")
        booth_rewards = {
            pk_from_global_id(item.booth, "FairBooth", field="booths"): (enum_value(item.get("reward_value_type")),
                                                                         item.get("reward_value"))
            for item in input.get("booths") or []
        }
        services.fair_campaign_set(fair=fair, reward_value_type=enum_value(input.get("reward_value_type")),
                                   reward_value=input.get("reward_value"), booth_rewards=booth_rewards,
                                   actor=info.context.user)
        return {"fair": fair_get(pk=fair.pk, public=False)}


class FairCampaignClear(FairMutation):
    fair = graphene.Field(FairEvent)

    class Arguments:
        fair_id = graphene.ID(required=True)

    class Meta:
        permissions = _PERMISSIONS

    @classmethod
    def perform_mutation(cls, root, info, fair_id):
        fair = services.fair_campaign_clear(fair=fair_from_id(fair_id, field="fairId"), actor=info.context.user)
        return {"fair": fair_get(pk=fair.pk, public=False)}
