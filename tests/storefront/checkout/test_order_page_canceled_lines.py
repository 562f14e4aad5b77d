"""The shopper reads on the order page (the guest's token link and the account's order) why a line was cancelled
after the order was placed, and that it is not charged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.checkout import services as checkout_services
from marketplace.checkout.complete import checkout_complete
from marketplace.core.errors import DomainError
from marketplace.payment.models import COD_GATEWAY, STRIPE_GATEWAY
from marketplace.payment.services import transaction_initialize
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db


def test_the_guest_order_page_says_which_line_was_cancelled_and_why(client, catalog, warehouse, checkout_builder):
    honey = catalog.product("Mật ong hoa nhãn", stock=0, price=100_000).variants.get()
    tea = catalog.product("Chè Shan tuyết", stock=0, price=60_000).variants.get()
    for variant in (honey, tea):
        stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)
    checkout = checkout_builder.ready(honey, 1)
    checkout_services.checkout_lines_add(checkout=checkout, lines=[checkout_services.LineInput(
        variant_id=tea.pk, quantity=1)])
    order = checkout_complete(checkout_token=checkout.pk)
    Certificate.objects.filter(product_id=tea.product_id).update(status=CertificateStatus.REVOKED)
    transaction_initialize(order=order, gateway=COD_GATEWAY)

    page = client.get(reverse("storefront:order_detail", args=[order.pk])).content.decode()

    assert 'data-testid="lines-canceled"' in page
    assert "Chè Shan tuyết: Giấy chứng nhận OCOP của sản phẩm đã bị thu hồi" in page
    assert page.count('data-testid="line-canceled"') == 1
    assert '<td data-testid="order-total"><strong>125.000' in page  # 100.000 + 25.000 delivery


def test_a_fully_cancelled_order_says_so_on_the_shoppers_account_page(client, shopper, catalog, warehouse,
                                                                      checkout_builder):
    honey = catalog.product("Mật ong hoa nhãn", stock=0, price=100_000, stars=4).variants.get()
    stock_receive(warehouse=warehouse, variant_id=honey.pk, quantity=5)
    order = checkout_complete(checkout_token=checkout_builder.ready(honey, 1, user=shopper,
                                                                    email=shopper.email).pk, user=shopper)
    Certificate.objects.filter(product_id=honey.product_id).update(stars=2)
    with pytest.raises(DomainError):
        transaction_initialize(order=order, gateway=STRIPE_GATEWAY)
    client.force_login(shopper)

    page = client.get(reverse("storefront:order_detail", args=[order.pk])).content.decode()

    assert "Đơn hàng đã bị hủy vì sản phẩm không còn giấy chứng nhận OCOP hợp lệ." in page
    assert "Sản phẩm bị hạ xuống dưới 3 sao OCOP" in page
