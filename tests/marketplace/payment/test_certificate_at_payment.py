"""The listing rule asked again when money moves: a card order placed while the product was certified is not paid
once the certificate is revoked or expired (localstripe for the card), money that arrived anyway is refunded, the
line is cancelled with a reason the shopper is told, and the units go back on the shelf as blocked stock."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import httpx
import pytest
import time_machine
from django.core import mail

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.checkout.complete import checkout_complete
from marketplace.core.errors import DomainError
from marketplace.order.models import OrderChargeStatus, OrderEvents, OrderLineCancelReason, OrderStatus
from marketplace.order.selectors import orders_with_cancelled_lines
from marketplace.payment.models import COD_GATEWAY, STRIPE_GATEWAY, TransactionEventType, TransactionItem
from marketplace.payment.services import order_mark_paid, transaction_initialize, transaction_process
from marketplace.salespoint.selectors import stock_lines
from marketplace.warehouse.models import Stock, StockMovementKind
from tests.factories.checkout import stock_receive
from tests.factories.fake_stripe import SECRET_KEY, signed_event

pytestmark = pytest.mark.django_db
VISA = "4242424242424242"
VN = timezone(timedelta(hours=7))


def _revoke(order) -> None:
    for line in order.lines.all():
        Certificate.objects.filter(product_id=line.variant.product_id).update(status=CertificateStatus.REVOKED)


def _pay_at_stripe_only(stripe_env, intent_id: str) -> dict:
    """The browser confirms with Stripe directly (Payment Element); our server hears of it by the webhook."""
    headers = {"Authorization": f"Bearer {SECRET_KEY}"}
    pm = stripe_env.payment_method(VISA)
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{intent_id}", data={"payment_method": pm}, headers=headers)
    httpx.post(f"{stripe_env.url}/v1/payment_intents/{intent_id}/confirm", headers=headers)
    return stripe_env.intent(intent_id)


def _assert_withdrawn(order, reason: str, at: datetime | None = None) -> None:
    order.refresh_from_db()
    [line] = order.lines.all()
    assert order.status == OrderStatus.CANCELED
    assert (line.cancel_reason, line.canceled_at is not None) == (reason, True)
    stock = Stock.objects.get(product_variant=line.variant)
    assert (stock.quantity, stock.quantity_allocated) == (10, 0)  # back on the shelf, not sold
    assert list(stock_lines(warehouse_id=stock.warehouse_id, only_blocked=True, at=at)) == [stock]
    assert stock.movements.filter(kind=StockMovementKind.CANCELLATION, allocated_delta=-2).count() == 1
    assert order.events.filter(type=OrderEvents.REMOVED_PRODUCTS).count() == 1
    assert list(orders_with_cancelled_lines()) == [order]


def test_a_card_is_not_charged_after_the_certificate_is_revoked(stripe_env, card_order,
                                                                django_capture_on_commit_callbacks):
    step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)
    _revoke(card_order)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError) as err:
        transaction_process(item=step.transaction, payment_method_id=stripe_env.payment_method(VISA))

    assert err.value.code == "INVALID" and "Mật ong hoa nhãn" in err.value.message
    assert stripe_env.intent(step.transaction.psp_reference)["status"] == "canceled"  # released at Stripe
    step.transaction.refresh_from_db()
    assert (step.transaction.charged_value, step.transaction.charge_pending_value) == (0, 0)
    _assert_withdrawn(card_order, OrderLineCancelReason.CERTIFICATE_REVOKED)
    [email] = [m for m in mail.outbox if "bị hủy" in m.subject]
    assert "Giấy chứng nhận OCOP của sản phẩm đã bị thu hồi" in email.body and "Mật ong hoa nhãn" in email.body
    assert f"/don-hang/{card_order.pk}/" in email.body


def test_no_payment_intent_is_made_for_a_revoked_product(stripe_env, card_order):
    _revoke(card_order)

    with pytest.raises(DomainError) as err:
        transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    assert err.value.code == "INVALID"
    assert not TransactionItem.objects.exists()
    _assert_withdrawn(card_order, OrderLineCancelReason.CERTIFICATE_REVOKED)


def test_money_confirmed_in_the_browser_after_revocation_is_refunded_by_the_webhook(
        client, stripe_env, card_order, django_capture_on_commit_callbacks):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    _revoke(card_order)
    intent = _pay_at_stripe_only(stripe_env, item.psp_reference)
    event = {"id": "evt_after_revocation", "object": "event", "type": "payment_intent.succeeded",
             "created": intent["created"], "data": {"object": intent}}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/webhooks/stripe/", data=signed_event(event)[0], content_type="application/json",
                               HTTP_STRIPE_SIGNATURE=signed_event(event)[1])

    assert response.status_code == 200
    item.refresh_from_db()
    card_order.refresh_from_db()
    assert (item.charged_value, item.refunded_value) == (0, 225_000)
    assert card_order.charge_status == OrderChargeStatus.NONE and card_order.total_refunded_amount == 225_000
    _assert_withdrawn(card_order, OrderLineCancelReason.CERTIFICATE_REVOKED)


def test_switching_to_cash_on_delivery_after_revocation_is_refused_and_releases_the_card_intent(
        stripe_env, card_order):
    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    _revoke(card_order)

    with pytest.raises(DomainError):
        transaction_initialize(order=card_order, gateway=COD_GATEWAY)

    assert stripe_env.intent(item.psp_reference)["status"] == "canceled"
    assert not TransactionItem.objects.filter(gateway=COD_GATEWAY).exists()
    _assert_withdrawn(card_order, OrderLineCancelReason.CERTIFICATE_REVOKED)


def test_staff_cannot_mark_as_paid_an_order_whose_product_was_revoked(card_order, settings):
    _revoke(card_order)

    with pytest.raises(DomainError) as err:
        order_mark_paid(order=card_order)

    assert err.value.code == "PRODUCT_UNAVAILABLE_FOR_PURCHASE"
    assert not TransactionItem.objects.filter(charged_value__gt=0).exists()
    _assert_withdrawn(card_order, OrderLineCancelReason.CERTIFICATE_REVOKED)


@pytest.mark.parametrize("moment,paid", [
    (datetime(2027, 3, 31, 23, 59, 59, tzinfo=VN), True),  # the last second of the certificate's last day
    (datetime(2027, 4, 1, 0, 0, 5, tzinfo=VN), False),     # five seconds into the next day in Vietnam
])
def test_a_card_payment_stops_at_midnight_in_vietnam_when_the_certificate_expires(
        stripe_env, card_order, moment, paid):
    Certificate.objects.update(expires_on=date(2027, 3, 31))
    with time_machine.travel(moment - timedelta(minutes=5), tick=False):
        step = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY)

    with time_machine.travel(moment, tick=True):
        method = stripe_env.payment_method(VISA)
        if paid:
            transaction_process(item=step.transaction, payment_method_id=method)
        else:
            with pytest.raises(DomainError):
                transaction_process(item=step.transaction, payment_method_id=method)

    card_order.refresh_from_db()
    if paid:
        assert (card_order.charge_status, card_order.status) == (OrderChargeStatus.FULL, OrderStatus.UNFULFILLED)
    else:
        assert stripe_env.intent(step.transaction.psp_reference)["status"] == "canceled"
        _assert_withdrawn(card_order, OrderLineCancelReason.CERTIFICATE_EXPIRED, at=moment)


def test_only_the_revoked_line_is_withdrawn_and_the_card_asks_for_the_rest(
        stripe_env, catalog, warehouse, checkout_builder):
    from marketplace.checkout import services as checkout_services

    honey = catalog.product("Mật ong hoa nhãn", stock=0, price=100_000).variants.get()
    tea = catalog.product("Chè Shan tuyết", stock=0, price=60_000).variants.get()
    for variant in (honey, tea):
        stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)
    checkout = checkout_builder.ready(honey, 2)
    checkout_services.checkout_lines_add(checkout=checkout, lines=[checkout_services.LineInput(
        variant_id=tea.pk, quantity=1)])
    order = checkout_complete(checkout_token=checkout.pk)
    first = transaction_initialize(order=order, gateway=STRIPE_GATEWAY)
    Certificate.objects.filter(product_id=tea.product_id).update(stars=2)  # downgraded below 3 stars

    again = transaction_initialize(order=order, gateway=STRIPE_GATEWAY)
    paid = transaction_process(item=again.transaction, payment_method_id=stripe_env.payment_method(VISA))

    order.refresh_from_db()
    assert stripe_env.intent(first.transaction.psp_reference)["status"] == "canceled"
    assert stripe_env.intent(again.transaction.psp_reference)["amount"] == 225_000  # 2 × 100.000 + 25.000
    assert paid.event.type == TransactionEventType.CHARGE_SUCCESS
    assert (order.status, order.charge_status, order.total_amount) == (
        OrderStatus.UNFULFILLED, OrderChargeStatus.FULL, 225_000)
    assert {line.product_name: line.cancel_reason for line in order.lines.all()} == {
        "Mật ong hoa nhãn": "", "Chè Shan tuyết": OrderLineCancelReason.CERTIFICATE_DOWNGRADED}
    assert Stock.objects.get(product_variant=tea).quantity_allocated == 0


def test_the_api_answers_a_payment_after_revocation_with_a_coded_error(client, stripe_env, card_order):
    import json

    from graphql_relay import to_global_id

    item = transaction_initialize(order=card_order, gateway=STRIPE_GATEWAY).transaction
    _revoke(card_order)
    query = """mutation($id: ID!, $data: JSON) { transactionProcess(id: $id, data: $data) {
        transaction { chargedAmount { amount } } errors { field message code } } }"""
    variables = {"id": to_global_id("TransactionItem", str(item.token)),
                 "data": {"paymentMethodId": stripe_env.payment_method(VISA)}}

    response = client.post("/graphql/", data=json.dumps({"query": query, "variables": variables}),
                           content_type="application/json")

    [error] = response.json()["data"]["transactionProcess"]["errors"]
    assert response.status_code == 200 and (error["code"], error["field"]) == ("INVALID", "id")
    assert "Mật ong hoa nhãn" in error["message"] and "Bạn không bị trừ tiền" in error["message"]
    assert stripe_env.intent(item.psp_reference)["status"] == "canceled"
