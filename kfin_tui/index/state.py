"""What the library's parts share, declared once (for the type checker and the reader of the code).

:class:`~kfin_tui.index.library.Library` extends :class:`~kfin_tui.index.rows.SortedRows` (the sorted
rows, still a mixin), owns an :class:`~kfin_tui.index.extracted.Extractions` part and answers
``kfin-tui list`` with the function :func:`~kfin_tui.index.quicklist.quick_listing`; those work on
the state below, which ``Library.__init__`` sets. (Still to do: the row table as a part that owns
its rows, keys and lock.)"""
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
