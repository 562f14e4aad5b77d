"""Saleor's Checkout, CheckoutLine, their problems, DeliveryMethod and PaymentGateway. A checkout's priced
lines and options are computed once per request (checkout_info) and shared by every field."""

from __future__ import annotations

from dataclasses import dataclass

import graphene

from marketplace.checkout.models import Checkout as CheckoutModel
from marketplace.checkout.models import CheckoutLine as CheckoutLineModel
from marketplace.checkout.selectors import (
    CheckoutInfo,
    LineInfo,
    checkout_collection_points,
    checkout_get,
    checkout_info_get,
    checkout_reservation_expires,
)
from marketplace.core.permissions import CheckoutPermissions, has_permissions
from marketplace.graphql.account.types import Address, User
from marketplace.graphql.channel.types import Channel
from marketplace.graphql.core.enums import LanguageCodeEnum
from marketplace.graphql.core.model_type import UUIDModelObjectType
from marketplace.graphql.core.saleor_enums import saleor_enum
from marketplace.graphql.core.types import Money, ObjectWithMetadata, TaxedMoney, money, taxed_money
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.types import ProductVariant
from marketplace.graphql.shipping.types import PricedShippingMethod, ShippingMethod
from marketplace.graphql.warehouse.types import Warehouse
from marketplace.payment.selectors import payment_gateways_available
from marketplace.warehouse.models import Warehouse as WarehouseModel

CheckoutChargeStatusEnum = saleor_enum("CheckoutChargeStatusEnum", "NONE PARTIAL FULL OVERCHARGED")
CheckoutAuthorizeStatusEnum = saleor_enum("CheckoutAuthorizeStatusEnum", "NONE PARTIAL FULL")


def checkout_info(info, checkout: CheckoutModel) -> CheckoutInfo:
    cache = info.context.__dict__.setdefault("_checkout_infos", {})
    if checkout.pk not in cache:
        cache[checkout.pk] = checkout_info_get(checkout=checkout)
    return cache[checkout.pk]


def _line_info(info, line: CheckoutLineModel) -> LineInfo | None:
    return next((li for li in checkout_info(info, line.checkout).lines if li.line.pk == line.pk), None)


def _priced(option) -> PricedShippingMethod:
    return PricedShippingMethod(method=option.method, price=option.price, currency=option.currency)


class GatewayConfigLine(graphene.ObjectType):
    field = graphene.String(required=True)
    value = graphene.String()


class PaymentGateway(graphene.ObjectType):
    name = graphene.String(required=True)
    id = graphene.ID(required=True)
    config = graphene.List(graphene.NonNull(GatewayConfigLine), required=True)
    currencies = graphene.List(graphene.NonNull(graphene.String), required=True)

    @staticmethod
    def resolve_config(root, info):
        return [GatewayConfigLine(field=k, value=v) for k, v in root.config]


class DeliveryMethod(graphene.Union):
    class Meta:
        types = (Warehouse, ShippingMethod)

    @classmethod
    def resolve_type(cls, instance, info):
        return Warehouse if isinstance(instance, WarehouseModel) else ShippingMethod


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True)
    shipping_method = graphene.Field(ShippingMethod)


class CheckoutLine(UUIDModelObjectType):
    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_unit_price = graphene.Field(Money, required=True)
    prior_unit_price = graphene.Field(Money)
    total_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_total_price = graphene.Field(Money, required=True)
    prior_total_price = graphene.Field(Money)
    requires_shipping = graphene.Boolean(required=True)
    problems = graphene.List(graphene.NonNull(lambda: CheckoutLineProblem))
    is_gift = graphene.Boolean()

    class Meta:
        model = CheckoutLineModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_variant(root, info):
        li = _line_info(info, root)
        return with_channel([li.variant], li.line.checkout.channel)[0]

    @staticmethod
    def resolve_unit_price(root, info):
        return taxed_money(_line_info(info, root).unit_price)

    @staticmethod
    def resolve_undiscounted_unit_price(root, info):
        return money(_line_info(info, root).undiscounted_unit_price)

    @staticmethod
    def resolve_total_price(root, info):
        return taxed_money(_line_info(info, root).total_price)

    @staticmethod
    def resolve_undiscounted_total_price(root, info):
        return money(_line_info(info, root).undiscounted_total_price)

    @staticmethod
    def resolve_requires_shipping(root, info):
        return _line_info(info, root).product.product_type.is_shipping_required

    @staticmethod
    def resolve_problems(root, info):
        return line_problems(_line_info(info, root))

    @staticmethod
    def resolve_is_gift(root, info):
        return False


@dataclass(frozen=True)
class InsufficientStock:
    line: CheckoutLineModel
    variant: object
    available_quantity: int


@dataclass(frozen=True)
class VariantNotAvailable:
    line: CheckoutLineModel


def line_problems(li: LineInfo) -> list:
    if li.problem == "variant_not_available":
        return [VariantNotAvailable(line=li.line)]
    if li.problem == "insufficient_stock":
        return [InsufficientStock(line=li.line, variant=with_channel([li.variant], li.line.checkout.channel)[0],
                                  available_quantity=li.available)]
    return []


class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int()
    line = graphene.Field(CheckoutLine, required=True)
    variant = graphene.Field(ProductVariant, required=True)

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, InsufficientStock)


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(CheckoutLine, required=True)

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, VariantNotAvailable)


class CheckoutLineProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)


class Checkout(UUIDModelObjectType):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    last_change = graphene.DateTime(required=True, deprecation_reason="Use `updatedAt` instead.")
    user = graphene.Field(User)
    channel = graphene.Field(Channel, required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    customer_note = graphene.String(required=True)
    note = graphene.String(required=True, deprecation_reason="Use `customerNote` instead.")
    discount = graphene.Field(Money)
    discount_name = graphene.String()
    voucher_code = graphene.String()
    available_shipping_methods = graphene.List(graphene.NonNull(ShippingMethod), required=True,
                                               deprecation_reason="Use `shippingMethods` instead.")
    shipping_methods = graphene.List(graphene.NonNull(ShippingMethod), required=True)
    available_collection_points = graphene.List(graphene.NonNull(Warehouse), required=True)
    available_payment_gateways = graphene.List(graphene.NonNull(PaymentGateway), required=True)
    email = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    stock_reservation_expires = graphene.DateTime()
    lines = graphene.List(graphene.NonNull(CheckoutLine), required=True)
    shipping_price = graphene.Field(TaxedMoney, required=True)
    delivery = graphene.Field(Delivery)
    shipping_method = graphene.Field(ShippingMethod, deprecation_reason="Use `delivery` instead.")
    delivery_method = graphene.Field(DeliveryMethod)
    subtotal_price = graphene.Field(TaxedMoney, required=True)
    tax_exemption = graphene.Boolean(required=True)
    token = graphene.UUID(required=True)
    total_price = graphene.Field(TaxedMoney, required=True)
    total_balance = graphene.Field(Money, required=True)
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    transactions = graphene.List(graphene.NonNull("marketplace.graphql.payment.types.TransactionItem"))
    display_gross_prices = graphene.Boolean(required=True)
    authorize_status = graphene.Field(CheckoutAuthorizeStatusEnum, required=True)
    charge_status = graphene.Field(CheckoutChargeStatusEnum, required=True)
    problems = graphene.List(graphene.NonNull(CheckoutProblem))

    class Meta:
        model = CheckoutModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        return checkout_get(token=pk)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_last_change(root, info):
        return root.updated_at

    @staticmethod
    def resolve_user(root, info):
        viewer = info.context.user
        if root.user_id and viewer.is_authenticated and (
                viewer.pk == root.user_id or has_permissions(viewer, CheckoutPermissions.MANAGE_CHECKOUTS)):
            return root.user
        return None

    @staticmethod
    def resolve_note(root, info):
        return root.customer_note

    @staticmethod
    def resolve_available_shipping_methods(root, info):
        return [_priced(o) for o in checkout_info(info, root).available_shipping]

    resolve_shipping_methods = resolve_available_shipping_methods

    @staticmethod
    def resolve_available_collection_points(root, info):
        return checkout_collection_points(info=checkout_info(info, root))

    @staticmethod
    def resolve_available_payment_gateways(root, info):
        return payment_gateways_available()

    @staticmethod
    def resolve_is_shipping_required(root, info):
        return checkout_info(info, root).is_shipping_required

    @staticmethod
    def resolve_quantity(root, info):
        return checkout_info(info, root).quantity

    @staticmethod
    def resolve_stock_reservation_expires(root, info):
        return checkout_reservation_expires(checkout=root)

    @staticmethod
    def resolve_lines(root, info):
        return [li.line for li in checkout_info(info, root).lines]

    @staticmethod
    def resolve_shipping_price(root, info):
        return taxed_money(checkout_info(info, root).shipping_price, root.currency)

    @staticmethod
    def resolve_delivery(root, info):
        option = checkout_info(info, root).shipping_option
        if option is None:
            return None
        return Delivery(id=graphene.relay.Node.to_global_id("Delivery", option.method.pk),
                        shipping_method=_priced(option))

    @staticmethod
    def resolve_shipping_method(root, info):
        option = checkout_info(info, root).shipping_option
        return _priced(option) if option else None

    @staticmethod
    def resolve_delivery_method(root, info):
        data = checkout_info(info, root)
        if data.collection_point is not None:
            return data.collection_point
        return _priced(data.shipping_option) if data.shipping_option else None

    @staticmethod
    def resolve_subtotal_price(root, info):
        return taxed_money(checkout_info(info, root).subtotal, root.currency)

    @staticmethod
    def resolve_tax_exemption(root, info):
        return False

    @staticmethod
    def resolve_token(root, info):
        return root.pk

    @staticmethod
    def resolve_total_price(root, info):
        return taxed_money(checkout_info(info, root).total, root.currency)

    @staticmethod
    def resolve_total_balance(root, info):
        return money(-checkout_info(info, root).total, root.currency)

    @staticmethod
    def resolve_language_code(root, info):
        return root.language_code or "vi"

    @staticmethod
    def resolve_transactions(root, info):
        return []  # OCOP takes payment on the order, after checkoutComplete

    @staticmethod
    def resolve_display_gross_prices(root, info):
        return True

    @staticmethod
    def resolve_authorize_status(root, info):
        return "NONE"

    @staticmethod
    def resolve_charge_status(root, info):
        return "NONE"

    @staticmethod
    def resolve_problems(root, info):
        return [p for li in checkout_info(info, root).problems for p in line_problems(li)]
