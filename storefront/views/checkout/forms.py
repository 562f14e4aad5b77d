"""Forms of the checkout steps. Validation of addresses is the service's (account.addresses); these only
collect the fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core.geography import PROVINCES


class ContactForm(forms.Form):
    email = forms.EmailField(label=_("Email nhận xác nhận đơn"), max_length=254)
    name = forms.CharField(label=_("Họ và tên"), max_length=200)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=32)
    note = forms.CharField(label=_("Ghi chú cho người bán"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class AddressForm(forms.Form):
    name = forms.CharField(label=_("Người nhận"), max_length=200)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=32)
    street = forms.CharField(label=_("Số nhà, tên đường"), max_length=256)
    commune = forms.CharField(label=_("Xã/phường"), max_length=256)
    province = forms.ChoiceField(label=_("Tỉnh/thành phố"),
                                 choices=[("", _("— Chọn tỉnh/thành phố —"))] + [(p.name, p.name) for p in PROVINCES])

    def address_data(self) -> dict:
        d = self.cleaned_data
        return {"first_name": d["name"], "phone": d["phone"], "street_address_1": d["street"], "city": d["commune"],
                "country_area": d["province"], "country": "VN"}


class LoginForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    password = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput)


class RegisterForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"))
    password = forms.CharField(label=_("Mật khẩu (ít nhất 8 ký tự)"), widget=forms.PasswordInput)
