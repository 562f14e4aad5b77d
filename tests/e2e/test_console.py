"""Browser test of the console on a tablet: an operator signs in, receives stock by scanning its barcode, sells at
the counter, prints the receipt, and sees the line appear in the low-stock alerts. Playwright drives Debian's
chromium (never `playwright install`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.models import CounterSale

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
TABLET = {"width": 1024, "height": 768}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": TABLET, "locale": "vi-VN", "has_touch": True}


def test_receive_then_sell_at_the_counter_raises_a_low_stock_alert(page, live_server, shelf, point_a, point_b,
                                                                    operator_a):
    shelf.variant("Kẹo cu đơ Phong Nga", price=45_000, barcode="8938505970012")
    console = live_server.url + "/quan-ly/"

    page.goto(console)
    expect(page).to_have_url(re.compile(r"/quan-ly/dang-nhap/"))
    page.get_by_label("Email").fill("op-a@example.com")
    page.get_by_label("Mật khẩu").fill("pw-test-123")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Trung tâm OCOP Hà Tĩnh")).to_be_visible()
    expect(page.get_by_text("Điểm bán OCOP Ga Vinh")).to_have_count(0)

    page.get_by_role("link", name="Nhập hàng").first.click()
    page.get_by_label("Tìm sản phẩm (tên, SKU hoặc quét mã vạch)").fill("8938505970012")
    page.keyboard.press("Enter")
    page.get_by_label("Số lượng nhận").fill("6")
    page.get_by_label("Số phiếu giao hàng").fill("PGH-0153")
    page.get_by_role("button", name="Nhập kho").click()
    expect(page.get_by_role("status")).to_contain_text("Đã nhập 6")

    page.get_by_role("link", name="Cảnh báo").click()
    expect(page.locator("tr.low-alert")).to_have_count(0)

    page.goto(console + f"diem/{point_a.warehouse.slug}/ban-hang/")
    page.get_by_label("Quét mã vạch hoặc nhập SKU").fill("8938505970012")
    page.keyboard.press("Enter")
    page.get_by_label("Số lượng", exact=True).fill("3")
    page.get_by_role("button", name="Cập nhật số lượng").click()
    expect(page.locator(".total")).to_have_text(re.compile(r"135\.000"))
    page.get_by_label("Khách đưa (đ)").fill("200000")
    page.get_by_role("button", name=re.compile("^Thanh toán")).click()

    expect(page.get_by_role("heading", name="HÓA ĐƠN BÁN HÀNG")).to_be_visible()
    sale = CounterSale.objects.get()
    expect(page.locator(".receipt-number")).to_have_text(sale.number)
    expect(page.locator(".receipt")).to_contain_text("65.000")  # change due
    expect(page.get_by_role("button", name="In hóa đơn")).to_be_visible()

    page.get_by_role("link", name="Cảnh báo").click()
    alert = page.locator("tr.low-alert")
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("Kẹo cu đơ Phong Nga")
    expect(alert.locator("td").nth(2)).to_have_text("3")
    assert stock_ledger_mismatches() == []


def test_the_public_page_lists_points_and_draws_markers_without_tiles(page, live_server, settings, point_a,
                                                                     point_b):
    settings.MAP_TILE_URL = ""

    page.goto(live_server.url + "/diem-ban/")

    expect(page.locator(".point-card")).to_have_count(2)
    expect(page.locator("#sales-points-map")).to_have_attribute("data-markers", "2")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)
