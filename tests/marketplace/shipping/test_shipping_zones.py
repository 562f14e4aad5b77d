from __future__ import annotations

import pytest

from marketplace.core.geography import PROVINCES
from marketplace.shipping.models import ShippingMethod, ShippingZone
from marketplace.shipping.selectors import shipping_options_for
from marketplace.shipping.services import shipping_zones_seed

pytestmark = pytest.mark.django_db


def test_the_seed_covers_all_34_provinces_once_and_can_run_again(channel):
    shipping_zones_seed(channel_slug=channel.slug)
    shipping_zones_seed(channel_slug=channel.slug)

    provinces = [p for zone in ShippingZone.objects.all() for p in zone.provinces]
    assert sorted(provinces) == sorted(p.code for p in PROVINCES)
    assert ShippingZone.objects.count() == 3 and ShippingMethod.objects.count() == 4


@pytest.mark.parametrize("province,prices", [("ha-noi", [25_000, 40_000]), ("hue", [40_000]),
                                             ("ca-mau", [40_000]), (None, [])])
def test_flat_rates_by_region(channel, province, prices):
    shipping_zones_seed(channel_slug=channel.slug)

    assert [o.price for o in shipping_options_for(province_code=province, channel_id=channel.pk)] == prices
