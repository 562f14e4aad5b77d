"""Public fair pages: the list (ongoing, upcoming, past), a fair's page, and its `.ics`."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from marketplace.channel.selectors import channel_get_by_slug
from marketplace.core.geography import PROVINCES, province_resolve
from marketplace.core.permissions import OcopPermissions, has_permissions
from marketplace.fair.ics import fair_ics as fair_ics_text
from marketplace.fair.selectors import (
    FairStatus,
    fair_get,
    fair_page_zones,
    fairs_list,
    province_name,
    side_events_list,
)


def fair_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    province = province_resolve(request.GET.get("tinh") or "")
    fairs = list(fairs_list(at=now, province_code=province.code if province else None))
    sections = [
        ("dang-dien-ra", FairStatus.ONGOING.label, [f for f in fairs if f.status_now == FairStatus.ONGOING]),
        ("sap-dien-ra", FairStatus.PUBLISHED.label, [f for f in fairs if f.status_now == FairStatus.PUBLISHED]),
        ("da-ket-thuc", FairStatus.ENDED.label, [f for f in fairs if f.status_now == FairStatus.ENDED][:24]),
    ]
    return render(request, "storefront/fair/list.html", {
        "sections": sections, "province": province, "provinces": sorted(PROVINCES, key=lambda p: p.name),
    })


def _visible_fair(request: HttpRequest, slug: str):
    # Promotion staff may preview a draft; shoppers only see published fairs.
    preview = has_permissions(request.user, OcopPermissions.MANAGE_FAIRS)
    fair = fair_get(slug=slug, public=not preview)
    if fair is None:
        raise Http404
    return fair


def _map_urls(fair) -> tuple[str, str]:
    """OpenStreetMap links for the venue: a page to open, and a small embedded map around the marker."""
    if fair.latitude is None or fair.longitude is None:
        query = urlencode({"query": f"{fair.venue_name}, {fair.venue_address}"})
        return f"https://www.openstreetmap.org/search?{query}", ""
    lat, lon = float(fair.latitude), float(fair.longitude)
    bbox = f"{lon - 0.006:.6f},{lat - 0.004:.6f},{lon + 0.006:.6f},{lat + 0.004:.6f}"
    embed = urlencode({"bbox": bbox, "layer": "mapnik", "marker": f"{lat:.6f},{lon:.6f}"})
    return (f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=17/{lat:.6f}/{lon:.6f}",
            f"https://www.openstreetmap.org/export/embed.html?{embed}")


def fair_detail(request: HttpRequest, slug: str) -> HttpResponse:
    fair = _visible_fair(request, slug)
    now = timezone.now()
    channel = channel_get_by_slug(slug=None)
    zones = fair_page_zones(fair=fair, channel_id=channel.pk if channel else None, at=now)
    map_url, map_embed_url = _map_urls(fair)
    return render(request, "storefront/fair/detail.html", {
        "fair": fair, "map_url": map_url, "map_embed_url": map_embed_url, "zones": zones,
        "side_events": side_events_list(fair=fair),
        "province_name": province_name(fair.province_code), "is_ongoing": fair.status_now == FairStatus.ONGOING,
        "booth_count": sum(len(z.booths) for z in zones),
        "producer_count": len({b.producer.pk for z in zones for b in z.booths}),
    })


def fair_ics(request: HttpRequest, slug: str) -> HttpResponse:
    fair = _visible_fair(request, slug)
    text = fair_ics_text(fair=fair, side_events=side_events_list(fair=fair), domain=request.get_host().split(":")[0],
                         url=request.build_absolute_uri(reverse("storefront:fair_detail", args=[fair.slug])))
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{fair.slug}.ics"'
    return response
