"""Saleor's TransactionItem / TransactionEvent and the transaction error types."""

from __future__ import annotations

import graphene

from marketplace.core.permissions import PaymentPermissions
from marketplace.graphql.core.model_type import ModelObjectType, UUIDModelObjectType
from marketplace.graphql.core.saleor_enums import (
    TransactionInitializeErrorCode,
    TransactionProcessErrorCode,
    saleor_enum,
)
from marketplace.graphql.core.types import Money, ObjectWithMetadata, is_staff_with, money
from marketplace.payment.models import TransactionEvent as TransactionEventModel
from marketplace.payment.models import TransactionItem as TransactionItemModel

TransactionEventTypeEnum = saleor_enum("TransactionEventTypeEnum", """
    AUTHORIZATION_SUCCESS AUTHORIZATION_FAILURE AUTHORIZATION_ADJUSTMENT AUTHORIZATION_REQUEST
    AUTHORIZATION_ACTION_REQUIRED CHARGE_ACTION_REQUIRED CHARGE_SUCCESS CHARGE_FAILURE CHARGE_BACK CHARGE_REQUEST
    REFUND_SUCCESS REFUND_FAILURE REFUND_REVERSE REFUND_REQUEST CANCEL_SUCCESS CANCEL_FAILURE CANCEL_REQUEST INFO""",
                                       lower=True)
TransactionActionEnum = saleor_enum("TransactionActionEnum", "CHARGE REFUND CANCEL")
TransactionFlowStrategyEnum = saleor_enum("TransactionFlowStrategyEnum", "AUTHORIZATION CHARGE")


class TransactionInitializeError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(TransactionInitializeErrorCode, required=True)


class TransactionProcessError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(TransactionProcessErrorCode, required=True)


class PaymentMethodDetails(graphene.Interface):
    name = graphene.String(required=True)


class CardPaymentMethodDetails(graphene.ObjectType):
    name = graphene.String(required=True)
    brand = graphene.String()
    last_digits = graphene.String()
    exp_month = graphene.Int()
    exp_year = graphene.Int()

    class Meta:
        interfaces = (PaymentMethodDetails,)


class TransactionEvent(ModelObjectType):
    created_at = graphene.DateTime(required=True)
    psp_reference = graphene.String(required=True)
    message = graphene.String(required=True)
    external_url = graphene.String(required=True)
    amount = graphene.Field(Money, required=True)
    type = graphene.Field(TransactionEventTypeEnum)
    idempotency_key = graphene.String()

    class Meta:
        model = TransactionEventModel
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        """Only staff who handle payments; a customer reads events through their order's transactions."""
        if not is_staff_with(info, PaymentPermissions.HANDLE_PAYMENTS):
            return None
        return cls._meta.model.objects.filter(pk=pk).first()

    @staticmethod
    def resolve_amount(root, info):
        return money(root.amount_value, root.currency)

    @staticmethod
    def resolve_type(root, info):
        return str(root.type)  # a TextChoices member on fresh objects: serialise its value


class TransactionItem(UUIDModelObjectType):
    token = graphene.UUID(required=True)
    created_at = graphene.DateTime(required=True)
    modified_at = graphene.DateTime(required=True)
    actions = graphene.List(graphene.NonNull(TransactionActionEnum), required=True)
    authorized_amount = graphene.Field(Money, required=True)
    authorize_pending_amount = graphene.Field(Money, required=True)
    refunded_amount = graphene.Field(Money, required=True)
    refund_pending_amount = graphene.Field(Money, required=True)
    canceled_amount = graphene.Field(Money, required=True)
    cancel_pending_amount = graphene.Field(Money, required=True)
    charged_amount = graphene.Field(Money, required=True)
    charge_pending_amount = graphene.Field(Money, required=True)
    name = graphene.String(required=True)
    message = graphene.String(required=True)
    psp_reference = graphene.String(required=True)
    order = graphene.Field("marketplace.graphql.order.types.Order")
    events = graphene.List(graphene.NonNull(TransactionEvent), required=True)
    external_url = graphene.String(required=True)
    payment_method_details = graphene.Field(PaymentMethodDetails)

    class Meta:
        model = TransactionItemModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_id(root, info):
        return root.token  # Saleor's TransactionItem IDs carry the token

    @staticmethod
    def resolve_actions(root, info):
        return list(root.available_actions)

    @staticmethod
    def resolve_authorized_amount(root, info):
        return money(root.authorized_value, root.currency)

    @staticmethod
    def resolve_authorize_pending_amount(root, info):
        return money(root.authorize_pending_value, root.currency)

    @staticmethod
    def resolve_refunded_amount(root, info):
        return money(root.refunded_value, root.currency)

    @staticmethod
    def resolve_refund_pending_amount(root, info):
        return money(root.refund_pending_value, root.currency)

    @staticmethod
    def resolve_canceled_amount(root, info):
        return money(root.canceled_value, root.currency)

    @staticmethod
    def resolve_cancel_pending_amount(root, info):
        return money(root.cancel_pending_value, root.currency)

    @staticmethod
    def resolve_charged_amount(root, info):
        return money(root.charged_value, root.currency)

    @staticmethod
    def resolve_charge_pending_amount(root, info):
        return money(root.charge_pending_value, root.currency)

    @staticmethod
    def resolve_events(root, info):
        return list(root.events.all())

    @staticmethod
    def resolve_external_url(root, info):
        return ""

    @staticmethod
    def resolve_payment_method_details(root, info):
        if not root.cc_last_digits:
            return None
        return CardPaymentMethodDetails(name=root.cc_brand or "card", brand=root.cc_brand,
                                        last_digits=root.cc_last_digits, exp_month=root.cc_exp_month,
                                        exp_year=root.cc_exp_year)
