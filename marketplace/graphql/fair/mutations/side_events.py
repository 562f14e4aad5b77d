"""fairSideEventCreate, fairSideEventDelete."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.fair import services
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.selectors import side_event_get
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.fair.enums import enum_value
from marketplace.graphql.fair.inputs import FairSideEventInput
from marketplace.graphql.fair.mutations.base import FairMutation, fair_from_id
from marketplace.graphql.fair.types import FairSideEvent


class FairSideEventCreate(FairMutation):
    side_event = graphene.Field(FairSideEvent)

    class Arguments:
        fair_id = graphene.ID(required=True)
        input = FairSideEventInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, fair_id, input):
        event = services.side_event_create(
            fair=fair_from_id(fair_id, field="fairId"), kind=enum_value(input.kind), title=input.title,
            start_at=input.start_at, end_at=input.get("end_at"), location=input.get("location") or "",
            stream_url=input.get("stream_url") or "", description=input.get("description") or "",
            actor=info.context.user,
        )
        return {"side_event": event}


class FairSideEventDelete(FairMutation):
    side_event = graphene.Field(FairSideEvent)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        pk = pk_from_global_id(id, "FairSideEvent")
        event = side_event_get(pk=pk)
        if event is None:
            raise DomainError(_("Không tìm thấy sự kiện."), code=FairErrorCode.NOT_FOUND, field="id")
        services.side_event_delete(event=event, actor=info.context.user)
        event.pk = pk
        return {"side_event": event}
