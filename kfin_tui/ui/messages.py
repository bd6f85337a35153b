"""What the reader's workers report. Thread workers post these (``post_message`` is thread-safe)
to the reader screen, which owns the state; nothing calls back into private methods.

Progress is coalesced: a pending Progress of the same stage is replaced by the newer one, so a fast
worker never floods the message queue (Toolong's ``can_replace``).
"""
from __future__ import annotations

from typing import Any

from textual.message import Message

from ..filters import Filters, Selection
from ..index.progress import Progress as JobProgress


class Progress(Message):
    """A library job's :class:`kfin_tui.index.progress.Progress` (listing, texts, extracting).
    A pending one of the same phase is replaced by the newer one."""

    def __init__(self, progress: JobProgress) -> None:
        self.progress = progress
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Progress) and message.progress.phase == self.progress.phase


class RowsArrived(Message):
    """A batch of rows is in the library (``first``: the first batch of this load)."""

    def __init__(self, first: bool) -> None:
        self.first = first
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RowsArrived) and not message.first


class Loaded(Message):
    """Every row is listed (a cold archive: from its metadata; see :class:`BodiesRead`)."""


class BodiesRead(Message):
    """A cold archive's texts are all read: keyword search is complete from now on."""


class Selected(Message):
    """What ``Library.select(filters)`` found (the rows of a :class:`kfin_tui.filters.Selection`)."""

    def __init__(self, filters: Filters, selection: Selection) -> None:
        self.filters, self.selection = filters, selection
        super().__init__()


class ArticleLoaded(Message):
    """The article ``row_id`` is read and parsed (None: it could not be)."""

    def __init__(self, row_id: int, article: Any) -> None:
        self.row_id, self.article = row_id, article
        super().__init__()


class Extracted(Message):
    """Figures and companies of the article ``row_id`` (an ``Extraction``), or ``error``."""

    def __init__(self, row_id: int, extraction: Any = None, error: str = "") -> None:
        self.row_id, self.extraction, self.error = row_id, extraction, error
        super().__init__()


class CompaniesIndexed(Message):
    """The background extraction of every article is over (``error``: it failed)."""

    def __init__(self, error: str = "") -> None:
        self.error = error
        super().__init__()
