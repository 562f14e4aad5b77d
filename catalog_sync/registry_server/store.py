"""The registry's records in memory, ordered as the API serves them: by updated_at, then id."""

from __future__ import annotations

import bisect
import copy
import threading
from datetime import UTC, datetime, timedelta, timezone

_VN = timezone(timedelta(hours=7))


def parse_stamp(value: str) -> datetime:
    """An ISO 8601 date-time; Vietnam time when it has no offset."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=_VN)


class RecordStore:
    def __init__(self, records: list[dict] | None = None) -> None:
        self._lock = threading.Lock()
        self._by_id: dict[str, dict] = {}
        self._order: list[tuple[datetime, str]] = []
        for record in records or []:
            self._by_id[record["id"]] = record
        self._reindex()

    def _reindex(self) -> None:
        self._order = sorted((parse_stamp(r["updated_at"]), r["id"]) for r in self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def since(self, moment: datetime | None) -> list[dict]:
        """Records with updated_at >= moment (all when None), in API order."""
        with self._lock:
            start = 0 if moment is None else bisect.bisect_left(self._order, (moment, ""))
            return [self._by_id[record_id] for _, record_id in self._order[start:]]

    def get(self, record_id: str) -> dict | None:
        with self._lock:
            record = self._by_id.get(record_id)
            return copy.deepcopy(record) if record else None

    def put(self, record: dict, *, touch: bool = True) -> dict:
        """Add or replace a record. `touch` stamps it as changed now (and after every other record), as the
        registry does when a province edits it."""
        record = copy.deepcopy(record)
        with self._lock:
            if touch:
                now = datetime.now(UTC)
                latest = self._order[-1][0] if self._order else now
                record["updated_at"] = max(now, latest + timedelta(seconds=1)).astimezone(_VN).isoformat()
            self._by_id[record["id"]] = record
            self._reindex()
        return record

    def change(self, record_id: str, **changes: object) -> dict:
        """Edit a record (nested keys with "__": certificate__stars=2) and touch it."""
        record = self.get(record_id)
        if record is None:
            raise KeyError(record_id)
        for key, value in changes.items():
            target, *path = key.split("__")
            node = record
            for part in [target, *path][:-1]:
                node = node[part]
            node[[target, *path][-1]] = value
        return self.put(record)
