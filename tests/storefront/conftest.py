from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import translation

from marketplace.product.models import Product
from marketplace.search.services import search_index_products

MAX_QUERIES_PER_PAGE = 10


@pytest.fixture(autouse=True)
def _vietnamese_first():
    """Each test starts in the default language: a request to /en/ leaves English active in the thread."""
    translation.activate("vi")
    yield
    translation.deactivate()


@dataclass
class Shop:
    fish_sauce: Product
    fish_sauce_2: Product
    candy: Product
    tea: Product
    wine: Product
    not_on_sale: Product


@pytest.fixture
def shop(catalog, warehouse) -> Shop:
    """A small catalogue: three 5★, two 4★, one 3★ without a price; one from old Vĩnh Phúc (now Phú Thọ)."""
    shop = Shop(
        fish_sauce=catalog.product("Nước mắm Vũng Áng", stars=5, price=120_000, warehouse=warehouse,
                                   group_code="I.4.a", certificate_number="15/GCN-UBND",
                                   variants=["Chai 500 ml", "Chai 1 lít"],
                                   producer_name="HTX Nước mắm Vũng Áng"),
        fish_sauce_2=catalog.product("Nước mắm cá cơm Cửa Hội", stars=4, price=90_000, group_code="I.4.a",
                                     producer_name="Cơ sở Cửa Hội", province="Nghệ An"),
        candy=catalog.product("Kẹo cu đơ Phong Nga", stars=5, price=45_000, warehouse=warehouse,
                              group_code="I.3.b", producer_name="Cơ sở Phong Nga"),
        tea=catalog.product("Chè Shan tuyết Suối Giàng", stars=4, price=250_000, group_code="I.5.a",
                            producer_name="HTX Suối Giàng", province="Yên Bái"),
        wine=catalog.product("Rượu men lá Tam Đảo", stars=5, price=180_000, group_code="II.1.a",
                             producer_name="HTX Tam Đảo", province="Vĩnh Phúc"),
        not_on_sale=catalog.product("Mật ong bạc hà", stars=3, price=None, group_code="I.2.b",
                                    producer_name="HTX Mèo Vạc", province="Hà Giang"),
    )
    search_index_products()
    return shop
