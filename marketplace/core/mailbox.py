"""The demo's local mailbox: an e-mail backend that keeps every message as an .eml file under
MAILBOX_DIR, and the reads behind /dev/mailbox/ (only when DEBUG and this backend are on), so set-password,
reset and confirmation links can be followed in a browser without an SMTP server."""

from __future__ import annotations

import email
import email.policy
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

BACKEND_PATH = "marketplace.core.mailbox.MailboxBackend"


def _folder() -> Path:
    return Path(settings.MAILBOX_DIR)


class MailboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            name = f"{timezone.now():%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}.eml"
            (folder / name).write_bytes(message.message().as_bytes())
        return len(email_messages)


@dataclass(frozen=True)
class MailboxMessage:
    id: str
    sent_at: datetime
    sender: str
    to: str
    subject: str
    text: str
    html: str


def mailbox_enabled() -> bool:
    return bool(settings.DEBUG) and settings.EMAIL_BACKEND == BACKEND_PATH


def _read(path: Path) -> MailboxMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    text = parsed.get_body(preferencelist=("plain",))
    html = parsed.get_body(preferencelist=("html",))
    stamp = datetime.strptime(path.name.split("-")[0], "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
    return MailboxMessage(id=path.stem, sent_at=stamp, sender=str(parsed["From"] or ""),
                          to=str(parsed["To"] or ""), subject=str(parsed["Subject"] or ""),
                          text=text.get_content() if text else "", html=html.get_content() if html else "")


def mailbox_messages(*, limit: int = 100) -> list[MailboxMessage]:
    """Newest first."""
    folder = _folder()
    if not folder.is_dir():
        return []
    return [_read(p) for p in sorted(folder.glob("*.eml"), reverse=True)[:limit]]


def mailbox_message_get(*, message_id: str) -> MailboxMessage | None:
    path = _folder() / f"{message_id}.eml"
    if "/" in message_id or not path.is_file():
        return None
    return _read(path)
