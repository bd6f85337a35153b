"""What the library's parts see of it, declared once (for the type checker and the reader).

:class:`~kfin_tui.index.library.Library` owns its parts — the rows (:class:`~kfin_tui.index.rows.RowTable`,
with its own lock), the extractions (:class:`~kfin_tui.index.extracted.Extractions`, with its own
cache) — and answers ``kfin-tui list`` with the function :func:`~kfin_tui.index.quicklist.quick_listing`.
Those reach the library through this interface."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..articles import Article, LoadIssue
    from .extracted import Extractions
    from .lifetime import InFlight
    from .problems import Problems
    from .records import Row
    from .rows import RowTable
    from .store import Store


class LibraryState:
    root: Path
    issues: list[LoadIssue]
    bodies_pending: bool
    _table: RowTable
    _prefix: str
    _calls: InFlight
    _store: Store | None
    _persist: bool
    _mem_hay: dict[int, str]  # rows not (currently) in the index: their search text
    _extractions: Extractions

    if TYPE_CHECKING:
        @property
        def problems(self) -> Problems: ...

        @property
        def rows(self) -> list[Row]: ...

        def article(self, row_id: int) -> Article | None: ...

        def _note_issue(self, path: str, reason: str | None, warning: object) -> None: ...

        def _abs_dir(self, rel: str) -> str: ...
