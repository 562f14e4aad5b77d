"""In a real browser (Playwright driving Debian's chromium): buy a product with pickup and cash, and by card.

Card payments use localstripe's fake Stripe.js (served at <localstripe>/js.stripe.com/v3/, chosen automatically
when STRIPE_API_BASE points at localstripe), since the real Payment Element cannot load offline."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from marketplace.order.models import Order
from tests.factories.checkout import stock_receive

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN"}


@pytest.fixture
def variant(catalog, warehouse, pickup_point, shipping_zones):
    v = catalog.product("Nước mắm Cửa Hội", stock=0, price=95_000).variants.get()
    stock_receive(warehouse=warehouse, variant_id=v.pk, quantity=6)
    return v


def _add_to_cart_and_contact(page: Page, base: str, variant, quantity: int = 2) -> None:
    page.goto(f"{base}/gio-hang/mua/{variant.pk}/")
    page.get_by_label("Số lượng").fill(str(quantity))
    page.get_by_role("button", name="Thêm vào giỏ").click()
    expect(page.get_by_test_id("cart-subtotal")).to_have_text(re.compile(f"{95 * quantity}\\.000"))
    page.get_by_role("link", name="Đặt hàng").click()
    page.get_by_label("Email nhận xác nhận đơn").fill("thu@example.com")
    page.get_by_label("Họ và tên").fill("Phạm Thu")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_role("button", name="Tiếp tục").click()


def test_add_to_cart_pickup_at_a_sales_point_pay_cash_and_see_the_order(page: Page, live_server, variant, warehouse):
    _add_to_cart_and_contact(page, live_server.url, variant)

    page.get_by_label(re.compile(warehouse.name)).check()
    page.get_by_role("button", name="Nhận tại điểm bán này").click()
    expect(page.get_by_test_id("checkout-total")).to_have_text(re.compile(r"190\.000"))
    page.get_by_label("Trả tiền mặt khi nhận tại điểm bán").check()
    page.get_by_role("button", name=re.compile("Đặt hàng")).click()

    expect(page.get_by_text("Đặt hàng thành công!")).to_be_visible()
    order = Order.objects.get()
    expect(page.get_by_role("heading", name=f"Đơn hàng #{order.number}")).to_be_visible()
    expect(page.get_by_test_id("order-status")).to_have_text("Đang xử lý")
    expect(page.get_by_test_id("payment-status")).to_have_text("Trả tiền khi nhận tại điểm bán")
    assert order.collection_point_id == warehouse.pk and order.total_amount == 190_000


def _home_delivery_to_hanoi(page: Page) -> None:
    page.locator("summary", has_text="Giao hàng tận nơi").click()
    page.get_by_label("Người nhận").fill("Phạm Thu")
    page.locator("#id_phone").fill("0912345678")
    page.get_by_label("Số nhà, tên đường").fill("12 Hàng Bạc")
    page.get_by_label("Xã/phường").fill("Phường Hoàn Kiếm")
    page.get_by_label("Tỉnh/thành phố").select_option("Hà Nội")
    page.get_by_role("button", name="Lưu địa chỉ").click()
    page.get_by_label(re.compile("Giao hàng tiêu chuẩn")).check()
    page.get_by_role("button", name="Giao đến địa chỉ này").click()
    expect(page.get_by_test_id("checkout-total")).to_have_text(re.compile(r"120\.000"))


def _card(page: Page, number: str) -> None:
    card = page.locator("#payment-element")
    card.get_by_placeholder("number").fill(number)
    card.get_by_placeholder("exp_month").fill("12")
    card.get_by_placeholder("exp_year").fill("30")
    card.get_by_placeholder("cvc").fill("123")
    card.get_by_placeholder("postal_code").fill("10000")


def test_pay_by_card_with_the_stripe_test_card(page: Page, live_server, variant, stripe_env):
    _add_to_cart_and_contact(page, live_server.url, variant, quantity=1)
    _home_delivery_to_hanoi(page)

    page.get_by_label(re.compile("Thẻ quốc tế")).check()
    _card(page, "4242424242424242")
    page.get_by_role("button", name=re.compile("Đặt hàng")).click()

    expect(page.get_by_text("Đặt hàng thành công!")).to_be_visible()
    expect(page.get_by_test_id("payment-status")).to_have_text("Đã thanh toán")
    order = Order.objects.get()
    assert (order.charge_status, order.total_charged_amount) == ("full", 120_000)
    assert stripe_env.intent(order.transactions.get().psp_reference)["amount"] == 120_000


def test_a_declined_card_then_3d_secure_card_pays_the_same_order(page: Page, live_server, variant, stripe_env):
    _add_to_cart_and_contact(page, live_server.url, variant, quantity=1)
    _home_delivery_to_hanoi(page)
    page.get_by_label(re.compile("Thẻ quốc tế")).check()
    _card(page, "4000000000000341")
    page.get_by_role("button", name=re.compile("Đặt hàng")).click()

    expect(page.get_by_role("alert").filter(has_text="Thẻ bị từ chối")).to_be_visible()
    expect(page.get_by_test_id("payment-status")).to_have_text("Chưa thanh toán")
    _card(page, "4000002760003184")
    page.get_by_role("button", name=re.compile("Thanh toán ·")).click()
    page.get_by_role("button", name="Complete authentication").click()  # localstripe's 3-D Secure pop-up

    expect(page.get_by_test_id("payment-status")).to_have_text("Đã thanh toán")
    assert Order.objects.get().charge_status == "full"
