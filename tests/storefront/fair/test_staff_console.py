"""The promotion staff console: who may use it, and the flows from creating a fair to reading its report.
Bad input shows a clear message on the form and saves nothing."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from marketplace.fair.models import Booth, BoothProduct, FairEvent, FairSideEvent, FairZone
from marketplace.fair.services import booth_create, fair_publish
from marketplace.producer.models import Producer
from storefront.views.fair.access import staff_login_url


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _urls(fair, booth):
    slug = fair.slug
    return [
        ("get", "/quan-ly/hoi-cho/"), ("get", "/quan-ly/hoi-cho/tao-moi/"), ("get", f"/quan-ly/hoi-cho/{slug}/"),
        ("get", f"/quan-ly/hoi-cho/{slug}/sua/"), ("get", f"/quan-ly/hoi-cho/{slug}/gian-hang/them/"),
        ("get", f"/quan-ly/hoi-cho/{slug}/gian-hang/{booth.pk}/"), ("get", f"/quan-ly/hoi-cho/{slug}/nhap-excel/"),
        ("get", f"/quan-ly/hoi-cho/{slug}/khuyen-mai/"), ("get", f"/quan-ly/hoi-cho/{slug}/bao-cao/"),
        ("get", f"/quan-ly/hoi-cho/{slug}/bao-cao.xlsx"), ("get", "/quan-ly/hoi-cho/mau-danh-sach-gian-hang.xlsx"),
        ("get", f"/quan-ly/hoi-cho/{slug}/su-kien/"), ("post", f"/quan-ly/hoi-cho/{slug}/cong-bo/"),
    ]


@pytest.fixture
def console_fair(make_fair, catalog):
    now = timezone.now().replace(second=0, microsecond=0)  # the console's date-time inputs have minutes
    fair = make_fair("Hội chợ OCOP Hà Tĩnh", start_at=now + timedelta(days=2), end_at=now + timedelta(days=5))
    product = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm Vũng Áng")
    booth = booth_create(fair=fair, code="A-01", producer_id=product.producer_id)
    return fair, booth, product


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "allowed"), [("promo_user", True), ("admin_user", True),
                                              ("operator_user", False), ("shopper_user", False), (None, False)])
def test_permission_matrix_only_promotion_staff_and_admins_use_the_console(client, request, console_fair, who,
                                                                          allowed):
    fair, booth, _ = console_fair
    if who:
        client.force_login(request.getfixturevalue(who))

    statuses = {url: getattr(client, method)(url).status_code for method, url in _urls(fair, booth)}

    if allowed:
        assert set(statuses.values()) <= {200, 302}, statuses
        assert FairEvent.objects.get(pk=fair.pk).published_at is not None  # the publish POST went through
    elif who is None:
        assert set(statuses.values()) == {302}, statuses  # sent to log in
        assert FairEvent.objects.get(pk=fair.pk).published_at is None
    else:
        assert set(statuses.values()) == {403}, statuses
        assert FairEvent.objects.get(pk=fair.pk).published_at is None


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in_and_come_back(client, console_fair):
    response = client.get("/quan-ly/hoi-cho/")

    assert response.status_code == 302
    assert response["Location"] == f"{staff_login_url()}?next=/quan-ly/hoi-cho/"


@pytest.mark.django_db
def test_staff_create_a_fair_and_an_end_before_start_is_refused_with_nothing_saved(client, promo_user):
    client.force_login(promo_user)
    start = timezone.now() + timedelta(days=10)
    form = {"name": "Hội chợ OCOP Nghệ An", "start_at": _local(start), "end_at": _local(start - timedelta(hours=1)),
            "venue_name": "Quảng trường Hồ Chí Minh", "province": "nghe-an"}

    refused = client.post("/quan-ly/hoi-cho/tao-moi/", form)
    created = client.post("/quan-ly/hoi-cho/tao-moi/", {**form, "end_at": _local(start + timedelta(days=3))})

    assert refused.status_code == 200
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in refused.content.decode()
    fair = FairEvent.objects.get()
    assert created.status_code == 302 and created["Location"] == f"/quan-ly/hoi-cho/{fair.slug}/"
    assert (fair.name, fair.province_code, fair.published_at) == ("Hội chợ OCOP Nghệ An", "nghe-an", None)
    assert timezone.localtime(fair.start_at).strftime("%Y-%m-%dT%H:%M") == _local(start)


@pytest.mark.django_db
def test_staff_allocate_booths_by_zone_and_a_duplicate_code_is_refused(client, promo_user, console_fair):
    fair, _, product = console_fair
    client.force_login(promo_user)
    client.post(f"/quan-ly/hoi-cho/{fair.slug}/khu/", {"name": "Khu Hà Tĩnh", "code": "A", "kind": "locality"})
    zone = FairZone.objects.get(fair=fair)

    duplicate = client.post(f"/quan-ly/hoi-cho/{fair.slug}/gian-hang/them/",
                            {"code": "a-01", "zone": zone.pk, "producer": "HTX Nước mắm Vũng Áng"})
    unknown = client.post(f"/quan-ly/hoi-cho/{fair.slug}/gian-hang/them/",
                          {"code": "A-02", "zone": zone.pk, "producer": "HTX Không Có"})
    created = client.post(f"/quan-ly/hoi-cho/{fair.slug}/gian-hang/them/",
                          {"code": "A-02", "zone": zone.pk, "producer": "htx nuoc mam vung ang"})

    assert "Hội chợ đã có gian hàng mã «A-01»." in duplicate.content.decode()
    assert "Không tìm thấy chủ thể «HTX Không Có»." in unknown.content.decode()
    booth = Booth.objects.get(fair=fair, code="A-02")
    assert created["Location"] == f"/quan-ly/hoi-cho/{fair.slug}/gian-hang/{booth.pk}/"
    assert booth.zone == zone and booth.producer_id == product.producer_id


@pytest.mark.django_db
def test_staff_attach_products_and_uncertified_ones_are_refused(client, promo_user, console_fair, catalog):
    fair, booth, product = console_fair
    weak = catalog.product("Rượu 2 sao", stars=2)
    weak.producer_id = product.producer_id
    weak.save()
    client.force_login(promo_user)
    url = f"/quan-ly/hoi-cho/{fair.slug}/gian-hang/{booth.pk}/"

    page = client.get(url).content.decode()
    refused = client.post(url, {"save_products": "1", "products": [product.pk, weak.pk]})
    saved = client.post(url, {"save_products": "1", "products": [product.pk]})

    assert "không có chứng nhận hợp lệ" in page
    assert "«Rượu 2 sao» không có giấy chứng nhận OCOP còn hiệu lực" in refused.content.decode()
    assert saved.status_code == 302
    assert list(BoothProduct.objects.filter(booth=booth).values_list("product_id", flat=True)) == [product.pk]


@pytest.mark.django_db
def test_staff_import_booths_from_excel_and_see_unmatched_rows(client, promo_user, console_fair, catalog):
    fair, _, product = console_fair
    Producer.objects.filter(pk=product.producer_id).update(tax_code="3001234567")
    workbook = Workbook()
    workbook.active.append(["Mã gian hàng", "Khu", "Chủ thể", "Mã số thuế", "Sản phẩm"])
    workbook.active.append(["B-01", "Khu Hà Tĩnh", "", "3001234567", "Nước mắm Vũng Áng"])
    workbook.active.append(["B-02", "", "Ai đó", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "gian-hang.xlsx"
    client.force_login(promo_user)

    response = client.post(f"/quan-ly/hoi-cho/{fair.slug}/nhap-excel/", {"file": buffer})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Gian đã nhập" in html and "B-01" in html
    assert 'id="import-issues"' in html and "Không tìm thấy chủ thể «Ai đó»" in html
    assert ">3<" in html  # the row number of the unmatched row
    assert BoothProduct.objects.get(product=product).booth.code == "B-01"


@pytest.mark.django_db
def test_staff_set_a_fair_price_and_publish(client, promo_user, console_fair, channel):
    fair, booth, product = console_fair
    client.force_login(promo_user)
    client.post(f"/quan-ly/hoi-cho/{fair.slug}/gian-hang/{booth.pk}/", {"save_products": "1",
                                                                        "products": [product.pk]})

    bad = client.post(f"/quan-ly/hoi-cho/{fair.slug}/khuyen-mai/",
                      {"reward_value_type": "fixed", "reward_value": "90000"})
    client.post(f"/quan-ly/hoi-cho/{fair.slug}/khuyen-mai/", {"reward_value_type": "percentage",
                                                              "reward_value": "10"})
    client.post(f"/quan-ly/hoi-cho/{fair.slug}/cong-bo/")

    from marketplace.discount.selectors import variant_prices_get

    assert "không nhỏ hơn giá" in bad.content.decode()
    fair.refresh_from_db()
    assert fair.published_at is not None and fair.campaign_id is not None
    variant = product.variants.get()
    during = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk, at=fair.start_at)[variant.pk]
    assert during.price == 76_500


@pytest.mark.django_db
def test_staff_add_a_side_event_outside_the_fair_is_refused(client, promo_user, console_fair):
    fair, _, _ = console_fair
    client.force_login(promo_user)
    url = f"/quan-ly/hoi-cho/{fair.slug}/su-kien/"

    refused = client.post(url, {"kind": "opening", "title": "Khai mạc", "start_at": _local(fair.start_at -
                                                                                          timedelta(hours=1))})
    created = client.post(url, {"kind": "opening", "title": "Khai mạc", "start_at": _local(fair.start_at)})

    assert "Sự kiện phải diễn ra trong thời gian hội chợ." in refused.content.decode()
    assert created.status_code == 302 and FairSideEvent.objects.filter(fair=fair).count() == 1


@pytest.mark.django_db
def test_staff_read_the_report_with_charts_and_download_it(client, promo_user, console_fair, monkeypatch):
    from marketplace.fair import report as report_module
    from marketplace.fair.report import SalesRow

    fair, booth, product = console_fair
    fair = fair_publish(fair=fair)
    client.force_login(promo_user)
    client.post(f"/quan-ly/hoi-cho/{fair.slug}/gian-hang/{booth.pk}/", {"save_products": "1",
                                                                        "products": [product.pk]})
    variant = product.variants.get()
    rows = [SalesRow(product_id=product.pk, variant_id=variant.pk, quantity=2, revenue=153_000,
                     sold_at=fair.start_at + timedelta(hours=1), channel="online", warehouse_id=None, order_ref="1")]
    # No order app in this build: a stand-in source returns the hand-made rows.
    monkeypatch.setattr(report_module, "_SOURCES", [lambda query: rows])

    page = client.get(f"/quan-ly/hoi-cho/{fair.slug}/bao-cao/")
    export = client.get(f"/quan-ly/hoi-cho/{fair.slug}/bao-cao.xlsx")

    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("<svg") == 4 and "Doanh thu theo gian hàng" in html
    assert "153.000" in html
    workbook = load_workbook(io.BytesIO(export.content))
    assert list(workbook["Theo gian hàng"].iter_rows(values_only=True))[1][:4] == (
        "A-01 · HTX Nước mắm Vũng Áng", 1, 2, 153_000)


@pytest.mark.django_db
def test_an_oversize_booth_list_gets_a_form_message(client, promo_user, console_fair, settings):
    fair, _, _ = console_fair
    settings.REQUEST_MAX_BYTES = 20 * 1024 * 1024  # the form's own limit speaks first
    big = io.BytesIO(b"PK" + b"\0" * (3 * 1024 * 1024))
    big.name = "gian-hang.xlsx"
    booths_before = fair.booths.count()
    client.force_login(promo_user)

    response = client.post(f"/quan-ly/hoi-cho/{fair.slug}/nhap-excel/", {"file": big})

    assert response.status_code == 200
    assert "Tệp quá lớn (3072 KB): tối đa 2048 KB." in response.content.decode()
    assert fair.booths.count() == booths_before
