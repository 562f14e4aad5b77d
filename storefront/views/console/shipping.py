"""/quan-ly/van-chuyen/: shipping zones by province (the 34 of 2025) and their methods, priced per channel in
whole đồng with an order-value range, a weight range, a free-shipping threshold and delivery days (MANAGE_SHIPPING).
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from marketplace.channel.selectors import channel_list
from marketplace.core.errors import DomainError
from marketplace.core.geography import PROVINCES
from marketplace.core.permissions import ShippingPermissions
from marketplace.shipping import zones
from marketplace.shipping.selectors import shipping_method_get, shipping_zone_get, shipping_zones_list
from storefront.views.console.common import flash_error
from storefront.views.console.staff_access import permission_view


def _zone_input(post) -> zones.ZoneInput:
    return zones.ZoneInput(name=post.get("name", ""), description=post.get("description", ""),
                           provinces=post.getlist("provinces"), default=post.get("default") == "1",
                           add_channel_ids=tuple(int(c) for c in post.getlist("channels") if c.isdigit()))


def _zone_form_context(zone=None, data=None) -> dict:
    chosen = set(data.getlist("provinces")) if data is not None else set(zone.provinces if zone else [])
    return {"provinces": [(p, p.code in chosen) for p in sorted(PROVINCES, key=lambda p: p.name)],
            "channels": channel_list(), "zone_channels": {c.pk for c in zone.channels.all()} if zone else set()}


@permission_view(ShippingPermissions.MANAGE_SHIPPING)
def zone_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            zone = zones.shipping_zone_save(data=_zone_input(request.POST), actor=request.user)
        except DomainError as exc:
            flash_error(request, exc)
            return render(request, "storefront/console/shipping/list.html", {
                "active": "shipping", "zones": shipping_zones_list(), "form": request.POST,
                **_zone_form_context(data=request.POST)}, status=400)
        messages.success(request, _("Đã tạo vùng giao hàng."))
        return redirect("storefront:console:shipping_zone", zone_id=zone.pk)
    return render(request, "storefront/console/shipping/list.html", {
        "active": "shipping", "zones": shipping_zones_list(search=request.GET.get("q", "")), "form": {},
        **_zone_form_context()})


def _method_save(request: HttpRequest, zone) -> None:
    post = request.POST
    method = None
    if post.get("method"):
        method = shipping_method_get(method_id=int(post["method"])) if post["method"].isdigit() else None
        if method is None or method.shipping_zone_id != zone.pk:
            raise DomainError(_("Không tìm thấy phương thức giao hàng."), code="NOT_FOUND", field="method")
    data = zones.MethodInput(
        name=post.get("name", ""), type=post.get("type") or None, zone=zone,
        minimum_delivery_days=post.get("minimum_delivery_days"),
        maximum_delivery_days=post.get("maximum_delivery_days"),
        minimum_order_weight_grams=post.get("minimum_order_weight_grams"),
        maximum_order_weight_grams=post.get("maximum_order_weight_grams"))
    channel_id = int(post["channel"]) if post.get("channel", "").isdigit() else None
    if channel_id is None:
        raise DomainError(_("Chọn kênh bán."), code="REQUIRED", field="channel")
    listing = zones.ListingInput(channel_id=channel_id, price=post.get("price"),
                                 minimum_order_price=post.get("minimum_order_price"),
                                 maximum_order_price=post.get("maximum_order_price"),
                                 free_shipping_threshold=post.get("free_shipping_threshold"))
    with transaction.atomic():  # the method and its price are saved together or not at all
        method = zones.shipping_method_save(data=data, method=method, actor=request.user)
        zones.shipping_method_channel_listings_update(method=method, add=[listing], actor=request.user)


@permission_view(ShippingPermissions.MANAGE_SHIPPING)
def zone_detail(request: HttpRequest, zone_id: int) -> HttpResponse:
    zone = shipping_zone_get(zone_id=zone_id)
    if zone is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "zone":
                zones.shipping_zone_save(zone=zone, data=_zone_input(request.POST), actor=request.user)
                messages.success(request, _("Đã lưu vùng giao hàng."))
            elif action == "delete_zone":
                zones.shipping_zone_delete(zone=zone, actor=request.user)
                messages.success(request, _("Đã xóa vùng giao hàng."))
                return redirect("storefront:console:shipping")
            elif action == "method":
                _method_save(request, zone)
                messages.success(request, _("Đã lưu phương thức giao hàng."))
            elif action == "delete_method":
                method = shipping_method_get(method_id=int(request.POST.get("method", "0") or 0))
                if method is None or method.shipping_zone_id != zone.pk:
                    raise DomainError(_("Không tìm thấy phương thức giao hàng."), code="NOT_FOUND", field="method")
                zones.shipping_method_delete(method=method, actor=request.user)
                messages.success(request, _("Đã xóa phương thức giao hàng."))
        except DomainError as exc:
            flash_error(request, exc)
        return redirect("storefront:console:shipping_zone", zone_id=zone.pk)
    methods = [(m, list(m.channel_listings.all())) for m in zone.shipping_methods.all()]
    return render(request, "storefront/console/shipping/zone.html", {
        "active": "shipping", "zone": zone, "methods": methods, "form": {"name": zone.name,
                                                                          "description": zone.description},
        **_zone_form_context(zone=zone)})
