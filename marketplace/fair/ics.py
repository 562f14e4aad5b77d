"""`.ics` (RFC 5545) for "add to calendar": the fair and each side event as VEVENTs, times in UTC."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from marketplace.fair.models import FairEvent, FairSideEvent

PRODID = "-//OCOP Market//Hoi cho OCOP//VI"


def _escape(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace(
        "\r\n", "\\n").replace("\n", "\\n")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (never splitting a character)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def _event(*, uid: str, start: datetime, end: datetime, summary: str, location: str, description: str,
           url: str, stamp: datetime, geo: tuple | None = None) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{_utc(stamp)}", f"DTSTART:{_utc(start)}",
             f"DTEND:{_utc(end)}", f"SUMMARY:{_escape(summary)}"]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if geo:
        lines.append(f"GEO:{geo[0]};{geo[1]}")
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def fair_ics(*, fair: FairEvent, side_events: Iterable[FairSideEvent] = (), url: str = "",
             domain: str = "ocop.example") -> str:
    stamp = fair.updated_at or timezone.now()
    location = ", ".join(p for p in (fair.venue_name, fair.venue_address) if p)
    geo = (fair.latitude, fair.longitude) if fair.latitude is not None and fair.longitude is not None else None
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape(fair.name)}", "X-WR-TIMEZONE:Asia/Ho_Chi_Minh"]
    lines += _event(uid=f"fair-{fair.pk}@{domain}", start=fair.start_at, end=fair.end_at, summary=fair.name,
                    location=location, description=fair.description, url=url, stamp=stamp, geo=geo)
    for event in side_events:
        # A side event without an end is shown as one hour long.
        end = event.end_at or event.start_at + timedelta(hours=1)
        lines += _event(uid=f"fair-{fair.pk}-event-{event.pk}@{domain}", start=event.start_at, end=end,
                        summary=f"{event.title} · {fair.name}",
                        location=event.location or event.stream_url,
                        description=event.description, url=event.stream_url or url, stamp=stamp)
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
