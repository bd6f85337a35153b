"""Problems with the persistent index: one typed value, collected by the library, said once.

The index is a cache: when SQLite fails (a read-only or full cache folder, another instance holding
the write lock too long, a damaged file) the library keeps working — in memory, or without the
cached part — and records a :class:`StoreProblem`. ``kfin-tui list`` prints one line on stderr
(:func:`summary`), the reader says it once, ``kfin-tui index`` prints each.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import Enum


class Stage(str, Enum):
    """What the library was doing when the index failed."""

    OPEN = "open"  # the index could not be opened: everything in memory
    READ = "read"  # reading cached rows or stats
    WRITE = "write"  # storing rows (the rest of the session runs in memory)
    SNAPSHOT = "snapshot"  # the ready-made rows/listing: the next start reads the tables instead
    SEARCH = "search"  # a keyword query (the index is rebuilt at the next start)
    FTS = "fts"  # the background search-index build (search scans the texts instead)
    EXTRACTION = "extraction"  # the extraction cache (extractions are kept in memory)
    DAMAGE = "damage"  # damage found and repaired (a side file or table rebuilt)


@dataclass(frozen=True)
class StoreProblem:
    stage: Stage
    detail: str
    degraded: bool  # True: the index is not used any more this session (memory mode)

    def __str__(self) -> str:
        return f"{self.stage.value}: {self.detail}"


class Problems:
    """The problems of one library, in order, each once (thread-safe)."""

    def __init__(self) -> None:
        self._items: list[StoreProblem] = []
        self._lock = threading.Lock()

    def add(self, stage: Stage, exc: BaseException | str, degraded: bool = False) -> StoreProblem:
        problem = StoreProblem(stage, str(exc) or type(exc).__name__, degraded)
        with self._lock:
            if problem not in self._items:
                self._items.append(problem)
        return problem

    def __iter__(self):
        with self._lock:
            return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    @property
    def last(self) -> StoreProblem | None:
        with self._lock:
            return self._items[-1] if self._items else None


def summary(problems: Problems | list[StoreProblem]) -> str | None:
    """One line for stderr or the status bar, or None when there is nothing to say."""
    items = list(problems)
    if not items:
        return None
    degraded = any(p.degraded for p in items)
    head = ("the index cannot be used, reading in memory" if degraded
            else "the index had a problem, results may be slower or partial")
    more = f" (+{len(items) - 1} more)" if len(items) > 1 else ""
    return f"{head}: {items[-1]}{more}"
