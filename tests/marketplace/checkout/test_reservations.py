"""Reservations hold stock for a checkout for CHECKOUT_RESERVATION_MINUTES; quantityAvailable counts them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.checkout import services
from marketplace.core.errors import DomainErrors
from marketplace.warehouse.models import Reservation
from marketplace.warehouse.selectors import variants_quantity_available
from marketplace.warehouse.tasks import reservations_expire_task
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def variant(catalog, warehouse):
    v = catalog.product("Nấm hương", stock=0).variants.get()
    stock_receive(warehouse=warehouse, variant_id=v.pk, quantity=5)
    return v


def _cart(channel, variant, quantity):
    return services.checkout_create(channel_slug=channel.slug,
                                    lines=[services.LineInput(variant_id=variant.pk, quantity=quantity)])


def test_quantity_available_is_stock_minus_allocated_minus_live_reservations(channel, variant, settings):
    settings.CHECKOUT_RESERVATION_MINUTES = 10
    _cart(channel, variant, 3)

    assert variants_quantity_available(variant_ids=[variant.pk], channel_id=channel.pk) == {variant.pk: 2}
    reservation = Reservation.objects.get()
    assert timedelta(minutes=9) < reservation.reserved_until - timezone.now() <= timedelta(minutes=10)


def test_a_second_shopper_cannot_reserve_what_the_first_holds(channel, variant):
    _cart(channel, variant, 4)

    with pytest.raises(DomainErrors) as err:
        _cart(channel, variant, 2)

    assert err.value.errors[0].code == "INSUFFICIENT_STOCK" and err.value.errors[0].params["available"] == 1


def test_expired_reservations_hold_nothing_and_are_swept(channel, variant):
    _cart(channel, variant, 4)
    Reservation.objects.update(reserved_until=timezone.now() - timedelta(seconds=1))

    assert variants_quantity_available(variant_ids=[variant.pk], channel_id=channel.pk) == {variant.pk: 5}
    assert reservations_expire_task.delay().get() == 1
    assert not Reservation.objects.exists()


def test_changing_the_quantity_moves_the_reservation_with_it(channel, variant):
    checkout = _cart(channel, variant, 2)

    services.checkout_lines_update(checkout=checkout, lines=[services.LineUpdate(
        quantity=5, line_id=checkout.lines.get().id)])

    assert Reservation.objects.get().quantity_reserved == 5
    services.checkout_lines_delete(checkout=checkout, line_ids=[checkout.lines.get().id])
    assert not Reservation.objects.exists()


def test_the_reservation_time_is_configurable(channel, variant, settings):
    settings.CHECKOUT_RESERVATION_MINUTES = 2

    _cart(channel, variant, 1)

    assert Reservation.objects.get().reserved_until - timezone.now() <= timedelta(minutes=2)
