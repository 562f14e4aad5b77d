"""fairCreate, fairUpdate, fairPublish, fairUnpublish, fairDelete."""

from __future__ import annotations

import dataclasses

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.fair import services
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.selectors import fair_get
from marketplace.graphql.fair.inputs import FairEventInput
from marketplace.graphql.fair.mutations.base import FairMutation, fair_from_id
from marketplace.graphql.fair.types import FairEvent

_FIELDS = ("name", "description", "start_at", "end_at", "venue_name", "venue_address", "latitude", "longitude",
           "province", "organiser")


def _fresh(fair):
    return fair_get(pk=fair.pk, public=False)


class FairCreate(FairMutation):
    fair = graphene.Field(FairEvent)

    class Arguments:
        input = FairEventInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, input):
        values = {k: input.get(k) for k in _FIELDS if input.get(k) is not None}
        data = services.FairData(**{"name": "", "start_at": None, "end_at": None, "venue_name": "", "province": "",
                                    **values})
        if data.start_at is None or data.end_at is None:
            raise DomainError(_("Cần ngày giờ bắt đầu và kết thúc."), code=FairErrorCode.REQUIRED,
                              field="start_at" if data.start_at is None else "end_at")
        fair = services.fair_create(data=data, slug=input.get("slug"), actor=info.context.user)
        return {"fair": _fresh(fair)}


class FairUpdate(FairMutation):
    fair = graphene.Field(FairEvent)

    class Arguments:
        id = graphene.ID(required=True)
        input = FairEventInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        fair = fair_from_id(id)
        changes = {k: input.get(k) for k in _FIELDS if k in input}
        data = dataclasses.replace(services.fair_data_of(fair), **changes)
        return {"fair": _fresh(services.fair_update(fair=fair, data=data, actor=info.context.user))}


class FairPublish(FairMutation):
    fair = graphene.Field(FairEvent)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        return {"fair": _fresh(services.fair_publish(fair=fair_from_id(id), actor=info.context.user))}


class FairUnpublish(FairMutation):
    fair = graphene.Field(FairEvent)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        return {"fair": _fresh(services.fair_unpublish(fair=fair_from_id(id), actor=info.context.user))}


class FairDelete(FairMutation):
    fair = graphene.Field(FairEvent)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        fair = fair_from_id(id)
        pk = fair.pk
        services.fair_delete(fair=fair, actor=info.context.user)
        fair.pk = pk  # the payload still names what was deleted, as Saleor's do
        return {"fair": fair}
