"""What every registry client offers the sync: batches of raw items, and mapping of one item.

A third kind of source is one more subclass; the sync service does not change."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass

from catalog_sync.mapping import Rejection
from marketplace.certification.registry_data import CertificateData


@dataclass(frozen=True)
class SourceItem:
    raw: object  # a JSON record, or an annex row (field -> cell value)
    row_number: int | None = None


@dataclass(frozen=True)
class Batch:
    """What is written in one transaction."""

    items: list[SourceItem]
    total: int | None = None  # how many items the whole run will bring, when the source says
    cursor: str | None = None  # the newest updated_at in this batch (ISO 8601), for updated_since next time


class RegistryError(Exception):
    """The source could not be read. `temporary`: worth trying again later (down, throttling, garbage)."""

    temporary = False


class RegistryUnavailable(RegistryError):
    temporary = True


class RegistryRefused(RegistryError):
    """A final answer (bad token, bad request): retrying will not help until someone fixes the setup."""


class AnnexUnreadable(RegistryError):
    pass


class RegistryClient(ABC):
    kind: str

    def __init__(self) -> None:
        self.retries: list[str] = []  # one line per retried request: what went wrong

    @abstractmethod
    def batches(self, *, since: str | None = None) -> Iterator[Batch]:
        """Items changed since the cursor (all of them when None), a batch at a time."""

    @abstractmethod
    def map_item(self, item: SourceItem) -> CertificateData | Rejection:
        """One item -> what to store, or why not (pure)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        pass
