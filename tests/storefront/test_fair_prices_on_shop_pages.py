"""During a fair, the product page and product cards show the fair price (and the price before it) with the
fair badge; outside the fair window they show the channel price."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.fair.services import booth_create, fair_campaign_set, fair_create, fair_publish, zone_create
from marketplace.fair.services.fairs import FairData
from marketplace.search.services import search_index_products


def _text(response) -> str:
    return response.content.decode().replace("\xa0", " ")


@pytest.fixture
def fair_product(catalog, warehouse):
    now = timezone.now()
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm Vũng Áng",
                            warehouse=warehouse)
    fair = fair_create(data=FairData(name="Hội chợ OCOP Hà Tĩnh", start_at=now - timedelta(days=1),
                                     end_at=now + timedelta(days=2), venue_name="Quảng trường", province="Hà Tĩnh"))
    zone = zone_create(fair=fair, name="Khu Hà Tĩnh")
    booth_create(fair=fair, code="A-12", producer_id=sauce.producer_id, zone_id=zone.pk, product_ids=[sauce.pk])
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    fair_publish(fair=fair, at=now - timedelta(days=2))
    search_index_products()
    return sauce


@pytest.mark.django_db
def test_product_page_shows_the_fair_badge_and_fair_price_during_the_fair(client, fair_product):
    page = _text(client.get(reverse("storefront:product", args=[fair_product.slug])))

    assert "Hội chợ OCOP Hà Tĩnh" in page and "Gian A-12" in page
    assert "76.500 ₫" in page  # 85.000 ₫ less 10 %
    assert "<s" in page and "85.000 ₫" in page


@pytest.mark.django_db
def test_catalog_card_shows_the_fair_price_with_the_price_before(client, fair_product):
    page = _text(client.get(reverse("storefront:catalog")))

    assert "76.500 ₫" in page and "85.000 ₫" in page


@pytest.mark.django_db
def test_after_the_fair_the_channel_price_is_back(client, fair_product, monkeypatch):
    later = timezone.now() + timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)

    page = _text(client.get(reverse("storefront:product", args=[fair_product.slug])))

    assert "85.000 ₫" in page
    assert "76.500 ₫" not in page and "Gian A-12" not in page
