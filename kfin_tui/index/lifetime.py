"""The library's lifetime: calls in flight are counted, so that ``Library.close`` can wait for them.

SQLite connections are per thread (the reader searches and extracts in worker threads); closing one
while another thread runs a statement on it is not allowed. Every public library call that touches
the index runs inside :func:`guarded` (or :func:`guarded_iter` for the loading generators, counted
while they are iterated), and ``close`` waits until none runs."""
from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class InFlight:
    """How many guarded calls are running; :meth:`wait_idle` waits until none is."""

    def __init__(self) -> None:
        self._n = 0
        self._cond = threading.Condition()

    def __enter__(self) -> None:
        with self._cond:
            self._n += 1

    def __exit__(self, *exc_info: object) -> None:
        with self._cond:
            self._n -= 1
            if self._n == 0:
                self._cond.notify_all()

    @property
    def running(self) -> int:
        return self._n

    def wait_idle(self, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._n == 0, timeout)


def guarded(method: F) -> F:
    """Count the call in the instance's ``_calls`` while it runs."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        with self._calls:
            return method(self, *args, **kwargs)

    return call  # type: ignore[return-value]


def guarded_iter(method: F) -> F:
    """The same for a generator: counted from its first step until it ends or is closed."""

    @functools.wraps(method)
    def call(self, *args, **kwargs) -> Iterator[Any]:
        with self._calls:
            yield from method(self, *args, **kwargs)

    return call  # type: ignore[return-value]
