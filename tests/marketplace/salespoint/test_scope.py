"""Who may change stock where: every stock service, for anonymous, shopper, the operator of another point,
the point's own operator, promotion staff and admin. A refused attempt writes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from marketplace.core.errors import DomainError
from marketplace.salespoint.models import CounterSale, StockThreshold, StockTransfer
from marketplace.salespoint.selectors import sales_point_for_user, sales_points_for_user
from marketplace.salespoint.services import (
    counter_sale_create,
    counter_sale_void,
    stock_adjust,
    stock_receive,
    stock_threshold_set,
    stock_transfer_cancel,
    stock_transfer_create,
    stock_transfer_receive,
    stock_transfer_ship,
)
from marketplace.warehouse.models import StockMovement

WHO = ["anonymous", "shopper", "operator_of_b", "operator_of_a", "promo", "admin_user"]
EXPECTED = {"anonymous": "PERMISSION_DENIED", "shopper": "PERMISSION_DENIED", "operator_of_b": "OUT_OF_SCOPE",
            "operator_of_a": None, "promo": None, "admin_user": None}


@pytest.fixture
def people(request, shopper, operator_a, operator_b, promo, admin_user):
    return {"anonymous": AnonymousUser(), "shopper": shopper, "operator_of_a": operator_a,
            "operator_of_b": operator_b, "promo": promo, "admin_user": admin_user}


@pytest.fixture
def setup(shelf, point_a, point_b, operator_a, operator_b):
    """Stock at A, a transfer A→B created and one shipped, one sale made at A, and one transfer B→A in transit."""
    from marketplace.salespoint.services import stock_transfer_create as create

    variant = shelf.variant("Cu đơ")
    stock = shelf.put(point_a, variant, 20)
    shelf.put(point_b, variant, 5)
    created = create(actor=operator_a, source_id=point_a.warehouse_id, destination_id=point_b.warehouse_id,
                     lines=[(variant.pk, 1)])
    to_a = create(actor=operator_b, source_id=point_b.warehouse_id, destination_id=point_a.warehouse_id,
                  lines=[(variant.pk, 1)])
    stock_transfer_ship(actor=operator_b, transfer_id=to_a.pk)
    sale = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                               payment_method="cash")
    return {"a": point_a.warehouse_id, "b": point_b.warehouse_id, "variant": variant.pk, "stock": stock.pk,
            "created": created.pk, "to_a": to_a.pk, "sale": sale.pk}


ACTIONS = {
    "receive": lambda u, s: stock_receive(actor=u, warehouse_id=s["a"], variant_id=s["variant"], quantity=1,
                                          delivery_note="PGH"),
    "adjust": lambda u, s: stock_adjust(actor=u, warehouse_id=s["a"], variant_id=s["variant"],
                                        counted_quantity=3, reason="Đếm"),
    "threshold": lambda u, s: stock_threshold_set(actor=u, stock_id=s["stock"], threshold=1),
    "transfer_create": lambda u, s: stock_transfer_create(actor=u, source_id=s["a"], destination_id=s["b"],
                                                          lines=[(s["variant"], 1)]),
    "transfer_ship": lambda u, s: stock_transfer_ship(actor=u, transfer_id=s["created"]),
    "transfer_cancel": lambda u, s: stock_transfer_cancel(actor=u, transfer_id=s["created"]),
    "transfer_receive": lambda u, s: stock_transfer_receive(actor=u, transfer_id=s["to_a"]),
    "counter_sale": lambda u, s: counter_sale_create(actor=u, warehouse_id=s["a"], lines=[(s["variant"], 1)],
                                                     payment_method="cash"),
    "counter_sale_void": lambda u, s: counter_sale_void(actor=u, sale_id=s["sale"], reason="Nhầm"),
}


def _state():
    return (StockMovement.objects.count(), StockThreshold.objects.count(), StockTransfer.objects.count(),
            sorted(StockTransfer.objects.values_list("status", flat=True)), CounterSale.objects.count(),
            sorted(CounterSale.objects.values_list("status", flat=True)))


@pytest.mark.django_db
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_stock_services_act_only_within_the_users_scope(people, setup, who, action):
    before = _state()

    if EXPECTED[who] is None:
        ACTIONS[action](people[who], setup)
        assert _state() != before
    else:
        with pytest.raises(DomainError) as err:
            ACTIONS[action](people[who], setup)
        assert err.value.code == EXPECTED[who]
        assert _state() == before


@pytest.mark.django_db
def test_an_operator_sees_only_their_points_and_staff_see_all(point_a, point_b, operator_a, promo, admin_user,
                                                             shopper):
    assert [p.pk for p in sales_points_for_user(user=operator_a)] == [point_a.pk]
    assert {p.pk for p in sales_points_for_user(user=promo)} == {point_a.pk, point_b.pk}
    assert {p.pk for p in sales_points_for_user(user=admin_user)} == {point_a.pk, point_b.pk}
    assert list(sales_points_for_user(user=shopper)) == []
    with pytest.raises(DomainError) as err:
        sales_point_for_user(user=operator_a, slug=point_b.warehouse.slug)
    assert err.value.code == "OUT_OF_SCOPE"
