"""What order staff do with money: cancel (refunding what was paid), refund part or all, take goods back and
refund them. Each tells the shopper by e-mail once the database transaction has committed."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.order.models import Order
from marketplace.order.returns import ReturnLine, ReturnResult, order_return_lines
from marketplace.payment.error_codes import PaymentErrorCode
from marketplace.payment.models import STRIPE_GATEWAY, TransactionItem
from marketplace.payment.services import order_cancel_and_refund, transaction_refund_request

THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def _email(kind: str, order_id, amount: Decimal | None = None) -> None:
    from marketplace.order.tasks import order_staff_email_task

    transaction.on_commit(lambda: order_staff_email_task.delay(kind, str(order_id), str(amount or "")),
                          robust=True)


@transaction.atomic
def order_cancel_by_staff(*, order: Order, actor=None) -> Order:
    """orderCancel: stock back to the points it was allocated at, card payments refunded, the shopper told."""
    order = order_cancel_and_refund(order=order, actor=actor)
    _email("canceled", order.pk)
    return order


def refund_amount_parse(value) -> Decimal:
    """VND has no minor unit: a refund is a whole, positive number of đồng."""
    text = str(value).strip()
    if THOUSANDS.match(text):  # "50.000" / "50,000" as people write đồng
        text = text.replace(".", "").replace(",", "")
    try:
        amount = Decimal(text)
    except (InvalidOperation, TypeError, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0 or amount != amount.to_integral_value():
        raise DomainError(_("Số tiền hoàn phải là số đồng nguyên dương."), code=PaymentErrorCode.INVALID,
                          field="amount")
    return amount


def order_refundable_amount(*, order: Order) -> Decimal:
    return sum((i.charged_value - i.refund_pending_value for i in TransactionItem.objects.filter(order=order)),
               Decimal(0))


@transaction.atomic
def order_refund(*, order: Order, amount, actor=None, reason: str = "", notify: bool = True) -> Decimal:
    """Refund part or all of what the order was paid: card payments through Stripe (after commit), cash as a
    recorded refund at the counter. Refused with CANNOT_REFUND beyond what was paid and not yet refunded."""
    amount = refund_amount_parse(amount)
    order = Order.objects.select_for_update().get(pk=order.pk)
    items = sorted(TransactionItem.objects.select_for_update().filter(order=order),
                   key=lambda i: (i.gateway != STRIPE_GATEWAY, i.pk))
    refundable = sum((i.charged_value - i.refund_pending_value for i in items), Decimal(0))
    if amount > refundable:
        raise DomainError(_("Chỉ có thể hoàn tối đa %(amount)s ₫.") % {"amount": refundable},
                          code=PaymentErrorCode.CANNOT_REFUND, field="amount")
    left = amount
    for item in items:
        portion = min(left, item.charged_value - item.refund_pending_value)
        if portion > 0:
            transaction_refund_request(item=item, amount=portion, actor=actor, reason=reason or "Hoàn tiền")
            left -= portion
    log_action(action="payment.order.refunded", obj=order, actor=actor, after={"amount": str(amount),
                                                                                "reason": reason})
    if notify:
        _email("refunded", order.pk, amount)
    return amount


@transaction.atomic
def order_return_and_refund(*, order: Order, lines: list[ReturnLine], warehouse_id: int, refund: bool,
                            actor=None) -> ReturnResult:
    """Goods back into stock at the chosen point; with `refund`, their price paid goes back to the shopper
    (as far as the order was paid)."""
    result = order_return_lines(order=order, lines=lines, warehouse_id=warehouse_id, actor=actor)
    if refund:
        amount = min(result.amount, order_refundable_amount(order=result.order))
        if amount > 0:
            order_refund(order=result.order, amount=amount, actor=actor, reason="Hoàn tiền hàng trả lại")
    return result


@transaction.atomic
def transaction_refund_by_staff(*, item: TransactionItem, amount=None, actor=None, reason: str = ""
                                ) -> TransactionItem:
    """Refund one transaction, all that is left of it when no amount is given (transactionRequestAction)."""
    refundable = item.charged_value - item.refund_pending_value
    amount = refund_amount_parse(amount) if amount is not None else refundable
    if amount <= 0 or amount > refundable:
        raise DomainError(_("Chỉ có thể hoàn tối đa %(amount)s ₫.") % {"amount": refundable},
                          code=PaymentErrorCode.CANNOT_REFUND, field="amount")
    transaction_refund_request(item=item, amount=amount, actor=actor, reason=reason or "Hoàn tiền")
    if item.order_id:
        log_action(action="payment.order.refunded", obj=item.order, actor=actor, after={"amount": str(amount)})
        _email("refunded", item.order_id, amount)
    item.refresh_from_db()
    return item
