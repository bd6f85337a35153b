"""Feeds: presets, OPML, fetching RSS/Atom/RDF into the archive (no Textual).

The reader calls :func:`run_fetch` from a worker thread; ``kfin-tui fetch`` and ``kfin-tui feeds``
are its command-line faces.

The names below are imported on first use (PEP 562): the reader imports this package for the
folder watch, and the fetch machinery (httpx, ~0.1 s) must not delay its first paint.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .http import FetchOptions
    from .run import FeedResult, FetchBusy, FetchProgress, FetchSetupError, feed_folder, feed_url, run_fetch
    from .watch import Changes, FolderWatch

__all__ = [
           "Changes",
           "FeedResult",
           "FetchBusy",
           "FetchOptions",
           "FetchProgress",
           "FetchSetupError",
           "FolderWatch",
           "feed_folder",
           "feed_url",
           "run_fetch",
]

_WHERE = {"FetchOptions": "http", "Changes": "watch", "FolderWatch": "watch", "FeedResult": "run",
          "FetchBusy": "run", "FetchProgress": "run", "FetchSetupError": "run", "feed_folder": "run",
          "feed_url": "run", "run_fetch": "run"}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{where}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
