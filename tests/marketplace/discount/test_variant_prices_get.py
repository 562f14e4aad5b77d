"""The shopper's price: channel price, less the catalogue promotion running at the given moment, with the
window's bounds exact in Vietnam time and amounts rounded to whole đồng."""

from __future__ import annotations

from datetime import UTC, timedelta
from decimal import Decimal

import pytest

from marketplace.channel.services import channel_ensure
from marketplace.core.errors import DomainError
from marketplace.discount.selectors import reward_apply, variant_prices_get
from marketplace.discount.services import RuleSpec, catalogue_promotion_save
from tests.factories.fair import vn

START, END = vn(2026, 5, 10, 8), vn(2026, 5, 13, 21)


def _variant(product):
    return product.variants.get()


def _promotion(channel, *products, value="10", value_type="percentage", start=START, end=END, name="Hội chợ"):
    return catalogue_promotion_save(
        promotion=None, name=name, start_date=start, end_date=end, channel_ids=[channel.pk],
        rules=[RuleSpec(reward_value_type=value_type, reward_value=Decimal(value),
                        product_ids=[p.pk for p in products])],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("moment", "expected"), [
    (vn(2026, 5, 10, 7, 59, 59), Decimal(85_000)),   # one second before the opening, Vietnam time
    (vn(2026, 5, 10, 8), Decimal(76_500)),           # the opening instant: fair price
    (vn(2026, 5, 13, 20, 59, 59), Decimal(76_500)),  # last second of the fair
    (vn(2026, 5, 13, 21), Decimal(85_000)),          # the closing instant: back to the normal price
])
def test_promotion_price_applies_only_inside_its_half_open_window(catalog, channel, moment, expected):
    product = catalog.product("Nước mắm Vũng Áng", price=85_000)
    promotion = _promotion(channel, product)
    variant = _variant(product)

    price = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk, at=moment)[variant.pk]

    assert price.price == expected
    assert price.undiscounted == Decimal(85_000)
    assert price.promotion_id == (promotion.pk if expected < 85_000 else None)


@pytest.mark.django_db
def test_the_window_is_the_same_instant_whatever_time_zone_the_clock_reports(catalog, channel):
    product = catalog.product("Kẹo cu đơ", price=45_000)
    _promotion(channel, product)
    variant = _variant(product)
    opening_in_utc = START.astimezone(UTC)

    before = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk,
                                at=opening_in_utc - timedelta(microseconds=1))[variant.pk]
    at_open = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk, at=opening_in_utc)[variant.pk]

    assert opening_in_utc.hour == 1  # 08:00 in Vietnam is 01:00 UTC
    assert (before.on_sale, at_open.on_sale) == (False, True)


@pytest.mark.parametrize(("price", "value_type", "value", "expected"), [
    (85_000, "percentage", "10", 76_500),
    (45_555, "percentage", "15", 38_722),   # 38 721.75 rounds half up to whole đồng
    (12_345, "percentage", "10", 11_111),   # 11 110.5 -> 11 111
    (85_000, "fixed", "20000", 65_000),
    (15_000, "fixed", "20000", 0),          # never below zero (the services refuse this case anyway)
])
def test_reward_apply_rounds_to_whole_dong(price, value_type, value, expected):
    assert reward_apply(price=Decimal(price), reward_value_type=value_type,
                        reward_value=Decimal(value)) == Decimal(expected)


@pytest.mark.django_db
def test_promotion_applies_only_in_its_channels(catalog, channel):
    product = catalog.product("Chè Shan tuyết", price=120_000)
    other = channel_ensure(slug="kenh-tinh", name="Kênh tỉnh")
    from marketplace.product.services import variant_price_set

    variant = _variant(product)
    variant_price_set(variant=variant, channel_id=other.pk, price=120_000)
    _promotion(channel, product)

    in_channel = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk, at=START)[variant.pk]
    elsewhere = variant_prices_get(variant_ids=[variant.pk], channel_id=other.pk, at=START)[variant.pk]

    assert (in_channel.price, elsewhere.price) == (Decimal(108_000), Decimal(120_000))


@pytest.mark.django_db
def test_variants_without_a_price_are_absent_and_unpromoted_ones_keep_their_price(catalog, channel):
    priced = catalog.product("Mật ong", price=150_000)
    unpriced = catalog.product("Gạo", price=None)
    _promotion(channel, unpriced)

    prices = variant_prices_get(variant_ids=[_variant(priced).pk, _variant(unpriced).pk], channel_id=channel.pk,
                                at=START)

    assert set(prices) == {_variant(priced).pk}
    assert prices[_variant(priced).pk].on_sale is False


@pytest.mark.django_db
def test_a_second_promotion_overlapping_on_the_same_product_is_refused_naming_the_product(catalog, channel):
    product = catalog.product("Nước mắm Vũng Áng", price=85_000)
    _promotion(channel, product, name="Hội chợ Hà Tĩnh")

    with pytest.raises(DomainError) as error:
        _promotion(channel, product, name="Tuần lễ OCOP", start=vn(2026, 5, 13, 20), end=vn(2026, 5, 20))

    assert error.value.code == "overlapping_promotion"
    assert "Nước mắm Vũng Áng" in error.value.message and "Hội chợ Hà Tĩnh" in error.value.message
    assert error.value.params["product_id"] == product.pk


@pytest.mark.django_db
def test_back_to_back_promotions_do_not_overlap(catalog, channel):
    product = catalog.product("Nước mắm Vũng Áng", price=85_000)
    _promotion(channel, product, value="10")
    _promotion(channel, product, value="20", start=END, end=END + timedelta(days=2), name="Sau hội chợ")
    variant = _variant(product)

    prices = [variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk, at=t)[variant.pk].price
              for t in (END - timedelta(seconds=1), END)]

    assert prices == [Decimal(76_500), Decimal(68_000)]


@pytest.mark.django_db
@pytest.mark.parametrize(("value_type", "value", "code"), [
    ("percentage", "0", "invalid_reward_value"),
    ("percentage", "100", "invalid_reward_value"),
    ("fixed", "85000", "discount_exceeds_price"),
    ("fixed", "1000.5", "invalid_reward_value"),
    ("bogus", "10", "invalid"),
])
def test_bad_reward_values_are_refused_and_nothing_is_saved(catalog, channel, value_type, value, code):
    from marketplace.discount.models import Promotion

    product = catalog.product("Nước mắm Vũng Áng", price=85_000)

    with pytest.raises(DomainError) as error:
        _promotion(channel, product, value=value, value_type=value_type)

    assert error.value.code == code
    assert Promotion.objects.count() == 0


@pytest.mark.django_db
def test_end_before_start_is_refused(catalog, channel):
    product = catalog.product("Nước mắm", price=85_000)

    with pytest.raises(DomainError) as error:
        _promotion(channel, product, start=END, end=START)

    assert error.value.code == "invalid_dates"
