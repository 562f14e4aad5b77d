"""Saleor's ShippingZone, ShippingMethodType and ShippingMethodChannelListing (staff with MANAGE_SHIPPING).
OCOP additions: a zone's `provinces` (the 34 of 2025) and a channel listing's `freeShippingThreshold`."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import ShippingPermissions
from marketplace.graphql.channel.types import Channel
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.types import (
    CountryDisplay,
    Money,
    MoneyRange,
    ObjectWithMetadata,
    country_display,
    is_staff_with,
    money,
    weight_grams,
)
from marketplace.graphql.core.types import Weight as WeightType
from marketplace.graphql.shipping.types import ShippingMethodTypeEnum
from marketplace.graphql.warehouse.types import Warehouse
from marketplace.shipping import models
from marketplace.shipping.selectors import shipping_method_channel_listings, shipping_zone_get


def can_manage(info) -> bool:
    return is_staff_with(info, ShippingPermissions.MANAGE_SHIPPING)


class ShippingMethodChannelListing(ModelObjectType):
    channel = graphene.Field(Channel, required=True)
    maximum_order_price = graphene.Field(Money)
    minimum_order_price = graphene.Field(Money)
    price = graphene.Field(Money)
    free_shipping_threshold = graphene.Field(Money, description="Free delivery from this subtotal (OCOP Market).")

    class Meta:
        model = models.ShippingMethodChannelListing
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        return models.ShippingMethodChannelListing.objects.filter(pk=pk).first() if can_manage(info) else None

    @staticmethod
    def resolve_maximum_order_price(root, info):
        return money(root.maximum_order_price_amount, root.currency)

    @staticmethod
    def resolve_minimum_order_price(root, info):
        return money(root.minimum_order_price_amount, root.currency)

    @staticmethod
    def resolve_price(root, info):
        return money(root.price_amount, root.currency)

    @staticmethod
    def resolve_free_shipping_threshold(root, info):
        return money(root.free_shipping_threshold_amount, root.currency)


class ShippingMethodType(ModelObjectType):
    name = graphene.String(required=True)
    description = graphene.JSONString()
    type = graphene.Field(ShippingMethodTypeEnum)
    channel_listings = graphene.List(graphene.NonNull(ShippingMethodChannelListing))
    minimum_order_weight = graphene.Field(WeightType)
    maximum_order_weight = graphene.Field(WeightType)
    maximum_delivery_days = graphene.Int()
    minimum_delivery_days = graphene.Int()

    class Meta:
        model = models.ShippingMethod
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        return models.ShippingMethod.objects.filter(pk=pk).first() if can_manage(info) else None

    @staticmethod
    def resolve_type(root, info):
        return str(root.type)

    @staticmethod
    def resolve_channel_listings(root, info):
        return shipping_method_channel_listings(method_id=root.pk)

    @staticmethod
    def resolve_minimum_order_weight(root, info):
        return weight_grams(root.minimum_order_weight_grams)

    @staticmethod
    def resolve_maximum_order_weight(root, info):
        return weight_grams(root.maximum_order_weight_grams)


class ShippingZone(ModelObjectType):
    name = graphene.String(required=True)
    default = graphene.Boolean(required=True)
    price_range = graphene.Field(MoneyRange)
    countries = graphene.List(graphene.NonNull(CountryDisplay), required=True)
    shipping_methods = graphene.List(graphene.NonNull(ShippingMethodType))
    warehouses = graphene.List(graphene.NonNull(Warehouse), required=True)
    channels = graphene.List(graphene.NonNull(Channel), required=True)
    description = graphene.String()
    provinces = graphene.List(graphene.NonNull(graphene.String), required=True,
                              description="Codes of the provinces (of the 34 since 2025) this zone covers (OCOP).")

    class Meta:
        model = models.ShippingZone
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        return shipping_zone_get(zone_id=pk) if can_manage(info) else None

    @staticmethod
    def resolve_price_range(root, info):
        prices = [li.price_amount for m in root.shipping_methods.all() for li in m.channel_listings.all()]
        return MoneyRange(start=money(min(prices)), stop=money(max(prices))) if prices else None

    @staticmethod
    def resolve_countries(root, info):
        return [country_display("VN")]

    @staticmethod
    def resolve_shipping_methods(root, info):
        return list(root.shipping_methods.all())

    @staticmethod
    def resolve_warehouses(root, info):
        return []

    @staticmethod
    def resolve_channels(root, info):
        return list(root.channels.all())

    @staticmethod
    def resolve_provinces(root, info):
        return list(root.provinces)
