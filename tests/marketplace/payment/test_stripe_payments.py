"""Card payments through the real `stripe` library against localstripe (a fake Stripe API on loopback)."""

from __future__ import annotations

import pytest

from marketplace.core.errors import DomainError
from marketplace.order.models import OrderChargeStatus, OrderStatus
from marketplace.payment.models import STRIPE_GATEWAY, TransactionEventType
from marketplace.payment.services import order_cancel_and_refund, transaction_initialize, transaction_process
from marketplace.warehouse.models import Stock

pytestmark = pytest.mark.django_db

VISA, DECLINED, THREE_DS = "4242424242424242", "4000000000000341", "4000002760003184"


def test_a_payment_intent_asks_for_the_amount_in_dong_never_times_100(stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    intent = stripe_env.intent(step.transaction.psp_reference)
    assert (intent["amount"], intent["currency"]) == (225_000, "vnd")
    assert step.data["clientSecret"] == intent["client_secret"] and step.data["amount"] == 225_000
    assert step.event.type == TransactionEventType.CHARGE_REQUEST


def test_card_success_marks_the_order_paid_and_confirmed(stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    step = transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))

    card_order.refresh_from_db()
    assert step.event.type == TransactionEventType.CHARGE_SUCCESS
    assert (step.transaction.charged_value, step.transaction.cc_last_digits) == (225_000, "4242")
    assert (card_order.status, card_order.charge_status, card_order.total_charged_amount) == (
        OrderStatus.UNFULFILLED, OrderChargeStatus.FULL, 225_000)


def test_a_declined_card_leaves_the_order_unpaid_and_can_be_retried_with_another(stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    declined = transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(DECLINED))

    card_order.refresh_from_db()
    assert declined.event.type == TransactionEventType.CHARGE_FAILURE
    assert declined.data["error"] == "Thẻ bị từ chối. Vui lòng dùng thẻ khác."
    assert (card_order.status, card_order.charge_status) == (OrderStatus.UNCONFIRMED, OrderChargeStatus.NONE)

    again = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    paid = transaction_process(item=again.transaction, payment_method_id=stripe_env.payment_method(VISA))

    assert stripe_env.intent(step.transaction.psp_reference)["status"] == "canceled"  # the old one is closed
    assert paid.event.type == TransactionEventType.CHARGE_SUCCESS
    card_order.refresh_from_db()
    assert (card_order.charge_status, card_order.total_charged_amount) == (OrderChargeStatus.FULL, 225_000)


def test_starting_payment_twice_reuses_the_live_payment_intent(stripe_env, card_order):
    first = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    second = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    assert second.transaction.pk == first.transaction.pk
    assert second.data["clientSecret"] == first.data["clientSecret"]


def test_3d_secure_requires_action_then_succeeds_after_authentication(stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    pending = transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(THREE_DS))

    card_order.refresh_from_db()
    assert pending.event.type == TransactionEventType.CHARGE_ACTION_REQUIRED
    assert pending.data["status"] == "requires_action" and pending.data["clientSecret"]
    assert card_order.charge_status == OrderChargeStatus.NONE

    stripe_env.authenticate(step.transaction.psp_reference, pending.data["clientSecret"])
    done = transaction_process(item=step.transaction)

    card_order.refresh_from_db()
    assert done.event.type == TransactionEventType.CHARGE_SUCCESS
    assert card_order.charge_status == OrderChargeStatus.FULL


def test_a_paid_order_cannot_start_a_second_payment(stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))

    with pytest.raises(DomainError) as err:
        transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    assert err.value.code == "INVALID"


def test_cancelling_a_paid_order_refunds_it_and_returns_the_stock(stripe_env, card_order,
                                                                 django_capture_on_commit_callbacks):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))

    with django_capture_on_commit_callbacks(execute=True):
        order = order_cancel_and_refund(order=card_order)

    order.refresh_from_db()
    item = step.transaction
    item.refresh_from_db()
    assert order.status == OrderStatus.CANCELED
    assert (item.refunded_value, item.charged_value, item.refund_pending_value) == (225_000, 0, 0)
    assert item.events.filter(type=TransactionEventType.REFUND_SUCCESS).count() == 1
    assert (order.total_charged_amount, order.total_refunded_amount) == (0, 225_000)
    assert Stock.objects.get().quantity_allocated == 0


def test_cancelling_an_unpaid_card_order_cancels_its_payment_intent(stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    order_cancel_and_refund(order=card_order)

    assert stripe_env.intent(step.transaction.psp_reference)["status"] == "canceled"
    step.transaction.refresh_from_db()
    assert step.transaction.charge_pending_value == 0


def test_without_keys_card_payment_is_refused_with_a_code(settings, card_order):
    settings.STRIPE_SECRET_KEY = ""

    with pytest.raises(DomainError) as err:
        transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    assert err.value.code == "INVALID"
