"""Saleor's Warehouse type: a sales point where a checkout can be collected (click-and-collect)."""

from __future__ import annotations

import graphene

from marketplace.graphql.account.types import Address
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.saleor_enums import saleor_enum
from marketplace.graphql.core.types import ObjectWithMetadata
from marketplace.warehouse.models import Warehouse as WarehouseModel

WarehouseClickAndCollectOptionEnum = saleor_enum("WarehouseClickAndCollectOptionEnum", "DISABLED LOCAL ALL",
                                                 lower=True)


class Warehouse(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    email = graphene.String(required=True)
    is_private = graphene.Boolean(required=True)
    address = graphene.Field(Address, required=True)
    company_name = graphene.String(required=True, deprecation_reason="Use `Address.companyName` instead.")
    click_and_collect_option = graphene.Field(WarehouseClickAndCollectOptionEnum, required=True)
    external_reference = graphene.String()

    class Meta:
        model = WarehouseModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        return WarehouseModel.objects.filter(pk=pk, is_private=False).select_related("address").first()

    @staticmethod
    def resolve_click_and_collect_option(root, info):
        return str(root.click_and_collect_option)
