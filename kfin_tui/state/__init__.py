"""Reading state (read/starred marks, where the reader was left), the watchlist, and their
joins with a library. UI-free; SQLite in the XDG state folder (see :mod:`kfin_tui.state.store`).

Submodules import lazily what they need; this package only re-exports names."""
from __future__ import annotations

from .identity import Identity, identity_of_file
from .reading import ArchiveState, read_ids, starred_ids, unread_ids
from .store import Mark, ReaderSession, StateStore, open_state

__all__ = ["ArchiveState", "Identity", "Mark", "ReaderSession", "StateStore", "identity_of_file", "open_state",
           "read_ids", "starred_ids", "unread_ids"]
