"""Progress of the library's long jobs: one typed value, one callback shape.

``Library.load`` / ``complete`` / ``extract_pending`` take ``report=`` a callable receiving
:class:`Progress` values; a UI posts one (coalesced) message per value, the command line draws a
bar. Nothing here prints.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Phase(str, Enum):
    LISTING = "listing"  # rows listed (from the index, the metadata pass or full reads); total unknown
    TEXTS = "texts"  # the body pass of a cold build
    SEARCH_INDEX = "search-index"  # the background full-text index build (no counts)
    EXTRACTING = "extracting"  # figures and companies of the articles not extracted yet


@dataclass(frozen=True)
class Progress:
    phase: Phase
    done: int
    total: int | None = None  # None: not known (yet)

    @property
    def finished(self) -> bool:
        return self.total is not None and self.done >= self.total


OnProgress = Callable[[Progress], None]
