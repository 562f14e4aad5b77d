"""Staff members: list, create (they receive a set-password link), edit groups and sales points in one place,
deactivate and reactivate."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.account.selectors import permission_group_list, staff_get, staff_list
from marketplace.account.staff import staff_create, staff_groups_set, staff_update
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.core.permissions import AccountPermissions
from marketplace.salespoint.scope import user_manages_all_points
from marketplace.salespoint.selectors import operator_warehouse_ids, sales_points_all
from marketplace.salespoint.services import operator_sales_points_set
from storefront.views.console.access import console_permission_required, form_error
from storefront.views.console.staff_forms import StaffForm

FIELDS = {"email": "email", "addGroups": "groups", "removeGroups": "groups", "warehouse": "points",
          "operators": "points", "isActive": None}


def _choices(request: HttpRequest) -> dict:
    points = ([(p.warehouse_id, p.warehouse.name) for p in sales_points_all()]
              if user_manages_all_points(request.user) else None)
    return {"groups": [(g.pk, g.name) for g in permission_group_list()], "points": points}


def _set_password_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("storefront:password_set"))


@console_permission_required(AccountPermissions.MANAGE_STAFF)
def staff_list_view(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    people = staff_list(search=request.GET.get("q", "").strip(),
                        status=status if status in ("active", "deactivated") else None)
    return render(request, "storefront/console/staff/list.html", {"people": people[:500], "status": status,
                                                                   "q": request.GET.get("q", "")})


@console_permission_required(AccountPermissions.MANAGE_STAFF)
def staff_create_view(request: HttpRequest) -> HttpResponse:
    form = StaffForm(request.POST or None, **_choices(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                user = staff_create(actor=request.user, email=data["email"], first_name=data["first_name"],
                                    last_name=data["last_name"], group_ids=data["groups"],
                                    redirect_url=_set_password_url(request))
                if data.get("points"):
                    operator_sales_points_set(actor=request.user, user_id=user.pk, warehouse_ids=data["points"])
        except DomainError as exc:
            form_error(form, exc, FIELDS)
        else:
            messages.success(request, _("Đã tạo tài khoản %(email)s và gửi email đặt mật khẩu.") % {
                "email": user.email})
            return redirect("storefront:console:staff_edit", user_id=user.pk)
    return render(request, "storefront/console/staff/form.html", {"form": form, "person": None})


@console_permission_required(AccountPermissions.MANAGE_STAFF)
def staff_edit_view(request: HttpRequest, user_id: int) -> HttpResponse:
    person = staff_get(user_id=user_id)
    if person is None:
        raise Http404
    choices = _choices(request)
    initial = {"email": person.email, "first_name": person.first_name, "last_name": person.last_name,
               "groups": [g.pk for g in person.groups.all()], "points": operator_warehouse_ids(user_id=person.pk)}
    form = StaffForm(request.POST or None, initial=initial, **choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                staff_update(actor=request.user, user_id=person.pk, email=data["email"],
                             first_name=data["first_name"], last_name=data["last_name"])
                staff_groups_set(actor=request.user, user_id=person.pk, group_ids=data["groups"])
                if "points" in form.fields:
                    operator_sales_points_set(actor=request.user, user_id=person.pk, warehouse_ids=data["points"])
        except DomainError as exc:
            form_error(form, exc, FIELDS)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("storefront:console:staff_edit", user_id=person.pk)
    return render(request, "storefront/console/staff/form.html", {"form": form, "person": person})


@require_POST
@console_permission_required(AccountPermissions.MANAGE_STAFF)
def staff_active_view(request: HttpRequest, user_id: int) -> HttpResponse:
    active = request.POST.get("active") == "1"
    try:
        staff_update(actor=request.user, user_id=user_id, is_active=active)
    except (DomainError, DomainErrors) as exc:
        for error in getattr(exc, "errors", [exc]):
            messages.error(request, f"{error.message} ({error.code})")
    else:
        messages.success(request, _("Đã mở khóa tài khoản.") if active else _("Đã khóa tài khoản."))
    return redirect("storefront:console:staff_edit", user_id=user_id)
