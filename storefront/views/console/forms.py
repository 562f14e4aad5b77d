"""Console forms: they only parse what was typed; the rules (scope, listing rule, stock) are the services'."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core.text import ascii_int

QUANTITY_ERRORS = {"invalid": _("Số lượng phải là số nguyên."), "min_value": _("Số lượng phải lớn hơn 0.")}


class ReceiveForm(forms.Form):
    variant = forms.IntegerField(widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Số lượng nhận"), min_value=1, error_messages=QUANTITY_ERRORS,
                                  widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}))
    delivery_note = forms.CharField(label=_("Số phiếu giao hàng"), max_length=200)
    supplier = forms.CharField(label=_("Đơn vị giao (nếu khác chủ thể)"), max_length=200, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class AdjustForm(forms.Form):
    variant = forms.IntegerField(widget=forms.HiddenInput)
    counted_quantity = forms.IntegerField(
        label=_("Số lượng thực tế đếm được"), min_value=0,
        error_messages={"invalid": _("Số lượng phải là số nguyên."), "min_value": _("Số lượng không được âm.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}))
    reason = forms.CharField(label=_("Lý do"), max_length=500)


class ThresholdForm(forms.Form):
    threshold = forms.IntegerField(label=_("Ngưỡng cảnh báo"), min_value=0, required=False,
                                   error_messages={"invalid": _("Ngưỡng phải là số nguyên."),
                                                   "min_value": _("Ngưỡng không được âm.")})


class CounterAddForm(forms.Form):
    code = forms.CharField(required=False, max_length=200)
    variant = forms.IntegerField(required=False)
    quantity = forms.IntegerField(min_value=1, initial=1, error_messages=QUANTITY_ERRORS)


class CounterPayForm(forms.Form):
    payment_method = forms.ChoiceField(label=_("Thanh toán"))
    amount_tendered = forms.IntegerField(label=_("Khách đưa (đ)"), min_value=0, required=False)
    terminal_reference = forms.CharField(label=_("Mã chuẩn chi (máy POS)"), max_length=64, required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, payment_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payment_method"].choices = payment_choices


class TransferForm(forms.Form):
    destination = forms.TypedChoiceField(label=_("Chuyển đến"), coerce=int)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)
    ship_now = forms.BooleanField(label=_("Xuất kho ngay"), required=False, initial=True)
    # A fresh token per form shown: a double click or a resubmitted form returns the transfer already made.
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, destinations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].choices = [("", "—")] + [(p.warehouse_id, p.warehouse.name) for p in destinations]


def line_quantities(data, prefix: str, *, skip_zero: bool) -> tuple[dict[int, int], list[str]]:
    """Read `<prefix><id>` inputs: {id: whole number} (blanks skipped, zeros too when asked) and the inputs that
    are not whole numbers. Negative numbers pass through: the service refuses them with its own code."""
    quantities: dict[int, int] = {}
    bad: list[str] = []
    for key, raw in data.items():
        if not key.startswith(prefix) or not str(raw).strip():
            continue
        ident, text = ascii_int(key[len(prefix):], max_digits=18), str(raw).strip()
        value = ascii_int(text.removeprefix("-"))
        if ident is None or value is None:
            bad.append(key[len(prefix):])
            continue
        value = -value if text.startswith("-") else value
        if value or not skip_zero:
            quantities[ident] = value
    return quantities, bad
