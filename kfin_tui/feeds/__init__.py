"""Feeds: presets, OPML, fetching RSS/Atom/RDF into the archive (no Textual).

The reader calls :func:`run_fetch` from a worker thread; ``kfin-tui fetch`` and ``kfin-tui feeds``
are its command-line faces.
"""
from __future__ import annotations

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
