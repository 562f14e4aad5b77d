"""Syncing from a registry over real HTTP on loopback: what a shopper can see and buy afterwards."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from catalog_sync.models import SyncRunStatus
from marketplace.attribute.models import AssignedProductAttributeValue
from marketplace.certification.models import Certificate, CertificateEvent
from marketplace.certification.selectors import certificate_verify, certificates_for_product, today_in_vietnam
from marketplace.certification.tasks import certificate_expiry_sweep_task
from marketplace.product.models import Product, ProductChannelListing
from tests.catalog_sync.conftest import buyable_names, make_record, put_on_sale, shop_names

TODAY = today_in_vietnam()
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _attributes(product: Product) -> dict[str, str]:
    return dict(AssignedProductAttributeValue.objects.filter(product=product)
                .values_list("value__attribute__slug", "value__slug"))


@pytest.fixture
def registry_records():
    return [
        make_record("HT-2024-0001", "Nước mắm Cẩm Nhượng", stars=4),
        make_record("HT-2024-0002", "Kẹo cu đơ Phong Nga", stars=3, group_code="I.3.b",
                    packaging=("Hộp 300 g", "Hộp 500 g")),
        make_record("SL-2024-0003", "Chè Shan tuyết Tà Xùa", stars=5, group_code="I.5.a", province="Sơn La",
                    district="Bắc Yên", producer_id="SL-P-0001", producer_name="HTX Chè Tà Xùa"),
        make_record("VP-2023-0004", "Su su Tam Đảo", stars=3, group_code="I.1.a", province="Vĩnh Phúc",
                    district="Tam Đảo", producer_id="VP-P-0001", producer_name="HTX Su su Tam Đảo",
                    decision_date=TODAY - timedelta(days=700)),
        make_record("TH-2021-0005", "Nem chua Thanh Hóa", stars=4, group_code=None, legacy_group="food",
                    province="Thanh Hóa", decision_date=TODAY - timedelta(days=365 * 3 + 30)),  # expired
        make_record("TH-2024-0006", "Mắm tôm Hậu Lộc", stars=4, status="revoked", province="Thanh Hóa",
                    status_decision={"no": "55/QĐ-UBND", "date": "2026-01-10", "reason": "Vi phạm ATTP"}),
        make_record("HT-2025-0007", "Mật ong Vũ Quang", stars=2, group_code="I.2.b"),
        make_record("HT-2022-0008", "Bưởi Phúc Trạch", stars=3, group_code="I.1.a", status="superseded",
                    superseded_by="HT-2025-0009", decision_date=TODAY - timedelta(days=900)),
        make_record("HT-2025-0009", "Bưởi Phúc Trạch", stars=4, group_code="I.1.a",
                    decision_date=TODAY - timedelta(days=100)),
    ]


LISTED = {"Nước mắm Cẩm Nhượng", "Kẹo cu đơ Phong Nga", "Chè Shan tuyết Tà Xùa", "Su su Tam Đảo",
          "Bưởi Phúc Trạch"}


@pytest.mark.django_db
def test_full_sync_lists_exactly_the_products_with_a_valid_certificate(registry):
    run = registry.sync(full=True)

    assert run.status == SyncRunStatus.SUCCEEDED, run.error
    assert (run.received, run.created, run.rejected) == (9, 9, 0)
    assert shop_names() == LISTED
    assert buyable_names() == set()  # shown with a badge at once, but no price or stock yet
    assert Product.objects.count() == 8  # the re-rated Bưởi Phúc Trạch is one product


@pytest.mark.django_db
def test_full_sync_builds_producer_category_variants_and_filter_attributes(registry):
    registry.sync(full=True)

    su_su = Product.objects.get(name="Su su Tam Đảo")
    assert su_su.producer.province_as_published == "Vĩnh Phúc"  # as published
    assert su_su.producer.district_as_published == "Tam Đảo"
    assert su_su.producer.province_code == "phu-tho"  # the current province
    assert su_su.category.code == "I.1.a"
    assert _attributes(su_su) == {"ocop-stars": "3-sao", "ocop-product-group": "i-1-a", "province": "phu-tho"}
    keo = Product.objects.get(name="Kẹo cu đơ Phong Nga")
    assert list(keo.variants.values_list("name", "weight_grams")) == [("Hộp 300 g", 300), ("Hộp 500 g", 500)]
    nem_chua = Product.objects.get(name="Nem chua Thanh Hóa")
    assert nem_chua.category.code == "I"  # legacy "food" -> group I
    assert not nem_chua.media.exists()  # remote images are never fetched


@pytest.mark.django_db
def test_listed_product_can_be_bought_once_it_has_price_and_stock(registry, channel, warehouse):
    registry.sync(full=True)

    put_on_sale(Product.objects.get(name="Nước mắm Cẩm Nhượng"), channel_id=channel.pk, warehouse=warehouse)

    assert buyable_names() == {"Nước mắm Cẩm Nhượng"}


@pytest.mark.django_db
def test_incremental_sync_asks_only_for_what_changed_since_the_cursor(registry):
    registry.sync(full=True)
    registry.store.change("HT-2024-0002", certificate__stars=4, certificate__score=71)

    run = registry.sync()

    assert "updated_since=" in registry.app.requests[-1]
    assert run.updated == 1 and run.created == 0
    assert run.received <= 3  # the changed record, plus the ones stamped exactly at the cursor
    keo = Product.objects.get(name="Kẹo cu đơ Phong Nga")
    assert _attributes(keo)["ocop-stars"] == "4-sao"
    assert certificates_for_product(product_id=keo.pk).first().stars == 4


@pytest.mark.django_db
def test_the_same_sync_twice_changes_nothing(registry):
    registry.sync(full=True)
    counts = (Product.objects.count(), Certificate.objects.count(), CertificateEvent.objects.count())
    stamps = dict(Product.objects.values_list("pk", "updated_at"))

    run = registry.sync(full=True)

    assert (run.created, run.updated, run.unchanged, run.delisted, run.relisted) == (0, 0, 9, 0, 0)
    assert (Product.objects.count(), Certificate.objects.count(), CertificateEvent.objects.count()) == counts
    assert dict(Product.objects.values_list("pk", "updated_at")) == stamps
    assert shop_names() == LISTED


@pytest.mark.django_db
def test_revocation_takes_the_product_off_sale(registry, channel, warehouse):
    registry.sync(full=True)
    product = Product.objects.get(name="Nước mắm Cẩm Nhượng")
    put_on_sale(product, channel_id=channel.pk, warehouse=warehouse)
    registry.store.change("HT-2024-0001", status="revoked", status_decision={
        "no": "3763/QĐ-UBND", "date": TODAY.isoformat(), "reason": "Không có hồ sơ truy xuất nguồn gốc"})

    run = registry.sync()

    assert run.delisted == 1
    assert "Nước mắm Cẩm Nhượng" not in shop_names() | buyable_names()
    assert not ProductChannelListing.objects.get(product=product).is_published
    verification = certificate_verify(number="HT-2024-0001/GCN")
    assert verification.state == "revoked"
    assert verification.certificate.status_reason == "Không có hồ sơ truy xuất nguồn gốc"
    assert CertificateEvent.objects.filter(certificate=verification.certificate,
                                           kind="status_changed").exists()
    assert shop_names() == LISTED - {"Nước mắm Cẩm Nhượng"}  # nothing else lost


@pytest.mark.django_db
def test_downgrade_from_4_to_2_stars_takes_the_product_off_sale_and_keeps_its_page_history(registry):
    registry.sync(full=True)
    product = Product.objects.get(name="Nước mắm Cẩm Nhượng")
    registry.store.put(make_record("HT-2026-0100", "Nước mắm Cẩm Nhượng", stars=2,
                                   decision_date=TODAY - timedelta(days=3)))
    registry.store.change("HT-2024-0001", status="superseded", superseded_by="HT-2026-0100")

    run = registry.sync()

    assert (run.created, run.updated, run.delisted) == (1, 1, 1)
    assert "Nước mắm Cẩm Nhượng" not in shop_names()
    history = list(certificates_for_product(product_id=product.pk).values_list("registry_id", "stars"))
    assert history == [("HT-2026-0100", 2), ("HT-2024-0001", 4)]
    assert _attributes(product)["ocop-stars"] == "2-sao"
    assert Certificate.objects.get(registry_id="HT-2024-0001").superseded_by.registry_id == "HT-2026-0100"


@pytest.mark.django_db
def test_supersession_from_3_to_4_stars_keeps_the_same_product_on_sale(registry):
    registry.sync(full=True)
    product = Product.objects.get(name="Kẹo cu đơ Phong Nga")
    registry.store.put(make_record("HT-2026-0101", "Kẹo cu đơ Phong Nga", stars=4, group_code="I.3.b",
                                   decision_date=TODAY - timedelta(days=2)))
    registry.store.change("HT-2024-0002", status="superseded", superseded_by="HT-2026-0101")

    run = registry.sync()

    assert run.delisted == 0 and run.relisted == 0
    assert "Kẹo cu đơ Phong Nga" in shop_names()
    assert Product.objects.filter(name="Kẹo cu đơ Phong Nga").count() == 1
    assert _attributes(product)["ocop-stars"] == "4-sao"
    assert certificate_verify(number="HT-2024-0002/GCN").replacement.registry_id == "HT-2026-0101"


@pytest.mark.django_db
def test_a_new_certificate_received_before_the_old_one_is_marked_superseded_joins_its_product(
        registry, channel, warehouse):
    registry.sync(full=True)
    product = Product.objects.get(name="Kẹo cu đơ Phong Nga")
    put_on_sale(product, channel_id=channel.pk, warehouse=warehouse)
    registry.store.put(make_record("HT-2026-0102", "Kẹo cu đơ Phong Nga (hộp quà)", stars=5,
                                   group_code="I.3.b",
                                   decision_date=TODAY - timedelta(days=1)))
    registry.sync()  # the registry has not said yet that it replaces HT-2024-0002
    registry.store.change("HT-2024-0002", status="superseded", superseded_by="HT-2026-0102")

    registry.sync()

    assert list(Product.objects.filter(name__startswith="Kẹo cu đơ").values_list("pk",
                                                                                 flat=True)) == [product.pk]
    assert buyable_names() >= {"Kẹo cu đơ Phong Nga (hộp quà)"}  # price and stock kept
    assert [c.registry_id for c in certificates_for_product(product_id=product.pk)] == [
        "HT-2026-0102", "HT-2024-0002"]


@pytest.mark.django_db
def test_expiry_passing_between_two_requests_needs_no_sync(registry, channel, warehouse):
    registry.store.put(make_record("HT-2023-0200", "Chè xanh Hương Đô", stars=3, group_code="I.5.a",
                                   decision_date=TODAY - timedelta(days=1000), expires_on=TODAY))
    registry.sync(full=True)
    put_on_sale(Product.objects.get(name="Chè xanh Hương Đô"), channel_id=channel.pk, warehouse=warehouse)
    today_noon = datetime.combine(TODAY, time(12), VN)
    tomorrow_morning = datetime.combine(TODAY + timedelta(days=1), time(0, 1), VN)  # no sync in between

    assert "Chè xanh Hương Đô" in buyable_names(at=today_noon)
    assert "Chè xanh Hương Đô" not in shop_names(at=tomorrow_morning) | buyable_names(at=tomorrow_morning)
    assert shop_names(at=tomorrow_morning) == LISTED  # nothing valid lost


@pytest.mark.django_db
def test_record_missing_fields_is_rejected_and_the_rest_go_in(registry):
    broken = make_record("HT-2025-0300", "")
    no_certificate = make_record("HT-2025-0301", "Tương Nam Đàn")
    del no_certificate["certificate"]
    registry.store.put(broken)
    registry.store.put(no_certificate)

    run = registry.sync(full=True)

    assert run.status == SyncRunStatus.SUCCEEDED
    assert run.rejected == 2
    reasons = dict(run.rejected_records.values_list("record_id", "reason"))
    assert reasons == {"HT-2025-0300": "Thiếu tên sản phẩm",
                       "HT-2025-0301": "Thiếu phần “certificate” của bản ghi"}
    assert shop_names() == LISTED


@pytest.mark.django_db
def test_invalid_values_are_rejected_with_a_plain_reason(registry):
    registry.store.put(make_record("HT-2025-0400", "Rượu nếp Can Lộc", stars=6))
    registry.store.put(make_record("HT-2025-0401", "Tinh dầu bưởi", group_code="IX.9"))
    registry.store.put(make_record("HT-2025-0402", "Bánh ram", expires_on=TODAY - timedelta(days=400)))

    run = registry.sync(full=True)

    codes = dict(run.rejected_records.values_list("record_id", "code"))
    assert codes == {"HT-2025-0400": "stars_out_of_range", "HT-2025-0401": "unknown_group",
                     "HT-2025-0402": "expiry_before_decision"}
    assert shop_names() == LISTED


@pytest.mark.django_db
def test_a_rejected_record_is_reported_once_not_on_every_incremental_run(registry):
    registry.store.put(make_record("HT-2025-0500", "", stars=4))  # the newest record, and broken
    first = registry.sync()

    again = registry.sync()

    assert first.rejected == 1
    assert again.rejected == 0 and again.created == again.updated == 0


@pytest.mark.django_db
def test_a_renewal_after_the_expiry_sweep_puts_the_product_back_on_sale(registry, channel, warehouse):
    registry.store.put(make_record("HT-2023-0600", "Cam bù Sơn Kim", group_code="I.1.a",
                                   decision_date=TODAY - timedelta(days=1100)))
    registry.sync(full=True)
    product = Product.objects.get(name="Cam bù Sơn Kim")
    put_on_sale(product, channel_id=channel.pk, warehouse=warehouse)
    certificate_expiry_sweep_task()
    assert "Cam bù Sơn Kim" not in shop_names()
    registry.store.put(make_record("HT-2026-0601", "Cam bù Sơn Kim", group_code="I.1.a",
                                   decision_date=TODAY - timedelta(days=1)))
    registry.store.change("HT-2023-0600", status="superseded", superseded_by="HT-2026-0601")

    run = registry.sync()

    assert run.relisted == 1 and run.created == 1
    assert "Cam bù Sơn Kim" in buyable_names()  # same product: its price and stock are still there
