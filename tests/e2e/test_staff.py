"""Browser test at phone size: an admin creates a staff member and assigns them a sales point; the new person opens
the emailed set-password link, sets a password and lands on their own console, working at that point. The email
is read from Django's locmem outbox (the test email backend)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from marketplace.account.services import role_groups_ensure, user_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_admin_creates_an_operator_who_sets_a_password_from_the_email_and_works_at_their_point(
        page, live_server, point_a, point_b, screenshot):
    admin = user_create(email="quantri@example.com", password="pw-test-123", is_staff=True)
    admin.groups.add(role_groups_ensure()["admin"])
    mail.outbox = []

    page.goto(live_server.url + "/quan-ly/")
    page.get_by_label("Email").fill("quantri@example.com")
    page.get_by_label("Mật khẩu").fill("pw-test-123")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tổng quan")

    page.get_by_role("link", name="Nhân viên").click()
    page.get_by_role("link", name="Thêm nhân viên").click()
    page.get_by_label("Email").fill("hoa@example.com")
    page.get_by_label("Tên").fill("Hoa")
    page.get_by_label("Trung tâm OCOP Hà Tĩnh").check()
    screenshot("staff-create-phone")
    page.get_by_role("button", name="Tạo và gửi email").click()
    expect(page.get_by_role("status")).to_contain_text("Đã tạo tài khoản hoa@example.com")

    assert [m.to for m in mail.outbox] == [["hoa@example.com"]]
    link = re.search(r"https?://\S+/dat-mat-khau/\S+", mail.outbox[0].body).group(0)
    page.context.clear_cookies()

    page.goto(link)
    page.get_by_label("Mật khẩu mới", exact=True).fill("sen-hong-2026")
    page.get_by_label("Nhập lại mật khẩu mới").fill("sen-hong-2026")
    page.get_by_role("button", name="Đặt mật khẩu").click()

    expect(page).to_have_url(re.compile(r"/quan-ly/diem/$"))
    expect(page.get_by_role("heading", name="Trung tâm OCOP Hà Tĩnh")).to_be_visible()
    expect(page.get_by_text("Điểm bán OCOP Ga Vinh")).to_have_count(0)
    page.get_by_role("link", name="Bán tại quầy").first.click()
    expect(page).to_have_url(re.compile(r"/quan-ly/diem/trung-tam-a/ban-hang/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    screenshot("staff-operator-landing-phone")
