"""POST /webhooks/stripe/: signature checked, each event applied once, Stripe's current state trusted over the
event body, so replays, out-of-order deliveries and tampered bodies change nothing twice."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from marketplace.order.models import OrderChargeStatus, OrderStatus
from marketplace.payment.models import STRIPE_GATEWAY, StripeWebhookEvent, TransactionEventType
from marketplace.payment.services import orders_expire_unpaid, transaction_initialize, transaction_process
from tests.factories.fake_stripe import SECRET_KEY, signed_event

pytestmark = pytest.mark.django_db
VISA, DECLINED = "4242424242424242", "4000000000000341"


def _event(intent: dict, type: str = "payment_intent.succeeded", event_id: str | None = None) -> dict:
    return {"id": event_id or f"evt_{uuid.uuid4().hex[:14]}", "object": "event", "type": type,
            "created": int(time.time()), "data": {"object": intent}}


def _post(client, body: bytes, signature: str):
    return client.post("/webhooks/stripe/", data=body, content_type="application/json",
                       HTTP_STRIPE_SIGNATURE=signature)


def _pay_at_stripe_only(stripe_env, intent_id: str, number: str = VISA) -> dict:
    """The browser confirms the payment with Stripe; our server has not heard of it yet."""
    headers = {"Authorization": f"Bearer {SECRET_KEY}"}
    pm = stripe_env.payment_method(number)
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{intent_id}", data={"payment_method": pm}, headers=headers)
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{intent_id}/confirm", headers=headers)
    return stripe_env.intent(intent_id)


def test_a_signed_succeeded_event_marks_the_order_paid(client, stripe_env, card_order):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    intent = _pay_at_stripe_only(stripe_env, item.psp_reference)

    response = _post(client, *signed_event(_event(intent)))

    card_order.refresh_from_db()
    assert response.status_code == 200 and response.json()["result"] == "synced:succeeded"
    assert (card_order.charge_status, card_order.status) == (OrderChargeStatus.FULL, OrderStatus.UNFULFILLED)


@pytest.mark.parametrize("secret", ["whsec_wrong", None])
def test_a_bad_or_missing_signature_is_rejected_and_changes_nothing(client, stripe_env, card_order, secret):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    intent = _pay_at_stripe_only(stripe_env, item.psp_reference)
    body, signature = signed_event(_event(intent), secret=secret or "x")

    response = _post(client, body, signature if secret else "")

    card_order.refresh_from_db()
    assert response.status_code == 400
    assert card_order.charge_status == OrderChargeStatus.NONE and not StripeWebhookEvent.objects.exists()


@pytest.mark.parametrize("field,value", [("amount", 1), ("currency", "usd")])
def test_a_tampered_amount_or_currency_breaks_the_signature(client, stripe_env, card_order, field, value):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    intent = stripe_env.intent(item.psp_reference)
    body, signature = signed_event(_event(intent))
    tampered = body.replace(f'"{field}": {intent[field]!r}'.replace("'", '"').encode(),
                            f'"{field}": {value!r}'.replace("'", '"').encode())
    assert tampered != body

    response = _post(client, tampered, signature)

    assert response.status_code == 400
    card_order.refresh_from_db()
    assert card_order.charge_status == OrderChargeStatus.NONE


def test_a_payment_in_another_currency_is_never_credited(client, stripe_env, card_order):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{item.psp_reference}", data={"currency": "usd"},
               headers={"Authorization": f"Bearer {SECRET_KEY}"})
    intent = _pay_at_stripe_only(stripe_env, item.psp_reference)
    assert intent["status"] == "succeeded"

    response = _post(client, *signed_event(_event(intent)))

    item.refresh_from_db()
    card_order.refresh_from_db()
    assert response.status_code == 200
    assert item.charged_value == 0 and card_order.charge_status == OrderChargeStatus.NONE
    assert item.events.filter(type=TransactionEventType.INFO).count() == 1


def test_stripe_taking_less_than_asked_does_not_pay_the_order_and_is_refunded_at_expiry(
        client, stripe_env, card_order, django_capture_on_commit_callbacks):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{item.psp_reference}", data={"amount": 1_000},
               headers={"Authorization": f"Bearer {SECRET_KEY}"})
    intent = _pay_at_stripe_only(stripe_env, item.psp_reference)

    _post(client, *signed_event(_event(intent)))

    card_order.refresh_from_db()
    assert (card_order.charge_status, card_order.status, card_order.total_charged_amount) == (
        OrderChargeStatus.PARTIAL, OrderStatus.UNCONFIRMED, 1_000)
    card_order.__class__.objects.filter(pk=card_order.pk).update(payment_due_at=card_order.created_at)
    with django_capture_on_commit_callbacks(execute=True):
        assert orders_expire_unpaid() == 1
    item.refresh_from_db()
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.EXPIRED
    assert (item.charged_value, item.refunded_value) == (0, 1_000)


def test_a_replayed_event_is_applied_once(client, stripe_env, card_order):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    event = _event(_pay_at_stripe_only(stripe_env, item.psp_reference))

    first = _post(client, *signed_event(event))
    replay = _post(client, *signed_event(event))

    assert (first.json()["result"], replay.json()["result"]) == ("synced:succeeded", "duplicate")
    assert item.events.filter(type=TransactionEventType.CHARGE_SUCCESS).count() == 1
    card_order.refresh_from_db()
    assert card_order.total_charged_amount == 225_000


def test_a_distinct_event_for_the_same_payment_does_not_charge_twice(client, stripe_env, card_order):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    intent = _pay_at_stripe_only(stripe_env, item.psp_reference)

    _post(client, *signed_event(_event(intent)))
    _post(client, *signed_event(_event(intent)))  # Stripe may send the same news under a new event id

    card_order.refresh_from_db()
    assert item.events.filter(type=TransactionEventType.CHARGE_SUCCESS).count() == 1
    assert card_order.total_charged_amount == 225_000 and card_order.charge_status == OrderChargeStatus.FULL


def test_an_old_failure_arriving_after_the_success_does_not_unpay_the_order(client, stripe_env, card_order):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    declined = transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(DECLINED))
    failed_event = _event(stripe_env.intent(step.transaction.psp_reference), "payment_intent.payment_failed")
    retry = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    succeeded_event = _event(_pay_at_stripe_only(stripe_env, retry.psp_reference))
    assert declined.event.type == TransactionEventType.CHARGE_FAILURE

    _post(client, *signed_event(succeeded_event))
    late = _post(client, *signed_event(failed_event))

    card_order.refresh_from_db()
    assert late.status_code == 200
    assert (card_order.charge_status, card_order.total_charged_amount) == (OrderChargeStatus.FULL, 225_000)


def test_an_event_for_an_unknown_payment_is_acknowledged_and_ignored(client, stripe_env, db):
    response = _post(client, *signed_event(_event({"id": "pi_unknown", "object": "payment_intent"})))

    assert response.status_code == 200 and response.json()["result"] == "ignored"


def test_expiry_does_not_cancel_an_order_whose_payment_just_succeeded(stripe_env, card_order, settings):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    _pay_at_stripe_only(stripe_env, item.psp_reference)  # the webhook has not arrived yet
    card_order.__class__.objects.filter(pk=card_order.pk).update(payment_due_at=card_order.created_at)

    expired = orders_expire_unpaid()

    card_order.refresh_from_db()
    assert expired == 0
    assert (card_order.status, card_order.charge_status) == (OrderStatus.UNFULFILLED, OrderChargeStatus.FULL)


def test_an_unpaid_card_order_expires_releases_stock_and_its_intent_can_no_longer_be_paid(stripe_env, card_order):
    from marketplace.warehouse.models import Stock

    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    card_order.__class__.objects.filter(pk=card_order.pk).update(payment_due_at=card_order.created_at)

    assert orders_expire_unpaid() == 1

    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.EXPIRED
    assert stripe_env.intent(item.psp_reference)["status"] == "canceled"
    assert Stock.objects.get().quantity_allocated == 0


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_localstripe_delivers_a_signed_webhook_that_we_verify(live_server, stripe_env, card_order):
    stripe_env.register_webhook(f"{live_server.url}/webhooks/stripe/")
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction

    _pay_at_stripe_only(stripe_env, item.psp_reference)

    deadline = time.monotonic() + 20
    while not StripeWebhookEvent.objects.filter(object_id=item.psp_reference).exists():
        assert time.monotonic() < deadline, "localstripe did not deliver payment_intent.succeeded"
        time.sleep(0.2)
    card_order.refresh_from_db()
    assert card_order.charge_status == OrderChargeStatus.FULL
