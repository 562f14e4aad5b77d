"""Photos in the catalogue console: upload, alt text, move up/down, delete (MANAGE_PRODUCTS)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.core.errors import DomainError
from marketplace.product.media import (
    media_max_bytes,
    product_media_alt_set,
    product_media_delete,
    product_media_reorder,
    product_media_upload,
)
from marketplace.product.selectors import product_media_for_product, product_media_get
from storefront.views.console.catalogue import catalogue_staff, product_or_404
from storefront.views.console.catalogue_forms import MediaUploadForm


def _url(product_id: int) -> str:
    return reverse("storefront:console:catalogue_product", kwargs={"product_id": product_id}) + "#anh"


@require_POST
@catalogue_staff
def media_upload(request: HttpRequest, product_id: int) -> HttpResponse:
    detail = product_or_404(product_id)
    form = MediaUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect(_url(product_id))
    upload = form.cleaned_data["image"]
    try:
        if upload.size > media_max_bytes():
            raise DomainError(_("Ảnh quá lớn (tối đa %(mb)s MB).") % {"mb": media_max_bytes() // (1024 * 1024)},
                              code="FILE_SIZE_LIMIT_EXCEEDED")
        product_media_upload(product=detail.product, data=upload.read(), filename=upload.name or "",
                             content_type=upload.content_type, alt=form.cleaned_data["alt"], actor=request.user)
        messages.success(request, _("Đã tải ảnh lên."))
    except DomainError as exc:
        messages.error(request, f"{exc.message} ({exc.code})")
    return redirect(_url(product_id))


@require_POST
@catalogue_staff
def media_change(request: HttpRequest, product_id: int, media_id: int) -> HttpResponse:
    media = product_media_get(media_id=media_id)
    if media is None or media.product_id != product_id:
        raise Http404
    action = request.POST.get("action")
    try:
        if action == "alt":
            product_media_alt_set(media=media, alt=request.POST.get("alt", ""), actor=request.user)
            messages.success(request, _("Đã lưu mô tả ảnh."))
        elif action == "delete":
            product_media_delete(media=media, actor=request.user)
            messages.success(request, _("Đã xoá ảnh."))
        elif action in ("up", "down"):
            order = [m.pk for m in product_media_for_product(product_id=product_id)]
            i = order.index(media.pk)
            j = i - 1 if action == "up" else i + 1
            if 0 <= j < len(order):
                order[i], order[j] = order[j], order[i]
                product_media_reorder(product=media.product, media_ids=order, actor=request.user)
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
    except DomainError as exc:
        messages.error(request, f"{exc.message} ({exc.code})")
    return redirect(_url(product_id))
