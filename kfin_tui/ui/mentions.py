"""One form of a highlighted figure or company in the reader: the reading pane highlights and
flashes it, the side panel lists it and posts it when chosen."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing the extractor costs ~0.1 s that the first paint should not wait for
    from ..extract.model import Extraction


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into article.body_text; -1 when it has no place in the body (title, cashtag)
    end: int
    kind: str  # figure kind, "company" or "media"
    label: str

    @property
    def in_body(self) -> bool:
        return self.start >= 0


def company_kind(kind: str) -> str:
    return "media" if kind == "media" else "company"


def body_mentions(extraction: Extraction) -> list[Mention]:
    """Every mention of ``extraction`` in the body, by position (what the pane highlights)."""
    out = [Mention(f.start, f.end, f.kind, f.text) for f in extraction.figures if not f.in_title]
    for c in extraction.companies:
        out.extend(Mention(m.start, m.end, company_kind(c.kind), c.name) for m in c.mentions)
    return sorted(out, key=lambda m: (m.start, m.end))
