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


class ArticlePending(Message):
    """The article ``row_id`` is big: it is being prepared in the child process (a placeholder shows)."""

    def __init__(self, row_id: int) -> None:
        self.row_id = row_id
        super().__init__()


class ArticleLoaded(Message):
    """The article ``row_id`` is read and parsed (None: it could not be; ``error`` says why when
    the child process preparing it failed)."""

    def __init__(self, row_id: int, article: Any, error: str = "") -> None:
        self.row_id, self.article, self.error = row_id, article, error
        super().__init__()


class Extracted(Message):
    """Figures and companies of the article ``row_id`` (an ``Extraction``), or ``error``;
    ``mentions``: its body mentions, when the worker computed them (a big article's take a while)."""

    def __init__(self, row_id: int, extraction: Any = None, error: str = "", mentions: Any = None) -> None:
        self.row_id, self.extraction, self.error, self.mentions = row_id, extraction, error, mentions
        super().__init__()


class CompaniesIndexed(Message):
    """The background extraction of every article is over (``error``: it failed)."""

    def __init__(self, error: str = "") -> None:
        self.error = error
        super().__init__()


# the reading state, the watchlist and the dossier (issue 12) ----------------------------------

class StateRefreshed(Message):
    """The reading state joined to the library's rows (a worker ran ``ArchiveState.refresh``):
    ``restore``: the row of the article selected when the reader was left, if found."""

    def __init__(self, restore: int | None = None) -> None:
        self.restore = restore
        super().__init__()


class WatchRefreshed(Message):
    """The watched companies (canonical names) and the ids of the articles naming them, with the
    archive's extraction progress (``extracted``, ``total``) at the time: partial while short."""

    def __init__(self, names: list[str], ids: frozenset[int], extracted: int, total: int) -> None:
        self.names, self.ids, self.extracted, self.total = names, ids, extracted, total
        super().__init__()


class DossierBuilt(Message):
    """A company dossier (:class:`kfin_tui.dossier.Dossier`, its header and article ids) built by
    the dossier screen's worker (``token``: the build it answers; older ones are dropped)."""

    def __init__(self, token: int, dossier: Any = None, error: str = "") -> None:
        self.token, self.dossier, self.error = token, dossier, error
        super().__init__()


class DossierEntries(Message):
    """Entries ``start:start+len(entries)`` of a dossier, with their figures (read from the articles)."""

    def __init__(self, token: int, start: int, entries: list[Any]) -> None:
        self.token, self.start, self.entries = token, start, entries
        super().__init__()
