"""Receiving, count corrections and low-stock thresholds at a sales point. Every change of quantity goes through
warehouse.services.stock_move, which writes the ledger row and the audit entry under a row lock."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.certification.selectors import listable_product_ids
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.models import StockThreshold
from marketplace.salespoint.scope import salespoint_check_operator
from marketplace.salespoint.validation import (
    product_names,
    quantity_whole,
    text_required,
    variant_product_ids,
    variants_check_listable,
    variants_get,
    warehouse_usable,
)
from marketplace.warehouse.locks import stocks_lock, stocks_lock_quantities
from marketplace.warehouse.models import Stock, StockMovement, StockMovementKind
from marketplace.warehouse.services import (
    StockChange,
    stock_get_or_create,
    stock_ids_get_or_create,
    stock_move,
    stock_moves_bulk,
)


@transaction.atomic
def stock_receive(
    *, actor, warehouse_id: int, variant_id: int, quantity: int, delivery_note: str, supplier: str = "",
    note: str = "",
) -> StockMovement:
    """Goods delivered by a producer: only products that pass the listing rule may come onto the shelf."""
    salespoint_check_operator(user=actor, warehouse_id=warehouse_id)
    warehouse_usable(warehouse_id=warehouse_id)
    quantity = quantity_whole(quantity)
    delivery_note = text_required(delivery_note, field="delivery_note",
                                  message=_("Cần nhập số phiếu giao hàng."))
    variant = variants_get(variant_ids=[variant_id])[variant_id]
    variants_check_listable([variant], code=SalesPointErrorCode.PRODUCT_NOT_LISTABLE, field="variant")
    stock = stock_get_or_create(warehouse_id=warehouse_id, variant_id=variant_id)
    supplier = supplier.strip() or (variant.product.producer.name if variant.product.producer_id else "")
    reason = " · ".join(p for p in (supplier, note.strip()) if p)
    return stock_move(stock_id=stock.pk, kind=StockMovementKind.RECEIVE, quantity_delta=quantity, actor=actor,
                      reference=delivery_note[:200], reason=reason)


@transaction.atomic
def stock_adjust(
    *, actor, warehouse_id: int, variant_id: int, counted_quantity: int, reason: str,
) -> StockMovement | None:
    """A count correction: the shelf holds `counted_quantity`; the difference is written with its reason.
    Returns None when the count matches (nothing to write). Adding units of a product that fails the listing
    rule is refused (it would be a receipt in disguise); writing them off is allowed."""
    salespoint_check_operator(user=actor, warehouse_id=warehouse_id)
    warehouse_usable(warehouse_id=warehouse_id)
    counted_quantity = quantity_whole(counted_quantity, allow_zero=True)
    reason = text_required(reason, field="reason", message=_("Cần ghi lý do điều chỉnh."))
    variant = variants_get(variant_ids=[variant_id])[variant_id]
    stock = stock_get_or_create(warehouse_id=warehouse_id, variant_id=variant_id)
    locked = stocks_lock(stock_ids=[stock.pk]).get()
    delta = counted_quantity - locked.quantity
    if delta == 0:
        return None
    if delta > 0:
        variants_check_listable([variant], code=SalesPointErrorCode.PRODUCT_NOT_LISTABLE, field="variant")
    if counted_quantity < locked.quantity_allocated:
        raise DomainError(
            _("Không thể đặt tồn kho %(counted)s: %(allocated)s sản phẩm đang được giữ cho đơn trực tuyến.")
            % {"counted": counted_quantity, "allocated": locked.quantity_allocated},
            code=SalesPointErrorCode.INSUFFICIENT_STOCK, field="counted_quantity")
    return stock_move(stock_id=stock.pk, kind=StockMovementKind.ADJUST, quantity_delta=delta, actor=actor,
                      reason=reason)


@transaction.atomic
def stock_quantities_set(*, actor, items: list[tuple[int, int, int]], reason: str) -> list[Stock]:
    """Set absolute quantities [(warehouse id, variant id, quantity)] all or nothing, each as a count correction
    (Saleor's productVariantStocksUpdate / stockBulkUpdate). A refused item raises with its `index`."""
    errors = stock_counts_set(actor=actor, items=items, reason=reason)
    if errors:
        raise errors[min(errors)]
    stocks = {(s.warehouse_id, s.product_variant_id): s for s in Stock.objects.filter(
        warehouse_id__in={w for w, _v, _q in items}, product_variant_id__in={v for _w, v, _q in items})}
    return [stocks[(w, v)] for w, v, _q in items]


@transaction.atomic
def stock_counts_set(*, actor, items: list[tuple[int, int, int]], reason: str, all_or_nothing: bool = True
                     ) -> dict[int, DomainError]:
    """Count corrections for many lines at once [(warehouse id, variant id, counted quantity)], with stock_adjust's
    rules (a missing stock line is created; adding units of a product failing the listing rule is refused; a
    count below what online orders hold is refused), in a fixed number of queries whatever the number of items.
    Returns the refused items by index with their DomainError (each error also carries `index`). All or nothing
    writes nothing when any item is refused; otherwise the other items are written. An actor outside a point's
    scope refuses the whole call (raises)."""
    for warehouse_id in sorted({w for w, _v, _q in items}):
        salespoint_check_operator(user=actor, warehouse_id=warehouse_id)
    reason = text_required(reason, field="reason", message=_("Cần ghi lý do điều chỉnh."))
    errors: dict[int, DomainError] = {}

    def refuse(index: int, exc: DomainError) -> None:
        exc.params["index"] = index
        errors.setdefault(index, exc)

    unusable = {}
    for warehouse_id in sorted({w for w, _v, _q in items}):
        try:
            warehouse_usable(warehouse_id=warehouse_id)
        except DomainError as exc:
            unusable[warehouse_id] = exc
    known = variant_product_ids(variant_ids={v for _w, v, _q in items})
    for index, (warehouse_id, variant_id, quantity) in enumerate(items):
        try:
            if warehouse_id in unusable:
                raise DomainError(unusable[warehouse_id].message, code=unusable[warehouse_id].code,
                                  field=unusable[warehouse_id].field)
            quantity_whole(quantity, allow_zero=True)
            if variant_id not in known:
                raise DomainError(_("Không tìm thấy sản phẩm (mã %(ids)s).") % {"ids": variant_id},
                                  code=SalesPointErrorCode.NOT_FOUND, field="variant")
        except DomainError as exc:
            refuse(index, exc)
    if errors and all_or_nothing:
        return errors
    todo = [(i, item) for i, item in enumerate(items) if i not in errors]
    stocks = stock_ids_get_or_create(pairs={(w, v) for _i, (w, v, _q) in todo})
    on_hand = stocks_lock_quantities(stock_ids=sorted(stocks.values()))
    listable = listable_product_ids(product_ids=[known[v] for _i, (_w, v, _q) in todo])
    changes: list[tuple[int, StockChange]] = []
    for index, (warehouse_id, variant_id, counted) in todo:
        stock_id = stocks[(warehouse_id, variant_id)]
        quantity, allocated = on_hand[stock_id]
        delta = counted - quantity
        if delta == 0:
            continue
        if delta > 0 and known[variant_id] not in listable:
            name = product_names(product_ids=[known[variant_id]]).get(known[variant_id], "")
            refuse(index, DomainError(
                _("Không được nhập: %(names)s không có chứng nhận OCOP hợp lệ từ 3 sao.") % {"names": name},
                code=SalesPointErrorCode.PRODUCT_NOT_LISTABLE, field="variant", variants=[variant_id]))
        elif counted < allocated:
            refuse(index, DomainError(
                _("Không thể đặt tồn kho %(counted)s: %(allocated)s sản phẩm đang được giữ cho đơn trực tuyến.")
                % {"counted": counted, "allocated": allocated},
                code=SalesPointErrorCode.INSUFFICIENT_STOCK, field="counted_quantity"))
        else:
            on_hand[stock_id] = (counted, allocated)
            changes.append((index, StockChange(stock_id=stock_id, quantity_delta=delta)))
    if errors and all_or_nothing:
        return errors
    stock_moves_bulk(changes=[c for _i, c in changes], kind=StockMovementKind.ADJUST, actor=actor, reason=reason)
    return errors


@transaction.atomic
def stock_threshold_set(*, actor, stock_id: int, threshold: int | None) -> Stock:
    """Set a stock line's low-stock threshold; None goes back to the point's default."""
    stock = Stock.objects.filter(pk=stock_id).first()
    if stock is None:
        raise DomainError(_("Không tìm thấy dòng tồn kho."), code=SalesPointErrorCode.NOT_FOUND, field="stock")
    salespoint_check_operator(user=actor, warehouse_id=stock.warehouse_id)
    existing = StockThreshold.objects.filter(stock=stock).first()
    before = {"low_stock_threshold": existing.low_stock_threshold if existing else None}
    if threshold is None:
        StockThreshold.objects.filter(stock=stock).delete()
    else:
        threshold = quantity_whole(threshold, field="threshold", allow_zero=True)
        StockThreshold.objects.update_or_create(stock=stock, defaults={"low_stock_threshold": threshold})
    log_action(action="salespoint.stock_threshold.set", obj=stock, actor=actor, before=before,
               after={"low_stock_threshold": threshold})
    return stock
