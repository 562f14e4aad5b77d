"""fairBoothCreate, fairBoothUpdate, fairBoothDelete."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.fair import services
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.matching import producer_match
from marketplace.fair.selectors import booth_get_by_pk
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids
from marketplace.graphql.fair.inputs import FairBoothInput
from marketplace.graphql.fair.mutations.base import FairMutation, fair_from_id, pk_or_none
from marketplace.graphql.fair.types import FairBooth


def _producer_pk(input, current: int | None = None) -> int | None:
    if input.get("producer"):
        return pk_from_global_id(input["producer"], "Producer", field="producer")
    if input.get("producer_tax_code"):
        match = producer_match(text="", tax_code=input["producer_tax_code"])
        if match.producer is None:
            raise DomainError(match.reason, code=FairErrorCode.PRODUCER_AMBIGUOUS if match.ambiguous
                              else FairErrorCode.PRODUCER_NOT_FOUND, field="producerTaxCode")
        return match.producer.pk
    return current


def _booth(global_id: str):
    booth = booth_get_by_pk(pk=pk_from_global_id(global_id, "FairBooth"))
    if booth is None:
        raise DomainError(_("Không tìm thấy gian hàng."), code=FairErrorCode.NOT_FOUND, field="id")
    return booth


class FairBoothCreate(FairMutation):
    booth = graphene.Field(FairBooth)

    class Arguments:
        fair_id = graphene.ID(required=True)
        input = FairBoothInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, fair_id, input):
        booth = services.booth_create(
            fair=fair_from_id(fair_id, field="fairId"), code=input.get("code") or "",
            producer_id=_producer_pk(input), zone_id=pk_or_none(input.get("zone"), "FairZone", field="zone"),
            sales_point_id=pk_or_none(input.get("sales_point"), "Warehouse", field="salesPoint"),
            product_ids=pks_from_global_ids(input.get("products"), "Product", field="products"),
            note=input.get("note") or "", actor=info.context.user,
        )
        return {"booth": booth_get_by_pk(pk=booth.pk)}


class FairBoothUpdate(FairMutation):
    booth = graphene.Field(FairBooth)

    class Arguments:
        id = graphene.ID(required=True)
        input = FairBoothInput(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        booth = _booth(id)
        services.booth_update(
            booth=booth, code=input.get("code") or booth.code, producer_id=_producer_pk(input, booth.producer_id),
            zone_id=pk_or_none(input["zone"], "FairZone", field="zone") if "zone" in input else booth.zone_id,
            sales_point_id=(pk_or_none(input["sales_point"], "Warehouse", field="salesPoint")
                            if "sales_point" in input else booth.sales_point_id),
            note=input["note"] if input.get("note") is not None else booth.note, actor=info.context.user,
        )
        booth = booth_get_by_pk(pk=booth.pk)
        if input.get("products") is not None:
            services.booth_products_set(booth=booth, actor=info.context.user,
                                        product_ids=pks_from_global_ids(input["products"], "Product",
                                                                        field="products"))
        return {"booth": booth_get_by_pk(pk=booth.pk)}


class FairBoothDelete(FairMutation):
    booth = graphene.Field(FairBooth)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform_mutation(cls, root, info, id):
        booth = _booth(id)
        pk = booth.pk
        services.booth_delete(booth=booth, actor=info.context.user)
        booth.pk = pk
        return {"booth": booth}


