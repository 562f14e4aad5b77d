"""fairZoneCreate, fairZoneDelete."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.fair import services
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.selectors import zone_get
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.fair.enums import enum_value
from marketplace.graphql.fair.inputs import FairZoneInput
from marketplace.graphql.fair.mutations.base import FairMutation, fair_from_id
from marketplace.graphql.fair.types import FairZone


class FairZoneCreate(FairMutation):
    zone = graphene.Field(FairZone)

    class Arguments:
        fair_id = graphene.ID(required=True)
        input = FairZoneInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, fair_id, input):
        zone = services.zone_create(
            fair=fair_from_id(fair_id, field="fairId"), name=input.name, code=input.get("code") or "",
            kind=enum_value(input.get("kind")) or "locality", province=input.get("province") or "",
            actor=info.context.user,
        )
        return {"zone": zone}


class FairZoneDelete(FairMutation):
    zone = graphene.Field(FairZone)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        pk = pk_from_global_id(id, "FairZone")
        zone = zone_get(pk=pk)
        if zone is None:
            raise DomainError(_("Không tìm thấy khu."), code=FairErrorCode.NOT_FOUND, field="id")
        services.zone_delete(zone=zone, actor=info.context.user)
        zone.pk = pk
        return {"zone": zone}
