"""Browser tests: Playwright for Python driving Debian's chromium (never `playwright install`)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "locale": "vi-VN", "is_mobile": True,
            "has_touch": True}


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def storefront(live_server, settings, catalog, warehouse):
    """A live site with a small certified catalogue, indexed for search; QR links point at the live server."""
    from marketplace.search.services import search_index_products

    settings.PUBLIC_URL = live_server.url
    catalog.product("Nước mắm Vũng Áng", stars=5, price=120_000, warehouse=warehouse, group_code="I.4.a",
                    certificate_number="15/GCN-UBND", producer_name="HTX Nước mắm Vũng Áng",
                    variants=["Chai 500 ml", "Chai 1 lít"])
    catalog.product("Nước mắm cá cơm Cửa Hội", stars=4, price=90_000, group_code="I.4.a",
                    producer_name="Cơ sở Cửa Hội", province="Nghệ An")
    catalog.product("Kẹo cu đơ Phong Nga", stars=5, price=45_000, warehouse=warehouse, group_code="I.3.b",
                    producer_name="Cơ sở Phong Nga")
    catalog.product("Chè Shan tuyết Suối Giàng", stars=4, price=250_000, group_code="I.5.a",
                    producer_name="HTX Suối Giàng", province="Yên Bái")
    catalog.product("Rượu men lá Tam Đảo", stars=5, price=180_000, group_code="II.1.a",
                    producer_name="HTX Tam Đảo", province="Vĩnh Phúc")
    catalog.product("Mật ong bạc hà", stars=3, price=None, group_code="I.2.b", producer_name="HTX Mèo Vạc",
                    province="Hà Giang")
    catalog.product("Bánh đa vừng cũ", stars=4, group_code="I.3.b", certificate_number="7/GCN-UBND",
                    expires_on=date.today() - timedelta(days=30), producer_name="Cơ sở Bánh đa Kế")
    search_index_products()
    return live_server
