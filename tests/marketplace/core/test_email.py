"""E-mail through a real SMTP server on loopback (aiosmtpd in a thread): the SMTP settings, the retry with
backoff on temporary failures and the give-up on permanent ones."""

from __future__ import annotations

import logging
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

from marketplace.core.email import email_error_is_permanent, email_retry_countdown, email_send_task


class Handler:
    """Answers DATA with the queued replies first (e.g. '421 …'), then accepts."""

    def __init__(self):
        self.replies: list[str] = []
        self.attempts = 0
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.replies:
            return self.replies.pop(0)
        self.received.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"shop" and auth_data.password == b"s3cret"
    return AuthResult(success=ok)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings, monkeypatch):
    # Run eagerly as a worker would: a Retry re-runs the task (countdown skipped) instead of propagating.
    monkeypatch.setitem(email_send_task.app.conf, "task_eager_propagates", False)
    handler = Handler()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=_authenticate,
                            auth_required=True, auth_require_tls=False)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "shop", "s3cret"
    settings.DEFAULT_FROM_EMAIL = "OCOP Market <no-reply@ocop.example>"
    settings.EMAIL_MAX_RETRIES = 3
    yield handler
    controller.stop()


def _send() -> bool:
    return email_send_task.apply(kwargs={"to": ["lan@example.com"], "subject": "Xác nhận tài khoản",
                                         "body": "Mở liên kết", "html": "<p>Mở liên kết</p>"}).get(
        disable_sync_subtasks=False)  # an eager result; a real worker started by another test sets the guard


def test_the_smtp_settings_deliver_a_message_with_authentication(smtp):
    assert _send() is True

    [(sender, recipients, content)] = smtp.received
    assert (sender, recipients) == ("no-reply@ocop.example", ["lan@example.com"])
    assert b"Subject: =?utf-8?" in content and b"text/html" in content


def test_a_temporary_smtp_failure_is_retried_and_then_delivered(smtp):
    smtp.replies = ["421 4.3.2 Service busy, try later", "451 4.7.1 Greylisted"]

    assert _send() is True
    assert smtp.attempts == 3 and len(smtp.received) == 1


def test_a_permanent_smtp_refusal_is_given_up_at_once_and_logged(smtp, caplog):
    smtp.replies = ["550 5.1.1 Mailbox unavailable"]

    with caplog.at_level(logging.ERROR, logger="marketplace.core.email"):
        assert _send() is False
    assert smtp.attempts == 1 and smtp.received == []
    assert "lan@example.com" in caplog.text and "550" in caplog.text


def test_an_unreachable_server_is_retried_up_to_the_limit_then_given_up(smtp, settings, caplog):
    settings.EMAIL_PORT = _free_port()  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="marketplace.core.email"):
        assert _send() is False
    assert caplog.text.count("failed temporarily") == settings.EMAIL_MAX_RETRIES
    assert "given up after 4 attempts" in caplog.text


def test_provider_errors_are_classified_like_smtp_ones():
    assert email_error_is_permanent(AnymailRecipientsRefused("refused"))
    assert email_error_is_permanent(AnymailAPIError("bad request", status_code=400))
    assert not email_error_is_permanent(AnymailAPIError("rate limited", status_code=429))
    assert not email_error_is_permanent(AnymailAPIError("provider down", status_code=503))
    assert not email_error_is_permanent(ConnectionRefusedError())


def test_the_backoff_doubles_and_is_capped():
    assert [email_retry_countdown(retries=n) for n in (0, 1, 2)] == [30, 60, 120]
    assert email_retry_countdown(retries=20) == 3600
