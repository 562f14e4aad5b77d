"""Saleor's Order, OrderLine, OrderEvent. Guests reach an order by its ID or token (a random UUID); personal
data of an order belonging to an account is shown only to its owner and to order staff."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import OrderPermissions
from marketplace.graphql.account.types import Address, User
from marketplace.graphql.channel.types import Channel
from marketplace.graphql.core.enums import LanguageCodeEnum, ThumbnailFormatEnum
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.model_type import ModelObjectType, UUIDModelObjectType
from marketplace.graphql.core.types import (
    Image,
    Money,
    ObjectWithMetadata,
    TaxedMoney,
    absolute_media_url,
    is_staff_with,
    money,
    taxed_money,
)
from marketplace.graphql.order.enums import (
    OrderAuthorizeStatusEnum,
    OrderChargeStatusEnum,
    OrderError,
    OrderEventsEmailsEnum,
    OrderEventsEnum,
    OrderOriginEnum,
    OrderStatus,
)
from marketplace.graphql.product.context import with_channel
from marketplace.graphql.product.types import ProductVariant
from marketplace.graphql.shipping.types import PricedShippingMethod
from marketplace.order.models import Order as OrderModel
from marketplace.order.models import OrderEvent as OrderEventModel
from marketplace.order.models import OrderLine as OrderLineModel
from marketplace.order.selectors import order_can_be_viewed_in_full, order_events, order_get, order_is_paid


def _full(info, order: OrderModel) -> bool:
    cache = info.context.__dict__.setdefault("_order_full_view", {})
    if order.pk not in cache:
        cache[order.pk] = order_can_be_viewed_in_full(order=order, user=info.context.user)
    return cache[order.pk]


class OrderEvent(ModelObjectType):
    date = graphene.DateTime()
    type = graphene.Field(OrderEventsEnum)
    user = graphene.Field(User)
    message = graphene.String()
    email = graphene.String()
    email_type = graphene.Field(OrderEventsEmailsEnum)
    amount = graphene.Float()
    payment_gateway = graphene.String()
    order_number = graphene.String()
    transaction_reference = graphene.String()

    class Meta:
        model = OrderEventModel
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """Staff who manage orders, or the signed-in customer who owns the order. Unlike an order, an event's ID is
        a guessable number, so holding it proves nothing (a guest reads events through the order's UUID)."""
        user = info.context.user
        event = OrderEventModel.objects.select_related("order").filter(pk=pk).first()
        if event is None:
            return None
        owner = user.is_authenticated and event.order.user_id is not None and event.order.user_id == user.pk
        return event if owner or is_staff_with(info, OrderPermissions.MANAGE_ORDERS) else None

    @staticmethod
    def resolve_user(root, info):
        return root.user if is_staff_with(info, OrderPermissions.MANAGE_ORDERS) else None

    @staticmethod
    def resolve_type(root, info):
        return str(root.type)

    @staticmethod
    def resolve_message(root, info):
        return root.parameters.get("message")

    @staticmethod
    def resolve_email(root, info):
        return root.parameters.get("email")

    @staticmethod
    def resolve_email_type(root, info):
        return root.parameters.get("email_type")

    @staticmethod
    def resolve_amount(root, info):
        amount = root.parameters.get("amount")
        return float(amount) if amount is not None else None

    @staticmethod
    def resolve_payment_gateway(root, info):
        return root.parameters.get("payment_gateway") or root.parameters.get("gateway")

    @staticmethod
    def resolve_order_number(root, info):
        return str(root.order.number)

    @staticmethod
    def resolve_transaction_reference(root, info):
        return root.parameters.get("transaction_reference")


class OrderLine(UUIDModelObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
    product_variant_id = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    quantity_fulfilled = graphene.Int(required=True)
    quantity_to_fulfill = graphene.Int(required=True)
    tax_rate = graphene.Float(required=True)
    thumbnail = graphene.Field(Image, size=graphene.Int(),
                               format=graphene.Argument(ThumbnailFormatEnum, default_value="original"))
    unit_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_unit_price = graphene.Field(TaxedMoney, required=True)
    unit_discount = graphene.Field(Money, required=True)
    total_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_total_price = graphene.Field(TaxedMoney, required=True)
    variant = graphene.Field(ProductVariant)
    translated_product_name = graphene.String(required=True)
    translated_variant_name = graphene.String(required=True)
    is_gift = graphene.Boolean()

    class Meta:
        model = OrderLineModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_product_variant_id(root, info):
        return graphene.relay.Node.to_global_id("ProductVariant", root.variant_id) if root.variant_id else None

    @staticmethod
    def resolve_quantity_to_fulfill(root, info):
        return root.quantity_unfulfilled

    @staticmethod
    def resolve_tax_rate(root, info):
        return 0.0

    @staticmethod
    def resolve_thumbnail(root, info, size=None, format=None):
        variant = root.variant
        media = variant.product.media.first() if variant else None
        if media is None:
            return None
        url = absolute_media_url(info, media.image.url) if media.image else media.external_url or ""
        return Image(url=url, alt=media.alt)

    @staticmethod
    def resolve_unit_price(root, info):
        return taxed_money(root.unit_price_amount, root.currency)

    @staticmethod
    def resolve_undiscounted_unit_price(root, info):
        return taxed_money(root.undiscounted_unit_price_amount, root.currency)

    @staticmethod
    def resolve_unit_discount(root, info):
        return money(root.undiscounted_unit_price_amount - root.unit_price_amount, root.currency)

    @staticmethod
    def resolve_total_price(root, info):
        return taxed_money(root.total_price_amount, root.currency)

    @staticmethod
    def resolve_undiscounted_total_price(root, info):
        return taxed_money(root.undiscounted_total_price_amount, root.currency)

    @staticmethod
    def resolve_variant(root, info):
        if root.variant is None:
            return None
        return with_channel([root.variant], root.order.channel)[0]

    @staticmethod
    def resolve_translated_product_name(root, info):
        return root.product_name

    @staticmethod
    def resolve_translated_variant_name(root, info):
        return root.variant_name

    @staticmethod
    def resolve_is_gift(root, info):
        return False


class Order(UUIDModelObjectType):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = graphene.Field(OrderStatus, required=True)
    user = graphene.Field(User)
    tracking_client_id = graphene.String(required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    shipping_method_name = graphene.String()
    collection_point_name = graphene.String()
    channel = graphene.Field(Channel, required=True)
    lines = graphene.List(graphene.NonNull(OrderLine), required=True)
    number = graphene.String(required=True)
    origin = graphene.Field(OrderOriginEnum, required=True)
    is_paid = graphene.Boolean(required=True)
    authorize_status = graphene.Field(OrderAuthorizeStatusEnum, required=True)
    charge_status = graphene.Field(OrderChargeStatusEnum, required=True)
    tax_exemption = graphene.Boolean(required=True)
    transactions = graphene.List(graphene.NonNull("marketplace.graphql.payment.types.TransactionItem"),
                                 required=True)
    total = graphene.Field(TaxedMoney, required=True)
    undiscounted_total = graphene.Field(TaxedMoney, required=True)
    undiscounted_shipping_price = graphene.Field(Money, required=True)
    shipping_price = graphene.Field(TaxedMoney, required=True)
    shipping_tax_rate = graphene.Float(required=True)
    token = graphene.String(required=True, deprecation_reason="Use `id` instead.")
    customer_note = graphene.String(required=True)
    redirect_url = graphene.String()
    subtotal = graphene.Field(TaxedMoney, required=True)
    status_display = graphene.String(required=True)
    can_finalize = graphene.Boolean(required=True)
    total_authorized = graphene.Field(Money, required=True)
    total_captured = graphene.Field(Money, required=True, deprecation_reason="Use `totalCharged` instead.")
    total_charged = graphene.Field(Money, required=True)
    total_refunded = graphene.Field(Money, required=True)
    total_balance = graphene.Field(Money, required=True)
    events = graphene.List(graphene.NonNull(OrderEvent), required=True)
    user_email = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    delivery_method = graphene.Field("marketplace.graphql.checkout.types.DeliveryMethod")
    language_code = graphene.String(required=True, deprecation_reason="Use the `languageCodeEnum` field.")
    language_code_enum = graphene.Field(LanguageCodeEnum, required=True)
    errors = graphene.List(graphene.NonNull(OrderError), required=True)
    display_gross_prices = graphene.Boolean(required=True)
    checkout_id = graphene.ID()

    class Meta:
        model = OrderModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        return order_get(order_id=pk)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_status(root, info):
        return str(root.status)

    @staticmethod
    def resolve_charge_status(root, info):
        return str(root.charge_status)

    @staticmethod
    def resolve_authorize_status(root, info):
        return str(root.authorize_status)

    @staticmethod
    def resolve_user(root, info):
        return root.user if root.user_id and _full(info, root) else None

    @staticmethod
    def resolve_tracking_client_id(root, info):
        return ""

    @staticmethod
    def resolve_billing_address(root, info):
        return root.billing_address if _full(info, root) else None

    @staticmethod
    def resolve_shipping_address(root, info):
        return root.shipping_address if _full(info, root) else None

    @staticmethod
    def resolve_lines(root, info):
        return list(root.lines.all())

    @staticmethod
    def resolve_number(root, info):
        return str(root.number)

    @staticmethod
    def resolve_origin(root, info):
        return "CHECKOUT"

    @staticmethod
    def resolve_is_paid(root, info):
        return order_is_paid(root)

    @staticmethod
    def resolve_tax_exemption(root, info):
        return False

    @staticmethod
    def resolve_transactions(root, info):
        if not _full(info, root):
            raise permission_denied(["MANAGE_ORDERS", "OWNER"])
        from marketplace.payment.selectors import transactions_for_order

        return list(transactions_for_order(order_id=root.pk))

    @staticmethod
    def resolve_total(root, info):
        return taxed_money(root.total_amount, root.currency)

    @staticmethod
    def resolve_undiscounted_total(root, info):
        return taxed_money(root.undiscounted_total_amount, root.currency)

    @staticmethod
    def resolve_undiscounted_shipping_price(root, info):
        return money(root.shipping_price_amount, root.currency)

    @staticmethod
    def resolve_shipping_price(root, info):
        return taxed_money(root.shipping_price_amount, root.currency)

    @staticmethod
    def resolve_shipping_tax_rate(root, info):
        return 0.0

    @staticmethod
    def resolve_token(root, info):
        return str(root.pk)

    @staticmethod
    def resolve_subtotal(root, info):
        return taxed_money(root.subtotal_amount, root.currency)

    @staticmethod
    def resolve_status_display(root, info):
        return root.get_status_display()

    @staticmethod
    def resolve_can_finalize(root, info):
        return False

    @staticmethod
    def resolve_total_authorized(root, info):
        return money(root.total_authorized_amount, root.currency)

    @staticmethod
    def resolve_total_charged(root, info):
        return money(root.total_charged_amount, root.currency)

    resolve_total_captured = resolve_total_charged

    @staticmethod
    def resolve_total_refunded(root, info):
        return money(root.total_refunded_amount, root.currency)

    @staticmethod
    def resolve_total_balance(root, info):
        return money(root.total_charged_amount - root.total_amount, root.currency)

    @staticmethod
    def resolve_events(root, info):
        if not (_full(info, root)):
            raise permission_denied(["MANAGE_ORDERS"])
        return order_events(order_id=root.pk)

    @staticmethod
    def resolve_user_email(root, info):
        return root.user_email if _full(info, root) else None

    @staticmethod
    def resolve_is_shipping_required(root, info):
        return any(line.is_shipping_required for line in root.lines.all())

    @staticmethod
    def resolve_delivery_method(root, info):
        if root.collection_point_id:
            return root.collection_point
        if root.shipping_method_id and root.shipping_method:
            return PricedShippingMethod(method=root.shipping_method, price=root.shipping_price_amount,
                                        currency=root.currency)
        return None

    @staticmethod
    def resolve_language_code_enum(root, info):
        return root.language_code or "vi"

    @staticmethod
    def resolve_errors(root, info):
        return []

    @staticmethod
    def resolve_display_gross_prices(root, info):
        return True

    @staticmethod
    def resolve_checkout_id(root, info):
        return graphene.relay.Node.to_global_id("Checkout", root.checkout_token) if root.checkout_token else None
