"""My points, and the alert list (low stock and blocked stock) across them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marketplace.salespoint import selectors
from marketplace.salespoint.scope import user_is_sales_staff, warehouse_ids_in_scope
from storefront.views.console.common import console_login_required


@console_login_required
def index(request: HttpRequest) -> HttpResponse:
    points = list(selectors.sales_points_for_user(user=request.user))
    summary = selectors.stock_summary(warehouse_ids=[p.warehouse_id for p in points])
    return render(request, "storefront/console/index.html", {
        "points": [(p, summary.get(p.warehouse_id, {})) for p in points],
        "is_sales_staff": user_is_sales_staff(request.user),
        "active": "index",
    }, status=200 if user_is_sales_staff(request.user) else 403)


@console_login_required
def alerts(request: HttpRequest) -> HttpResponse:
    scope = warehouse_ids_in_scope(user=request.user)
    return render(request, "storefront/console/alerts.html", {
        "low": selectors.stock_low_alerts(warehouse_ids=scope)[:200],
        "blocked": selectors.stock_blocked_lines(warehouse_ids=scope)[:200],
        "active": "alerts",
    }, status=200 if user_is_sales_staff(request.user) else 403)
