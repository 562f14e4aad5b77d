"""The navigation registry: the landing page by role, and pages not built yet left out rather than broken."""

from __future__ import annotations

import dataclasses

import pytest

from storefront import nav

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists_built(monkeypatch):
    """Stand-ins for the catalogue and order lists other consoles add (any existing URL name will do)."""
    stand_in = {"products": "storefront:catalog", "orders": "storefront:account_orders"}
    monkeypatch.setattr(nav, "NAV", [dataclasses.replace(e, url_name=stand_in.get(e.key, e.url_name))
                                     for e in nav.NAV])


@pytest.mark.parametrize(("who", "home"), [
    ("admin", "/quan-ly/tong-quan/"), ("promotion", "/quan-ly/hoi-cho/"), ("operator", "/quan-ly/diem/"),
    ("catalogue", "/san-pham/"), ("orders", "/account/orders/"), ("shopper", None),
])
def test_each_role_has_its_own_home(people, lists_built, who, home):
    assert nav.staff_home_url(people[who]) == home


def test_a_page_not_built_yet_is_neither_a_link_nor_a_home(people):
    assert "products" not in [link.key for link in nav.nav_links_for(people["admin"])]
    assert nav.staff_home_url(people["catalogue"]) is None
