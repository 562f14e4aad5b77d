"""Browser tests (Playwright driving Debian's chromium): promotion staff build and publish a fair in the console;
a shopper finds it, sees the booths and the fair price, and adds it to a calendar."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from openpyxl import Workbook

from marketplace.fair.services import (
    FairData,
    booth_create,
    fair_campaign_set,
    fair_create,
    fair_publish,
    zone_create,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture
def ongoing_fair(catalog, channel, warehouse):
    now = timezone.now()
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm Vũng Áng",
                            warehouse=warehouse)
    fair = fair_create(data=FairData(name="Hội chợ OCOP Hà Tĩnh", start_at=now - timedelta(days=1),
                                     end_at=now + timedelta(days=3), venue_name="Quảng trường Thành Sen",
                                     province="Hà Tĩnh"))
    zone = zone_create(fair=fair, name="Khu Hà Tĩnh")
    booth_create(fair=fair, code="A-12", producer_id=sauce.producer_id, zone_id=zone.pk, product_ids=[sauce.pk])
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    return fair_publish(fair=fair, at=now - timedelta(days=2)), sauce


def text(locator) -> str:
    """Visible text with babel's no-break space (between amount and ₫) as a plain space."""
    return locator.inner_text().replace("\xa0", " ")


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])


def test_a_shopper_finds_the_fair_sees_booths_and_fair_prices_and_adds_it_to_a_calendar(page, live_server,
                                                                                        ongoing_fair):
    fair, _ = ongoing_fair
    page.goto(f"{live_server.url}/hoi-cho/")

    ongoing = page.locator("#dang-dien-ra")
    ongoing.get_by_role("link", name="Hội chợ OCOP Hà Tĩnh").click()

    page.wait_for_url(f"**/hoi-cho/{fair.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hội chợ OCOP Hà Tĩnh"
    booth = page.locator("#gian-a-12")
    assert "HTX Nước mắm Vũng Áng" in booth.inner_text()
    price = booth.locator(".fair-price")
    assert "Giá hội chợ" in price.inner_text()
    assert text(price.locator("strong")) == "76.500 ₫"
    assert text(price.locator("s")) == "85.000 ₫"
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Thêm vào lịch (.ics)").click()
    calendar = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR") and "SUMMARY:Hội chợ OCOP Hà Tĩnh" in calendar


def test_promotion_staff_create_import_price_and_publish_a_fair_then_shoppers_see_the_fair_price(
        page, live_server, catalog, channel, promo_user, tmp_path):
    catalog.product("Kẹo cu đơ Phong Nga", price=45_000, producer_name="Cơ sở kẹo cu đơ Phong Nga")
    _log_in(page, live_server, promo_user)
    start = timezone.localtime(timezone.now() - timedelta(hours=2))
    end = start + timedelta(days=3)

    page.goto(f"{live_server.url}/quan-ly/hoi-cho/tao-moi/")
    page.get_by_label("Tên hội chợ").fill("Hội chợ OCOP Nghệ An")
    page.get_by_label("Bắt đầu (giờ Việt Nam)").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Kết thúc (giờ Việt Nam)").fill(end.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Địa điểm").fill("Quảng trường Hồ Chí Minh")
    page.get_by_label("Tỉnh/thành").select_option("nghe-an")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r".*/quan-ly/hoi-cho/hoi-cho-ocop-nghe-an/$"))
    assert "Đã tạo hội chợ" in page.locator(".fair-messages").inner_text()

    workbook = Workbook()
    workbook.active.append(["Mã gian hàng", "Khu", "Chủ thể", "Sản phẩm"])
    workbook.active.append(["A-01", "Khu Nghệ An", "Cơ sở kẹo cu đơ Phong Nga", "Kẹo cu đơ Phong Nga"])
    workbook.active.append(["A-02", "Khu Nghệ An", "HTX Không Có", "Gì đó"])
    file = tmp_path / "gian-hang.xlsx"
    buffer = io.BytesIO()
    workbook.save(buffer)
    file.write_bytes(buffer.getvalue())
    page.get_by_role("link", name="Nhập danh sách từ Excel").click()
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(file))
    page.get_by_role("button", name="Nhập").click()
    issues = page.locator("#import-issues")
    assert "HTX Không Có" in issues.inner_text() and "3" in issues.locator("td").first.inner_text()

    page.get_by_role("link", name="Về trang hội chợ").click()
    page.get_by_role("link", name="Đặt giá hội chợ").click()
    page.get_by_label("Giảm giá toàn hội chợ").select_option("percentage")
    page.locator("#id_reward_value").fill("10")
    page.get_by_role("button", name="Lưu giá hội chợ").click()
    page.get_by_role("button", name="Công bố").click()
    assert "Đã công bố" in page.locator(".fair-messages").inner_text()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/hoi-cho/hoi-cho-ocop-nghe-an/")
    price = page.locator("#gian-a-01 .fair-price")
    assert text(price.locator("strong")) == "40.500 ₫"
    assert text(price.locator("s")) == "45.000 ₫"


def _cart_url() -> str | None:
    try:
        return reverse("storefront:cart")
    except NoReverseMatch:
        return None


@pytest.mark.skipif(_cart_url() is None, reason="The cart page (checkout issue) is not in this build yet; the "
                    "merged build runs this test against it.")
def test_the_fair_price_is_what_the_cart_charges_during_the_fair(page, live_server, ongoing_fair):
    _, sauce = ongoing_fair
    page.goto(f"{live_server.url}{reverse('storefront:product', args=[sauce.slug])}")
    page.get_by_role("button", name=re.compile("Thêm vào giỏ|Mua ngay")).first.click()

    page.goto(f"{live_server.url}{_cart_url()}")

    body = text(page.locator("main"))
    assert "76.500 ₫" in body
