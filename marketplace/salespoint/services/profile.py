"""Creating sales points (a warehouse plus its OCOP profile) and assigning their operators."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.account.models import Address, User
from marketplace.account.services import role_groups_ensure
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.geography import province_resolve
from marketplace.core.text import vn_slugify
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.models import LocationCategory, SalesPoint, SalesPointKind
from marketplace.salespoint.scope import user_manages_all_points
from marketplace.warehouse.models import Warehouse, WarehouseClickAndCollectOption

OPERATOR_ROLE = "sales_point_operator"


@dataclass
class SalesPointData:
    name: str
    kind: str
    location_category: str
    street_address: str
    commune: str
    province: str  # a current or old province name, or a province code
    address_as_published: str = ""
    slug: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    area_m2: Decimal | None = None
    opening_hours: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    click_and_collect: bool = True
    approval_reference: str = ""
    approval_date: date | None = None
    is_public: bool = True
    channel_ids: list[int] = field(default_factory=list)


def _check_manager(actor) -> None:
    # actor None is the system itself (demo data, management commands); interfaces always pass request.user.
    if actor is not None and not user_manages_all_points(actor):
        raise DomainError(_("Chỉ cán bộ xúc tiến thương mại hoặc quản trị viên được quản lý điểm bán."),
                          code=SalesPointErrorCode.PERMISSION_DENIED)


def _validate(data: SalesPointData):
    if data.kind not in SalesPointKind.values:
        raise DomainError(_("Loại điểm bán không hợp lệ."), code=SalesPointErrorCode.INVALID, field="kind")
    if data.location_category not in LocationCategory.values:
        raise DomainError(_("Loại địa điểm không hợp lệ."), code=SalesPointErrorCode.INVALID,
                          field="location_category")
    province = province_resolve(data.province)
    if province is None:
        raise DomainError(_("Không nhận ra tỉnh/thành phố."), code=SalesPointErrorCode.INVALID, field="province")
    if not data.name.strip():
        raise DomainError(_("Cần có tên điểm bán."), code=SalesPointErrorCode.REQUIRED, field="name")
    return province


@transaction.atomic
def sales_point_create(*, actor, data: SalesPointData) -> SalesPoint:
    _check_manager(actor)
    province = _validate(data)
    slug = data.slug or vn_slugify(data.name)[:240]
    if Warehouse.objects.filter(slug=slug).exists():
        raise DomainError(_("Đã có điểm bán với đường dẫn này."), code=SalesPointErrorCode.INVALID, field="slug")
    address = Address.objects.create(
        company_name=data.name, street_address_1=data.street_address, city=data.commune,
        country_area=province.name, province_code=province.code, phone=data.contact_phone)
    warehouse = Warehouse.objects.create(
        name=data.name, slug=slug, email=data.contact_email, company_name=data.name, address=address,
        is_private=not data.is_public,
        click_and_collect_option=WarehouseClickAndCollectOption.LOCAL_STOCK if data.click_and_collect
        else WarehouseClickAndCollectOption.DISABLED)
    if data.channel_ids:
        warehouse.channels.set(data.channel_ids)
    point = SalesPoint.objects.create(
        warehouse=warehouse, kind=data.kind, location_category=data.location_category,
        address_as_published=data.address_as_published,
        latitude=data.latitude, longitude=data.longitude, area_m2=data.area_m2, opening_hours=data.opening_hours,
        contact_name=data.contact_name, contact_phone=data.contact_phone, contact_email=data.contact_email,
        approval_reference=data.approval_reference, approval_date=data.approval_date)
    point.full_clean()
    log_action(action="salespoint.sales_point.created", obj=point, actor=actor,
               after={"warehouse": warehouse.pk, "name": data.name, "kind": data.kind})
    return point


@transaction.atomic
def sales_point_click_and_collect_set(*, actor, warehouse_id: int, enabled: bool) -> Warehouse:
    _check_manager(actor)
    warehouse = Warehouse.objects.get(pk=warehouse_id)
    before = warehouse.click_and_collect_option
    warehouse.click_and_collect_option = (WarehouseClickAndCollectOption.LOCAL_STOCK if enabled
                                          else WarehouseClickAndCollectOption.DISABLED)
    warehouse.save(update_fields=["click_and_collect_option"])
    log_action(action="salespoint.click_and_collect.set", obj=warehouse, actor=actor,
               before={"click_and_collect_option": before},
               after={"click_and_collect_option": warehouse.click_and_collect_option})
    return warehouse


@transaction.atomic
def sales_point_operators_set(*, actor, warehouse_id: int, user_ids: list[int]) -> SalesPoint:
    """Assign exactly these users as the point's operators (each gets the operator role if missing)."""
    _check_manager(actor)
    point = SalesPoint.objects.filter(warehouse_id=warehouse_id).first()
    if point is None:
        raise DomainError(_("Không tìm thấy điểm bán."), code=SalesPointErrorCode.NOT_FOUND, field="warehouse")
    users = list(User.objects.filter(pk__in=user_ids, is_active=True))
    if len(users) != len(set(user_ids)):
        raise DomainError(_("Không tìm thấy người dùng."), code=SalesPointErrorCode.NOT_FOUND, field="operators")
    before = sorted(point.operators.values_list("pk", flat=True))
    group = role_groups_ensure()[OPERATOR_ROLE]
    for user in users:
        user.groups.add(group)
    point.operators.set(users)
    log_action(action="salespoint.operators.set", obj=point, actor=actor, before={"operators": before},
               after={"operators": sorted(u.pk for u in users)})
    return point


@transaction.atomic
def operator_sales_points_set(*, actor, user_id: int, warehouse_ids: list[int]) -> list[SalesPoint]:
    """Make this person the operator of exactly these points (the staff page's checkboxes); the assignment alone
    gives them those points in the console (see scope.py)."""
    _check_manager(actor)
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise DomainError(_("Không tìm thấy người dùng."), code=SalesPointErrorCode.NOT_FOUND, field="operators")
    points = list(SalesPoint.objects.filter(warehouse_id__in=warehouse_ids))
    if len(points) != len(set(warehouse_ids)):
        raise DomainError(_("Không tìm thấy điểm bán."), code=SalesPointErrorCode.NOT_FOUND, field="warehouse")
    before = sorted(user.operated_sales_points.values_list("warehouse_id", flat=True))
    user.operated_sales_points.set(points)
    after = sorted(p.warehouse_id for p in points)
    if before != after:
        log_action(action="salespoint.operator.points.set", obj=user, actor=actor, before={"warehouses": before},
                   after={"warehouses": after})
    return points
