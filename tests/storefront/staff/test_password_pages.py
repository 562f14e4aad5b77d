""""Quên mật khẩu" on the shop and console sign-in pages, and the set-password page the emails link to."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from marketplace.account.services import user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def lan(db):
    return user_create(email="lan@example.com", password="old-pass-123", first_name="Lan")


def _link(mail) -> str:
    return re.search(r"http://testserver(/dat-mat-khau/\S+)", mail.body).group(1)


@pytest.mark.parametrize("page", ["storefront:password_forgot", "storefront:console:password_forgot"])
def test_known_and_unknown_emails_get_the_same_page(client, lan, page, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse(page), {"email": "lan@example.com"})
        unknown = client.post(reverse(page), {"email": "ai-do@example.com"})

    assert known.status_code == unknown.status_code == 200
    assert known.content.decode().replace("lan@example.com", "X") == unknown.content.decode().replace(
        "ai-do@example.com", "X")
    assert "Nếu email này có tài khoản" in known.content.decode()
    assert [m.to for m in mailoutbox] == [["lan@example.com"]]


def test_both_sign_in_pages_link_to_forgot_password(client):
    shop = client.get(reverse("storefront:login")).content.decode()
    console = client.get(reverse("storefront:console:login")).content.decode()

    assert reverse("storefront:password_forgot") in shop
    assert reverse("storefront:console:password_forgot") in console


def test_the_link_sets_the_password_once_and_signs_the_shopper_in(client, lan, mailoutbox,
                                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("storefront:password_forgot"), {"email": "lan@example.com"})
    link = _link(mailoutbox[0])

    form = client.get(link)
    mismatch = client.post(link, {"password": "hoa-sen-2026!", "password_again": "hoa-sen-2027!"})
    weak = client.post(link, {"password": "12345678", "password_again": "12345678"})
    done = client.post(link, {"password": "hoa-sen-2026!", "password_again": "hoa-sen-2026!"})
    client.logout()
    reused = client.get(link)

    assert form.status_code == 200 and "Tài khoản: lan@example.com" in form.content.decode()
    assert "Hai mật khẩu không giống nhau." in mismatch.content.decode()
    assert weak.status_code == 200 and "role=\"alert\"" in weak.content.decode()
    assert done.status_code == 302 and done["Location"] == reverse("storefront:account_orders")
    assert 'data-error-code="INVALID"' in reused.content.decode()
    lan.refresh_from_db()
    assert lan.check_password("hoa-sen-2026!")


def test_a_tampered_link_is_refused_plainly(client, lan):
    response = client.get(reverse("storefront:password_set") + "?email=lan@example.com&token=abc-def")
    posted = client.post(reverse("storefront:password_set") + "?email=lan@example.com&token=abc-def",
                         {"password": "hoa-sen-2026!", "password_again": "hoa-sen-2026!"})

    assert 'data-error-code="INVALID"' in response.content.decode()
    assert posted.status_code == 200
    lan.refresh_from_db()
    assert lan.check_password("old-pass-123")
