"""The pickup queue: online orders to collect at this point (to prepare → ready → handed over)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.salespoint import selectors, services
from marketplace.salespoint.pickups import pickup_backend_get
from storefront.views.console.common import flash_error, point_context, point_view


@point_view
def queue(request: HttpRequest, point) -> HttpResponse:
    if request.method == "POST":
        # The order's key is opaque here (a UUID for online orders); the backend says whether it exists.
        order_id = request.POST.get("order", "").strip()
        try:
            if request.POST.get("action") == "ready":
                services.pickup_mark_ready(actor=request.user, order_id=order_id)
                messages.success(request, _("Đơn hàng đã sẵn sàng để khách nhận."))
            elif request.POST.get("action") == "handover":
                services.pickup_hand_over(actor=request.user, order_id=order_id,
                                          cash_received=request.POST.get("cash_received") == "1")
                messages.success(request, _("Đã giao hàng cho khách."))
        except DomainError as exc:
            flash_error(request, exc)
        return redirect("storefront:console:pickups", slug=point.warehouse.slug)
    orders = selectors.pickup_queue(user=request.user, warehouse_id=point.warehouse_id)
    return render(request, "storefront/console/pickups.html", point_context(
        point, "pickups", orders=orders, connected=pickup_backend_get() is not None))
