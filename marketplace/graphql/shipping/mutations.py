"""Saleor's shippingZoneCreate/Update/Delete, shippingPriceCreate/Update/Delete and
shippingMethodChannelListingUpdate (MANAGE_SHIPPING), with ShippingError codes."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import ShippingPermissions
from marketplace.graphql.checkout.mutations.base import CheckoutMutation
from marketplace.graphql.core.ids import pk_from_global_id, to_global_id
from marketplace.graphql.core.saleor_enums import saleor_enum
from marketplace.graphql.core.scalars import PositiveDecimal
from marketplace.graphql.shipping.staff_types import ShippingMethodType, ShippingZone
from marketplace.graphql.shipping.types import ShippingMethodTypeEnum
from marketplace.shipping import zones
from marketplace.shipping.error_codes import ShippingErrorCode as Code
from marketplace.shipping.selectors import shipping_method_get, shipping_zone_get

ShippingErrorCode = saleor_enum("ShippingErrorCode", """ALREADY_EXISTS GRAPHQL_ERROR INVALID MAX_LESS_THAN_MIN
    NOT_FOUND REQUIRED UNIQUE DUPLICATED_INPUT_ITEM""")


class ShippingError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(ShippingErrorCode, required=True)
    warehouses = graphene.List(graphene.NonNull(graphene.ID))
    channels = graphene.List(graphene.NonNull(graphene.ID))


class WeightScalar(graphene.Scalar):
    """Saleor's WeightScalar: a number of kilograms (Saleor's default unit), or {value, unit}."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_value(value):
        if isinstance(value, dict):
            factor = {"g": 1, "kg": 1000}.get(str(value.get("unit", "kg")).lower())
            if factor is None:
                raise ValueError("Use G or KG.")
            return float(value.get("value")) * factor
        return float(value) * 1000

    @staticmethod
    def parse_literal(node, _variables=None):
        from graphql import Undefined, ast

        if isinstance(node, ast.IntValueNode | ast.FloatValueNode):
            return float(node.value) * 1000
        return Undefined


class ShippingZoneCreateInput(graphene.InputObjectType):
    name = graphene.String()
    description = graphene.String()
    countries = graphene.List(graphene.NonNull(graphene.String))
    default = graphene.Boolean()
    add_warehouses = graphene.List(graphene.NonNull(graphene.ID))
    add_channels = graphene.List(graphene.NonNull(graphene.ID))
    provinces = graphene.List(graphene.NonNull(graphene.String),
                              description="Province codes or names of the 34 since 2025 (OCOP Market).")


class ShippingZoneUpdateInput(ShippingZoneCreateInput):
    remove_warehouses = graphene.List(graphene.NonNull(graphene.ID))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))


class ShippingPriceInput(graphene.InputObjectType):
    name = graphene.String()
    description = graphene.JSONString()
    minimum_order_weight = WeightScalar()
    maximum_order_weight = WeightScalar()
    maximum_delivery_days = graphene.Int()
    minimum_delivery_days = graphene.Int()
    type = graphene.Field(ShippingMethodTypeEnum)
    shipping_zone = graphene.ID()


class ShippingMethodChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True)
    price = PositiveDecimal()
    minimum_order_price = PositiveDecimal()
    maximum_order_price = PositiveDecimal()
    free_shipping_threshold = PositiveDecimal(description="Free delivery from this subtotal (OCOP Market).")


class ShippingMethodChannelListingInput(graphene.InputObjectType):
    add_channels = graphene.List(graphene.NonNull(ShippingMethodChannelListingAddInput))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))


class ShippingMutation(CheckoutMutation):
    class Meta:
        abstract = True

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        channels = error.params.get("channels")
        return {"channels": [to_global_id("Channel", c) for c in channels]} if channels else {}


def _zone(id: str):
    zone = shipping_zone_get(zone_id=pk_from_global_id(id, "ShippingZone"))
    if zone is None:
        raise DomainError(_("Không tìm thấy vùng giao hàng."), code=Code.NOT_FOUND, field="id")
    return zone


def _method(id: str, field: str = "id"):
    method = shipping_method_get(method_id=pk_from_global_id(id, ("ShippingMethodType", "ShippingMethod"),
                                                             field=field))
    if method is None:
        raise DomainError(_("Không tìm thấy phương thức giao hàng."), code=Code.NOT_FOUND, field=field)
    return method


def _zone_input(input) -> zones.ZoneInput:
    if input.get("countries") and any(c.upper() != "VN" for c in input.countries):
        raise DomainError(_("Chỉ giao hàng trong Việt Nam."), code=Code.INVALID, field="countries")
    return zones.ZoneInput(
        name=input.get("name"), description=input.get("description"), provinces=input.get("provinces"),
        default=input.get("default"),
        add_channel_ids=tuple(pk_from_global_id(c, "Channel", field="addChannels")
                              for c in input.get("add_channels") or []),
        remove_channel_ids=tuple(pk_from_global_id(c, "Channel", field="removeChannels")
                                 for c in input.get("remove_channels") or []))


class ShippingZoneCreate(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)

    class Arguments:
        input = ShippingZoneCreateInput(required=True)

    class Meta:
        error_type_class = ShippingError
        error_type_field = "shipping_errors"
        permissions = (ShippingPermissions.MANAGE_SHIPPING,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        zone = zones.shipping_zone_save(data=_zone_input(input), actor=info.context.user)
        return {"shipping_zone": shipping_zone_get(zone_id=zone.pk)}


class ShippingZoneUpdate(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)

    class Arguments:
        id = graphene.ID(required=True)
        input = ShippingZoneUpdateInput(required=True)

    class Meta:
        error_type_class = ShippingError
        error_type_field = "shipping_errors"
        permissions = (ShippingPermissions.MANAGE_SHIPPING,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        zone = zones.shipping_zone_save(zone=_zone(id), data=_zone_input(input), actor=info.context.user)
        return {"shipping_zone": shipping_zone_get(zone_id=zone.pk)}


class ShippingZoneDelete(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type_class = ShippingError
        error_type_field = "shipping_errors"
        permissions = (ShippingPermissions.MANAGE_SHIPPING,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        zone = _zone(id)
        pk = zone.pk
        zones.shipping_zone_delete(zone=zone, actor=info.context.user)
        zone.pk = pk
        return {"shipping_zone": zone}


def _method_input(input, zone=None) -> zones.MethodInput:
    return zones.MethodInput(
        name=input.get("name"), type=str(getattr(input.get("type"), "value", input.get("type")))
        if input.get("type") is not None else None, description=input.get("description"),
        minimum_delivery_days=input.get("minimum_delivery_days"),
        maximum_delivery_days=input.get("maximum_delivery_days"),
        minimum_order_weight_grams=input.get("minimum_order_weight"),
        maximum_order_weight_grams=input.get("maximum_order_weight"), zone=zone)


class ShippingPriceCreate(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)
    shipping_method = graphene.Field(ShippingMethodType)

    class Arguments:
        input = ShippingPriceInput(required=True)

    class Meta:
        error_type_class = ShippingError
        error_type_field = "shipping_errors"
        permissions = (ShippingPermissions.MANAGE_SHIPPING,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        if not input.get("shipping_zone"):
            raise DomainError(_("Chọn vùng giao hàng."), code=Code.REQUIRED, field="shippingZone")
        zone = _zone(input.shipping_zone)
        method = zones.shipping_method_save(data=_method_input(input, zone), actor=info.context.user)
        return {"shipping_method": method, "shipping_zone": shipping_zone_get(zone_id=zone.pk)}


class ShippingPriceUpdate(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)
    shipping_method = graphene.Field(ShippingMethodType)

    class Arguments:
        id = graphene.ID(required=True)
        input = ShippingPriceInput(required=True)

    class Meta:
        error_type_class = ShippingError
        error_type_field = "shipping_errors"
        permissions = (ShippingPermissions.MANAGE_SHIPPING,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        method = _method(id)
        zone = _zone(input.shipping_zone) if input.get("shipping_zone") else None
        data = _method_input(input, zone)
        for key in ("minimum_delivery_days", "maximum_delivery_days", "minimum_order_weight_grams",
                    "maximum_order_weight_grams"):
            if getattr(data, key) is None:  # not given: keep the stored value
                setattr(data, key, getattr(method, key))
        method = zones.shipping_method_save(method=method, data=data, actor=info.context.user)
        return {"shipping_method": method, "shipping_zone": shipping_zone_get(zone_id=method.shipping_zone_id)}


class ShippingPriceDelete(ShippingMutation):
    shipping_method = graphene.Field(ShippingMethodType)
    shipping_zone = graphene.Field(ShippingZone)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type_class = ShippingError
        error_type_field = "shipping_errors"
        permissions = (ShippingPermissions.MANAGE_SHIPPING,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        method = _method(id)
        pk, zone_id = method.pk, method.shipping_zone_id
        zones.shipping_method_delete(method=method, actor=info.context.user)
        method.pk = pk
        return {"shipping_method": method, "shipping_zone": shipping_zone_get(zone_id=zone_id)}


class ShippingMethodChannelListingUpdate(ShippingMutation):
    shipping_method = graphene.Field(ShippingMethodType)

    class Arguments:
        id = graphene.ID(required=True)
        input = ShippingMethodChannelListingInput(required=True)

    class Meta:
        error_type_class = ShippingError
        error_type_field = "shipping_errors"
        permissions = (ShippingPermissions.MANAGE_SHIPPING,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        method = _method(id)
        add = [zones.ListingInput(channel_id=pk_from_global_id(item.channel_id, "Channel", field="channelId"),
                                  price=item.get("price"), minimum_order_price=item.get("minimum_order_price"),
                                  maximum_order_price=item.get("maximum_order_price"),
                                  free_shipping_threshold=item.get("free_shipping_threshold"))
               for item in input.get("add_channels") or []]
        remove = [pk_from_global_id(c, "Channel", field="removeChannels") for c in input.get("remove_channels") or []]
        method = zones.shipping_method_channel_listings_update(method=method, add=add, remove_channel_ids=remove,
                                                               actor=info.context.user)
        return {"shipping_method": method}
