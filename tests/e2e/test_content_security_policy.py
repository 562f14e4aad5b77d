"""The content security policy is on, and the shop's pages, the consoles and the card payment page (Stripe.js from
localstripe, the map) run under it without a single violation reported by Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_checkout import _add_to_cart_and_contact, _home_delivery_to_hanoi, variant  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def violations(page: Page):
    """CSP violations, from the page's own event and from the console (which also catches blocked loads)."""
    found: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: found.append(message.text)
            if "Content Security Policy" in message.text else None)

    def read() -> list[str]:
        return found + page.evaluate("window.__cspViolations || []")

    return read


def test_the_shop_and_console_pages_load_without_csp_violations(page: Page, storefront, violations):
    paths = ["/", "/san-pham/", "/san-pham/?q=nuoc+mam&stars=5", "/diem-ban/", "/hoi-cho/", "/verify/",
             "/gio-hang/", "/account/login/", "/account/register/", "/quan-ly/dang-nhap/", "/admin/login/"]
    for path in paths:
        response = page.goto(storefront.url + path)
        assert response.status == 200, path
        assert response.headers.get("content-security-policy"), path
        page.wait_for_load_state("networkidle")
        assert violations() == [], path

    page.goto(storefront.url + "/san-pham/?q=nuoc+mam")
    page.get_by_role("link", name="Nước mắm Vũng Áng").click()
    page.wait_for_load_state("networkidle")
    assert violations() == []


def test_the_card_payment_page_runs_stripe_js_under_the_policy(page: Page, live_server, variant,  # noqa: F811
                                                               stripe_env, violations):
    _add_to_cart_and_contact(page, live_server.url, variant, quantity=1)
    _home_delivery_to_hanoi(page)

    page.get_by_label(re.compile("Thẻ quốc tế")).check()
    page.wait_for_load_state("networkidle")

    expect(page.get_by_role("button", name=re.compile("Đặt hàng"))).to_be_visible()
    assert violations() == []


def test_the_back_office_pages_load_without_csp_violations(page: Page, live_server, variant, violations):  # noqa: F811
    """Every back-office console (dashboard, catalogue with its rich-text editor, orders, shipping, staff, groups,
    fairs) and the confirm-before-delete buttons work with no inline script or style."""
    from marketplace.account.services import user_create

    user_create(email="quantri@example.com", password="pw-test-123", is_staff=True, is_superuser=True)
    page.goto(live_server.url + "/quan-ly/dang-nhap/")
    page.get_by_label("Email").fill("quantri@example.com")
    page.get_by_label("Mật khẩu").fill("pw-test-123")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
    product_id = variant.product_id
    paths = ["/quan-ly/tong-quan/", "/quan-ly/san-pham/", f"/quan-ly/san-pham/{product_id}/",
             f"/quan-ly/san-pham/{product_id}/noi-dung/", "/quan-ly/san-pham/bang-gia/", "/quan-ly/don-hang/",
             "/quan-ly/van-chuyen/", "/quan-ly/nhan-vien/", "/quan-ly/nhan-vien/them/", "/quan-ly/nhom-quyen/",
             "/quan-ly/hoi-cho/"]
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert violations() == [], path
