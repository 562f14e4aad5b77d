"""Saleor's transactionRequestAction, for REFUND (part or all of what a transaction charged). Staff with
HANDLE_PAYMENTS (Saleor's permission) or MANAGE_ORDERS (OCOP's order staff refund from the order page)."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import OrderPermissions, PaymentPermissions, has_permissions
from marketplace.graphql.checkout.mutations.base import CheckoutMutation
from marketplace.graphql.core.errors import permission_denied
from marketplace.graphql.core.saleor_enums import saleor_enum
from marketplace.graphql.core.scalars import PositiveDecimal
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.payment.error_codes import PaymentErrorCode
from marketplace.payment.selectors import transaction_get
from marketplace.payment.staff_orders import transaction_refund_by_staff

TransactionActionEnum = saleor_enum("TransactionActionEnum", "CHARGE REFUND CANCEL")
TransactionRequestActionErrorCode = saleor_enum("TransactionRequestActionErrorCode", """INVALID REQUIRED
    GRAPHQL_ERROR NOT_FOUND MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK""")


class TransactionRequestActionError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(TransactionRequestActionErrorCode, required=True)


class TransactionRequestAction(CheckoutMutation):
    transaction = graphene.Field("marketplace.graphql.payment.types.TransactionItem")

    class Arguments:
        action_type = graphene.Argument(TransactionActionEnum, required=True)
        amount = PositiveDecimal()
        id = graphene.ID()
        refund_reason = graphene.String()
        token = graphene.UUID()

    class Meta:
        error_type_class = TransactionRequestActionError

    @classmethod
    def check_permissions(cls, info) -> None:
        user = info.context.user
        if not (has_permissions(user, PaymentPermissions.HANDLE_PAYMENTS)
                or has_permissions(user, OrderPermissions.MANAGE_ORDERS)):
            raise permission_denied(["HANDLE_PAYMENTS"])

    @classmethod
    def perform_mutation(cls, root, info, action_type, amount=None, id=None, refund_reason=None, token=None):
        token = token or (uuid_from_global_id(id, "TransactionItem") if id else None)
        item = transaction_get(token=token) if token else None
        if item is None:
            raise DomainError(_("Không tìm thấy giao dịch."), code=PaymentErrorCode.NOT_FOUND, field="id")
        if str(action_type) not in ("REFUND", "TransactionActionEnum.REFUND"):
            raise DomainError(_("Chỉ hỗ trợ hoàn tiền."), code=PaymentErrorCode.INVALID, field="actionType")
        item = transaction_refund_by_staff(item=item, amount=amount, actor=info.context.user,
                                           reason=refund_reason or "")
        return {"transaction": item}
