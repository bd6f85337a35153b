"""Indexing and search (UI-free).

``Library`` and ``Row`` are imported on first use: ``kfin-tui list`` imports
:mod:`kfin_tui.index.walk` first, to start its freshness check before the rest is loaded."""
from __future__ import annotations

TYPE_CHECKING = False  # not `from typing import …`: this package is on kfin-tui list's first path
__all__ = ["Library", "Row"]

if TYPE_CHECKING:
    from .library import Library, Row


def __getattr__(name: str):
    if name in __all__:
        from . import library

        return getattr(library, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
