"""The public sales-points page: a list that works without the map, markers for the map, a province filter."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_page_lists_public_points_and_gives_the_map_its_markers(client, point_a, point_b, settings):
    settings.MAP_TILE_URL = ""

    response = client.get(reverse("storefront:sales_points"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Trung tâm OCOP Hà Tĩnh" in page and "Điểm bán OCOP Ga Vinh" in page
    assert "vendor/leaflet/leaflet.js" in page and 'data-tiles=""' in page
    markers = json.loads(page.split('id="sales-points-data" type="application/json">')[1].split("</script>")[0])
    assert [(m["name"], m["lat"]) for m in markers] == [("Trung tâm OCOP Hà Tĩnh", 18.342),
                                                       ("Điểm bán OCOP Ga Vinh", 18.678)]


@pytest.mark.django_db
def test_the_province_filter_accepts_old_province_names(client, point_a, point_b):
    response = client.get(reverse("storefront:sales_points") + "?tinh=Nghệ An")

    assert [p.pk for p in response.context["points"]] == [point_b.pk]


@pytest.mark.django_db
def test_production_tiles_come_from_openstreetmap_by_default(client, point_a):
    response = client.get(reverse("storefront:sales_points"))

    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in response.content.decode()
