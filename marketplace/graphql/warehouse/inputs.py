from __future__ import annotations

import graphene

from marketplace.graphql.core.enums import OrderDirection
from marketplace.graphql.product.inputs import MetadataFilter
from marketplace.graphql.warehouse.types import WarehouseClickAndCollectOptionEnum


class WarehouseFilterInput(graphene.InputObjectType):
    click_and_collect_option = graphene.Field(WarehouseClickAndCollectOptionEnum)
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    is_private = graphene.Boolean()
    channels = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class WarehouseSortField(graphene.Enum):
    NAME = "name"


class WarehouseSortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(WarehouseSortField, required=True)


class StockFilterInput(graphene.InputObjectType):
    quantity = graphene.Float()
    search = graphene.String()


class StockInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True)
    quantity = graphene.Int(required=True)


class StockBulkUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID()
    variant_external_reference = graphene.String()
    warehouse_id = graphene.ID()
    warehouse_external_reference = graphene.String()
    quantity = graphene.Int(required=True)
