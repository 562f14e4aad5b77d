"""Double clicks on the console's submit buttons, as real concurrent requests on PostgreSQL: one sale or one
transfer, and every click gets an ordinary answer (a redirect), never a server error."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from marketplace.salespoint.models import CounterSale, StockTransfer, StockTransferStatus
from marketplace.warehouse.models import Stock

CLICKS = 5


def _url(name, point, *args):
    return reverse(f"storefront:console:{name}", args=[point.warehouse.slug, *args])


def _clicks(client: Client, url: str, data: dict, n: int = CLICKS) -> list[tuple[int, str]]:
    """POST the same form n times at once from the same browser session (same cookies)."""
    barrier = threading.Barrier(n)
    answers: list[tuple[int, str]] = [(0, "")] * n

    def click(i: int) -> None:
        browser = Client(raise_request_exception=False)
        browser.cookies = client.cookies
        try:
            barrier.wait(timeout=20)
            response = browser.post(url, data)
            answers[i] = (response.status_code, response.get("Location", ""))
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    close_old_connections()
    return answers


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_pay_makes_one_sale_and_every_click_lands_on_its_receipt(client, shelf, point_a,
                                                                                    operator_a):
    variant = shelf.variant("Nước mắm", barcode="8930000000017")
    shelf.put(point_a, variant, 5)
    client.force_login(operator_a)
    client.post(_url("counter", point_a), {"action": "add", "code": "8930000000017", "quantity": 2})
    token = client.session[f"counter:{point_a.warehouse_id}:token"]

    answers = _clicks(client, _url("counter", point_a), {"action": "pay", "payment_method": "cash", "token": token})

    sale = CounterSale.objects.get()
    assert answers == [(302, _url("receipt", point_a, sale.number))] * CLICKS
    assert Stock.objects.get(warehouse_id=point_a.warehouse_id, product_variant=variant).quantity == 3


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_create_transfer_makes_one_shipped_transfer(client, shelf, point_a, point_b, operator_a):
    variant = shelf.variant("Kẹo cu đơ")
    stock = shelf.put(point_a, variant, 10)
    client.force_login(operator_a)
    form = client.get(_url("transfers", point_a)).context["form"]
    token = form.initial["token"]

    answers = _clicks(client, _url("transfers", point_a), {
        "destination": point_b.warehouse_id, "note": "", "ship_now": "on", "token": token,
        f"qty_{variant.pk}": "4"})

    transfer = StockTransfer.objects.get()
    assert answers == [(302, _url("transfer", point_a, transfer.pk))] * CLICKS
    assert transfer.status == StockTransferStatus.IN_TRANSIT
    assert Stock.objects.get(pk=stock.pk).quantity == 6
