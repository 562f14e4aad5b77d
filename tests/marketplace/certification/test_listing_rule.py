"""The listing rule: shown and sold only with an active certificate of 3+ stars that has not expired *now*."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from marketplace.certification import selectors

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stars", "status", "listable"),
    [(3, "active", True), (5, "active", True), (2, "active", False), (4, "revoked", False),
     (4, "superseded", False), (4, "expired", False)],
)
def test_rule_by_stars_and_status(catalog, stars, status, listable):
    product = catalog.product("Nước mắm Vũng Áng", stars=stars, status=status)

    assert selectors.product_is_listable(product_id=product.pk) is listable
    assert (product in selectors.products_listable()) is listable


@pytest.mark.django_db
def test_expiry_takes_effect_at_midnight_in_vietnam_without_any_sync(catalog):
    product = catalog.product("Kẹo cu đơ", expires_on=date(2027, 3, 31))
    last_minute = datetime(2027, 3, 31, 23, 59, tzinfo=VN)
    next_day = datetime(2027, 4, 1, 0, 0, tzinfo=VN)

    assert selectors.product_is_listable(product_id=product.pk, at=last_minute)
    assert not selectors.product_is_listable(product_id=product.pk, at=next_day)
    assert not selectors.products_listable(at=next_day).filter(pk=product.pk).exists()


@pytest.mark.django_db
def test_verification_says_expired_for_a_past_expiry(catalog):
    catalog.product("Chè Shan tuyết", certificate_number="7/GCN-UBND",
                    expires_on=date.today() - timedelta(days=1))

    result = selectors.certificate_verify(number="7/gcn-ubnd")

    assert result is not None and result.state == "expired" and not result.is_valid
