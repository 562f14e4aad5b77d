"""Forms of the staff and permission-group pages: they parse what was typed; the rules (who may grant what, the
last admin) are account.staff / account.groups'."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core.permissions import ALL_PERMISSIONS

PERMISSION_LABELS = {
    "MANAGE_USERS": _("Quản lý khách hàng"),
    "MANAGE_STAFF": _("Quản lý nhân viên và nhóm quyền"),
    "MANAGE_PRODUCTS": _("Quản lý sản phẩm, giá và ảnh"),
    "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES": _("Quản lý loại sản phẩm và thuộc tính"),
    "MANAGE_CHANNELS": _("Quản lý kênh bán"),
    "MANAGE_ORDERS": _("Quản lý đơn hàng"),
    "MANAGE_CHECKOUTS": _("Quản lý giỏ hàng"),
    "HANDLE_PAYMENTS": _("Xử lý thanh toán"),
    "MANAGE_DISCOUNTS": _("Quản lý khuyến mãi"),
    "MANAGE_MENUS": _("Quản lý menu"),
    "MANAGE_PAGES": _("Quản lý trang nội dung"),
    "MANAGE_SALES_POINTS": _("Quản lý mọi điểm bán"),
    "OPERATE_SALES_POINTS": _("Vận hành điểm bán (không cần nếu đã được phân công điểm)"),
    "MANAGE_FAIRS": _("Quản lý hội chợ"),
    "MANAGE_REGISTRY_SYNC": _("Quản lý đồng bộ cơ sở dữ liệu OCOP"),
    "MANAGE_SHIPPING": _("Quản lý vận chuyển"),
    "MANAGE_SETTINGS": _("Quản lý cấu hình"),
}


def permission_choices() -> list[tuple[str, str]]:
    return [(p.name, f"{PERMISSION_LABELS.get(p.name, p.name)} ({p.name})") for p in ALL_PERMISSIONS]


class StaffForm(forms.Form):
    email = forms.EmailField(label=_("Email"), error_messages={"required": _("Cần nhập email."),
                                                               "invalid": _("Email không hợp lệ.")})
    first_name = forms.CharField(label=_("Tên"), max_length=256, required=False)
    last_name = forms.CharField(label=_("Họ"), max_length=256, required=False)
    groups = forms.TypedMultipleChoiceField(label=_("Nhóm quyền"), coerce=int, required=False,
                                            widget=forms.CheckboxSelectMultiple)
    points = forms.TypedMultipleChoiceField(label=_("Điểm bán phụ trách (là người vận hành điểm đó)"), coerce=int,
                                            required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, groups: list[tuple[int, str]], points: list[tuple[int, str]] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].choices = groups
        if points is None:  # the person editing may not assign points
            del self.fields["points"]
        else:
            self.fields["points"].choices = points


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Tên nhóm"), max_length=150, error_messages={"required": _("Cần nhập tên nhóm.")})
    permissions = forms.MultipleChoiceField(label=_("Quyền"), required=False, widget=forms.CheckboxSelectMultiple)
    members = forms.TypedMultipleChoiceField(label=_("Thành viên"), coerce=int, required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, members: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["permissions"].choices = permission_choices()
        self.fields["members"].choices = members


class EmailForm(forms.Form):
    email = forms.EmailField(label=_("Email"), error_messages={"required": _("Cần nhập email."),
                                                               "invalid": _("Email không hợp lệ.")})


class SetPasswordForm(forms.Form):
    password = forms.CharField(label=_("Mật khẩu mới"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(label=_("Nhập lại mật khẩu mới"), strip=False,
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("Hai mật khẩu không giống nhau."))
        return data
