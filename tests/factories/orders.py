"""Home-delivery orders placed the way a shopper places them (checkout → checkout_complete), for staff tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from marketplace.checkout.complete import checkout_complete
from marketplace.checkout.services import LineInput, checkout_lines_add
from marketplace.order.models import Order
from marketplace.payment.models import COD_GATEWAY
from tests.factories.checkout import CheckoutBuilder, stock_receive


@dataclass
class DeliveryOrders:
    builder: CheckoutBuilder
    catalog: object
    warehouse: object

    def variant(self, name: str, *, price: int, stock: int, warehouse=None):
        variant = self.catalog.product(name, stock=0, price=price).variants.get()
        stock_receive(warehouse=warehouse or self.warehouse, variant_id=variant.pk, quantity=stock)
        return variant

    def place(self, lines: list[tuple], *, cash_on_delivery: bool = True, user=None,
              email: str = "an@example.com") -> Order:
        """lines: (variant, quantity) pairs; cash on delivery confirms the order at once."""
        (first, quantity), *rest = lines
        checkout = self.builder.ready(first, quantity, user=user, email=email)
        if rest:
            checkout = checkout_lines_add(checkout=checkout, lines=[LineInput(variant_id=v.pk, quantity=q)
                                                                    for v, q in rest])
        return checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY if cash_on_delivery else None)


@pytest.fixture
def delivery_orders(catalog, warehouse, checkout_builder) -> DeliveryOrders:
    return DeliveryOrders(builder=checkout_builder, catalog=catalog, warehouse=warehouse)


@pytest.fixture
def order_manager(db):
    """Staff holding MANAGE_ORDERS only (the order desk)."""
    from django.contrib.auth.models import Permission

    from marketplace.account.services import user_create

    user = user_create(email="don-hang@example.com", password="mat-khau-an-toan-2026", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="manage_orders"))
    return user


@pytest.fixture
def staff_roles(db, shopper, operator_a, order_manager, admin_user) -> dict:
    """The people of the permission matrix; None is the anonymous visitor."""
    return {"anonymous": None, "shopper": shopper, "operator": operator_a, "order_manager": order_manager,
            "admin": admin_user}
