"""The Excel price list: one row per packaging and channel with its price and its product's publication there.
Download it, edit it, upload it: a dry run reports what would change row by row; nothing is written while any row
is refused (unknown packaging or channel, negative or fractional đồng, a bad date or yes/no)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from zipfile import BadZipFile

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from marketplace.channel.models import Channel
from marketplace.core.errors import DomainError
from marketplace.product.error_codes import ProductErrorCode
from marketplace.product.listings import ListingChange, product_channel_listings_update
from marketplace.product.models import Product, ProductChannelListing, ProductVariant, ProductVariantChannelListing
from marketplace.product.services import variant_price_set, vnd_price_parse

COLUMNS = ("SKU", "Sản phẩm", "Quy cách", "Kênh", "Giá (đồng)", "Giá trước đó (đồng)", "Đăng bán",
           "Hiện trong danh sách", "Mở bán từ (dd/mm/yyyy)")
YES = {"có", "co", "x", "1", "yes", "true", "y"}
NO = {"không", "khong", "0", "no", "false", "n", ""}
MAX_ROWS = 20_000


@dataclass(frozen=True)
class RowChange:
    row: int
    sku: str
    channel: str
    changes: dict[str, tuple[object, object]]  # field -> (before, after)


@dataclass(frozen=True)
class RowError:
    row: int
    message: str
    code: str


@dataclass
class PriceListReport:
    dry_run: bool
    rows: int = 0
    changes: list[RowChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return not self.dry_run and not self.errors and bool(self.changes)


def _yes_no(value: object) -> bool | None:
    text = str(value if value is not None else "").strip().lower()
    if isinstance(value, bool):
        return value
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def _date_text(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y") if value else ""


def _parse_date(value: object) -> datetime | None:
    """A day (local time, start of day), from an Excel date or text dd/mm/yyyy or yyyy-mm-dd; '' → None."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        text = str(value).strip()
        for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
            try:
                day = datetime.strptime(text, fmt).date()
                break
            except ValueError:
                continue
        else:
            raise DomainError(_("Ngày “%(v)s” không hợp lệ (dd/mm/yyyy).") % {"v": text},
                              code=ProductErrorCode.INVALID, field="available_for_purchase_at")
    return timezone.make_aware(datetime.combine(day, time.min))


def price_list_export(*, channel_ids: list[int] | None = None) -> bytes:
    """The current price list as .xlsx (every packaging × every channel, priced or not)."""
    channels = list(Channel.objects.filter(pk__in=channel_ids) if channel_ids else Channel.objects.all())
    variants = ProductVariant.objects.select_related("product").order_by("product__name", "sort_order", "pk")
    prices = {(v, c): (p, pp) for v, c, p, pp in ProductVariantChannelListing.objects.values_list(
        "variant_id", "channel_id", "price_amount", "prior_price_amount")}
    listings = {(pl.product_id, pl.channel_id): pl for pl in ProductChannelListing.objects.all()}
    book = Workbook()
    sheet = book.active
    sheet.title = "Bang gia"
    sheet.append(COLUMNS)
    for variant in variants:
        for channel in channels:
            price, prior = prices.get((variant.pk, channel.pk), (None, None))
            listing = listings.get((variant.product_id, channel.pk))
            sheet.append([
                variant.sku or "", variant.product.name, str(variant), channel.slug,
                int(price) if price is not None else None, int(prior) if prior is not None else None,
                "có" if listing and listing.is_published else "không",
                "có" if not listing or listing.visible_in_listings else "không",
                _date_text(listing.available_for_purchase_at) if listing else "",
            ])
    for column, width in zip("ABCDEFGHI", (28, 40, 18, 18, 14, 16, 10, 12, 18), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class _Parsed:
    row: int
    variant: ProductVariant
    channel: Channel
    price: Decimal | None
    prior: Decimal | None
    published: bool
    visible: bool
    available_at: datetime | None


def _read_rows(data: bytes) -> list[tuple[int, tuple]]:
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise DomainError(_("Tệp không phải bảng tính Excel (.xlsx)."), code=ProductErrorCode.INVALID_FILE_TYPE,
                          field="file") from exc
    sheet = book.worksheets[0]
    rows = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number == 1:
            header = tuple(str(v or "").strip() for v in values[:len(COLUMNS)])
            if header[:5] != COLUMNS[:5]:
                raise DomainError(_("Dòng tiêu đề không khớp mẫu bảng giá (hãy tải mẫu mới)."),
                                  code=ProductErrorCode.INVALID, field="file")
            continue
        if not any(v not in (None, "") for v in values):
            continue
        rows.append((number, tuple(values) + (None,) * (len(COLUMNS) - len(values))))
        if len(rows) > MAX_ROWS:
            raise DomainError(_("Bảng giá quá nhiều dòng."), code=ProductErrorCode.INVALID, field="file")
    return rows


def _parse(rows, errors: list[RowError]) -> list[_Parsed]:
    skus = {str(r[0]).strip() for _, r in rows if r[0] is not None}
    variants = {v.sku: v for v in ProductVariant.objects.filter(sku__in=skus).select_related("product")}
    channels = {c.slug: c for c in Channel.objects.all()}
    parsed, seen = [], {}
    for number, r in rows:
        sku, channel_slug = str(r[0] or "").strip(), str(r[3] or "").strip()
        try:
            variant = variants.get(sku)
            if variant is None:
                raise DomainError(_("Không có quy cách đóng gói với SKU “%(s)s”.") % {"s": sku},
                                  code=ProductErrorCode.NOT_FOUND)
            channel = channels.get(channel_slug)
            if channel is None:
                raise DomainError(_("Không có kênh bán “%(c)s”.") % {"c": channel_slug},
                                  code=ProductErrorCode.NOT_FOUND)
            if (sku, channel_slug) in seen:
                raise DomainError(_("Trùng với dòng %(n)s.") % {"n": seen[(sku, channel_slug)]},
                                  code=ProductErrorCode.DUPLICATED_INPUT_ITEM)
            seen[(sku, channel_slug)] = number
            published, visible = _yes_no(r[6]), _yes_no(r[7] if r[7] is not None else "có")
            if published is None or visible is None:
                raise DomainError(_("Cột Đăng bán / Hiện trong danh sách chỉ nhận “có” hoặc “không”."),
                                  code=ProductErrorCode.INVALID)
            parsed.append(_Parsed(
                row=number, variant=variant, channel=channel,
                price=None if r[4] in (None, "") else vnd_price_parse(r[4]),
                prior=None if r[5] in (None, "") else vnd_price_parse(r[5], field="prior_price"),
                published=published, visible=visible, available_at=_parse_date(r[8])))
        except DomainError as exc:
            errors.append(RowError(row=number, message=exc.message, code=exc.code))
    return parsed


def _product_settings_agree(parsed: list[_Parsed], errors: list[RowError]) -> None:
    """Publication is per product and channel: every packaging row of one product must say the same."""
    first: dict[tuple[int, int], _Parsed] = {}
    for p in parsed:
        key = (p.variant.product_id, p.channel.pk)
        other = first.setdefault(key, p)
        if (other.published, other.visible, other.available_at) != (p.published, p.visible, p.available_at):
            errors.append(RowError(row=p.row, code=ProductErrorCode.INVALID.value, message=_(
                "Đăng bán / hiển thị / ngày mở bán khác dòng %(n)s của cùng sản phẩm và kênh.") % {"n": other.row}))


def _diff(p: _Parsed, prices, listings) -> dict[str, tuple[object, object]]:
    price, prior = prices.get((p.variant.pk, p.channel.pk), (None, None))
    listing = listings.get((p.variant.product_id, p.channel.pk))
    changes: dict[str, tuple[object, object]] = {}
    if p.price is not None and p.price != price:
        changes["price"] = (price, p.price)
    if p.price is not None and p.prior != prior:
        changes["prior_price"] = (prior, p.prior)
    was_published = bool(listing and listing.is_published)
    if p.published != was_published:
        changes["is_published"] = (was_published, p.published)
    was_visible = listing.visible_in_listings if listing else True
    if p.visible != was_visible:
        changes["visible_in_listings"] = (was_visible, p.visible)
    was_at = listing.available_for_purchase_at if listing else None
    if _date_text(p.available_at) != _date_text(was_at):
        changes["available_for_purchase_at"] = (_date_text(was_at) or None, _date_text(p.available_at) or None)
    return changes


def price_list_import(*, data: bytes, dry_run: bool = True, actor: object = None) -> PriceListReport:
    """Check every row, report the changes; write them (in one transaction) only when not a dry run and no row
    is refused."""
    report = PriceListReport(dry_run=dry_run)
    try:
        rows = _read_rows(data)
    except DomainError as exc:
        report.errors.append(RowError(row=1, message=exc.message, code=exc.code))
        return report
    report.rows = len(rows)
    parsed = _parse(rows, report.errors)
    _product_settings_agree(parsed, report.errors)
    prices = {(v, c): (p, pp) for v, c, p, pp in ProductVariantChannelListing.objects.filter(
        variant_id__in=[p.variant.pk for p in parsed]).values_list(
        "variant_id", "channel_id", "price_amount", "prior_price_amount")}
    listings = {(pl.product_id, pl.channel_id): pl for pl in ProductChannelListing.objects.filter(
        product_id__in={p.variant.product_id for p in parsed})}
    changed = []
    for p in parsed:
        diff = _diff(p, prices, listings)
        if diff:
            changed.append(p)
            report.changes.append(RowChange(row=p.row, sku=p.variant.sku or "", channel=p.channel.slug,
                                            changes=diff))
    report.errors.sort(key=lambda e: e.row)
    if dry_run or report.errors or not changed:
        return report
    _apply(changed, report, actor)
    return report


@transaction.atomic
def _apply(changed: list[_Parsed], report: PriceListReport, actor: object) -> None:
    by_row = {c.row: c.changes for c in report.changes}
    done_products: set[tuple[int, int]] = set()
    for p in changed:
        diff = by_row[p.row]
        key = (p.variant.product_id, p.channel.pk)
        listing_fields = {"is_published", "visible_in_listings", "available_for_purchase_at"}
        if key not in done_products and (listing_fields & diff.keys() or "price" in diff):
            done_products.add(key)
            product_channel_listings_update(product=_product(p), actor=actor, changes=[ListingChange(
                channel_id=p.channel.pk, is_published=p.published, visible_in_listings=p.visible,
                is_available_for_purchase=p.available_at is not None or p.published,
                available_for_purchase_at=p.available_at)])
        if "price" in diff or "prior_price" in diff:
            variant_price_set(variant=p.variant, channel_id=p.channel.pk, price=p.price, prior_price=p.prior,
                              cost_price=_cost(p), actor=actor)


def _product(p: _Parsed) -> Product:
    return p.variant.product


def _cost(p: _Parsed) -> Decimal | None:
    return ProductVariantChannelListing.objects.filter(variant=p.variant, channel=p.channel).values_list(
        "cost_price_amount", flat=True).first()
