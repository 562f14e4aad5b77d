"""A revocation is never lost (issue 10): a record that says revoked, superseded or fewer stars takes the product
off sale even when another of its fields cannot be read; it is still reported with its reasons. Through the
local registry over real HTTP, and the /verify/ page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from catalog_sync.mapping import dedupe_status_changes, map_api_record
from catalog_sync.models import SyncRunStatus
from marketplace.certification.models import Certificate, CertificateEvent
from marketplace.certification.selectors import certificate_verify, today_in_vietnam
from marketplace.product.models import Product, ProductChannelListing
from tests.catalog_sync.conftest import buyable_names, make_record, put_on_sale, shop_names

TODAY = today_in_vietnam()
REVOCATION = {"no": "3763/QĐ-UBND", "date": TODAY.isoformat(), "reason": "Vi phạm an toàn thực phẩm"}


@pytest.fixture
def registry_records():
    return [
        make_record("HT-2024-0001", "Nước mắm Cẩm Nhượng", stars=4),
        make_record("HT-2024-0002", "Kẹo cu đơ Phong Nga", stars=3, group_code="I.3.b"),
    ]


def _break(record: dict, how: str) -> None:
    if how == "unknown_group":
        record["product"]["group_code"] = "IX.9"
    elif how == "bad_date":
        record["certificate"]["expires_on"] = "31/02/2027"
    elif how == "missing_name":
        record["product"]["name"] = ""
    elif how == "missing_field":
        del record["producer"]
    elif how == "stars_unreadable":
        record["certificate"]["stars"] = "chưa rõ"


@pytest.fixture
def on_sale(registry, channel, warehouse):
    registry.sync(full=True)
    product = Product.objects.get(name="Nước mắm Cẩm Nhượng")
    put_on_sale(product, channel_id=channel.pk, warehouse=warehouse)
    assert "Nước mắm Cẩm Nhượng" in buyable_names()
    return product


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["unknown_group", "bad_date", "missing_name", "missing_field", "stars_unreadable"])
def test_a_revocation_in_an_otherwise_broken_record_takes_the_product_off_sale(registry, on_sale, client,
                                                                               how):
    record = make_record("HT-2024-0001", "Nước mắm Cẩm Nhượng", stars=4, status="revoked",
                         status_decision=REVOCATION, updated_at=f"{TODAY.isoformat()}T09:00:00+07:00")
    _break(record, how)
    registry.store.put(record)

    run = registry.sync()

    assert run.status == SyncRunStatus.SUCCEEDED
    assert "Nước mắm Cẩm Nhượng" not in shop_names() | buyable_names()
    assert not ProductChannelListing.objects.get(product=on_sale).is_published
    assert (run.delisted, run.status_applied, run.rejected) == (1, 1, 1)
    verification = certificate_verify(number="HT-2024-0001/GCN")
    assert verification.state == "revoked"
    assert verification.certificate.status_reason == "Vi phạm an toàn thực phẩm"
    page = client.get(reverse("storefront:verify", args=["HT-2024-0001/GCN"])).content.decode()
    assert "Giấy chứng nhận đã bị thu hồi" in page and "3763/QĐ-UBND" in page
    rejected = run.rejected_records.get()
    assert rejected.record_id == "HT-2024-0001" and rejected.code == how
    assert "Vẫn áp dụng trạng thái còn hiệu lực → bị thu hồi" in rejected.reason  # reported with its reasons
    assert list(run.record_warnings.values_list("record_id", "code")) == [("HT-2024-0001", "status_applied")]
    assert shop_names() == {"Kẹo cu đơ Phong Nga"}  # nothing else lost


@pytest.mark.django_db
def test_the_broken_revocation_changes_nothing_the_second_time(registry, on_sale):
    record = make_record("HT-2024-0001", "Nước mắm Cẩm Nhượng", status="revoked", status_decision=REVOCATION,
                         group_code="IX.9")
    registry.store.put(record)
    registry.sync(full=True)
    events = CertificateEvent.objects.count()

    again = registry.sync(full=True)

    assert (again.status_applied, again.delisted, again.warnings) == (0, 0, 0)
    assert again.rejected == 1  # still reported: the registry still publishes it broken
    assert CertificateEvent.objects.count() == events
    assert certificate_verify(number="HT-2024-0001/GCN").state == "revoked"


@pytest.mark.django_db
def test_a_broken_record_never_puts_a_product_back_on_sale(registry, on_sale):
    registry.store.change("HT-2024-0001", status="revoked", status_decision=REVOCATION)
    registry.sync()
    assert "Nước mắm Cẩm Nhượng" not in shop_names()
    active_again = make_record("HT-2024-0001", "Nước mắm Cẩm Nhượng", stars=5, group_code="IX.9",
                               updated_at=f"{TODAY.isoformat()}T10:00:00+07:00")
    registry.store.put(active_again)

    run = registry.sync()

    assert run.rejected == 1 and run.status_applied == 0 and run.relisted == 0
    assert "Nước mắm Cẩm Nhượng" not in shop_names()
    cert = Certificate.objects.get(registry_id="HT-2024-0001")
    assert (cert.status, cert.stars) == ("revoked", 4)


@pytest.mark.django_db
def test_fewer_stars_in_a_broken_record_take_the_product_off_sale(registry, on_sale):
    record = make_record("HT-2024-0001", "Nước mắm Cẩm Nhượng", stars=2, group_code="IX.9",
                         updated_at=f"{TODAY.isoformat()}T09:00:00+07:00")
    registry.store.put(record)

    run = registry.sync()

    assert "Nước mắm Cẩm Nhượng" not in shop_names()
    assert certificate_verify(number="HT-2024-0001/GCN").state == "not_certified"
    assert (run.delisted, run.status_applied) == (1, 1)
    assert "số sao 4 → 2" in run.rejected_records.get().reason


@pytest.mark.django_db
def test_a_superseded_status_in_a_broken_record_links_the_new_certificate(registry, on_sale):
    registry.store.put(make_record("HT-2026-0100", "Nước mắm Cẩm Nhượng", stars=5,
                                   decision_date=TODAY - timedelta(days=3)))
    old = make_record("HT-2024-0001", "Nước mắm Cẩm Nhượng", stars=4, status="superseded",
                      superseded_by="HT-2026-0100", group_code="IX.9",
                      updated_at=f"{TODAY.isoformat()}T09:00:00+07:00")
    registry.store.put(old)

    run = registry.sync()

    verification = certificate_verify(number="HT-2024-0001/GCN")
    assert verification.state == "superseded"
    assert verification.replacement.registry_id == "HT-2026-0100"
    assert run.status_applied == 1 and run.rejected == 1
    # The new certificate joined the product it supersedes, which stays on sale under it.
    assert list(Product.objects.filter(name="Nước mắm Cẩm Nhượng").values_list("pk", flat=True)) == [on_sale.pk]
    assert "Nước mắm Cẩm Nhượng" in buyable_names()


@pytest.mark.django_db
def test_a_broken_record_for_a_certificate_we_never_stored_is_only_reported(registry):
    registry.store.put(make_record("HT-2025-0700", "Rượu Kim Cương", status="revoked",
                                   status_decision=REVOCATION, group_code="IX.9"))

    run = registry.sync(full=True)

    assert (run.rejected, run.status_applied, run.created) == (1, 0, 2)
    assert run.rejected_records.get().code == "unknown_group"
    assert not Certificate.objects.filter(registry_id="HT-2025-0700").exists()


def test_the_newer_of_a_readable_and_a_broken_version_in_one_batch_wins():
    readable = map_api_record(make_record("HT-2024-0001", "Nước mắm", updated_at="2026-01-02T09:00:00+07:00"))
    broken = map_api_record(make_record("HT-2024-0001", "Nước mắm", status="revoked", group_code="IX.9",
                                        updated_at="2026-01-02T10:00:00+07:00"))
    older_broken = map_api_record(make_record("HT-2024-0001", "Nước mắm", status="revoked", group_code="IX.9",
                                              updated_at="2026-01-02T08:00:00+07:00"))

    records, changes, dropped = dedupe_status_changes(records=[readable], changes=[broken.status_change])
    assert (records, [c.status for c in changes], [d.code for d in dropped]) == ([], ["revoked"],
                                                                                 ["duplicate_id"])
    records, changes, dropped = dedupe_status_changes(records=[readable], changes=[older_broken.status_change])
    assert (records, changes, dropped) == ([readable], [], [])


def test_a_broken_record_carries_its_identity_and_standing():
    record = make_record("HT-2024-0001", "Nước mắm", stars=2, status="superseded", superseded_by="HT-2026-0001",
                         group_code="IX.9", status_decision={"no": "1/QĐ", "date": "bad", "reason": "Đánh giá lại"})

    rejection = map_api_record(record)

    assert rejection.code == "unknown_group"
    change = rejection.status_change
    assert (change.registry_id, change.status, change.stars, change.superseded_by) == (
        "HT-2024-0001", "superseded", 2, "HT-2026-0001")
    assert (change.status_decision.number, change.status_decision.date, change.status_decision.reason) == (
        "1/QĐ", None, "Đánh giá lại")
    assert map_api_record({**record, "status": "đình chỉ"}).status_change is None  # no status, nothing to apply
