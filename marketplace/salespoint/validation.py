"""Input checks every sales-point service shares, so the console and the API refuse the same things the same way."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from marketplace.certification.selectors import listable_product_ids
from marketplace.core.errors import DomainError
from marketplace.product.models import Product, ProductVariant
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.models import SalesPoint
from marketplace.warehouse.models import Warehouse

MAX_LINE_QUANTITY = 100_000


def quantity_whole(value: object, *, field: str = "quantity", allow_zero: bool = False) -> int:
    """A whole number of units: positive (or zero when allowed). Refuses bools, fractions and text."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(_("Số lượng phải là số nguyên."), code=SalesPointErrorCode.INVALID_QUANTITY, field=field)
    if value < 0 or (value == 0 and not allow_zero):
        message = _("Số lượng không được âm.") if allow_zero else _("Số lượng phải lớn hơn 0.")
        raise DomainError(message, code=SalesPointErrorCode.INVALID_QUANTITY, field=field)
    if value > MAX_LINE_QUANTITY:
        raise DomainError(_("Số lượng quá lớn."), code=SalesPointErrorCode.INVALID_QUANTITY, field=field)
    return value


def lines_merge(lines: Iterable[tuple[int, object]], *, field: str = "lines") -> dict[int, int]:
    """[(variant id, quantity)] -> {variant id: total quantity}, checking every quantity."""
    merged: dict[int, int] = {}
    for variant_id, quantity in lines:
        merged[variant_id] = merged.get(variant_id, 0) + quantity_whole(quantity, field=field)
    if not merged:
        raise DomainError(_("Chưa có sản phẩm nào."), code=SalesPointErrorCode.REQUIRED, field=field)
    return merged


def text_required(value: str | None, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, code=SalesPointErrorCode.REQUIRED, field=field)
    return value


def sales_point_active(*, warehouse_id: int, field: str = "warehouse") -> SalesPoint:
    point = SalesPoint.objects.select_related("warehouse").filter(warehouse_id=warehouse_id).first()
    if point is None:
        raise DomainError(_("Không tìm thấy điểm bán."), code=SalesPointErrorCode.NOT_A_SALES_POINT, field=field)
    if not point.is_active:
        raise DomainError(_("Điểm bán đang tạm ngừng hoạt động."), code=SalesPointErrorCode.INVALID, field=field)
    return point


def warehouse_usable(*, warehouse_id: int, field: str = "warehouse") -> SalesPoint | None:
    """A warehouse stock may be changed in: it exists and, when it is a sales point, the point is active."""
    point = SalesPoint.objects.filter(warehouse_id=warehouse_id).first()
    if point is None:
        if not Warehouse.objects.filter(pk=warehouse_id).exists():
            raise DomainError(_("Không tìm thấy kho."), code=SalesPointErrorCode.NOT_FOUND, field=field)
        return None
    if not point.is_active:
        raise DomainError(_("Điểm bán đang tạm ngừng hoạt động."), code=SalesPointErrorCode.INVALID, field=field)
    return point


def variants_get(*, variant_ids: Iterable[int], field: str = "variant") -> dict[int, ProductVariant]:
    ids = set(variant_ids)
    found = {v.pk: v for v in ProductVariant.objects.select_related("product", "product__producer").filter(pk__in=ids)}
    if missing := ids - found.keys():
        raise DomainError(_("Không tìm thấy sản phẩm (mã %(ids)s).") % {"ids": ", ".join(map(str, sorted(missing)))},
                          code=SalesPointErrorCode.NOT_FOUND, field=field)
    return found


def variant_product_ids(*, variant_ids: Iterable[int]) -> dict[int, int]:
    """variant id -> product id for the variants that exist, in one light query (no model instances)."""
    return dict(ProductVariant.objects.filter(pk__in=set(variant_ids)).values_list("pk", "product_id"))


def product_names(*, product_ids: Iterable[int]) -> dict[int, str]:
    return dict(Product.objects.filter(pk__in=set(product_ids)).values_list("pk", "name"))


def variants_check_listable(variants: Iterable[ProductVariant], *, code: SalesPointErrorCode, field: str) -> None:
    """Refuse when any product fails the listing rule (valid OCOP certificate, 3 stars or more) right now."""
    variants = list(variants)
    allowed = listable_product_ids(product_ids=[v.product_id for v in variants])
    blocked = [v for v in variants if v.product_id not in allowed]
    if not blocked:
        return
    names = ", ".join(sorted({v.product.name for v in blocked}))
    if code == SalesPointErrorCode.STOCK_BLOCKED:
        message = _("Không được bán: %(names)s (chứng nhận OCOP đã hết hạn, bị thu hồi hoặc dưới 3 sao).")
    else:
        message = _("Không được nhập: %(names)s không có chứng nhận OCOP hợp lệ từ 3 sao.")
    raise DomainError(message % {"names": names}, code=code, field=field,
                      variants=[v.pk for v in blocked])


CLIENT_TOKEN_MAX_LENGTH = 64


def client_token_clean(value: object, *, field: str = "client_token") -> str | None:
    """An idempotency token from a form or API call: None when absent; refused when not short text."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value.strip()) > CLIENT_TOKEN_MAX_LENGTH or not value.strip():
        raise DomainError(_("Mã chống gửi trùng không hợp lệ (tối đa %(n)s ký tự).") % {"n": CLIENT_TOKEN_MAX_LENGTH},
                          code=SalesPointErrorCode.INVALID, field=field)
    return value.strip()
