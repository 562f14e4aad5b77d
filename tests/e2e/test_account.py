"""Browser test at phone size: a shopper who forgot their password asks for a link, opens it from the demo's
local mailbox page (/dev/mailbox/, the mailbox email backend as `bin/demo` runs it), sets a new password and is
signed in; the old password no longer works."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from marketplace.account.services import user_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_shopper_resets_a_forgotten_password_from_the_demo_mailbox(page, live_server, settings, tmp_path,
                                                                     screenshot):
    settings.DEBUG, settings.MAILBOX_DIR = True, tmp_path
    settings.EMAIL_BACKEND = "marketplace.core.mailbox.MailboxBackend"
    settings.PUBLIC_URL = live_server.url
    user_create(email="lan@example.com", password="old-pass-123", first_name="Lan")

    page.goto(live_server.url + "/account/login/")
    page.get_by_role("link", name=re.compile("Quên mật khẩu")).click()
    page.get_by_label("Email").fill("lan@example.com")
    page.get_by_role("button", name="Gửi liên kết").click()
    expect(page.get_by_role("status")).to_be_visible()

    page.goto(live_server.url + "/dev/mailbox/")
    page.get_by_role("link", name=re.compile("đặt lại mật khẩu")).first.click()
    screenshot("mailbox-reset-email-phone")
    page.locator("a[href*='/dat-mat-khau/']").click()
    page.get_by_label("Mật khẩu mới", exact=True).fill("sen-hong-2026")
    page.get_by_label("Nhập lại mật khẩu mới").fill("sen-hong-2026")
    page.get_by_role("button", name="Đặt mật khẩu").click()

    expect(page).to_have_url(re.compile(r"/account/orders/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    page.context.clear_cookies()
    page.goto(live_server.url + "/account/login/")
    page.get_by_label("Email").fill("lan@example.com")
    page.get_by_label("Mật khẩu").fill("sen-hong-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/account/orders/$"))
