"""Staff money actions against localstripe: cancel refunds the card, partial refunds, returns to a chosen point."""

from __future__ import annotations

import pytest
from django.core import mail

from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.fulfilment import FulfilLine, FulfilStock, order_fulfil_lines
from marketplace.order.models import OrderStatus
from marketplace.order.returns import ReturnLine
from marketplace.payment.models import STRIPE_GATEWAY, TransactionEvent, TransactionEventType
from marketplace.payment.services import transaction_initialize, transaction_process
from marketplace.payment.staff_orders import order_cancel_by_staff, order_refund, order_return_and_refund
from marketplace.warehouse.models import Stock, StockMovementKind

pytestmark = pytest.mark.django_db
VISA = "4242424242424242"


@pytest.fixture
def paid_card_order(stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))
    card_order.refresh_from_db()
    card_order.item = step.transaction
    return card_order


def test_staff_cancel_refunds_the_card_at_stripe_releases_stock_and_emails(paid_card_order, stripe_env,
                                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = order_cancel_by_staff(order=paid_card_order)

    order.refresh_from_db()
    assert (order.status, order.total_refunded_amount) == (OrderStatus.CANCELED, 225_000)
    refund = paid_card_order.item.events.get(type=TransactionEventType.REFUND_SUCCESS)
    assert refund.amount_value == 225_000 and refund.psp_reference.startswith("re_")  # Stripe's refund id
    assert Stock.objects.get().quantity_allocated == 0
    assert mail.outbox[-1].subject == f"OCOP Market: đơn #{order.number} đã bị hủy"


def test_a_partial_refund_goes_through_stripe_and_tells_the_shopper(paid_card_order,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order_refund(order=paid_card_order, amount="50000", reason="Hàng móp")

    paid_card_order.refresh_from_db()
    item = paid_card_order.item
    item.refresh_from_db()
    assert (item.refunded_value, item.charged_value) == (50_000, 175_000)
    assert paid_card_order.total_refunded_amount == 50_000
    assert "50.000" in mail.outbox[-1].body and f"#{paid_card_order.number}" in mail.outbox[-1].subject


@pytest.mark.parametrize("amount,code", [("-1000", "INVALID"), ("1000.5", "INVALID"), ("abc", "INVALID"),
                                         ("0", "INVALID"), ("225001", "CANNOT_REFUND")])
def test_bad_refund_amounts_are_refused_and_nothing_is_written(paid_card_order, amount, code):
    events = TransactionEvent.objects.count()

    with pytest.raises(DomainError) as err:
        order_refund(order=paid_card_order, amount=amount)

    assert (err.value.code, err.value.field) == (code, "amount")
    assert TransactionEvent.objects.count() == events


def test_returned_goods_go_back_to_the_chosen_point_and_are_refunded(paid_card_order, warehouse, second_point,
                                                                      django_capture_on_commit_callbacks):
    line = paid_card_order.lines.get()
    order_fulfil_lines(order=paid_card_order, notify_customer=False, lines=[
        FulfilLine(order_line_id=line.pk, stocks=[FulfilStock(warehouse_id=warehouse.pk, quantity=2)])])

    with django_capture_on_commit_callbacks(execute=True):
        result = order_return_and_refund(order=paid_card_order, lines=[ReturnLine(line.pk, 1)],
                                         warehouse_id=second_point.pk, refund=True)

    assert result.order.status == OrderStatus.PARTIALLY_RETURNED and result.amount == 100_000
    back = Stock.objects.get(warehouse=second_point, product_variant_id=line.variant_id)
    assert back.quantity == 1 and back.movements.get().kind == StockMovementKind.RETURN
    paid_card_order.item.refresh_from_db()
    assert paid_card_order.item.refunded_value == 100_000

    with pytest.raises(DomainErrors) as err:  # 1 unit left to return; 2 is too many
        order_return_and_refund(order=paid_card_order, lines=[ReturnLine(line.pk, 2)],
                                warehouse_id=second_point.pk, refund=True)
    assert [e.code for e in err.value.errors] == ["INVALID_QUANTITY"]
