"""/quan-ly/san-pham/: the catalogue console for MANAGE_PRODUCTS — the product list (search, "no price yet"),
and one product's prices and publication per packaging and channel."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.certification.selectors import certificate_current_for_product
from marketplace.channel.selectors import channel_get_by_slug, channel_list
from marketplace.core.errors import DomainError
from marketplace.core.permissions import ProductPermissions
from marketplace.product.catalogue_selectors import catalogue_product_get, catalogue_products
from marketplace.product.listings import ListingChange, product_channel_offer_set
from storefront.views.console.catalogue_forms import ChannelOfferForm, ContentForm, MediaUploadForm
from storefront.views.fair.access import staff_required

PAGE_SIZE = 30
catalogue_staff = staff_required(ProductPermissions.MANAGE_PRODUCTS)


def product_or_404(product_id: int):
    detail = catalogue_product_get(product_id=product_id)
    if detail is None:
        raise Http404
    return detail


@catalogue_staff
def product_list(request: HttpRequest) -> HttpResponse:
    channels = list(channel_list())
    channel = channel_get_by_slug(slug=request.GET.get("kenh") or None)
    search = request.GET.get("q", "").strip()
    without_price = request.GET.get("chua_co_gia") == "1"
    products = catalogue_products(search=search, channel_id=channel.pk, without_price=without_price) \
        if channel else []
    page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "storefront/console/catalogue/list.html", {
        "active": "catalogue", "page": page, "search": search, "without_price": without_price,
        "channel": channel, "channels": channels})


def _offer_forms(detail, data=None, only_channel: int | None = None) -> list[tuple]:
    forms = []
    for panel in detail.channels:
        listing = panel.listing
        initial = {"is_published": bool(listing and listing.is_published),
                   "visible_in_listings": listing.visible_in_listings if listing else True,
                   "available_from": timezone.localtime(listing.available_for_purchase_at).date()
                   if listing and listing.available_for_purchase_at else None,
                   **{f"price_{row.variant.pk}": int(row.price) if row.price is not None else ""
                      for row in panel.variants}}
        bound = data if data is not None and panel.channel.pk == only_channel else None
        form = ChannelOfferForm(bound, initial=initial, variants=panel.variants, prefix=f"c{panel.channel.pk}")
        forms.append((panel, form))
    return forms


@catalogue_staff
def product_detail(request: HttpRequest, product_id: int) -> HttpResponse:
    detail = product_or_404(product_id)
    offer_forms = _offer_forms(detail)
    if request.method == "POST":
        try:
            channel_id = int(request.POST.get("channel", ""))
        except ValueError:
            channel_id = None
        offer_forms = _offer_forms(detail, request.POST, only_channel=channel_id)
        form = next((f for panel, f in offer_forms if panel.channel.pk == channel_id), None)
        if form is None:
            messages.error(request, _("Không tìm thấy kênh bán."))
        elif form.is_valid():
            day = form.cleaned_data["available_from"]
            change = ListingChange(
                channel_id=channel_id, is_published=form.cleaned_data["is_published"],
                visible_in_listings=form.cleaned_data["visible_in_listings"],
                is_available_for_purchase=bool(day) or form.cleaned_data["is_published"],
                available_for_purchase_at=timezone.make_aware(datetime.combine(day, time.min)) if day else None)
            try:
                product_channel_offer_set(product=detail.product, change=change, prices=form.prices(),
                                          actor=request.user)
                messages.success(request, _("Đã lưu giá và trạng thái đăng bán."))
                return redirect("storefront:console:catalogue_product", product_id=product_id)
            except DomainError as exc:
                form.add_error(None, f"{exc.message} ({exc.code})")
    return render(request, "storefront/console/catalogue/product.html", {
        "active": "catalogue", "detail": detail, "product": detail.product, "offer_forms": offer_forms,
        "certificate": certificate_current_for_product(product_id=product_id),
        "upload_form": MediaUploadForm(), "content_form": ContentForm()},
        status=400 if request.method == "POST" else 200)
