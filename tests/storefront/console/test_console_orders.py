"""The order desk in the console: who may open the order list and page (and who is refused, changing nothing),
filters, shipping lines with a tracking number, bad input, and the shopper's order page showing the tracking."""

from __future__ import annotations

import pytest
from django.urls import reverse

from marketplace.order.models import Fulfillment, OrderStatus
from marketplace.warehouse.models import Stock

pytestmark = pytest.mark.django_db

MATRIX = [("anonymous", "login"), ("shopper", 403), ("operator", 403), ("order_manager", 200), ("admin", 200)]


@pytest.fixture
def order(delivery_orders):
    tea = delivery_orders.variant("Chè Tân Cương", price=120_000, stock=10)
    return delivery_orders.place([(tea, 3)], email="khach-le@example.com")


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def fulfil_post(order, warehouse, quantity, tracking="VN123456789VN"):
    line = order.lines.get()
    return {"action": "fulfil", f"qty_{line.pk}": str(quantity), "warehouse": str(warehouse.pk),
            "carrier": "VNPost", "tracking_number": tracking}


@pytest.mark.parametrize("role,expected", MATRIX)
def test_order_pages_permission_matrix(client, staff_roles, role, expected, order):
    as_user(client, staff_roles[role])

    for url in (reverse("storefront:console:orders"), reverse("storefront:console:order", args=[order.pk])):
        response = client.get(url)
        if expected == "login":
            assert response.status_code == 302 and "/quan-ly/dang-nhap/" in response["Location"]
        else:
            assert response.status_code == expected
            if expected == 403:
                assert b"PERMISSION_DENIED" in response.content


@pytest.mark.parametrize("role,expected", MATRIX)
@pytest.mark.parametrize("action", ["fulfil", "cancel", "mark_paid", "refund"])
def test_order_actions_refused_change_nothing(client, staff_roles, role, expected, action, order, warehouse):
    as_user(client, staff_roles[role])
    data = fulfil_post(order, warehouse, 1) if action == "fulfil" else {"action": action, "amount": "1000"}

    response = client.post(reverse("storefront:console:order", args=[order.pk]), data)

    order.refresh_from_db()
    if expected in ("login", 403):
        assert response.status_code in (302, 403)
        assert (order.status, order.charge_status, Fulfillment.objects.count()) == (
            OrderStatus.UNFULFILLED, "none", 0)
    else:
        assert response.status_code == 302


def test_order_list_searches_and_filters(client, order_manager, order, delivery_orders):
    honey = delivery_orders.variant("Mật ong bạc hà", price=200_000, stock=5)
    other = delivery_orders.place([(honey, 1)], email="binh@example.com")
    as_user(client, order_manager)
    url = reverse("storefront:console:orders")

    def numbers(**params):
        page = client.get(url, params).context["page"]
        return [o.number for o in page]

    assert numbers() == [other.number, order.number]
    assert numbers(q="binh@") == [other.number]
    assert numbers(q=str(order.number)) == [order.number]
    assert numbers(status="canceled") == []
    assert numbers(charge="none", customer="khach-le") == [order.number]


def test_ship_part_then_the_rest_with_tracking_and_see_the_timeline(client, order_manager, order, warehouse):
    as_user(client, order_manager)
    url = reverse("storefront:console:order", args=[order.pk])

    client.post(url, fulfil_post(order, warehouse, 1))
    client.post(url, fulfil_post(order, warehouse, 2, tracking="VN987"))
    page = client.get(url)

    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    assert list(Fulfillment.objects.order_by("pk").values_list("tracking_number", flat=True)) == [
        "VN123456789VN", "VN987"]
    html = page.content.decode()
    assert "VN987" in html and "Gửi hàng" in html


def test_over_fulfilment_and_bad_quantities_show_a_message_and_write_nothing(client, order_manager, order,
                                                                            warehouse):
    as_user(client, order_manager)
    url = reverse("storefront:console:order", args=[order.pk])

    for bad in ("4", "-1", "1.5", "abc"):
        response = client.post(url, fulfil_post(order, warehouse, bad), follow=True)
        assert response.status_code == 200
        assert any(m.level_tag == "error" for m in response.context["messages"])

    assert Fulfillment.objects.count() == 0
    stock = Stock.objects.get(warehouse=warehouse)
    assert (stock.quantity, stock.quantity_allocated) == (10, 3)


def test_bad_refund_amount_is_a_message(client, order_manager, order):
    as_user(client, order_manager)
    url = reverse("storefront:console:order", args=[order.pk])
    client.post(url, {"action": "mark_paid"})

    response = client.post(url, {"action": "refund", "amount": "-5000"}, follow=True)

    assert [m.message for m in response.context["messages"]][-1].endswith("(INVALID)")
    order.refresh_from_db()
    assert (order.charge_status, order.total_refunded_amount) == ("full", 0)


def test_the_shopper_order_page_shows_the_tracking_number(client, order_manager, order, warehouse):
    as_user(client, order_manager)
    client.post(reverse("storefront:console:order", args=[order.pk]), fulfil_post(order, warehouse, 3))
    client.logout()

    page = client.get(reverse("storefront:order_detail", args=[order.pk])).content.decode()

    assert "VN123456789VN" in page and "VNPost" in page
