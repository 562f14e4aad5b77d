"""requestPasswordReset + setPassword: the link works once, expires, and an unknown email gets the same answer."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator

from marketplace.account.models import User
from marketplace.account.services import user_create

pytestmark = pytest.mark.django_db

REQUEST = """mutation($email: String!, $url: String!) { requestPasswordReset(email: $email, redirectUrl: $url) {
    errors { field code message } } }"""
SET = """mutation($email: String!, $token: String!, $password: String!) {
    setPassword(email: $email, token: $token, password: $password) {
    token refreshToken user { email } errors { field code message } } }"""
URL = "http://testserver/dat-mat-khau/"


class IssuedTwoHoursAgo(PasswordResetTokenGenerator):
    """The same signed token, as it was issued two hours ago."""

    def _now(self):
        return datetime.now() - timedelta(hours=2)


@pytest.fixture
def lan(db):
    return user_create(email="lan@example.com", password="old-pass-123", first_name="Lan")


def _link(mail) -> dict:
    url = re.search(r"https?://\S+", mail.body).group(0)
    query = parse_qs(urlsplit(url).query)
    return {"email": query["email"][0], "token": query["token"][0]}


def _request(api, email, capture) -> dict:
    with capture(execute=True):
        return api.data(REQUEST, {"email": email, "url": URL})["requestPasswordReset"]


def test_the_emailed_link_sets_the_password_once(api, lan, mailoutbox, django_capture_on_commit_callbacks):
    assert _request(api, "LAN@example.com", django_capture_on_commit_callbacks) == {"errors": []}
    link = _link(mailoutbox[0])

    first = api.data(SET, {**link, "password": "hoa-sen-2026!"})["setPassword"]
    again = api.data(SET, {**link, "password": "another-2026!"})["setPassword"]

    assert first["errors"] == [] and first["user"] == {"email": "lan@example.com"} and first["token"]
    assert again["errors"] == [{"field": "token", "code": "INVALID", "message": again["errors"][0]["message"]}]
    lan.refresh_from_db()
    assert lan.check_password("hoa-sen-2026!")
    assert "Đặt lại mật khẩu" in mailoutbox[0].alternatives[0][0] and mailoutbox[0].subject.startswith("OCOP")


def test_an_expired_link_is_refused(api, lan, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    token = IssuedTwoHoursAgo().make_token(lan)

    data = api.data(SET, {"email": lan.email, "token": token, "password": "hoa-sen-2026!"})["setPassword"]

    assert data["errors"][0]["code"] == "INVALID" and data["token"] is None
    lan.refresh_from_db()
    assert lan.check_password("old-pass-123")


def test_an_unknown_email_gets_the_same_answer_and_no_mail(api, lan, mailoutbox,
                                                           django_capture_on_commit_callbacks):
    known = _request(api, lan.email, django_capture_on_commit_callbacks)
    unknown = _request(api, "nobody@example.com", django_capture_on_commit_callbacks)

    assert known == unknown == {"errors": []}
    assert [m.to for m in mailoutbox] == [["lan@example.com"]]


def test_a_weak_password_is_refused_with_the_rule_and_the_link_still_works(api, lan, mailoutbox,
                                                                          django_capture_on_commit_callbacks):
    _request(api, lan.email, django_capture_on_commit_callbacks)
    link = _link(mailoutbox[0])

    weak = api.data(SET, {**link, "password": "12345"})["setPassword"]
    good = api.data(SET, {**link, "password": "hoa-sen-2026!"})["setPassword"]

    assert {e["code"] for e in weak["errors"]} >= {"PASSWORD_TOO_SHORT", "PASSWORD_ENTIRELY_NUMERIC"}
    assert good["errors"] == []


def test_a_deactivated_account_gets_no_link_and_cannot_use_an_old_one(api, lan, mailoutbox,
                                                                      django_capture_on_commit_callbacks):
    token = default_token_generator.make_token(lan)
    User.objects.filter(pk=lan.pk).update(is_active=False)

    _request(api, lan.email, django_capture_on_commit_callbacks)
    data = api.data(SET, {"email": lan.email, "token": token, "password": "hoa-sen-2026!"})["setPassword"]

    assert mailoutbox == [] and data["errors"][0]["code"] == "INVALID"


def test_a_reset_link_to_another_site_is_refused(api, lan, mailoutbox):
    data = api.data(REQUEST, {"email": lan.email, "url": "https://evil.example/reset"})["requestPasswordReset"]

    assert data["errors"][0]["field"] == "redirectUrl" and data["errors"][0]["code"] == "INVALID"
    assert mailoutbox == []
