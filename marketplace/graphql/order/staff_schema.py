"""Staff order API: Saleor's `orders` query and the fulfilment, return and refund mutations (MANAGE_ORDERS)."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import OrderPermissions
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.pagination import connection_args, paginate
from marketplace.graphql.core.types import is_staff_with
from marketplace.graphql.order.filters import (
    OrderFilterInput,
    OrderSortingInput,
    OrderWhereInput,
    order_filter_from_input,
)
from marketplace.graphql.order.fulfillment_types import Fulfillment  # noqa: F401  (adds Order.fulfillments)
from marketplace.graphql.order.mutations.order_fulfill import (
    FulfillmentMarkDelivered,
    FulfillmentUpdateTracking,
    OrderFulfill,
)
from marketplace.graphql.order.mutations.order_return import FulfillmentReturnProducts
from marketplace.graphql.order.schema import OrderCountableConnection
from marketplace.graphql.payment.mutations.transaction_request_action import TransactionRequestAction
from marketplace.order.staff_selectors import orders_for_staff


class OrderStaffQueries(graphene.ObjectType):
    orders = graphene.Field(OrderCountableConnection, sort_by=OrderSortingInput(), filter=OrderFilterInput(),
                            where=OrderWhereInput(), channel=graphene.String(), search=graphene.String(),
                            **connection_args())

    @staticmethod
    def resolve_orders(root, info, sort_by=None, filter=None, where=None, channel=None, search=None, **page_args):
        if not is_staff_with(info, OrderPermissions.MANAGE_ORDERS):
            raise permission_denied(["MANAGE_ORDERS"])
        filters = order_filter_from_input(filter=filter, where=where, search=search, channel=channel)
        field = str(getattr(sort_by.field, "value", sort_by.field)) if sort_by else "NUMBER"
        descending = not sort_by or str(getattr(sort_by.direction, "name", sort_by.direction)).upper() == "DESC"
        args = {k: v for k, v in page_args.items() if k in ("first", "after", "last", "before")}
        return paginate(orders_for_staff(filters=filters, sort_field=field, descending=descending), **args)


class OrderStaffMutations(graphene.ObjectType):
    order_fulfill = OrderFulfill.Field()
    fulfillment_update_tracking = FulfillmentUpdateTracking.Field()
    fulfillment_mark_delivered = FulfillmentMarkDelivered.Field(
        description="Record that the courier delivered this fulfilment (OCOP Market).")
    order_fulfillment_return_products = FulfillmentReturnProducts.Field()
    transaction_request_action = TransactionRequestAction.Field()
