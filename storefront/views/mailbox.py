"""The demo's local mailbox (/dev/mailbox/): every email the shop sent, so links can be followed in a
browser. A 404 unless DEBUG is on and the mailbox backend is the email backend."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from marketplace.core.mailbox import mailbox_enabled, mailbox_message_get, mailbox_messages


def _require_enabled() -> None:
    if not mailbox_enabled():
        raise Http404


def mailbox(request: HttpRequest) -> HttpResponse:
    _require_enabled()
    return render(request, "storefront/dev/mailbox.html", {"messages_sent": mailbox_messages()})


def mailbox_message(request: HttpRequest, message_id: str) -> HttpResponse:
    _require_enabled()
    message = mailbox_message_get(message_id=message_id)
    if message is None:
        raise Http404
    return render(request, "storefront/dev/mailbox_message.html", {"message": message})
