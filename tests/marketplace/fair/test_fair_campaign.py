"""The fair campaign: fair prices exist only while the fair is published and running, follow its dates, may
differ per booth, and a campaign that would overlap another on the same product is refused whole."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from marketplace.core.errors import DomainError
from marketplace.discount.models import Promotion
from marketplace.discount.selectors import variant_prices_get
from marketplace.fair.models import BoothProduct, FairEvent
from marketplace.fair.services import (
    booth_create,
    booth_products_set,
    fair_campaign_clear,
    fair_campaign_set,
    fair_data_of,
    fair_publish,
    fair_unpublish,
    fair_update,
)
from tests.factories.fair import FAIR_END, FAIR_START, vn

BEFORE_PUBLISHING = vn(2026, 4, 1)


def _price(product, channel, at):
    variant = product.variants.get()
    return variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk, at=at)[variant.pk].price


@pytest.fixture
def stall(fair, catalog):
    """A fair with two booths: A-01 (fish sauce 85 000 ₫) and A-02 (candy 45 000 ₫)."""
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm")
    candy = catalog.product("Kẹo cu đơ", price=45_000, producer_name="Cơ sở Kẹo")
    a1 = booth_create(fair=fair, code="A-01", producer_id=sauce.producer_id, product_ids=[sauce.pk],
                      at=BEFORE_PUBLISHING)
    a2 = booth_create(fair=fair, code="A-02", producer_id=candy.producer_id, product_ids=[candy.pk],
                      at=BEFORE_PUBLISHING)
    return fair, sauce, candy, a1, a2


@pytest.mark.django_db
def test_the_fair_price_runs_exactly_for_the_fairs_dates_once_published(stall, channel):
    fair, sauce, _, _, _ = stall
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    fair_publish(fair=fair, at=BEFORE_PUBLISHING)

    prices = [_price(sauce, channel, t) for t in (FAIR_START - timedelta(seconds=1), FAIR_START,
                                                   FAIR_END - timedelta(seconds=1), FAIR_END)]

    assert prices == [Decimal(85_000), Decimal(76_500), Decimal(76_500), Decimal(85_000)]
    promotion = FairEvent.objects.get(pk=fair.pk).campaign
    assert (promotion.start_date, promotion.end_date) == (FAIR_START, FAIR_END)


@pytest.mark.django_db
def test_a_draft_fair_changes_no_price_and_unpublishing_stops_the_fair_price(stall, channel):
    fair, sauce, _, _, _ = stall
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")

    draft_price = _price(sauce, channel, FAIR_START)
    fair_publish(fair=fair, at=BEFORE_PUBLISHING)
    published_price = _price(sauce, channel, FAIR_START)
    fair_unpublish(fair=fair, at=BEFORE_PUBLISHING)
    withdrawn_price = _price(sauce, channel, FAIR_START)

    assert (draft_price, published_price, withdrawn_price) == (Decimal(85_000), Decimal(76_500), Decimal(85_000))
    assert Promotion.objects.count() == 0


@pytest.mark.django_db
def test_a_booth_reward_replaces_the_fair_wide_one_for_that_booth(stall, channel):
    fair, sauce, candy, _, a2 = stall
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10",
                      booth_rewards={a2.pk: ("fixed", "5000")})
    fair_publish(fair=fair, at=BEFORE_PUBLISHING)

    assert _price(sauce, channel, FAIR_START) == Decimal(76_500)
    assert _price(candy, channel, FAIR_START) == Decimal(40_000)


@pytest.mark.django_db
def test_products_added_during_the_campaign_get_the_fair_price_and_removed_ones_lose_it(stall, catalog, channel):
    fair, sauce, _, a1, _ = stall
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="20")
    fair_publish(fair=fair, at=BEFORE_PUBLISHING)
    extra = catalog.product("Nước mắm nhĩ", price=100_000)
    extra.producer = sauce.producer
    extra.save()

    booth_products_set(booth=a1, product_ids=[extra.pk], at=BEFORE_PUBLISHING)

    assert _price(extra, channel, FAIR_START) == Decimal(80_000)
    assert _price(sauce, channel, FAIR_START) == Decimal(85_000)


@pytest.mark.django_db
def test_moving_the_fair_moves_its_fair_prices(stall, channel):
    fair, sauce, _, _, _ = stall
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    fair = fair_publish(fair=fair, at=BEFORE_PUBLISHING)
    data = fair_data_of(fair)

    fair_update(fair=fair, data=data.__class__(**{**data.__dict__, "start_at": FAIR_START + timedelta(days=1)}))

    assert _price(sauce, channel, FAIR_START) == Decimal(85_000)
    assert _price(sauce, channel, FAIR_START + timedelta(days=1)) == Decimal(76_500)


@pytest.mark.django_db
def test_two_fairs_at_the_same_time_cannot_both_discount_one_product(stall, make_fair, channel):
    fair, sauce, _, _, _ = stall
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    fair_publish(fair=fair, at=BEFORE_PUBLISHING)
    other = make_fair("Hội chợ Nghệ An", start_at=FAIR_END - timedelta(hours=3), end_at=FAIR_END + timedelta(days=2),
                      province="Nghệ An")
    other_booth = booth_create(fair=other, code="B-01", producer_id=sauce.producer_id, product_ids=[sauce.pk],
                               at=BEFORE_PUBLISHING)

    with pytest.raises(DomainError) as error:
        fair_campaign_set(fair=other, reward_value_type="percentage", reward_value="30")

    assert error.value.code == "campaign_overlap"
    assert "Nước mắm Vũng Áng" in error.value.message and fair.name in error.value.message
    other.refresh_from_db()
    assert other.reward_value is None  # nothing half-saved
    assert BoothProduct.objects.filter(booth=other_booth).count() == 1
    assert _price(sauce, channel, FAIR_END - timedelta(hours=1)) == Decimal(76_500)


@pytest.mark.django_db
def test_publishing_a_fair_whose_campaign_now_clashes_is_refused_and_it_stays_a_draft(stall, make_fair):
    fair, sauce, _, _, _ = stall
    other = make_fair("Hội chợ Nghệ An", province="Nghệ An")
    booth_create(fair=other, code="B-01", producer_id=sauce.producer_id, product_ids=[sauce.pk],
                 at=BEFORE_PUBLISHING)
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    fair_campaign_set(fair=other, reward_value_type="percentage", reward_value="15")  # both drafts: no clash yet
    fair_publish(fair=fair, at=BEFORE_PUBLISHING)

    with pytest.raises(DomainError) as error:
        fair_publish(fair=other, at=BEFORE_PUBLISHING)

    assert error.value.code == "campaign_overlap"
    other.refresh_from_db()
    assert other.published_at is None and other.campaign_id is None


@pytest.mark.django_db
def test_a_fixed_reward_not_below_a_products_price_is_refused(stall):
    fair, _, _, _, a2 = stall

    with pytest.raises(DomainError) as error:
        fair_campaign_set(fair=fair, reward_value_type=None, reward_value=None,
                          booth_rewards={a2.pk: ("fixed", "45000")})

    assert error.value.code == "discount_exceeds_price"
    assert "Kẹo cu đơ" in error.value.message


@pytest.mark.django_db
def test_clearing_the_campaign_restores_normal_prices(stall, channel):
    fair, sauce, candy, _, a2 = stall
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10",
                      booth_rewards={a2.pk: ("percentage", "5")})
    fair_publish(fair=fair, at=BEFORE_PUBLISHING)

    fair_campaign_clear(fair=fair)

    assert (_price(sauce, channel, FAIR_START), _price(candy, channel, FAIR_START)) == (
        Decimal(85_000), Decimal(45_000))
    assert Promotion.objects.count() == 0
