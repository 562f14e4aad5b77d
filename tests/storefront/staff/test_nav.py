"""The navigation registry: the landing page by role, and pages not built yet left out rather than broken."""

from __future__ import annotations

import dataclasses

import pytest

from storefront import nav

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("who", "home"), [
    ("admin", "/quan-ly/tong-quan/"), ("promotion", "/quan-ly/hoi-cho/"), ("operator", "/quan-ly/diem/"),
    ("catalogue", "/quan-ly/san-pham/"), ("orders", "/quan-ly/don-hang/"), ("shopper", None),
])
def test_each_role_has_its_own_home(people, who, home):
    assert nav.staff_home_url(people[who]) == home


def test_a_page_not_built_yet_is_neither_a_link_nor_a_home(people, monkeypatch):
    monkeypatch.setattr(nav, "NAV", [dataclasses.replace(e, url_name="storefront:console:not_built")
                                     if e.key == "products" else e for e in nav.NAV])
    assert "products" not in [link.key for link in nav.nav_links_for(people["admin"])]
    assert nav.staff_home_url(people["catalogue"]) is None
