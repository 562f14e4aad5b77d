"""Saleor's Promotion and PromotionRule (the fields we serve, with Saleor's exact shapes). Staff only:
the queries that return them require MANAGE_DISCOUNTS."""

from __future__ import annotations

import graphene

from marketplace.discount import models
from marketplace.discount.selectors import promotion_rules
from marketplace.graphql.channel.types import Channel
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.scalars import JSON, PositiveDecimal
from marketplace.graphql.core.types import ObjectWithMetadata


class PromotionTypeEnum(graphene.Enum):
    CATALOGUE = "catalogue"
    ORDER = "order"


class RewardValueTypeEnum(graphene.Enum):
    FIXED = "fixed"
    PERCENTAGE = "percentage"


class PromotionRule(ModelObjectType):
    name = graphene.String()
    description = JSON()
    promotion = graphene.Field(lambda: Promotion)
    channels = graphene.List(graphene.NonNull(Channel))
    reward_value = PositiveDecimal()
    reward_value_type = graphene.Field(RewardValueTypeEnum)
    predicate_type = graphene.Field(PromotionTypeEnum)
    catalogue_predicate = JSON()

    class Meta:
        model = models.PromotionRule
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """As `promotion(id:)`: only for those who manage discounts."""
        from marketplace.core.permissions import DiscountPermissions
        from marketplace.graphql.core.types import is_staff_with

        if not is_staff_with(info, DiscountPermissions.MANAGE_DISCOUNTS):
            return None
        return cls._meta.model.objects.filter(pk=pk).first()

    @staticmethod
    def resolve_promotion(root, info):
        return root.promotion

    @staticmethod
    def resolve_channels(root, info):
        return list(root.channels.all())

    @staticmethod
    def resolve_predicate_type(root, info):
        return root.promotion.type


class Promotion(ModelObjectType):
    name = graphene.String(required=True)
    type = graphene.Field(PromotionTypeEnum)
    description = JSON()
    start_date = graphene.DateTime(required=True)
    end_date = graphene.DateTime()
    created_at = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    rules = graphene.List(graphene.NonNull(PromotionRule))

    class Meta:
        model = models.Promotion
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        from marketplace.core.permissions import DiscountPermissions
        from marketplace.discount.selectors import promotion_get
        from marketplace.graphql.core.types import is_staff_with

        return promotion_get(pk=pk) if is_staff_with(info, DiscountPermissions.MANAGE_DISCOUNTS) else None

    @staticmethod
    def resolve_rules(root, info):
        return list(promotion_rules(promotion_id=root.pk))
