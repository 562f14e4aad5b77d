"""The shop's account pages: register → emailed confirmation → sign in; profile and password; address book
with the Vietnamese checks; deletion by emailed link; the demo mailbox."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from marketplace.account.models import Address, User
from marketplace.account.services import user_create

pytestmark = pytest.mark.django_db

ADDRESS = {"action": "add", "name": "Lan", "phone": "0912345678", "street": "12 Hàng Bạc",
           "commune": "Phường Hoàn Kiếm", "province": "Hà Nội"}


def _link(mail) -> str:
    return re.search(r"https?://\S+", mail.body).group(0)


@pytest.fixture
def lan(db):
    return user_create(email="lan@example.com", password="old-pass-123", first_name="Lan")


def test_register_then_confirm_by_the_emailed_link_then_sign_in(client, mailoutbox,
                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("storefront:register"), {"name": "Bình", "email": "binh@example.com",
                                                     "password": "sen-hong-2026!"})
    login = {"email": "binh@example.com", "password": "sen-hong-2026!"}
    page = client.post(reverse("storefront:login"), login, follow=True)
    assert "chưa được xác nhận" in page.content.decode() and "_auth_user_id" not in client.session

    url = urlsplit(_link(mailoutbox[0]))
    assert url.path == reverse("storefront:account_confirm")
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert client.get(url.path, query).status_code == 200 and not User.objects.get(email=login["email"]).is_confirmed
    client.post(url.path, query)

    client.post(reverse("storefront:login"), login)
    assert client.session["_auth_user_id"] == str(User.objects.get(email=login["email"]).pk)


def test_the_password_is_changed_with_the_current_one(client, lan):
    client.force_login(lan)
    url = reverse("storefront:account_profile")
    client.post(url, {"action": "password", "old_password": "wrong", "new_password": "hoa-sen-2026!"})
    lan.refresh_from_db()
    assert lan.check_password("old-pass-123")

    client.post(url, {"action": "password", "old_password": "old-pass-123", "new_password": "hoa-sen-2026!"})
    lan.refresh_from_db()
    assert lan.check_password("hoa-sen-2026!") and client.get(url).status_code == 200  # still signed in


def test_the_address_book_refuses_a_bad_commune_or_phone_and_keeps_a_good_address(client, lan):
    client.force_login(lan)
    url = reverse("storefront:account_addresses")
    bad_commune = client.post(url, {**ADDRESS, "commune": "Phường Bến Nghé"}, follow=True).content.decode()
    bad_phone = client.post(url, {**ADDRESS, "phone": "12345"}, follow=True).content.decode()
    assert "Bến Nghé" in bad_commune and "Số điện thoại không hợp lệ" in bad_phone
    assert Address.objects.count() == 0

    client.post(url, ADDRESS)
    lan.refresh_from_db()
    [address] = lan.addresses.all()
    assert (address.phone, lan.default_shipping_address_id) == ("+84912345678", address.pk)


def test_a_shopper_cannot_delete_another_shoppers_address(client, lan):
    client.force_login(lan)
    client.post(reverse("storefront:account_addresses"), ADDRESS)
    address = lan.addresses.get()
    client.force_login(user_create(email="mai@example.com", password="x-pass-2026!"))

    client.post(reverse("storefront:account_addresses"), {"action": "delete", "address": address.pk})
    assert Address.objects.filter(pk=address.pk).exists()


def test_deletion_by_the_emailed_link_erases_the_account(client, lan, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    client.force_login(lan)
    client.post(reverse("storefront:account_addresses"), ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("storefront:account_delete_request"))
    url = urlsplit(_link(mailoutbox[0]))
    token = parse_qs(url.query)["token"][0]

    client.post(url.path, {"token": token})
    lan.refresh_from_db()
    assert (lan.is_active, lan.first_name, Address.objects.count()) == (False, "", 0)
    assert "_auth_user_id" not in client.session


def test_the_demo_mailbox_shows_sent_emails_only_in_debug_with_its_backend(client, settings, tmp_path):
    assert client.get(reverse("storefront:mailbox")).status_code == 404
    settings.DEBUG, settings.MAILBOX_DIR = True, tmp_path
    settings.EMAIL_BACKEND = "marketplace.core.mailbox.MailboxBackend"
    message = EmailMultiAlternatives(subject="Đặt lại mật khẩu", body="Mở http://testserver/dat-mat-khau/?token=1",
                                     to=["lan@example.com"])
    message.attach_alternative("<p>html</p>", "text/html")
    message.send()

    listing = client.get(reverse("storefront:mailbox")).content.decode()
    assert "Đặt lại mật khẩu" in listing and "lan@example.com" in listing
    message_id = next(tmp_path.glob("*.eml")).stem
    page = client.get(reverse("storefront:mailbox_message", args=[message_id])).content.decode()
    assert 'href="http://testserver/dat-mat-khau/?token=1"' in page


def test_a_reset_link_confirms_an_unconfirmed_account_so_it_stays_signed_in(client, mailoutbox,
                                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("storefront:register"), {"email": "binh@example.com", "password": "sen-hong-2026!"})
        client.post(reverse("storefront:password_forgot"), {"email": "binh@example.com"})
    url = urlsplit(_link(mailoutbox[-1]))
    target = f"{url.path}?{url.query}"

    client.post(target, {"password": "hoa-sen-2026!", "password_again": "hoa-sen-2026!"})
    assert client.get(reverse("storefront:account_profile")).status_code == 200
