"""Counter sales: the operator sells what is on the shelf, paid in cash or by card on the point's terminal, at the
price of the moment (promotions such as a fair's campaign applied; see pricing.py).
The sale is refused, and nothing written, when a product fails the listing rule (its stock is blocked), has no
price, or is not on the shelf in that quantity (online allocations are held back)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.money import vnd
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.locks import client_token_lock
from marketplace.salespoint.models import CounterSale, CounterSaleLine, CounterSaleStatus, PaymentMethod
from marketplace.salespoint.pricing import counter_prices
from marketplace.salespoint.scope import salespoint_check_operator
from marketplace.salespoint.validation import (
    client_token_clean,
    lines_merge,
    sales_point_active,
    variants_check_listable,
    variants_get,
)
from marketplace.warehouse.locks import stocks_lock
from marketplace.warehouse.models import Stock, StockMovementKind
from marketplace.warehouse.services import stock_move


def _amount(value: object, *, field: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = vnd(value)  # type: ignore[arg-type]
    except (ArithmeticError, ValueError, TypeError):
        amount = Decimal(-1)
    if amount < 0:
        raise DomainError(_("Số tiền không hợp lệ."), code=SalesPointErrorCode.INVALID, field=field)
    return amount


def _done_before(*, client_token: object, warehouse_id: int) -> CounterSale | None:
    """The sale already made with this token. Callers with the same token queue on its lock, so a double tap
    waits for the first sale to commit and then gets it."""
    token = client_token_clean(client_token)
    if token is None:
        return None
    client_token_lock(scope="counter_sale", token=token)
    done = CounterSale.objects.filter(client_token=token).first()
    if done is not None and done.warehouse_id != warehouse_id:
        raise DomainError(_("Mã chống gửi trùng đã được dùng cho một hóa đơn khác."),
                          code=SalesPointErrorCode.INVALID, field="client_token")
    return done


@transaction.atomic
def counter_sale_create(
    *, actor, warehouse_id: int, lines: list[tuple[int, int]], payment_method: str,
    amount_tendered: Decimal | int | None = None, terminal_reference: str = "", client_token: str | None = None,
) -> CounterSale:
    salespoint_check_operator(user=actor, warehouse_id=warehouse_id)
    if (done := _done_before(client_token=client_token, warehouse_id=warehouse_id)) is not None:
        return done
    sales_point_active(warehouse_id=warehouse_id)
    if payment_method not in PaymentMethod.values:
        raise DomainError(_("Chọn hình thức thanh toán."), code=SalesPointErrorCode.INVALID, field="payment_method")
    wanted = lines_merge(lines)
    variants = variants_get(variant_ids=wanted)
    variants_check_listable(variants.values(), code=SalesPointErrorCode.STOCK_BLOCKED, field="lines")
    # One moment prices the whole sale: a fair price ending mid-sale cannot split the basket.
    prices = counter_prices(warehouse_id=warehouse_id, variant_ids=list(wanted), at=timezone.now())
    if unpriced := [v for v in wanted if v not in prices]:
        raise DomainError(_("Chưa có giá bán: %(names)s.") % {"names": ", ".join(
            variants[v].product.name for v in unpriced)}, code=SalesPointErrorCode.PRICE_MISSING, field="lines",
            variants=unpriced)
    total = sum((prices[v].price * q for v, q in wanted.items()), Decimal(0))
    tendered = _amount(amount_tendered, field="amount_tendered")
    if payment_method == PaymentMethod.CASH and tendered is not None and tendered < total:
        raise DomainError(_("Khách đưa chưa đủ tiền."), code=SalesPointErrorCode.AMOUNT_TENDERED_TOO_LOW,
                          field="amount_tendered")
    if payment_method == PaymentMethod.CARD_TERMINAL or tendered is None:
        tendered = total

    stocks = {s.product_variant_id: s for s in stocks_lock(stock_ids=list(Stock.objects.filter(
        warehouse_id=warehouse_id, product_variant_id__in=list(wanted)).values_list("pk", flat=True)))}
    for variant_id, quantity in wanted.items():
        stock = stocks.get(variant_id)
        available = stock.quantity - stock.quantity_allocated if stock else 0
        if available < quantity:
            raise DomainError(
                _("Không đủ hàng: %(name)s chỉ còn %(n)s có thể bán.")
                % {"name": variants[variant_id].product.name, "n": max(available, 0)},
                code=SalesPointErrorCode.INSUFFICIENT_STOCK, field="lines", variants=[variant_id])

    sale = CounterSale.objects.create(
        warehouse_id=warehouse_id, payment_method=payment_method, total_amount=total, amount_tendered=tendered,
        change_due=tendered - total, terminal_reference=terminal_reference.strip()[:64], operator=actor,
        client_token=client_token_clean(client_token),
    )
    sale.number = f"HD{timezone.localdate():%y%m%d}-{sale.pk:06d}"
    sale.save(update_fields=["number"])
    for variant_id, quantity in wanted.items():
        variant, price = variants[variant_id], prices[variant_id]
        CounterSaleLine.objects.create(
            sale=sale, product_variant=variant, product_name=variant.product.name, variant_name=variant.name,
            sku=variant.sku or "", quantity=quantity, unit_price=price.price, total_price=price.price * quantity,
            undiscounted_unit_price=price.undiscounted, promotion_id=price.promotion_id)
        stock_move(stock_id=stocks[variant_id].pk, kind=StockMovementKind.COUNTER_SALE, quantity_delta=-quantity,
                   actor=actor, reference=sale.number)
    log_action(action="salespoint.counter_sale.created", obj=sale, actor=actor,
               after={"number": sale.number, "total": str(total), "payment_method": payment_method})
    return sale


@transaction.atomic
def counter_sale_void(*, actor, sale_id: int, reason: str) -> CounterSale:
    """Cancel a sale made by mistake: the units go back on the shelf (CANCELLATION movements)."""
    sale = CounterSale.objects.select_for_update(of=("self",)).filter(pk=sale_id).first()
    if sale is None:
        raise DomainError(_("Không tìm thấy hóa đơn."), code=SalesPointErrorCode.NOT_FOUND, field="id")
    salespoint_check_operator(user=actor, warehouse_id=sale.warehouse_id)
    if sale.status == CounterSaleStatus.VOIDED:
        raise DomainError(_("Hóa đơn đã bị hủy trước đó."), code=SalesPointErrorCode.SALE_ALREADY_VOIDED, field="id")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Cần ghi lý do hủy hóa đơn."), code=SalesPointErrorCode.REQUIRED, field="reason")
    lines = list(sale.lines.all())
    stocks = {s.product_variant_id: s for s in Stock.objects.filter(
        warehouse_id=sale.warehouse_id, product_variant_id__in=[ln.product_variant_id for ln in lines])}
    list(stocks_lock(stock_ids=[s.pk for s in stocks.values()]))
    for line in lines:
        stock_move(stock_id=stocks[line.product_variant_id].pk, kind=StockMovementKind.CANCELLATION,
                   quantity_delta=line.quantity, actor=actor, reference=sale.number, reason=reason)
    sale.status = CounterSaleStatus.VOIDED
    sale.voided_by = actor
    sale.voided_at = timezone.now()
    sale.void_reason = reason
    sale.save(update_fields=["status", "voided_by", "voided_at", "void_reason", "updated_at"])
    log_action(action="salespoint.counter_sale.voided", obj=sale, actor=actor,
               before={"status": CounterSaleStatus.COMPLETED}, after={"status": sale.status, "reason": reason})
    return sale
