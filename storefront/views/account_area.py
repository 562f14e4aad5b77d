"""The shop's account area: confirm the registration email, profile and password, address book, deletion.
Each form calls one account service; errors come back as the service's messages, nothing half-written."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from marketplace.account.accounts import (
    account_confirm,
    account_delete,
    account_deletion_request,
    account_password_change,
    account_update,
)
from marketplace.account.address_book import (
    account_address_create,
    account_address_delete,
    account_default_address_set,
)
from marketplace.core.errors import DomainError, DomainErrors
from storefront.views.checkout.common import flash_errors
from storefront.views.checkout.forms import AddressForm


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("Tên"), max_length=256, required=False)
    last_name = forms.CharField(label=gettext_lazy("Họ"), max_length=256, required=False)
    language_code = forms.ChoiceField(label=gettext_lazy("Ngôn ngữ email"), choices=settings.LANGUAGES)


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label=gettext_lazy("Mật khẩu hiện tại"), widget=forms.PasswordInput)
    new_password = forms.CharField(label=gettext_lazy("Mật khẩu mới (ít nhất 8 ký tự)"),
                                   widget=forms.PasswordInput)


def confirm(request: HttpRequest) -> HttpResponse:
    """The registration email's link. A GET only shows a button, so a mail scanner opening it confirms nothing."""
    email, token = request.GET.get("email", ""), request.GET.get("token", "")
    if request.method == "POST":
        try:
            account_confirm(email=request.POST.get("email", ""), token=request.POST.get("token", ""))
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã xác nhận email. Mời bạn đăng nhập."))
            return redirect("storefront:login")
    return render(request, "storefront/account/confirm.html", {"email": email, "token": token})


@login_required(login_url="storefront:login")
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile_form = ProfileForm(initial={"first_name": user.first_name, "last_name": user.last_name,
                                        "language_code": user.language_code})
    password_form = PasswordChangeForm()
    if request.method == "POST" and request.POST.get("action") == "profile":
        profile_form = ProfileForm(request.POST)
        if profile_form.is_valid():
            account_update(user=user, **profile_form.cleaned_data)
            messages.success(request, _("Đã lưu thông tin."))
            return redirect("storefront:account_profile")
    elif request.method == "POST" and request.POST.get("action") == "password":
        password_form = PasswordChangeForm(request.POST)
        if password_form.is_valid():
            try:
                account_password_change(user=user, old_password=password_form.cleaned_data["old_password"],
                                        new_password=password_form.cleaned_data["new_password"])
            except (DomainError, DomainErrors) as exc:
                flash_errors(request, exc)
            else:
                update_session_auth_hash(request, user)
                messages.success(request, _("Đã đổi mật khẩu."))
                return redirect("storefront:account_profile")
    return render(request, "storefront/account/profile.html",
                  {"profile_form": profile_form, "password_form": password_form})


@login_required(login_url="storefront:login")
def addresses(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = AddressForm(request.POST or None)
    if request.method == "POST":
        action, address_id = request.POST.get("action"), request.POST.get("address", "")
        try:
            if action == "add" and form.is_valid():
                account_address_create(user=user, data=form.address_data())
                messages.success(request, _("Đã thêm địa chỉ."))
                return redirect("storefront:account_addresses")
            if action == "delete":
                account_address_delete(user=user, address_id=address_id)
                return redirect("storefront:account_addresses")
            if action in ("shipping", "billing"):
                account_default_address_set(user=user, address_id=address_id, address_type=action)
                return redirect("storefront:account_addresses")
        except (DomainError, DomainErrors) as exc:
            flash_errors(request, exc)
    user.refresh_from_db()
    return render(request, "storefront/account/addresses.html",
                  {"form": form, "addresses": user.addresses.order_by("pk"), "account_user": user})


@login_required(login_url="storefront:login")
@require_POST
def delete_request(request: HttpRequest) -> HttpResponse:
    account_deletion_request(user=request.user, redirect_url=None)
    messages.success(request, _("Chúng tôi đã gửi email có liên kết xác nhận xóa tài khoản."))
    return redirect("storefront:account_profile")


@login_required(login_url="storefront:login")
def delete_confirm(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("token", "")
    if request.method == "POST":
        try:
            account_delete(user=request.user, token=request.POST.get("token", ""))
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            logout(request)
            messages.success(request, _("Đã xóa tài khoản và dữ liệu cá nhân."))
            return redirect("storefront:home")
    return render(request, "storefront/account/delete_confirm.html", {"token": token})
