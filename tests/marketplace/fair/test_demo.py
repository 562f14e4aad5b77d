"""The demo fairs: an ongoing one with a 10% campaign and an upcoming one, with booths for producers that have
listable products; running it twice changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.discount.selectors import variant_prices_get
from marketplace.fair.demo import demo_fairs_create
from marketplace.fair.models import Booth, BoothProduct, FairEvent, FairSideEvent
from marketplace.fair.selectors import fair_status
from tests.factories.fair import vn

NOW = vn(2026, 5, 11, 10)


@pytest.mark.django_db
def test_demo_creates_an_ongoing_and_an_upcoming_fair_once(catalog, channel):
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm")
    catalog.product("Rượu 2 sao", stars=2, producer_name="HTX Rượu")

    ongoing, upcoming = demo_fairs_create(now=NOW)
    demo_fairs_create(now=NOW)

    assert FairEvent.objects.count() == 2
    assert (fair_status(fair=ongoing, at=NOW), fair_status(fair=upcoming, at=NOW)) == ("ongoing", "published")
    assert list(Booth.objects.filter(fair=ongoing).values_list("code", "producer__name")) == [
        ("A-01", "HTX Nước mắm")]
    assert BoothProduct.objects.filter(fair=ongoing).count() == 1
    assert FairSideEvent.objects.filter(fair=ongoing).count() == 3
    variant = sauce.variants.get()
    assert variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk, at=NOW)[variant.pk].price == Decimal(
        76_500)


@pytest.mark.django_db
def test_demo_without_products_creates_fairs_without_booths(db):
    demo_fairs_create(now=NOW)

    assert FairEvent.objects.count() == 2
    assert Booth.objects.count() == 0


@pytest.mark.django_db
def test_reseeding_days_later_keeps_the_ongoing_fair_ongoing(catalog):
    catalog.product("Nước mắm Vũng Áng", producer_name="HTX Nước mắm")
    ongoing, _ = demo_fairs_create(now=NOW)
    later = vn(2026, 5, 25, 10)

    ongoing_again, upcoming = demo_fairs_create(now=later)

    assert ongoing_again.pk == ongoing.pk
    assert fair_status(fair=ongoing_again, at=later) == "ongoing"
    assert fair_status(fair=upcoming, at=later) == "published"
