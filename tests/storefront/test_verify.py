"""The verification page a product's QR code leads to: plain words for every state of a certificate."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from marketplace.certification.models import Certificate
from tests.storefront.conftest import MAX_QUERIES_PER_PAGE

pytestmark = pytest.mark.django_db


def verify_url(number: str) -> str:
    return reverse("storefront:verify", kwargs={"number": number})


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_valid_certificate_says_until_when(client, catalog, django_assert_max_num_queries):
    product = catalog.product("Nước mắm Vũng Áng", certificate_number="15/GCN-UBND",
                              expires_on=date(2029, 5, 10))

    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        response = client.get("/verify/15/GCN-UBND/")

    text = text_of(response)
    assert response.status_code == 200
    assert "Giấy chứng nhận còn hiệu lực" in text and "Còn hiệu lực đến hết ngày 10/05/2029." in text
    assert f'href="{reverse("storefront:product", args=[product.slug])}"' in response.content.decode()
    assert "Cơ sở Demo" in text


def test_an_expired_certificate_says_so_and_still_names_product_and_producer(client, catalog):
    catalog.product("Chè Shan tuyết", certificate_number="7/GCN-UBND", expires_on=date(2024, 3, 31))

    response = client.get(verify_url("7/GCN-UBND"))

    text = text_of(response)
    assert response.status_code == 200
    assert "Giấy chứng nhận đã hết hiệu lực" in text and "Đã hết hiệu lực sau ngày 31/03/2024." in text
    assert "Chè Shan tuyết (không còn được bán tại đây)" in text
    assert "Cơ sở Demo" in text


def test_a_revoked_certificate_gives_the_decision_and_the_reason(client, catalog):
    product = catalog.product("Rượu ngô", certificate_number="3/GCN-UBND", status="revoked")
    Certificate.objects.filter(product=product).update(
        status_decision_number="3763/QĐ-UBND", status_decision_date=date(2025, 11, 18),
        status_reason="Vi phạm an toàn thực phẩm")

    text = text_of(client.get(verify_url("3/GCN-UBND")))

    assert "Giấy chứng nhận đã bị thu hồi" in text
    assert "Bị thu hồi theo Quyết định số 3763/QĐ-UBND ngày 18/11/2025." in text
    assert "Lý do: Vi phạm an toàn thực phẩm" in text


def test_a_superseded_certificate_points_to_the_newer_one(client, catalog):
    product = catalog.product("Mật ong", certificate_number="1/GCN-UBND", stars=3, status="superseded")
    newer = Certificate.objects.create(
        registry_id="T-new", product=product, producer=product.producer, number="99/GCN-UBND", stars=4,
        decision_date=date.today(), expires_on=date.today() + timedelta(days=1000))
    Certificate.objects.filter(number="1/GCN-UBND").update(superseded_by=newer)

    response = client.get(verify_url("1/GCN-UBND"))

    assert "Đã được thay thế bởi giấy chứng nhận mới hơn" in text_of(response)
    assert f'href="{verify_url("99/GCN-UBND")}"' in response.content.decode()
    assert "(4 sao)" in text_of(response)


def test_numbers_are_matched_whatever_their_case(client, catalog):
    catalog.product("Nước mắm", certificate_number="15/GCN-UBND")

    assert client.get("/verify/15/gcn-ubnd/").status_code == 200


def test_the_form_redirects_to_the_certificate_page(client, catalog):
    response = client.get(reverse("storefront:verify_index"), {"number": " 15/GCN-UBND "})

    assert response.status_code == 302 and response["Location"] == "/verify/15/GCN-UBND/"


@pytest.mark.parametrize("number", ["nope", "15/GCN-KHONG-CO", "x" * 300, "'; DROP TABLE x; --", "%00",
                                    "<b>"])
def test_an_unknown_number_gets_a_friendly_404(client, catalog, number):
    response = client.get("/verify/" + number + "/")

    assert response.status_code == 404
    assert "Không tìm thấy giấy chứng nhận" in response.content.decode()
    assert "<b>" not in response.content.decode().split("<main")[1]  # escaped, never markup


def test_the_verification_page_works_in_english(client, catalog):
    catalog.product("Chè Shan tuyết", certificate_number="7/GCN-UBND", expires_on=date(2024, 3, 31))

    response = client.get("/en/verify/7/GCN-UBND/")

    assert response.status_code == 200
    assert "This certificate has expired" in text_of(response)
