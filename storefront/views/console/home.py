"""Where each staff member lands (their role's page), and the admin's dashboard."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from catalog_sync.selectors import sync_rejected_record_list, sync_run_latest
from marketplace.certification.selectors import (
    certificates_expiring,
    certificates_expiring_count,
    today_in_vietnam,
    vietnam_day_start,
)
from marketplace.core.errors import DomainError
from marketplace.core.permissions import AccountPermissions
from marketplace.order.selectors import orders_count_by_status
from marketplace.salespoint.selectors import stock_low_alerts
from storefront.nav import staff_home_url
from storefront.views.console.access import console_permission_required
from storefront.views.console.common import refused


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("storefront:console:login"))
    url = staff_home_url(request.user)
    if url is None:
        return refused(request, DomainError(_("Tài khoản của bạn chưa được phân quyền quản lý."),
                                            code="PERMISSION_DENIED"))
    return redirect(url)


@console_permission_required(AccountPermissions.MANAGE_STAFF)
def dashboard(request: HttpRequest) -> HttpResponse:
    today = today_in_vietnam()
    low = stock_low_alerts(warehouse_ids=None)
    run = sync_run_latest()
    return render(request, "storefront/console/dashboard.html", {
        "today": today,
        "orders": orders_count_by_status(since=vietnam_day_start(today)),
        "low_count": low.count(),
        "low": list(low[:10]),
        "expiring_30": certificates_expiring_count(within_days=30),
        "expiring_90": certificates_expiring_count(within_days=90),
        "expiring_soon": list(certificates_expiring(within_days=30)[:10]),
        "run": run,
        "rejects": list(sync_rejected_record_list(run_id=run.pk)[:10]) if run else [],
    })
