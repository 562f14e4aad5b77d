"""Permission groups: list, create, edit (permissions and members), delete."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.account.groups import permission_group_create, permission_group_delete, permission_group_update
from marketplace.account.selectors import (
    group_members,
    group_permission_names,
    permission_group_get,
    permission_group_list,
    staff_list,
    user_can_manage_group,
)
from marketplace.core.errors import DomainError
from marketplace.core.permissions import AccountPermissions
from storefront.views.console.access import console_permission_required, form_error
from storefront.views.console.staff_forms import PERMISSION_LABELS, GroupForm

FIELDS = {"name": "name", "addPermissions": "permissions", "removePermissions": "permissions",
          "addUsers": "members", "removeUsers": "members"}


def _members() -> list[tuple[int, str]]:
    return [(u.pk, f"{u.get_full_name()} <{u.email}>" if u.first_name or u.last_name else u.email)
            for u in staff_list(status="active")]


@console_permission_required(AccountPermissions.MANAGE_STAFF)
def group_list_view(request: HttpRequest) -> HttpResponse:
    groups = [(g, sorted(str(PERMISSION_LABELS.get(n, n)) for n in group_permission_names(group=g)),
               group_members(group=g).count(), user_can_manage_group(user=request.user, group=g))
              for g in permission_group_list()]
    return render(request, "storefront/console/groups/list.html", {"groups": groups})


@console_permission_required(AccountPermissions.MANAGE_STAFF)
def group_create_view(request: HttpRequest) -> HttpResponse:
    form = GroupForm(request.POST or None, members=_members())
    if request.method == "POST" and form.is_valid():
        try:
            group = permission_group_create(actor=request.user, name=form.cleaned_data["name"],
                                            add_permissions=form.cleaned_data["permissions"],
                                            add_user_ids=form.cleaned_data["members"])
        except DomainError as exc:
            form_error(form, exc, FIELDS)
        else:
            messages.success(request, _("Đã tạo nhóm %(name)s.") % {"name": group.name})
            return redirect("storefront:console:group_list")
    return render(request, "storefront/console/groups/form.html", {"form": form, "group": None})


@console_permission_required(AccountPermissions.MANAGE_STAFF)
def group_edit_view(request: HttpRequest, group_id: int) -> HttpResponse:
    group = permission_group_get(group_id=group_id)
    if group is None:
        raise Http404
    current_perms = group_permission_names(group=group)
    current_members = {u.pk for u in group_members(group=group)}
    form = GroupForm(request.POST or None, members=_members(), initial={
        "name": group.name, "permissions": sorted(current_perms), "members": sorted(current_members)})
    if request.method == "POST" and form.is_valid():
        wanted_perms = set(form.cleaned_data["permissions"])
        wanted_members = set(form.cleaned_data["members"])
        try:
            permission_group_update(actor=request.user, group_id=group.pk, name=form.cleaned_data["name"],
                                    add_permissions=sorted(wanted_perms - current_perms),
                                    remove_permissions=sorted(current_perms - wanted_perms),
                                    add_user_ids=sorted(wanted_members - current_members),
                                    remove_user_ids=sorted(current_members - wanted_members))
        except DomainError as exc:
            form_error(form, exc, FIELDS)
        else:
            messages.success(request, _("Đã lưu nhóm %(name)s.") % {"name": form.cleaned_data["name"]})
            return redirect("storefront:console:group_list")
    return render(request, "storefront/console/groups/form.html", {"form": form, "group": group})


@require_POST
@console_permission_required(AccountPermissions.MANAGE_STAFF)
def group_delete_view(request: HttpRequest, group_id: int) -> HttpResponse:
    try:
        group = permission_group_delete(actor=request.user, group_id=group_id)
    except DomainError as exc:
        messages.error(request, f"{exc.message} ({exc.code})")
        return redirect("storefront:console:group_edit", group_id=group_id)
    messages.success(request, _("Đã xóa nhóm %(name)s.") % {"name": group.name})
    return redirect("storefront:console:group_list")
