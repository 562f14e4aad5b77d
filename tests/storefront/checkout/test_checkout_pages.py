"""The cart, checkout and order pages through Django's test client (the browser tests are in tests/e2e)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.certification.models import Certificate
from marketplace.order.models import Order
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def variant(catalog, warehouse, pickup_point, shipping_zones):
    v = catalog.product("Chè Shan tuyết", stock=0, price=150_000).variants.get()
    stock_receive(warehouse=warehouse, variant_id=v.pk, quantity=8)
    return v


def _contact(client, email="lan@example.com"):
    client.post(reverse("storefront:checkout_contact"), {"email": email, "name": "Lan", "phone": "0912345678"})


def _add(client, variant, quantity=2):
    return client.post(reverse("storefront:cart-add"), {"variant": variant.pk, "quantity": quantity}, follow=True)


def test_add_to_cart_from_the_product_page_form_and_change_the_quantity(client, variant):
    page = _add(client, variant, 2)
    assert "300.000" in page.content.decode() and "Đã thêm vào giỏ hàng." in page.content.decode()

    line_id = page.context["info"].lines[0].line.id
    page = client.post(reverse("storefront:cart_line_update", args=[line_id]), {"quantity": 3}, follow=True)
    assert page.context["info"].lines[0].line.quantity == 3

    page = client.post(reverse("storefront:cart_line_update", args=[line_id]), {"quantity": 0}, follow=True)
    assert "Giỏ hàng của bạn đang trống." in page.content.decode()


def test_every_refusal_is_explained(client, variant):
    page = _add(client, variant, 0)
    assert "Số lượng phải lớn hơn 0." in page.content.decode()

    page = _add(client, variant, 9)
    assert "Không đủ hàng cho số lượng bạn chọn." in page.content.decode()
    assert "Chỉ còn 8 sản phẩm trong kho." in page.content.decode()


def test_guest_buys_with_pickup_and_cash_then_opens_the_order_link(client, variant, warehouse):
    _add(client, variant, 2)
    client.post(reverse("storefront:checkout_contact"),
                {"email": "lan@example.com", "name": "Nguyễn Lan", "phone": "0912 345 678"})
    page = client.get(reverse("storefront:checkout_delivery"))
    assert [p.pk for p in page.context["points"]] == [warehouse.pk]

    client.post(reverse("storefront:checkout_delivery"), {"action": "pickup", "point": warehouse.pk})
    page = client.get(reverse("storefront:checkout_payment"))
    assert "Trả tiền mặt khi nhận tại điểm bán" in page.content.decode()
    placed = client.post(reverse("storefront:checkout_place"), {"gateway": "ocop.cash-on-delivery"}, follow=True)

    order = Order.objects.get()
    body = placed.content.decode()
    assert placed.redirect_chain[-1][0] == reverse("storefront:order_detail", args=[order.pk]) + "?placed=1"
    assert "Đặt hàng thành công!" in body and warehouse.name in body and "300.000" in body
    assert "Trả tiền khi nhận tại điểm bán" in body


def test_home_delivery_to_another_region_costs_the_other_region_rate(client, variant):
    _add(client, variant, 1)
    _contact(client)

    page = client.post(reverse("storefront:checkout_delivery"), {
        "action": "address", "name": "Lan", "phone": "0912345678", "street": "1 Lê Lợi", "commune": "Phường Thuận Hóa",
        "province": "Huế"}, follow=True)
    assert [o.price for o in page.context["info"].available_shipping] == [40_000]

    method = page.context["info"].available_shipping[0].method.pk
    page = client.post(reverse("storefront:checkout_delivery"), {"action": "method", "method": method}, follow=True)
    assert page.context["info"].total == 190_000


def test_an_address_in_an_unknown_province_is_refused_with_a_message(client, variant):
    _add(client, variant, 1)
    _contact(client)

    page = client.post(reverse("storefront:checkout_delivery"), {
        "action": "address", "name": "Lan", "phone": "0912345678", "street": "1 Lê Lợi", "commune": "Xã Mới",
        "province": "Không Có"}, follow=True)

    assert page.context["form"].errors["province"]  # not one of the 34 choices
    assert page.context["info"].checkout.shipping_address is None


def test_a_lapsed_certificate_stops_the_order_with_a_message(client, variant, warehouse):
    _add(client, variant, 1)
    _contact(client)
    client.post(reverse("storefront:checkout_delivery"), {"action": "pickup", "point": warehouse.pk})
    Certificate.objects.filter(product=variant.product).update(expires_on=timezone.localdate() - timedelta(days=1))

    page = client.post(reverse("storefront:checkout_place"), {"gateway": "ocop.cash-on-delivery"}, follow=True)

    assert "chứng nhận OCOP không còn hiệu lực" in page.content.decode()
    assert not Order.objects.exists()


def test_a_signed_in_shopper_sees_the_order_in_the_history(client, variant, warehouse, shopper):
    client.post(reverse("storefront:login"), {"email": shopper.email, "password": "mat-khau-an-toan-2026"})
    _add(client, variant, 1)
    _contact(client, shopper.email)
    client.post(reverse("storefront:checkout_delivery"), {"action": "pickup", "point": warehouse.pk})
    client.post(reverse("storefront:checkout_place"), {"gateway": "ocop.cash-on-delivery"})

    page = client.get(reverse("storefront:account_orders"))

    order = Order.objects.get()
    assert order.user_id == shopper.pk
    assert f"#{order.number}" in page.content.decode()


def test_the_order_history_needs_sign_in(client):
    response = client.get(reverse("storefront:account_orders"))

    assert response.status_code == 302 and response["Location"].startswith("/account/login/")
