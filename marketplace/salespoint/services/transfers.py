"""Transfers between points: created at the source, shipped (the units leave the source: TRANSFER_OUT) and
received at the destination (TRANSFER_IN). In between the units are in transit and on no shelf. The transfer row
is locked for each step, so a transfer shipped or received twice is refused the second time."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.locks import client_token_lock
from marketplace.salespoint.models import StockTransfer, StockTransferLine, StockTransferStatus
from marketplace.salespoint.scope import salespoint_check_operator
from marketplace.salespoint.validation import (
    client_token_clean,
    lines_merge,
    quantity_whole,
    sales_point_active,
    variants_check_listable,
    variants_get,
)
from marketplace.warehouse.locks import stocks_lock
from marketplace.warehouse.models import Stock, StockMovementKind
from marketplace.warehouse.services import stock_get_or_create, stock_move

_STATUS_ERRORS = {
    StockTransferStatus.IN_TRANSIT: (SalesPointErrorCode.TRANSFER_ALREADY_SHIPPED,
                                     _lazy("Phiếu chuyển đã được xuất kho.")),
    StockTransferStatus.RECEIVED: (SalesPointErrorCode.TRANSFER_ALREADY_RECEIVED, _lazy("Phiếu chuyển đã được nhận.")),
    StockTransferStatus.CANCELLED: (SalesPointErrorCode.TRANSFER_CANCELLED, _lazy("Phiếu chuyển đã bị hủy.")),
    StockTransferStatus.CREATED: (SalesPointErrorCode.TRANSFER_NOT_SHIPPED, _lazy("Phiếu chuyển chưa được xuất kho.")),
}


def _transfer_lock(transfer_id: int, *, expected: str) -> StockTransfer:
    transfer = StockTransfer.objects.select_for_update(of=("self",)).filter(pk=transfer_id).first()
    if transfer is None:
        raise DomainError(_("Không tìm thấy phiếu chuyển."), code=SalesPointErrorCode.NOT_FOUND, field="id")
    if transfer.status != expected:
        code, message = _STATUS_ERRORS[transfer.status]
        raise DomainError(str(message), code=code, field="id")
    return transfer


def _available(*, warehouse_id: int, variant_ids: list[int]) -> dict[int, int]:
    rows = Stock.objects.filter(warehouse_id=warehouse_id, product_variant_id__in=variant_ids)
    return {s.product_variant_id: s.quantity - s.quantity_allocated for s in rows}


def _check_available(*, warehouse_id: int, wanted: dict[int, int], variants) -> None:
    available = _available(warehouse_id=warehouse_id, variant_ids=list(wanted))
    for variant_id, quantity in wanted.items():
        if available.get(variant_id, 0) < quantity:
            raise DomainError(
                _("Không đủ hàng: %(name)s chỉ còn %(n)s.")
                % {"name": variants[variant_id].product.name, "n": max(available.get(variant_id, 0), 0)},
                code=SalesPointErrorCode.INSUFFICIENT_STOCK, field="lines", variants=[variant_id])


@transaction.atomic
def stock_transfer_create(
    *, actor, source_id: int, destination_id: int, lines: list[tuple[int, int]], note: str = "",
    client_token: str | None = None, ship: bool = False,
) -> StockTransfer:
    """Create a transfer at the source (and ship it at once with `ship`, in the same transaction). With
    `client_token`, callers presenting the same token queue on its lock and all get the transfer the first made."""
    salespoint_check_operator(user=actor, warehouse_id=source_id)
    if (token := client_token_clean(client_token)) is not None:
        client_token_lock(scope="transfer", token=token)
        if (done := StockTransfer.objects.filter(client_token=token).first()) is not None:
            if done.source_id != source_id:
                raise DomainError(_("Mã chống gửi trùng đã được dùng cho một phiếu chuyển khác."),
                                  code=SalesPointErrorCode.INVALID, field="client_token")
            return done
    if source_id == destination_id:
        raise DomainError(_("Không thể chuyển hàng đến chính điểm bán này."), code=SalesPointErrorCode.SAME_POINT,
                          field="destination")
    sales_point_active(warehouse_id=source_id, field="source")
    sales_point_active(warehouse_id=destination_id, field="destination")
    wanted = lines_merge(lines)
    variants = variants_get(variant_ids=wanted)
    variants_check_listable(variants.values(), code=SalesPointErrorCode.PRODUCT_NOT_LISTABLE, field="lines")
    _check_available(warehouse_id=source_id, wanted=wanted, variants=variants)
    transfer = StockTransfer.objects.create(source_id=source_id, destination_id=destination_id, note=note.strip(),
                                            created_by=actor, client_token=token)
    transfer.number = f"CK{timezone.localdate():%y%m%d}-{transfer.pk:05d}"
    transfer.save(update_fields=["number"])
    StockTransferLine.objects.bulk_create(
        StockTransferLine(transfer=transfer, product_variant_id=variant_id, quantity=quantity)
        for variant_id, quantity in wanted.items())
    log_action(action="salespoint.transfer.created", obj=transfer, actor=actor,
               after={"source": source_id, "destination": destination_id, "lines": wanted})
    if ship:
        return stock_transfer_ship(actor=actor, transfer_id=transfer.pk)
    return transfer


@transaction.atomic
def stock_transfer_ship(*, actor, transfer_id: int) -> StockTransfer:
    transfer = _transfer_lock(transfer_id, expected=StockTransferStatus.CREATED)
    salespoint_check_operator(user=actor, warehouse_id=transfer.source_id)
    lines = list(transfer.lines.select_related("product_variant__product"))
    stocks = {s.product_variant_id: s for s in Stock.objects.filter(
        warehouse_id=transfer.source_id, product_variant_id__in=[line.product_variant_id for line in lines])}
    list(stocks_lock(stock_ids=[s.pk for s in stocks.values()]))  # all rows at once, in pk order
    _check_available(warehouse_id=transfer.source_id, wanted={ln.product_variant_id: ln.quantity for ln in lines},
                     variants={ln.product_variant_id: ln.product_variant for ln in lines})
    for line in lines:
        stock_move(stock_id=stocks[line.product_variant_id].pk, kind=StockMovementKind.TRANSFER_OUT,
                   quantity_delta=-line.quantity, actor=actor, reference=transfer.number)
    transfer.status = StockTransferStatus.IN_TRANSIT
    transfer.shipped_by = actor
    transfer.shipped_at = timezone.now()
    transfer.save(update_fields=["status", "shipped_by", "shipped_at", "updated_at"])
    log_action(action="salespoint.transfer.shipped", obj=transfer, actor=actor,
               before={"status": StockTransferStatus.CREATED}, after={"status": transfer.status})
    return transfer


@transaction.atomic
def stock_transfer_receive(
    *, actor, transfer_id: int, received: dict[int, int] | None = None, note: str = "",
) -> StockTransfer:
    """Receive at the destination. `received` (variant id -> units that arrived) defaults to everything shipped;
    fewer is allowed and recorded as a shortfall, more is refused."""
    transfer = _transfer_lock(transfer_id, expected=StockTransferStatus.IN_TRANSIT)
    salespoint_check_operator(user=actor, warehouse_id=transfer.destination_id)
    lines = {line.product_variant_id: line for line in transfer.lines.all()}
    counts = {variant_id: line.quantity for variant_id, line in lines.items()}
    for variant_id, quantity in (received or {}).items():
        if variant_id not in lines:
            raise DomainError(_("Sản phẩm này không có trong phiếu chuyển."), code=SalesPointErrorCode.NOT_IN_TRANSFER,
                              field="lines", variants=[variant_id])
        quantity = quantity_whole(quantity, field="lines", allow_zero=True)
        if quantity > lines[variant_id].quantity:
            raise DomainError(
                _("Số nhận (%(got)s) nhiều hơn số đã xuất (%(sent)s).")
                % {"got": quantity, "sent": lines[variant_id].quantity},
                code=SalesPointErrorCode.RECEIVED_MORE_THAN_SHIPPED, field="lines", variants=[variant_id])
        counts[variant_id] = quantity
    stock_ids = [stock_get_or_create(warehouse_id=transfer.destination_id, variant_id=v).pk for v in counts]
    list(stocks_lock(stock_ids=stock_ids))
    for (variant_id, quantity), stock_id in zip(counts.items(), stock_ids, strict=True):
        line = lines[variant_id]
        line.quantity_received = quantity
        line.save(update_fields=["quantity_received"])
        if quantity:
            stock_move(stock_id=stock_id, kind=StockMovementKind.TRANSFER_IN, quantity_delta=quantity, actor=actor,
                       reference=transfer.number,
                       reason=_("Thiếu %(n)s so với phiếu xuất") % {"n": line.quantity - quantity}
                       if quantity < line.quantity else "")
    transfer.status = StockTransferStatus.RECEIVED
    transfer.received_by = actor
    transfer.received_at = timezone.now()
    transfer.receive_note = note.strip()
    transfer.save(update_fields=["status", "received_by", "received_at", "receive_note", "updated_at"])
    log_action(action="salespoint.transfer.received", obj=transfer, actor=actor,
               before={"status": StockTransferStatus.IN_TRANSIT},
               after={"status": transfer.status, "received": counts})
    return transfer


@transaction.atomic
def stock_transfer_cancel(*, actor, transfer_id: int) -> StockTransfer:
    """Cancel a transfer not yet shipped (nothing has moved, so nothing is written to the ledger)."""
    transfer = _transfer_lock(transfer_id, expected=StockTransferStatus.CREATED)
    salespoint_check_operator(user=actor, warehouse_id=transfer.source_id)
    transfer.status = StockTransferStatus.CANCELLED
    transfer.save(update_fields=["status", "updated_at"])
    log_action(action="salespoint.transfer.cancelled", obj=transfer, actor=actor,
               before={"status": StockTransferStatus.CREATED}, after={"status": transfer.status})
    return transfer
