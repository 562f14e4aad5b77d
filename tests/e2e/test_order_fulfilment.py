"""Browser test at phone size (390×844): the order desk ships a home-delivery order with a carrier and tracking
number in the console, and the shopper's order page (the guest token link) shows the tracking number. Playwright
drives Debian's chromium (never `playwright install`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from marketplace.order.models import OrderStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_delivery_order_is_shipped_with_tracking_and_the_shopper_sees_it(page, live_server, delivery_orders,
                                                                           order_manager, screenshot):
    tea = delivery_orders.variant("Chè Tân Cương", price=120_000, stock=10)
    order = delivery_orders.place([(tea, 2)], email="khach-le@example.com")

    page.goto(live_server.url + "/quan-ly/don-hang/")
    expect(page).to_have_url(re.compile(r"/quan-ly/dang-nhap/"))
    page.get_by_label("Email").fill(order_manager.email)
    page.get_by_label("Mật khẩu").fill("mat-khau-an-toan-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Đơn hàng")).to_be_visible()

    page.get_by_role("link", name=f"Đơn #{order.number}").click()
    expect(page.get_by_role("heading", name=re.compile(f"#{order.number}"))).to_be_visible()
    page.get_by_label("Đơn vị vận chuyển").fill("VNPost")
    page.get_by_label("Mã vận đơn").fill("EB123456789VN")
    page.get_by_role("button", name="Gửi hàng").click()
    expect(page.get_by_role("status")).to_contain_text("Đã ghi nhận gửi hàng")
    expect(page.locator(".tracking")).to_have_text("EB123456789VN")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling on a phone
    screenshot("order-desk-shipped")

    page.context.clear_cookies()
    page.goto(live_server.url + f"/don-hang/{order.pk}/")
    expect(page.get_by_test_id("tracking-number")).to_have_text("EB123456789VN")
    expect(page.get_by_text("VNPost")).to_be_visible()
    screenshot("order-page-tracking")
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
