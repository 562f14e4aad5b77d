"""Saleor's Fulfillment and FulfillmentLine, and Order.fulfillments (attached here so order/types.py stays as
it is). Tracking numbers are not personal data: whoever may read the order may read its fulfilments."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import OrderPermissions
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.saleor_enums import saleor_enum
from marketplace.graphql.core.types import ObjectWithMetadata, is_staff_with
from marketplace.graphql.order.types import Order, OrderLine
from marketplace.graphql.warehouse.types import Warehouse
from marketplace.order.models import Fulfillment as FulfillmentModel
from marketplace.order.models import FulfillmentLine as FulfillmentLineModel
from marketplace.order.staff_selectors import fulfillment_get, order_fulfillments

FulfillmentStatus = saleor_enum("FulfillmentStatus", """FULFILLED REFUNDED RETURNED REPLACED REFUNDED_AND_RETURNED
    CANCELED WAITING_FOR_APPROVAL""", lower=True)


class FulfillmentLine(ModelObjectType):
    quantity = graphene.Int(required=True)
    order_line = graphene.Field(OrderLine)

    class Meta:
        model = FulfillmentLineModel
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        if not is_staff_with(info, OrderPermissions.MANAGE_ORDERS):
            return None
        return FulfillmentLineModel.objects.filter(pk=pk).select_related("order_line").first()


class Fulfillment(ModelObjectType):
    fulfillment_order = graphene.Int(required=True)
    status = graphene.Field(FulfillmentStatus, required=True)
    tracking_number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(FulfillmentLine))
    status_display = graphene.String()
    warehouse = graphene.Field(Warehouse)
    carrier = graphene.String(required=True, description="The courier carrying the parcel (OCOP Market).")
    delivered_at = graphene.DateTime(description="When the courier handed the parcel over (OCOP Market).")

    class Meta:
        model = FulfillmentModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        return fulfillment_get(fulfillment_id=pk) if is_staff_with(info, OrderPermissions.MANAGE_ORDERS) else None

    @staticmethod
    def resolve_status(root, info):
        return str(root.status)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_lines(root, info):
        return list(root.lines.all())

    @staticmethod
    def resolve_status_display(root, info):
        return root.get_status_display()

    @staticmethod
    def resolve_warehouse(root, info):
        return root.warehouse


def _resolve_order_fulfillments(root, info):
    return order_fulfillments(order_id=root.pk)


Order._meta.fields["fulfillments"] = graphene.Field(graphene.NonNull(graphene.List(graphene.NonNull(Fulfillment))),
                                                    resolver=_resolve_order_fulfillments)
