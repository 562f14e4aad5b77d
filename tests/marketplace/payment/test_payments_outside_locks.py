"""Stripe is never called while a database transaction (and so a row lock) is open; refunds retry only what may
succeed later and record refusals for staff; malformed signed webhooks answer 400; two concurrent payment starts
for one order make one PaymentIntent and two clean answers. Cards go through localstripe."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from celery.exceptions import Retry
from django.db import connection, connections
from django.test import Client

from marketplace.order.models import Order, OrderEvents, OrderStatus
from marketplace.payment import stripe_gateway
from marketplace.payment.models import STRIPE_GATEWAY, TransactionEventType, TransactionItem
from marketplace.payment.services import (
    order_cancel_and_refund,
    order_mark_paid,
    orders_expire_unpaid,
    transaction_initialize,
    transaction_process,
    transaction_refund_request,
)
from marketplace.payment.stripe_gateway import PaymentGatewayUnavailable
from marketplace.payment.tasks import refund_execute_task
from tests.factories.fake_stripe import SECRET_KEY, signed_event

VISA = "4242424242424242"
T = TransactionEventType


@pytest.fixture
def stripe_calls(monkeypatch) -> list[bool]:
    """For each Stripe request: was a database transaction open? (A spy: the real request still goes out.)"""
    seen: list[bool] = []
    real = stripe_gateway._client

    def client():
        seen.append(connection.in_atomic_block)
        return real()

    monkeypatch.setattr(stripe_gateway, "_client", client)
    return seen


def _pay_at_stripe_only(stripe_env, intent_id: str) -> dict:
    headers = {"Authorization": f"Bearer {SECRET_KEY}"}
    pm = stripe_env.payment_method(VISA)
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{intent_id}", data={"payment_method": pm}, headers=headers)
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{intent_id}/confirm", headers=headers)
    return stripe_env.intent(intent_id)


@pytest.mark.django_db(transaction=True)
def test_paying_and_refunding_a_card_order_calls_stripe_outside_any_transaction(stripe_env, card_order,
                                                                               stripe_calls):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)  # reuses the live intent
    transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))
    order = order_cancel_and_refund(order=card_order)  # the refund task runs on commit (eager in tests)

    item = TransactionItem.objects.get(pk=step.transaction.pk)
    assert (order.status, item.refunded_value) == (OrderStatus.CANCELED, 225_000)
    assert len(stripe_calls) >= 5 and not any(stripe_calls)


@pytest.mark.django_db(transaction=True)
def test_cash_expiry_and_webhooks_call_stripe_outside_any_transaction(client, stripe_env, catalog, warehouse,
                                                                     checkout_builder, stripe_calls):
    from marketplace.checkout.complete import checkout_complete
    from tests.factories.checkout import stock_receive

    variant = catalog.product("Mật ong", stock=0, price=100_000).variants.get()
    stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=10)
    orders = [checkout_complete(checkout_token=checkout_builder.ready(variant, 1).pk) for _ in range(3)]
    cash, expiring, webhook = orders
    transaction_initialize(order=cash, gateway=STRIPE_GATEWAY)
    order_mark_paid(order=cash)  # cancels the pending card intent first
    transaction_initialize(order=expiring, gateway=STRIPE_GATEWAY)
    Order.objects.filter(pk=expiring.pk).update(payment_due_at=expiring.created_at)
    item = transaction_initialize(order=webhook, gateway=STRIPE_GATEWAY).transaction
    intent = _pay_at_stripe_only(stripe_env, item.psp_reference)
    body, signature = signed_event({"id": "evt_outside", "object": "event", "type": "payment_intent.succeeded",
                                    "created": int(time.time()), "data": {"object": intent}})

    assert orders_expire_unpaid() == 1
    assert client.post("/webhooks/stripe/", data=body, content_type="application/json",
                       HTTP_STRIPE_SIGNATURE=signature).status_code == 200

    assert [Order.objects.get(pk=o.pk).status for o in orders] == [
        OrderStatus.UNFULFILLED, OrderStatus.EXPIRED, OrderStatus.UNFULFILLED]
    assert len(stripe_calls) >= 6 and not any(stripe_calls)


@pytest.fixture
def refund_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = stripe_gateway.refund_create

    def counted(**kwargs):
        calls.append(kwargs["intent_id"])
        return real(**kwargs)

    monkeypatch.setattr(stripe_gateway, "refund_create", counted)
    return calls


def _paid_item(stripe_env, card_order) -> TransactionItem:
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    return transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA)).transaction


@pytest.mark.django_db
def test_a_refund_stripe_refuses_is_recorded_for_staff_and_not_retried(stripe_env, card_order, refund_calls,
                                                                       django_capture_on_commit_callbacks):
    item = _paid_item(stripe_env, card_order)
    TransactionItem.objects.filter(pk=item.pk).update(psp_reference="pi_unknown_to_stripe")
    item.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False):
        request = transaction_refund_request(item=item, amount=225_000, reason="Khách trả hàng")

    refund_execute_task.apply(args=[request.pk])

    item.refresh_from_db()
    failure = item.events.get(type=T.REFUND_FAILURE)
    assert refund_calls == ["pi_unknown_to_stripe"]  # asked once: a refusal is not retried
    assert "Hoàn tiền không thành công" in failure.message and failure.amount_value == 225_000
    assert (item.refund_pending_value, item.refunded_value, item.charged_value) == (0, 0, 225_000)
    event = card_order.events.filter(type=OrderEvents.TRANSACTION_EVENT).get()
    assert "cần xử lý" in event.parameters["message"]


@pytest.mark.django_db
def test_a_refund_is_retried_while_stripe_is_unreachable_and_goes_through_once_it_answers(
        stripe_env, card_order, refund_calls, settings, django_capture_on_commit_callbacks):
    item = _paid_item(stripe_env, card_order)
    with django_capture_on_commit_callbacks(execute=False):
        request = transaction_refund_request(item=item, amount=100_000, reason="Khách trả một phần")
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there: connection refused

    with pytest.raises(Retry) as retry:  # Celery schedules it again later (with backoff)
        refund_execute_task.apply(args=[request.pk])
    item.refresh_from_db()
    assert isinstance(retry.value.exc, PaymentGatewayUnavailable) and retry.value.when > 0
    assert (item.refund_pending_value, item.events.filter(type=T.REFUND_FAILURE).count()) == (100_000, 0)

    settings.STRIPE_API_BASE = stripe_env.url
    refund_execute_task.apply(args=[request.pk])

    item.refresh_from_db()
    assert (item.refunded_value, item.refund_pending_value, item.charged_value) == (100_000, 0, 125_000)
    assert len(refund_calls) == 2 and item.events.filter(type=T.REFUND_SUCCESS).count() == 1


MALFORMED = {
    "no id": {"object": "event", "type": "payment_intent.succeeded", "data": {"object": {}}},
    "created is text": {"id": "evt_m1", "type": "payment_intent.succeeded", "created": "hôm qua",
                        "data": {"object": {"id": "pi_x", "object": "payment_intent"}}},
    "data is text": {"id": "evt_m2", "type": "payment_intent.succeeded", "data": "payment"},
    "object is a list": {"id": "evt_m3", "type": "payment_intent.succeeded", "data": {"object": [1, 2]}},
    "not an object": [1, 2, 3],
    "id too long": {"id": "e" * 300, "type": "x", "data": {"object": {}}},
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", MALFORMED)
def test_a_signed_but_malformed_event_answers_400_and_is_logged(client, stripe_env, case, caplog):
    body, signature = signed_event(MALFORMED[case])

    response = client.post("/webhooks/stripe/", data=body, content_type="application/json",
                           HTTP_STRIPE_SIGNATURE=signature)

    assert response.status_code == 400 and "error" in response.json()
    assert any("Stripe webhook refused" in r.getMessage() for r in caplog.records)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_payment_starts_make_one_payment_intent_and_two_clean_answers(stripe_env, card_order):
    from graphql_relay import to_global_id

    query = """mutation($id: ID!) { transactionInitialize(id: $id, paymentGateway: {id: "stripe"}) {
        transaction { pspReference } data errors { field message code } } }"""
    payload = json.dumps({"query": query, "variables": {"id": to_global_id("Order", str(card_order.pk))}})
    barrier = threading.Barrier(2)
    answers: list = [None, None]

    def start(i: int) -> None:
        try:
            barrier.wait()
            response = Client().post("/graphql/", data=payload, content_type="application/json")
            answers[i] = (response.status_code, response.json())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=start, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    results = [body["data"]["transactionInitialize"] for _, body in answers]
    assert [status for status, _ in answers] == [200, 200]
    assert [r["errors"] for r in results] == [[], []]
    assert results[0]["data"]["clientSecret"] == results[1]["data"]["clientSecret"]
    assert results[0]["transaction"]["pspReference"] == results[1]["transaction"]["pspReference"]
    live = TransactionItem.objects.filter(order=card_order, gateway=STRIPE_GATEWAY)
    assert live.count() == 1
    listed = httpx.get(f"{stripe_env.url}/v1/payment_intents", params={"limit": 100},
                       headers={"Authorization": f"Bearer {SECRET_KEY}"}).json()["data"]
    ours = [pi for pi in listed if (pi.get("metadata") or {}).get("order_id") == str(card_order.pk)]
    assert [pi["id"] for pi in ours] == [live.get().psp_reference]

