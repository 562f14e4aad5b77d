"""Transfers: the list and create form at a point, and one transfer's page (ship, cancel, receive)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.salespoint import selectors, services
from marketplace.salespoint.scope import user_operates
from storefront.views.console.common import flash_error, point_context, point_view
from storefront.views.console.forms import TransferForm, line_quantities

NOT_WHOLE = _("Số lượng phải là số nguyên.")


@point_view
def transfer_list(request: HttpRequest, point) -> HttpResponse:
    destinations = selectors.transfer_destinations(warehouse_id=point.warehouse_id)
    form = TransferForm(request.POST or None, destinations=destinations, initial={"token": uuid.uuid4().hex})
    lines = selectors.stock_lines(warehouse_id=point.warehouse_id).filter(quantity__gt=0)
    if request.method == "POST" and form.is_valid():
        quantities, bad = line_quantities(request.POST, "qty_", skip_zero=True)
        if bad:
            messages.error(request, f"{NOT_WHOLE} (INVALID_QUANTITY)")
        else:
            try:
                transfer = services.stock_transfer_create(
                    actor=request.user, source_id=point.warehouse_id, destination_id=form.cleaned_data["destination"],
                    lines=list(quantities.items()), note=form.cleaned_data["note"],
                    client_token=form.cleaned_data["token"], ship=form.cleaned_data["ship_now"])
            except DomainError as exc:
                flash_error(request, exc)
            else:
                messages.success(request, _("Đã tạo phiếu chuyển %(n)s.") % {"n": transfer.number})
                return redirect("storefront:console:transfer", slug=point.warehouse.slug, transfer_id=transfer.pk)
    return render(request, "storefront/console/transfers.html", point_context(
        point, "transfers", form=form, lines=lines, typed=request.POST,
        transfers=selectors.transfers_for_point(warehouse_id=point.warehouse_id)[:50]))


@point_view
def transfer_detail(request: HttpRequest, point, transfer_id: int) -> HttpResponse:
    transfer = selectors.transfer_for_user(user=request.user, transfer_id=transfer_id)
    if point.warehouse_id not in (transfer.source_id, transfer.destination_id):
        raise DomainError(_("Không tìm thấy phiếu chuyển."), code="NOT_FOUND")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "ship":
                services.stock_transfer_ship(actor=request.user, transfer_id=transfer.pk)
                messages.success(request, _("Đã xuất kho. Hàng đang trên đường đến điểm nhận."))
            elif action == "cancel":
                services.stock_transfer_cancel(actor=request.user, transfer_id=transfer.pk)
                messages.success(request, _("Đã hủy phiếu chuyển."))
            elif action == "receive":
                received, bad = line_quantities(request.POST, "got_", skip_zero=False)
                if bad:
                    raise DomainError(NOT_WHOLE, code="INVALID_QUANTITY")
                services.stock_transfer_receive(actor=request.user, transfer_id=transfer.pk, received=received,
                                                note=request.POST.get("note", ""))
                messages.success(request, _("Đã nhận hàng vào kho."))
        except DomainError as exc:
            flash_error(request, exc)
        return redirect("storefront:console:transfer", slug=point.warehouse.slug, transfer_id=transfer.pk)
    return render(request, "storefront/console/transfer.html", point_context(
        point, "transfers", transfer=transfer, lines=selectors.transfer_lines(transfer_id=transfer.pk),
        at_source=user_operates(user=request.user, warehouse_id=transfer.source_id),
        at_destination=user_operates(user=request.user, warehouse_id=transfer.destination_id)))
