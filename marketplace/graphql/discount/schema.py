"""Saleor's `promotion(id)` and `promotions` (first/after/last/before), for staff with MANAGE_DISCOUNTS."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import DiscountPermissions
from marketplace.discount.selectors import promotion_get, promotion_list
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.core.types import is_staff_with
from marketplace.graphql.discount.types import Promotion

PromotionCountableConnection = connection_type(Promotion, "Promotion")


def _require_manage_discounts(info) -> None:
    if not is_staff_with(info, DiscountPermissions.MANAGE_DISCOUNTS):
        raise permission_denied(["MANAGE_DISCOUNTS"])


class DiscountQueries(graphene.ObjectType):
    promotion = graphene.Field(Promotion, id=graphene.ID(required=True))
    promotions = graphene.Field(PromotionCountableConnection, **connection_args())

    @staticmethod
    def resolve_promotion(root, info, id):
        _require_manage_discounts(info)
        return promotion_get(pk=pk_from_global_id(id, "Promotion"))

    @staticmethod
    def resolve_promotions(root, info, **page_args):
        _require_manage_discounts(info)
        return paginate(promotion_list(), **page_args)
