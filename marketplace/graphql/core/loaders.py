"""Per-request batching without promises: a connection resolver `prime()`s the keys of its page, and the first
`load()` of any key fetches all primed keys in one query. Lists therefore cost a fixed number of queries
whatever their length, and a single object costs one query per relation."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, ClassVar


class BatchLoader:
    default: ClassVar[Any] = None

    def __init__(self, *args: Hashable):
        self.args = args
        self.pending: set[Hashable] = set()
        self.cache: dict[Hashable, Any] = {}

    @classmethod
    def on(cls, info, *args: Hashable) -> BatchLoader:
        store = info.context.__dict__.setdefault("_batch_loaders", {})
        key = (cls, args)
        if key not in store:
            store[key] = cls(*args)
        return store[key]

    def prime(self, keys: Iterable[Hashable]) -> BatchLoader:
        self.pending.update(k for k in keys if k not in self.cache)
        return self

    def load(self, key: Hashable) -> Any:
        if key not in self.cache:
            keys = list(self.pending | {key})
            self.pending.clear()
            found = self.batch_load(keys)
            for k in keys:
                self.cache[k] = found.get(k, self.default() if callable(self.default) else self.default)
        return self.cache[key]

    def load_many(self, keys: Iterable[Hashable]) -> list[Any]:
        keys = list(keys)
        self.prime(keys)
        return [self.load(k) for k in keys]

    def batch_load(self, keys: list[Hashable]) -> dict[Hashable, Any]:
        raise NotImplementedError
