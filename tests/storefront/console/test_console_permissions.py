"""Every console page, for anonymous, a shopper, the operator of point A visiting point B, A's operator,
promotion staff and admin: who gets the page, who is sent to sign in, and who is refused with a code."""

from __future__ import annotations

import pytest
from django.urls import reverse

from marketplace.salespoint.models import CounterSale, StockThreshold, StockTransfer
from marketplace.salespoint.services import counter_sale_create, stock_transfer_create
from marketplace.warehouse.models import StockMovement

WHO = ["anonymous", "shopper", "operator_a_on_b", "operator_a", "promo", "admin_user"]


@pytest.fixture
def world(shelf, point_a, point_b, operator_a, operator_b):
    variant = shelf.variant("Cu đơ", barcode="8930001")
    stock_a = shelf.put(point_a, variant, 20)
    stock_b = shelf.put(point_b, variant, 20)
    sale_a = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                                 payment_method="cash")
    sale_b = counter_sale_create(actor=operator_b, warehouse_id=point_b.warehouse_id, lines=[(variant.pk, 1)],
                                 payment_method="cash")
    t_a = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                destination_id=point_b.warehouse_id, lines=[(variant.pk, 1)])
    t_b = stock_transfer_create(actor=operator_b, source_id=point_b.warehouse_id,
                                destination_id=point_a.warehouse_id, lines=[(variant.pk, 1)])
    return {"a": {"slug": point_a.warehouse.slug, "stock": stock_a.pk, "sale": sale_a.number, "transfer": t_a.pk},
            "b": {"slug": point_b.warehouse.slug, "stock": stock_b.pk, "sale": sale_b.number, "transfer": t_b.pk},
            "variant": variant.pk, "dest": {"a": point_b.warehouse_id, "b": point_a.warehouse_id}}


PAGES = {
    "stock": lambda p: reverse("storefront:console:stock", args=[p["slug"]]),
    "receive": lambda p: reverse("storefront:console:receive", args=[p["slug"]]),
    "adjust": lambda p: reverse("storefront:console:adjust", args=[p["slug"]]) + f"?stock={p['stock']}",
    "transfers": lambda p: reverse("storefront:console:transfers", args=[p["slug"]]),
    "transfer": lambda p: reverse("storefront:console:transfer", args=[p["slug"], p["transfer"]]),
    "counter": lambda p: reverse("storefront:console:counter", args=[p["slug"]]),
    "receipt": lambda p: reverse("storefront:console:receipt", args=[p["slug"], p["sale"]]),
    "pickups": lambda p: reverse("storefront:console:pickups", args=[p["slug"]]),
    "ledger": lambda p: reverse("storefront:console:ledger", args=[p["slug"]]),
    "ledger_csv": lambda p: reverse("storefront:console:ledger", args=[p["slug"]]) + "?format=csv",
}

POSTS = {
    "receive": ("receive", lambda w: {"variant": w["variant"], "quantity": 3, "delivery_note": "PGH-1"}),
    "adjust": ("adjust", lambda w: {"variant": w["variant"], "counted_quantity": 5, "reason": "Đếm lại"}),
    "threshold": ("threshold", lambda w: {"threshold": 2}),
    "transfer_create": ("transfers", lambda w: {"destination": w["dest"], f"qty_{w['variant']}": 1,
                                                "ship_now": "on"}),
    "transfer_ship": ("transfer", lambda w: {"action": "ship"}),
    "counter_sale": ("counter", lambda w: {"action": "pay", "payment_method": "cash", "token": "tok"}),
    "receipt_void": ("receipt", lambda w: {"action": "void", "reason": "Nhầm"}),
}


def _login(client, request, who):
    if who == "anonymous":
        return "a"
    if who == "operator_a_on_b":
        client.force_login(request.getfixturevalue("operator_a"))
        return "b"
    client.force_login(request.getfixturevalue(who))
    return "a"


def _state():
    return (StockMovement.objects.count(), StockThreshold.objects.count(),
            sorted(StockTransfer.objects.values_list("pk", "status")),
            sorted(CounterSale.objects.values_list("pk", "status")))


@pytest.mark.django_db
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_console_pages_open_only_for_the_points_own_staff(client, request, world, who, page):
    point = _login(client, request, who)

    response = client.get(PAGES[page](world[point]))

    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/quan-ly/dang-nhap/")
    elif who == "shopper":
        assert response.status_code == 403 and b'data-error-code="PERMISSION_DENIED"' in response.content
    elif who == "operator_a_on_b":
        assert response.status_code == 403 and b'data-error-code="OUT_OF_SCOPE"' in response.content
    else:
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", sorted(POSTS))
def test_console_actions_change_stock_only_for_the_points_own_staff(client, request, world, who, action):
    point = _login(client, request, who)
    target = world[point]
    page, data = POSTS[action]
    if action == "threshold":
        url = reverse("storefront:console:threshold", args=[target["slug"], target["stock"]])
    elif action == "adjust":
        url = PAGES["adjust"](target)
    else:
        url = PAGES[page](target)
    payload = data({**world, "dest": world["dest"][point]})
    if action == "adjust":
        payload["stock"] = target["stock"]
    if action == "counter_sale":
        session = client.session
        session[f"counter:{_warehouse(point, request)}"] = {str(world["variant"]): 1}
        session.save()
    before = _state()

    response = client.post(url, payload)

    if who in ("operator_a", "promo", "admin_user"):
        assert response.status_code == 302
        assert _state() != before
    else:
        assert response.status_code in (302, 403)
        assert _state() == before
        if who == "operator_a_on_b":
            assert b'data-error-code="OUT_OF_SCOPE"' in response.content


def _warehouse(point: str, request) -> int:
    return request.getfixturevalue("point_a" if point == "a" else "point_b").warehouse_id
