"""The persistent index of one corpus folder: SQLite in the user cache directory.

One database per folder (file name = hash of the resolved folder path). Per file it keeps the list
metadata (everything a :class:`~kfin_tui.index.records.Row` holds), the load issue if any, the
normalised search text and cached extraction results, keyed by path + size + mtime_ns so that only
new or changed files are read again.

Split by concern, each module owning its SQL:

* :mod:`.core` — :class:`Store`: connection, schema, lifetime, ``meta`` and the generation;
* :mod:`.filetable` — ``store.files``: the file table's writes and reads;
* :mod:`.snapshots` — ``store.snapshots``: snapshot blobs, the ``-listing``, ``-folders`` and
  ``-names`` files;
* :mod:`.fts` — ``store.fts``: search, scan and the FTS build;
* :mod:`.extractions` — ``store.extractions``: the extraction cache;
* :mod:`.codec` — how texts and paths are stored (no connection: the parse workers use it).
"""
from __future__ import annotations

from .codec import SEP, from_db, grams, pack, phash, to_db, unpack
from .core import SCHEMA_VERSION, SIDE_FILES, Store, StoreError, db_path_for
from .extractions import CompanyCount
from .filetable import Issue, Stat, Stored, TableRows
from .snapshots import FolderPrint, Snapshot, StoredListing, WalkedFolder

__all__ = [
    "SCHEMA_VERSION", "SEP", "SIDE_FILES", "CompanyCount", "FolderPrint", "Issue", "Snapshot", "Stat", "Store",
    "StoreError", "Stored", "StoredListing", "TableRows", "WalkedFolder", "db_path_for", "from_db", "grams",
    "pack", "phash", "to_db", "unpack",
]
