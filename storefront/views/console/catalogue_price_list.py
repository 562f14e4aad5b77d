"""The Excel price list in the catalogue console: download the current one; upload the edited one for a dry run
(a report by row number, nothing written); then apply it (written only if no row is refused)."""

from __future__ import annotations

import base64
import hashlib

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.product.price_list import price_list_export, price_list_import
from storefront.views.console.catalogue import catalogue_staff
from storefront.views.console.catalogue_forms import PriceListUploadForm

SESSION_KEY = "catalogue_price_list"
MAX_BYTES = 5 * 1024 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@catalogue_staff
def price_list(request: HttpRequest) -> HttpResponse:
    if request.GET.get("tai") == "1":
        response = HttpResponse(price_list_export(), content_type=XLSX)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="bang-gia-ocop-{stamp}.xlsx"'
        return response
    form, report, status, digest = PriceListUploadForm(), None, 200, ""
    if request.method == "POST" and request.POST.get("action") == "apply":
        stored = request.session.get(SESSION_KEY)
        if not stored or stored["digest"] != request.POST.get("digest"):
            messages.error(request, _("Hãy tải bảng giá lên và chạy thử lại trước khi áp dụng."))
            return redirect("storefront:console:catalogue_price_list")
        report = price_list_import(data=base64.b64decode(stored["data"]), dry_run=False, actor=request.user)
        if not report.errors:
            del request.session[SESSION_KEY]
            messages.success(request, _("Đã áp dụng %(n)s dòng thay đổi.") % {"n": len(report.changes)})
            return redirect("storefront:console:catalogue_price_list")
        status = 400
    elif request.method == "POST":
        form = PriceListUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_BYTES:
                form.add_error("file", _("Tệp quá lớn (tối đa 5 MB)."))
            else:
                data = upload.read()
                report = price_list_import(data=data, dry_run=True, actor=request.user)
                digest = hashlib.sha256(data).hexdigest()
                if report.errors:
                    request.session.pop(SESSION_KEY, None)
                    status = 400
                else:
                    request.session[SESSION_KEY] = {"digest": digest, "data": base64.b64encode(data).decode()}
        if not form.is_valid() or form.errors:
            status = 400
    return render(request, "storefront/console/catalogue/price_list.html", {
        "active": "catalogue", "form": form, "report": report, "digest": digest}, status=status)
