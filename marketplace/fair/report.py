"""The post-fair report: orders, units and revenue of the fair's products during the fair against the same
length of time just before it, in total and per channel, booth, producer, star level, product group, product.

What counts: sales of a product on show at the fair, sold online (any warehouse) or at the counter of a
booth's sales point. Sales come from sources: functions taking a SalesQuery and returning SalesRows, registered
with `sales_source_register` (or listed in settings.FAIR_REPORT_SALES_SOURCES as a dotted path). Two are
registered at start-up: counter sales (report_sources.py, from FairConfig.ready; salespoint sits below this app)
and online orders (marketplace/order/fair_sales.py, from OrderConfig.ready; orders sit above it, so this app never
imports them). `fair_report` itself takes plain rows, so its sums are also tested with hand-made rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from marketplace.certification.selectors import certificates_current_for_products
from marketplace.fair.models import Booth, BoothProduct, FairEvent
from marketplace.fair.selectors import booth_code_key
from marketplace.product.models import Product
from marketplace.product.ocop_groups import PRODUCT_GROUPS

ONLINE, COUNTER = "online", "counter"
CHANNEL_LABELS = {ONLINE: _lazy("Trực tuyến"), COUNTER: _lazy("Tại quầy hội chợ")}
_GROUP_NAMES = {g.code: g.name_vi for g in PRODUCT_GROUPS}


@dataclass(frozen=True)
class SalesRow:
    product_id: int
    variant_id: int
    quantity: int
    revenue: Decimal  # what the shopper paid for the line, in đồng
    sold_at: datetime
    channel: str  # ONLINE or COUNTER
    warehouse_id: int | None
    order_ref: str | None = None  # orders are counted by distinct ref; a row without one is one order


@dataclass(frozen=True)
class SalesQuery:
    product_ids: frozenset[int]
    start: datetime  # inclusive
    end: datetime  # exclusive
    warehouse_ids: frozenset[int]  # the fair's sales points (counter sales elsewhere do not count)


SalesSource = Callable[[SalesQuery], Iterable[SalesRow]]
_SOURCES: list[SalesSource] = []


def sales_source_register(source: SalesSource) -> SalesSource:
    """Register where sales come from (the order app for online orders; report_sources for counter sales)."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def sales_sources() -> list[SalesSource]:
    configured = [import_string(path) for path in getattr(settings, "FAIR_REPORT_SALES_SOURCES", ())]
    return [*_SOURCES, *(s for s in configured if s not in _SOURCES)]


@dataclass(frozen=True)
class Periods:
    during_start: datetime
    during_end: datetime
    before_start: datetime
    before_end: datetime


def fair_periods(fair: FairEvent) -> Periods:
    length: timedelta = fair.end_at - fair.start_at
    return Periods(during_start=fair.start_at, during_end=fair.end_at, before_start=fair.start_at - length,
                   before_end=fair.start_at)


def fair_sales_query(fair: FairEvent) -> SalesQuery:
    periods = fair_periods(fair)
    return SalesQuery(
        product_ids=frozenset(BoothProduct.objects.filter(fair=fair).values_list("product_id", flat=True)),
        start=periods.before_start, end=periods.during_end,
        warehouse_ids=frozenset(Booth.objects.filter(fair=fair, sales_point__isnull=False)
                                .values_list("sales_point_id", flat=True)),
    )


def fair_sales_rows(*, fair: FairEvent) -> list[SalesRow]:
    query = fair_sales_query(fair)
    return [row for source in sales_sources() for row in source(query)]


@dataclass
class Figures:
    quantity: int = 0
    revenue: Decimal = Decimal(0)
    order_refs: set = field(default_factory=set)

    @property
    def orders(self) -> int:
        return len(self.order_refs)

    def add(self, row: SalesRow, order_key: object) -> None:
        self.quantity += row.quantity
        self.revenue += Decimal(row.revenue)
        self.order_refs.add(order_key)


@dataclass
class ReportLine:
    key: str
    label: str
    during: Figures = field(default_factory=Figures)
    before: Figures = field(default_factory=Figures)

    @property
    def revenue_change_pct(self) -> Decimal | None:
        if not self.before.revenue:
            return None
        return ((self.during.revenue - self.before.revenue) * 100 / self.before.revenue).quantize(Decimal("0.1"))


@dataclass
class FairReport:
    fair: FairEvent
    periods: Periods
    total: ReportLine
    by_channel: list[ReportLine]
    by_booth: list[ReportLine]
    by_producer: list[ReportLine]
    by_stars: list[ReportLine]
    by_group: list[ReportLine]
    by_product: list[ReportLine]
    rows_counted: int


def _product_facts(product_ids: list[int]) -> tuple[dict[int, Product], dict[int, int]]:
    products = Product.objects.filter(pk__in=product_ids).select_related("category", "producer").in_bulk()
    stars = {pid: c.stars for pid, c in certificates_current_for_products(product_ids=product_ids).items()}
    return products, stars


def _group_of(product: Product | None) -> tuple[str, str]:
    category = product.category if product else None
    if category is None:
        return "-", _("Chưa phân nhóm")
    if category.code:
        root = category.code.split(".")[0]
        return root, f"{root}. {_GROUP_NAMES.get(root, category.name)}"
    return f"c{category.pk}", category.name


def fair_report(*, fair: FairEvent, sales_rows: Iterable[SalesRow]) -> FairReport:
    """Sum the rows that count for this fair into the report (rows outside both periods, of other products,
    or sold at other counters are ignored)."""
    periods = fair_periods(fair)
    booth_of = dict(BoothProduct.objects.filter(fair=fair).values_list("product_id", "booth_id"))
    booths = {b.pk: b for b in Booth.objects.filter(fair=fair).select_related("producer")}
    fair_points = {b.sales_point_id for b in booths.values() if b.sales_point_id}
    products, stars = _product_facts(list(booth_of))
    total = ReportLine("total", _("Tổng cộng"))
    tables: dict[str, dict[str, ReportLine]] = {name: {} for name in
                                                ("channel", "booth", "producer", "stars", "group", "product")}

    def line(table: str, key: object, label: str) -> ReportLine:
        return tables[table].setdefault(str(key), ReportLine(str(key), label))

    for booth in booths.values():  # every booth is listed, sales or not
        line("booth", booth.code, f"{booth.code} · {booth.producer.name}")
    counted = 0
    for index, row in enumerate(sales_rows):
        booth_id = booth_of.get(row.product_id)
        if booth_id is None or (row.channel == COUNTER and row.warehouse_id not in fair_points):
            continue
        if periods.during_start <= row.sold_at < periods.during_end:
            side = "during"
        elif periods.before_start <= row.sold_at < periods.before_end:
            side = "before"
        else:
            continue
        counted += 1
        order_key = row.order_ref or f"row-{index}"
        booth = booths[booth_id]
        product = products.get(row.product_id)
        star = stars.get(row.product_id)
        group_key, group_label = _group_of(product)
        targets = [
            total,
            line("channel", row.channel, str(CHANNEL_LABELS.get(row.channel, row.channel))),
            line("booth", booth.code, f"{booth.code} · {booth.producer.name}"),
            line("producer", booth.producer_id, booth.producer.name),
            line("stars", star or 0, _("%(n)s sao") % {"n": star} if star else _("Không rõ")),
            line("group", group_key, group_label),
            line("product", row.product_id, product.name if product else f"#{row.product_id}"),
        ]
        for target in targets:
            getattr(target, side).add(row, order_key)

    def by_revenue(table: str) -> list[ReportLine]:
        return sorted(tables[table].values(), key=lambda r: (-r.during.revenue, -r.before.revenue, r.label))

    return FairReport(
        fair=fair, periods=periods, total=total,
        by_channel=sorted(tables["channel"].values(), key=lambda r: r.key != ONLINE),
        by_booth=sorted(tables["booth"].values(), key=lambda r: booth_code_key(r.key)),
        by_producer=by_revenue("producer"),
        by_stars=sorted(tables["stars"].values(), key=lambda r: -int(r.key)),
        by_group=sorted(tables["group"].values(), key=lambda r: r.key),
        by_product=by_revenue("product"),
        rows_counted=counted,
    )
