from __future__ import annotations

import graphene

from marketplace.graphql.account.types import User
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.order.mutations.order_actions import OrderCancel, OrderMarkAsPaid
from marketplace.graphql.order.types import Order
from marketplace.order.selectors import order_get, orders_for_user

OrderCountableConnection = connection_type(Order, "Order")


class OrderQueries(graphene.ObjectType):
    order = graphene.Field(Order, id=graphene.ID(), external_reference=graphene.String())
    order_by_token = graphene.Field(Order, token=graphene.UUID(required=True),
                                    deprecation_reason="Use the `order` query with the order's ID instead.")

    @staticmethod
    def resolve_order(root, info, id=None, external_reference=None):
        """Anyone holding the order's ID (a random UUID) may read it; personal data only for its owner."""
        if not id:
            return None
        return order_get(order_id=uuid_from_global_id(id, "Order"))

    @staticmethod
    def resolve_order_by_token(root, info, token):
        return order_get(order_id=token)


class OrderMutations(graphene.ObjectType):
    order_mark_as_paid = OrderMarkAsPaid.Field()
    order_cancel = OrderCancel.Field()


def _resolve_user_orders(root, info, **page_args):
    viewer = info.context.user
    if not (viewer.is_authenticated and viewer.pk == root.pk):
        raise permission_denied(["OWNER"])
    args = {k: v for k, v in page_args.items() if k in ("first", "after", "last", "before")}
    if args.get("first") is None and args.get("last") is None:
        args["first"] = 100  # Saleor's page limit, when the client asks for no size
    return paginate(orders_for_user(user_id=root.pk), **args)


# Saleor's User.orders lives with the Order type to keep account types free of order imports.
User._meta.fields["orders"] = graphene.Field(OrderCountableConnection, **connection_args(),
                                             resolver=_resolve_user_orders)
