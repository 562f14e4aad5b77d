"""Fair fixtures (registered in tests/conftest.py): a fair with explicit Vietnam-time dates, and users for the
permission matrix."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from marketplace.account.services import user_create
from marketplace.fair.services import FairData, fair_create

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=VN)


# The fair used across these tests: 10/05/2026 08:00 to 13/05/2026 21:00, Vietnam time.
FAIR_START = vn(2026, 5, 10, 8)
FAIR_END = vn(2026, 5, 13, 21)


@pytest.fixture
def make_fair(db):
    def make(name: str = "Hội chợ OCOP Hà Tĩnh 2026", *, start_at: datetime = FAIR_START,
             end_at: datetime = FAIR_END, province: str = "Hà Tĩnh", **extra):
        return fair_create(data=FairData(name=name, start_at=start_at, end_at=end_at,
                                         venue_name="Quảng trường Thành Sen", province=province, **extra))
    return make


@pytest.fixture
def fair(make_fair):
    return make_fair()


@pytest.fixture
def promo_user(db):
    return user_create(email="promo@example.com", password="x", is_staff=True, roles=["promotion_staff"])


@pytest.fixture
def admin_user(db):
    return user_create(email="admin@example.com", password="x", is_staff=True, is_superuser=True)


@pytest.fixture
def operator_user(db):
    return user_create(email="operator@example.com", password="x", is_staff=True, roles=["sales_point_operator"])


@pytest.fixture
def shopper_user(db):
    return user_create(email="shopper@example.com", password="x")
