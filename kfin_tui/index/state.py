"""What the library's parts share, declared once (for the type checker and the reader of the code).

:class:`~kfin_tui.index.library.Library` is assembled from :class:`~kfin_tui.index.rows.SortedRows`,
:class:`~kfin_tui.index.quicklist.QuickListing` (and owns an :class:`~kfin_tui.index.extracted.Extractions` part);
each works on the state below, which ``Library.__init__`` sets. (The next step, in the architecture
issue: parts that own their state, composed instead of mixed in.)"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..articles import Article, LoadIssue
    from .extracted import Extractions
    from .lifetime import InFlight
    from .problems import Problems
    from .records import Row, SortKey
    from .store import Store


class LibraryState:
    root: Path
    rows: list[Row]
    issues: list[LoadIssue]
    removed: set[int]
    bodies_pending: bool
    _by_id: dict[int, Row]
    _by_path: dict[str, int]
    _sorted_keys: list[SortKey]
    _unplaced: list[tuple[list[Row], list[SortKey]]]
    _meta_ids: set[int]
    _next_id: int
    _prefix: str
    _lock: threading.RLock
    _calls: InFlight
    _store: Store | None
    _persist: bool
    _mem_hay: dict[int, str]  # rows not (currently) in the index: their search text
    _extractions: Extractions

    if TYPE_CHECKING:
        @property
        def problems(self) -> Problems: ...

        def article(self, row_id: int) -> Article | None: ...

        def _note_issue(self, path: str, reason: str | None, warning: object) -> None: ...

        def _abs_dir(self, rel: str) -> str: ...
