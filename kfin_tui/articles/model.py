"""The article model shared by the loader, the extractor, the index and the viewer.

A body is a tuple of :class:`Block` s. Each block carries its plain text (exactly what the viewer
shows, before styling) and inline :class:`Span` s for bold, italic, code and links. The article's
``body_text`` is the blocks' texts joined by a blank line; extraction offsets index into it, and the
viewer knows where each block starts (:meth:`Article.block_offsets`), so highlights line up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..tickers import Ticker


BLOCK_SEP = "\n\n"

# Block kinds
PARAGRAPH = "paragraph"
HEADING = "heading"
QUOTE = "quote"
LIST_ITEM = "list_item"
IMAGE = "image"
TABLE = "table"
CODE = "code"
RULE = "rule"


@dataclass(frozen=True)
class Span:
    """Inline style over ``text[start:end]`` of a block: ``bold``, ``italic``, ``code`` or ``link``."""

    start: int
    end: int
    style: str
    url: str = ""


@dataclass(frozen=True)
class Block:
    kind: str
    text: str
    spans: tuple[Span, ...] = ()
    level: int = 0  # heading level, list depth, quote depth
    ordinal: int = 0  # number of an ordered list item (0: bullet)
    url: str = ""  # image source
    rows: tuple[tuple[str, ...], ...] = ()  # table cells; text holds them tab/newline-joined


@dataclass
class Article:
    path: str
    title: str
    date: datetime | None = None
    source: str = ""
    author: str = ""
    categories: list[str] = field(default_factory=list)
    tickers: list[Ticker] = field(default_factory=list)
    format: str = ""  # "html", "markdown", "text"
    blocks: tuple[Block, ...] = ()
    # the date is the file's modification time (an undated plain-text post), not the article's own
    date_approx: bool = False

    @cached_property
    def body_text(self) -> str:
        return BLOCK_SEP.join(b.text for b in self.blocks)

    def block_offsets(self) -> list[int]:
        """Start offset of each block inside :attr:`body_text`."""
        offsets, pos = [], 0
        for b in self.blocks:
            offsets.append(pos)
            pos += len(b.text) + len(BLOCK_SEP)
        return offsets

    @property
    def ticker_codes(self) -> list[str]:
        return [t.code for t in self.tickers]


@dataclass(frozen=True)
class LoadIssue:
    """A file that could not be turned into an article, and why, in plain words."""

    path: str
    reason: str
    warning: bool = False  # True: the article loaded, but something had to be recovered

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
