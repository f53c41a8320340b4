"""Work kept in memory for the rest of the process, bounded: one helper for every cache.

A build in a long process (`reportgen build --watch`, the benchmarks, the tests) reuses what
an earlier build made from the same inputs: parsed data files, checked templates and
catalogues, compiled template code, filled charts. Each memo holds at most `limit` values
and is emptied when full, so that a process that runs for days does not grow without end.
`clear_all()` empties every memo of the process at once.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MEMOS: weakref.WeakSet[Memo[Hashable, object]] = weakref.WeakSet()


class Memo(Generic[K, V]):
    """Values by key, made once each and kept; emptied when it holds `limit` of them."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"a memo keeps 1 value or more, not {limit}")
        self.limit = limit
        self._values: dict[K, V] = {}
        _MEMOS.add(self)  # type: ignore[arg-type]

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for `key`, made by `make()` (and kept) the first time."""
        try:
            return self._values[key]
        except KeyError:
            return self.put(key, make())

    def find(self, key: K) -> V | None:
        """The value kept for `key`, or None."""
        return self._values.get(key)

    def put(self, key: K, value: V) -> V:
        """Keep `value` for `key` (emptying the memo first when it is full); return it."""
        if key not in self._values and len(self._values) >= self.limit:
            self._values.clear()
        self._values[key] = value
        return value

    def clear(self) -> None:
        """Forget every value."""
        self._values.clear()

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __getitem__(self, key: K) -> V:
        return self._values[key]

    def __len__(self) -> int:
        return len(self._values)


def clear_all() -> None:
    """Empty every memo of the process (a test that needs a cold build, say)."""
    for memo in list(_MEMOS):
        memo.clear()
