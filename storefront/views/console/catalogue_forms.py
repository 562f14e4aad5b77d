"""Catalogue console forms: they parse what was typed; prices are checked by the price service's own parser."""

from __future__ import annotations

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core.errors import DomainError
from marketplace.product.services import vnd_price_parse


def _price_field(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=20, widget=forms.TextInput(attrs={
        "inputmode": "numeric", "autocomplete": "off", "class": "price-input", "placeholder": _("Chưa có giá")}))


class ChannelOfferForm(forms.Form):
    """One channel of one product: publication settings and a price per packaging (fields `price_<id>`)."""

    is_published = forms.BooleanField(label=_("Đăng bán"), required=False)
    visible_in_listings = forms.BooleanField(label=_("Hiện trong danh sách và tìm kiếm"), required=False)
    available_from = forms.DateField(label=_("Mở bán từ ngày"), required=False,
                                     widget=forms.DateInput(attrs={"type": "date"}),
                                     error_messages={"invalid": _("Ngày không hợp lệ.")})

    def __init__(self, *args, variants=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.variant_rows = list(variants)
        for row in self.variant_rows:
            self.fields[f"price_{row.variant.pk}"] = _price_field(str(row.variant))

    def clean(self):
        data = super().clean()
        for row in self.variant_rows:
            key = f"price_{row.variant.pk}"
            raw = (data.get(key) or "").strip().replace(" ", "")
            if _looks_grouped(raw):
                raw = raw.replace(".", "").replace(",", "")
            if raw == "":
                data[key] = None
                continue
            try:
                data[key] = vnd_price_parse(raw)
            except DomainError as exc:
                self.add_error(key, exc.message)
        return data

    def prices(self) -> dict[int, object]:
        return {row.variant.pk: self.cleaned_data.get(f"price_{row.variant.pk}") for row in self.variant_rows}


def _looks_grouped(text: str) -> bool:
    """'125.000' / '1.250.000' (as Vietnamese write đồng) or '125,000'; '125000.5' is not grouped."""
    for separator in ".,":
        parts = text.split(separator)
        if len(parts) > 1 and parts[0].isdigit() and all(len(p) == 3 and p.isdigit() for p in parts[1:]):
            return True
    return False


class EditorJsField(forms.CharField):
    widget = forms.HiddenInput

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise forms.ValidationError(_("Nội dung mô tả không đọc được."))


class ContentForm(forms.Form):
    description = EditorJsField(required=False)
    name_en = forms.CharField(label=_("Tên tiếng Anh"), required=False, max_length=250)
    description_en = EditorJsField(required=False)
    story = forms.CharField(label=_("Câu chuyện của chủ thể"), required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 6}))
    story_en = forms.CharField(label=_("Câu chuyện của chủ thể (tiếng Anh)"), required=False, max_length=5000,
                               widget=forms.Textarea(attrs={"rows": 6}))


class MediaUploadForm(forms.Form):
    image = forms.FileField(label=_("Ảnh sản phẩm (JPEG, PNG, WebP, AVIF)"),
                            widget=forms.ClearableFileInput(attrs={"accept": "image/*"}))
    alt = forms.CharField(label=_("Mô tả ảnh (cho người khiếm thị)"), required=False, max_length=250)


class PriceListUploadForm(forms.Form):
    file = forms.FileField(label=_("Bảng giá đã sửa (.xlsx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
