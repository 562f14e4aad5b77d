"""Forms for the fair console. They check input types only; rules live in the fair services."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.core.geography import PROVINCES
from marketplace.fair.booth_import import MAX_FILE_BYTES as BOOTH_IMPORT_MAX_BYTES
from marketplace.fair.models import FairZoneKind, SideEventKind

_DT = {"widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}
PROVINCE_CHOICES = [(p.code, p.name) for p in sorted(PROVINCES, key=lambda p: p.name)]
COVER_IMAGE_MAX_BYTES = 5 * 1024 * 1024


def max_size(limit: int):
    """A form-field validator: an upload over `limit` bytes gets a message before anything reads it."""
    def validate(upload) -> None:
        if upload is not None and upload.size > limit:
            raise ValidationError(_("Tệp quá lớn (%(size)s KB): tối đa %(max)s KB."),
                                  params={"size": upload.size // 1024, "max": limit // 1024}, code="file_too_large")
    return validate


class FairForm(forms.Form):
    name = forms.CharField(label=_("Tên hội chợ"), max_length=255)
    start_at = forms.DateTimeField(label=_("Bắt đầu (giờ Việt Nam)"), **_DT)
    end_at = forms.DateTimeField(label=_("Kết thúc (giờ Việt Nam)"), **_DT)
    venue_name = forms.CharField(label=_("Địa điểm"), max_length=255)
    venue_address = forms.CharField(label=_("Địa chỉ"), max_length=500, required=False)
    province = forms.ChoiceField(label=_("Tỉnh/thành"), choices=PROVINCE_CHOICES)
    organiser = forms.CharField(label=_("Đơn vị tổ chức"), max_length=255, required=False)
    latitude = forms.DecimalField(label=_("Vĩ độ"), required=False, max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(label=_("Kinh độ"), required=False, max_digits=9, decimal_places=6)
    description = forms.CharField(label=_("Giới thiệu"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    cover_image = forms.ImageField(label=_("Ảnh bìa"), required=False, validators=[max_size(COVER_IMAGE_MAX_BYTES)])
    cover_image_alt = forms.CharField(label=_("Mô tả ảnh bìa"), max_length=255, required=False)


class ZoneForm(forms.Form):
    name = forms.CharField(label=_("Tên khu"), max_length=120)
    code = forms.CharField(label=_("Ký hiệu"), max_length=20, required=False)
    kind = forms.ChoiceField(label=_("Chia theo"), choices=FairZoneKind.choices)
    province = forms.ChoiceField(label=_("Tỉnh/thành"), choices=[("", "—"), *PROVINCE_CHOICES], required=False)


class BoothForm(forms.Form):
    code = forms.CharField(label=_("Mã gian hàng"), max_length=40, help_text=_("Ví dụ A-12"))
    zone = forms.TypedChoiceField(label=_("Khu"), coerce=int, required=False, empty_value=None)
    producer = forms.CharField(label=_("Chủ thể (tên hoặc mã số thuế)"), max_length=300)
    sales_point = forms.TypedChoiceField(label=_("Điểm bán (kho hàng của gian)"), coerce=int, required=False,
                                         empty_value=None)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args, zones=(), sales_points=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].choices = [("", "—"), *((z.pk, z.name) for z in zones)]
        self.fields["sales_point"].choices = [("", "—"), *((w.pk, w.name) for w in sales_points)]


class BoothProductsForm(forms.Form):
    products = forms.TypedMultipleChoiceField(label=_("Sản phẩm trưng bày"), coerce=int, required=False,
                                              widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["products"].choices = [(c.product.pk, c.product.name) for c in candidates]


class BoothImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"), validators=[max_size(BOOTH_IMPORT_MAX_BYTES)])
    dry_run = forms.BooleanField(label=_("Chỉ kiểm tra, chưa lưu"), required=False)


class SideEventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=SideEventKind.choices)
    title = forms.CharField(label=_("Tên sự kiện"), max_length=255)
    start_at = forms.DateTimeField(label=_("Bắt đầu"), **_DT)
    end_at = forms.DateTimeField(label=_("Kết thúc"), required=False, **_DT)
    location = forms.CharField(label=_("Nơi diễn ra"), max_length=255, required=False)
    stream_url = forms.URLField(label=_("Đường dẫn livestream"), required=False, assume_scheme="https")
    description = forms.CharField(label=_("Mô tả"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


REWARD_CHOICES = [("", _("Không giảm")), ("percentage", _("Giảm theo %")), ("fixed", _("Giảm số tiền (₫)"))]


class CampaignForm(forms.Form):
    """The fair-wide discount, then one pair of fields per booth (empty: follow the fair-wide one)."""

    reward_value_type = forms.ChoiceField(label=_("Giảm giá toàn hội chợ"), choices=REWARD_CHOICES, required=False)
    reward_value = forms.DecimalField(label=_("Mức giảm"), required=False, min_value=0, decimal_places=2)

    def __init__(self, *args, booths=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.booths = list(booths)
        for booth in self.booths:
            self.fields[f"booth_{booth.pk}_type"] = forms.ChoiceField(
                label=booth.code, choices=[("", _("Theo toàn hội chợ")), *REWARD_CHOICES[1:]], required=False)
            self.fields[f"booth_{booth.pk}_value"] = forms.DecimalField(label=_("Mức giảm"), required=False,
                                                                        min_value=0, decimal_places=2)

    def booth_rows(self):
        return [(b, self[f"booth_{b.pk}_type"], self[f"booth_{b.pk}_value"]) for b in self.booths]

    def booth_rewards(self) -> dict:
        data = self.cleaned_data
        return {b.pk: (data.get(f"booth_{b.pk}_type") or None,
                       data.get(f"booth_{b.pk}_value") if data.get(f"booth_{b.pk}_type") else None)
                for b in self.booths}
