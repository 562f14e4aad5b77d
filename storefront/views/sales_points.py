"""The public sales-points page: every active point open to the public, as a list (always) and a Leaflet map
(tiles from MAP_TILE_URL; without tiles the markers and the list still show)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marketplace.core.geography import PROVINCES, province_resolve
from marketplace.salespoint import selectors


def sales_points(request: HttpRequest) -> HttpResponse:
    province = province_resolve(request.GET.get("tinh", "").strip() or None)
    points = list(selectors.sales_points_public(province_code=province.code if province else None))
    markers = [
        {"name": p.warehouse.name, "lat": float(p.latitude), "lng": float(p.longitude),
         "address": str(p.warehouse.address), "hours": p.opening_hours, "kind": p.get_kind_display(),
         "anchor": f"diem-{p.warehouse.slug}"}
        for p in points if p.latitude is not None and p.longitude is not None
    ]
    return render(request, "storefront/sales_points.html", {
        "points": points, "markers": markers, "province": province, "provinces": PROVINCES,
        "tile_url": settings.MAP_TILE_URL,
    })
