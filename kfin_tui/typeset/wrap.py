"""Wrap a styled :class:`rich.text.Text` using CJK-aware break opportunities."""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate

from rich.cells import cell_len, get_character_cell_size, split_graphemes
from rich.containers import Lines
from rich.text import Text

from .linebreak import _N, _PER, CLOSE_WIDE, MAX_UNIT, OPEN_WIDE, UNITS, hard_breaks, segments

# number+unit pairs inside an over-long run, as preferred cut positions: the narrow prefix before
# the digit is bounded (linebreak's ``_pair_re`` has ``_N*`` there, which backtracks over a long
# run at every position: an 80,000-character token took minutes)
PAIR_PATTERN = f"(?P<num>{_N}{{0,{MAX_UNIT}}}[0-9%‰])[{UNITS}]+{_PER}"


@cache
def pair_re() -> re.Pattern[str]:
    """:data:`PAIR_PATTERN`, compiled when a run too long for a line is first cut (not at import:
    the first screen does not need it)."""
    return re.compile(PAIR_PATTERN)


def __getattr__(name: str) -> re.Pattern[str]:
    if name == "PAIR_RE":  # the compiled expression under its old name (tests read its pattern)
        return pair_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["cells", "fold_cells", "line_ranges", "wrap"]


def cells(text: str) -> int:
    """Width of ``text`` in terminal cells (same measure as Rich)."""
    return cell_len(text)


def fold_cells(text: str, width: int, ellipsis: str = "…") -> str:
    """Truncate ``text`` to at most ``width`` cells, ending with ``ellipsis``.

    Never cuts inside a (double width or combined) character, so the result
    may be one cell narrower than ``width``.  Text that fits is returned
    unchanged.  When even the ellipsis does not fit it is left out.
    """
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    ellipsis_width = cell_len(ellipsis)
    if ellipsis_width > width:
        ellipsis, ellipsis_width = "", 0
    budget = width - ellipsis_width
    used = 0
    cut = 0
    for _start, end, size in split_graphemes(text)[0]:
        if used + size > budget:
            break
        used += size
        cut = end
    return text[:cut].rstrip() + ellipsis


def _measure_function(plain: str):
    """Return ``measure(a, b)``: the cell width of ``plain[a:b]``.

    Printable ASCII uses index arithmetic; other text prefix sums of
    per-character widths, unless ZWJ / VS16 sequences make per-character
    sums differ from Rich's grapheme-aware measure.
    """
    if plain.isascii() and not _CONTROL_RE.search(plain):
        def measure(a: int, b: int) -> int:
            return b - a
    elif "\u200d" in plain or "\ufe0f" in plain:
        def measure(a: int, b: int) -> int:
            return cell_len(plain[a:b])
    else:
        prefix = [0, *accumulate(map(get_character_cell_size, plain))]

        def measure(a: int, b: int) -> int:
            return prefix[b] - prefix[a]
    return measure


_CONTROL_RE = re.compile("[\x00-\x1f\x7f]")


# Only CJK punctuation steers a hard split: inside an over-long Latin run
# (a URL, a timestamp) ASCII ``.:,)`` are ordinary characters.
_NO_START = frozenset(CLOSE_WIDE)
_NO_END = frozenset(OPEN_WIDE)


def _hard_split(plain: str, start: int, end: int, avail: int, width: int
                ) -> tuple[list[tuple[int, int]], int, int]:
    """Split ``plain[start:end]`` at grapheme boundaries.

    The first chunk gets ``avail`` cells, the following ones ``width`` cells.
    Returns the complete chunks, and the start and cell width of the last
    (open) chunk.  A cut that would start a chunk with CJK closing
    punctuation (or end one with CJK opening punctuation) moves one
    grapheme back when the chunk keeps at least one grapheme.  A single
    grapheme wider than the space is put on a line of its own (it cannot
    be made to fit).
    """
    chunks: list[tuple[int, int]] = []
    spans, _ = split_graphemes(plain[start:end])
    preferred: set[int] = set()
    for m in pair_re().finditer(plain, start, end):
        preferred.update(m.span())
    first = 0  # index of the first grapheme of the open chunk
    used = 0
    limit = avail
    index = 0
    count = len(spans)
    while index < count:
        size = spans[index][2]
        if used + size > limit and index > first:
            cut = index
            # prefer a number/unit pair boundary inside this chunk, best
            # one right after 年 (keeps 8月5日 together)
            softs = [k for k in range(index, first, -1)
                     if start + spans[k][0] in preferred
                     and plain[start + spans[k][0]] not in _NO_START]
            years = [k for k in softs if plain[start + spans[k][0] - 1] == "年"]
            if years or softs:
                cut = (years or softs)[0]
            if cut == index and cut - 1 > first and (
                plain[start + spans[cut][0]] in _NO_START
                or plain[start + spans[cut - 1][0]] in _NO_END
            ):
                cut -= 1
            chunks.append((start + spans[first][0], start + spans[cut][0]))
            first = cut
            used = sum(span[2] for span in spans[cut:index])
            limit = width
            continue
        used += size
        index += 1
    chunk_start = start + spans[first][0] if spans else start
    return chunks, chunk_start, used


def line_ranges(plain: str, width: int, indent: int = 0
                ) -> list[tuple[int, int, int]]:
    """Compute the lines of ``plain`` wrapped to ``width`` cells.

    Returns ``(start, end, indent)`` per line: the line shows
    ``plain[start:end]`` after ``indent`` spaces.  Characters between two
    lines (dropped spaces, hard line breaks) belong to no line.
    """
    width = max(1, width)
    indent = max(0, min(indent, width - 1))
    measure = _measure_function(plain)

    lines: list[tuple[int, int, int]] = []
    add = lines.append
    for p_start, p_end in hard_breaks(plain):
        if p_start == p_end:
            add((p_start, p_start, 0))
            continue
        line_indent = indent
        avail = width - line_indent
        if measure(p_start, p_end) <= avail:  # the paragraph fits: one line, no segments needed
            add((p_start, p_end, line_indent))
            continue
        empty = True
        line_start = p_start
        content_end = p_start  # end of the last segment's content
        line_width = 0  # width including pending trailing space
        for start, c_end, end in segments(plain, p_start, p_end):
            content_width = measure(start, c_end)
            if not empty:
                if line_width + content_width <= avail:
                    line_width += content_width + measure(c_end, end)
                    content_end = c_end
                    continue
                add((line_start, content_end, line_indent))
                line_indent = 0
                avail = width
            # The segment starts a new line.
            if content_width > avail and line_indent:
                line_indent = 0  # drop the first-line indent rather than split
                avail = width
            if content_width <= avail:
                line_start = start
                line_width = content_width
            else:
                chunks, line_start, line_width = _hard_split(
                    plain, start, c_end, avail, width)
                if chunks:
                    for chunk_start, chunk_end in chunks:
                        add((chunk_start, chunk_end, line_indent))
                        line_indent = 0
                    avail = width
            line_width += measure(c_end, end)
            content_end = c_end
            empty = False
        if empty:
            add((p_start, p_end, 0))
            continue
        # Keep trailing space at the paragraph end only as far as it fits.
        line_end = content_end
        used = line_width - measure(content_end, p_end)
        while line_end < p_end:
            size = measure(line_end, line_end + 1)
            if used + size > avail:
                break
            used += size
            line_end += 1
        add((line_start, line_end, line_indent))
    return lines


def balanced_ranges(plain: str, width: int) -> list[tuple[int, int, int]]:
    """:func:`line_ranges` with the lines evened out (CSS ``text-wrap: balance``): the narrowest
    width that keeps the same number of lines, so a title never leaves one character alone on its
    last line. For short texts (titles, headings): it wraps the text ~log2(width) times."""
    ranges = line_ranges(plain, width)
    if len(ranges) < 2 or len(plain) > 2_000:
        return ranges
    lines = len(ranges)
    lo, hi = max(1, width // 2), width  # a balanced line is at least half the width (2 lines or more)
    while lo < hi:
        mid = (lo + hi) // 2
        if len(line_ranges(plain, mid)) <= lines:
            hi = mid
        else:
            lo = mid + 1
    balanced = line_ranges(plain, lo)
    return balanced if len(balanced) == lines else ranges


def wrap(text: Text, width: int, *, indent: int = 0) -> Lines:
    """Wrap ``text`` into lines of at most ``width`` terminal cells.

    * breaks follow :func:`~kfin_tui.typeset.linebreak.break_opportunities`
      (CJK between characters, Latin at spaces, numbers with their units
      kept together, kinsoku for opening / closing punctuation);
    * white space at a soft line end is dropped;
    * ``\\n`` / ``\\r\\n`` are hard breaks (the break characters are dropped);
    * a unit wider than ``width`` is split at cell boundaries, never inside
      a double-width character (a single character wider than ``width`` -
      a CJK character at ``width=1`` - gets a line of its own);
    * ``indent`` cells of space are put before the first line of each
      paragraph (clamped to ``width - 1``; dropped for a first line whose
      first unit does not fit after it);
    * styles and spans are preserved (the text is cut with
      :meth:`rich.text.Text.divide`).
    """
    if "\t" in text.plain:
        text = text.copy()
        text.expand_tabs()
    plain = text.plain
    ranges = line_ranges(plain, width, indent)
    offsets: list[int] = []
    for start, end, _ in ranges:
        offsets.append(start)
        offsets.append(end)
    pieces = text.divide(offsets)
    lines = Lines()
    for index, (_start, _end, line_indent) in enumerate(ranges):
        line = pieces[2 * index + 1]
        line.end = "\n"
        if line_indent:
            line.pad_left(line_indent)
        lines.append(line)
    return lines
