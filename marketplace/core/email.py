"""Every e-mail leaves through `email_send_task`: queued after the transaction commits (never while a row is
locked), retried with exponential backoff on temporary failures (connection refused or dropped, SMTP 4xx,
a provider's 5xx or 429), given up and logged on permanent ones (SMTP 5xx, a provider's rejection)."""

from __future__ import annotations

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

logger = logging.getLogger(__name__)


def _smtp_code_is_permanent(code: int | None) -> bool:
    return code is not None and 500 <= code < 600


def email_error_is_permanent(exc: BaseException) -> bool:
    """True when sending again cannot help (bad address, refused by policy, wrong credentials)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(_smtp_code_is_permanent(code) for code, _msg in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return _smtp_code_is_permanent(exc.smtp_code)
    try:
        from anymail.exceptions import AnymailAPIError, AnymailError, AnymailRecipientsRefused
    except ImportError:  # pragma: no cover - anymail is a pinned dependency
        return False
    if isinstance(exc, AnymailRecipientsRefused):
        return True
    if isinstance(exc, AnymailAPIError):
        status = getattr(exc, "status_code", None)
        return status is not None and 400 <= status < 500 and status != 429
    return isinstance(exc, AnymailError)  # configuration problems: retrying repeats them


def email_retry_countdown(*, retries: int) -> int:
    """Seconds before the next attempt: 30 s, 60 s, 120 s … capped at an hour."""
    return min(3600, settings.EMAIL_RETRY_BASE_SECONDS * 2**retries)


@shared_task(bind=True, name="marketplace.core.email.email_send_task", max_retries=None)
def email_send_task(self, *, to: list[str], subject: str, body: str, html: str | None = None,
                    from_email: str | None = None) -> bool:
    """Send one message. Returns False when it was given up (permanent failure or too many retries)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception as exc:
        if email_error_is_permanent(exc):
            logger.error("email to %s refused permanently, not retried: %r", to, exc)
            return False
        if self.request.retries >= settings.EMAIL_MAX_RETRIES:
            logger.error("email to %s given up after %s attempts: %r", to, self.request.retries + 1, exc)
            return False
        logger.warning("email to %s failed temporarily (attempt %s), retrying: %r", to,
                       self.request.retries + 1, exc)
        raise self.retry(exc=exc, countdown=email_retry_countdown(retries=self.request.retries))
    return True


def email_send(*, to: list[str], subject: str, body: str, html: str | None = None,
               from_email: str | None = None) -> None:
    """Queue one e-mail for after the current transaction commits (at once outside a transaction)."""
    kwargs = {"to": list(to), "subject": str(subject), "body": body, "html": html, "from_email": from_email}
    transaction.on_commit(lambda: email_send_task.apply_async(kwargs=kwargs))
