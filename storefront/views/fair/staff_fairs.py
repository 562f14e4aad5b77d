"""Staff console: fairs (list, create, edit, publish, withdraw, delete), zones, side events, the campaign."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.core.errors import DomainError
from marketplace.core.permissions import DiscountPermissions, OcopPermissions
from marketplace.fair import services
from marketplace.fair.selectors import (
    booth_counts,
    booths_list,
    fair_products_lapsing,
    fairs_list,
    province_name,
    side_event_get,
    side_events_list,
    zone_get,
    zones_list,
)
from storefront.views.fair.access import form_errors_from, staff_fair, staff_required
from storefront.views.fair.forms import CampaignForm, FairForm, SideEventForm, ZoneForm

_FAIR_FIELDS = ("name", "start_at", "end_at", "venue_name", "venue_address", "province", "organiser", "latitude",
                "longitude", "description")


@staff_required()
def fair_list(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/fair/staff/list.html", {"fairs": fairs_list(public=False)})


def _fair_data(form: FairForm) -> services.FairData:
    data = {k: form.cleaned_data.get(k) for k in _FAIR_FIELDS}
    return services.FairData(**{k: ("" if v is None and k not in ("latitude", "longitude") else v)
                                for k, v in data.items()})


def _save_cover(request: HttpRequest, form: FairForm, fair) -> None:
    image = form.cleaned_data.get("cover_image")
    if image:
        services.fair_cover_image_set(fair=fair, image_name=image.name, image_bytes=image.read(),
                                      alt=form.cleaned_data.get("cover_image_alt") or "", actor=request.user)


@staff_required()
def fair_create(request: HttpRequest) -> HttpResponse:
    form = FairForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            fair = services.fair_create(data=_fair_data(form), actor=request.user)
            _save_cover(request, form, fair)
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Đã tạo hội chợ (bản nháp). Hãy thêm khu, gian hàng rồi công bố."))
            return redirect("storefront:staff_fair_detail", fair.slug)
    return render(request, "storefront/fair/staff/fair_form.html", {"form": form, "fair": None})


@staff_required()
def fair_edit(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    initial = {**services.fair_data_of(fair).__dict__, "start_at": timezone.localtime(fair.start_at),
               "end_at": timezone.localtime(fair.end_at), "cover_image_alt": fair.cover_image_alt}
    form = FairForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            fair = services.fair_update(fair=fair, data=_fair_data(form), actor=request.user)
            _save_cover(request, form, fair)
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("storefront:staff_fair_detail", fair.slug)
    return render(request, "storefront/fair/staff/fair_form.html", {"form": form, "fair": fair})


@staff_required()
def fair_detail(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    return render(request, "storefront/fair/staff/detail.html", {
        "fair": fair, "province_name": province_name(fair.province_code), "zones": zones_list(fair=fair),
        "booths": booths_list(fair=fair), "side_events": side_events_list(fair=fair),
        "counts": booth_counts(fair=fair), "lapsing": fair_products_lapsing(fair=fair),
        "zone_form": ZoneForm(), "side_event_form": SideEventForm(
            initial={"start_at": timezone.localtime(fair.start_at)}),
    })


def _act(request: HttpRequest, slug: str, action, success: str) -> HttpResponse:
    fair = staff_fair(slug)
    try:
        action(fair)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("storefront:staff_fair_detail", slug)


@require_POST
@staff_required()
def fair_publish(request: HttpRequest, slug: str) -> HttpResponse:
    return _act(request, slug, lambda f: services.fair_publish(fair=f, actor=request.user),
                _("Đã công bố hội chợ: khách đã xem được trang hội chợ."))


@require_POST
@staff_required()
def fair_unpublish(request: HttpRequest, slug: str) -> HttpResponse:
    return _act(request, slug, lambda f: services.fair_unpublish(fair=f, actor=request.user),
                _("Đã rút hội chợ về bản nháp; giá hội chợ không còn áp dụng."))


@require_POST
@staff_required()
def fair_delete(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    try:
        services.fair_delete(fair=fair, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("storefront:staff_fair_detail", slug)
    messages.success(request, _("Đã xoá hội chợ."))
    return redirect("storefront:staff_fair_list")


@require_POST
@staff_required()
def zone_create(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    form = ZoneForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.zone_create(fair=fair, name=data["name"], code=data["code"], kind=data["kind"],
                                 province=data["province"], actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã thêm khu."))
    else:
        messages.error(request, _("Khu cần có tên."))
    return redirect("storefront:staff_fair_detail", slug)


@require_POST
@staff_required()
def zone_delete(request: HttpRequest, slug: str, zone_id: int) -> HttpResponse:
    fair = staff_fair(slug)
    zone = zone_get(pk=zone_id)
    if zone is None or zone.fair_id != fair.pk:
        raise Http404
    return _act(request, slug, lambda f: services.zone_delete(zone=zone, actor=request.user), _("Đã xoá khu."))


@staff_required()
def side_event_create(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    form = SideEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.side_event_create(fair=fair, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Đã thêm sự kiện."))
            return redirect("storefront:staff_fair_detail", slug)
    return render(request, "storefront/fair/staff/side_event_form.html", {"fair": fair, "form": form})


@require_POST
@staff_required()
def side_event_delete(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    fair = staff_fair(slug)
    event = side_event_get(pk=event_id)
    if event is None or event.fair_id != fair.pk:
        raise Http404
    return _act(request, slug, lambda f: services.side_event_delete(event=event, actor=request.user),
                _("Đã xoá sự kiện."))


@staff_required(OcopPermissions.MANAGE_FAIRS, DiscountPermissions.MANAGE_DISCOUNTS)
def campaign_edit(request: HttpRequest, slug: str) -> HttpResponse:
    fair = staff_fair(slug)
    booths = booths_list(fair=fair)
    initial = {"reward_value_type": fair.reward_value_type, "reward_value": fair.reward_value}
    for booth in booths:
        initial[f"booth_{booth.pk}_type"] = booth.reward_value_type
        initial[f"booth_{booth.pk}_value"] = booth.reward_value
    form = CampaignForm(request.POST or None, booths=booths, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if request.POST.get("clear"):
                services.fair_campaign_clear(fair=fair, actor=request.user)
            else:
                services.fair_campaign_set(
                    fair=fair, reward_value_type=data["reward_value_type"] or None,
                    reward_value=data["reward_value"] if data["reward_value_type"] else None,
                    booth_rewards=form.booth_rewards(), actor=request.user)
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Đã lưu giá hội chợ."))
            return redirect("storefront:staff_fair_detail", slug)
    return render(request, "storefront/fair/staff/campaign.html", {"fair": fair, "form": form})
