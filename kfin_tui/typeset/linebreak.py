"""Line-break opportunities for mixed Chinese / Latin text.

A small, table-free approximation of UAX #14 tuned for Chinese financial
news.  The text is cut into *segments*: the smallest pieces that must stay
on one line.  A line may break only between two segments.

A segment is::

    OPEN* CORE CLOSE* SPACE*

where

* ``OPEN``  is opening punctuation (``（「『“‘《〈【〔([{`` ...) - it sticks
  to the character that follows it, so it never ends a line;
* ``CLOSE`` is closing punctuation (``，。、；：？！）」』”’》…—·,.;:?!)]}%``
  ...) - it sticks to the character before it, so it never starts a line
  (when the pair does not fit it moves down *together*: this is the usual
  "push the last character down" choice instead of hanging punctuation);
* ``CORE`` is, in order of preference

  1. a number glued to its CJK unit / magnitude characters
     (``603.8亿元``, ``20-450元``, ``2022年``, ``8月5日``) - at most
     :data:`MAX_UNIT` characters, longer ones are cut between
     number/unit pairs (and, for a single overlong pair, before the unit);
  2. a run of narrow (Latin, digit, symbol) characters - words, numbers,
     URLs, ``36.6%``, ``A/B``, ``12:30`` - which never breaks inside;
  3. any single other character (an ideograph, kana, hangul syllable, an
     emoji with its modifiers ...) - a break is allowed on both sides;

* ``SPACE`` is breakable white space, which is dropped at a line end.

Everything is done with one regular expression (compiled on first use),
which keeps the pure-Python cost per segment small.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

__all__ = [
    "MAX_UNIT",
    "Segment",
    "break_opportunities",
    "hard_breaks",
    "segments",
]

#: Maximum length (in characters) of a number + unit group kept together.
MAX_UNIT = 10

# --- character classes -----------------------------------------------------

#: CJK closing punctuation and other characters that must not start a line.
CLOSE_WIDE = (
    "，。、；：？！）」』”’》〉】〕〗〙〛｝］｠｡｣､"
    "…‥—·・〜ー％‰℃°々〻ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "．！？：；，"
)
#: ASCII closing punctuation (also allowed *inside* Latin runs).
CLOSE_ASCII = ",.;:?!)]}%"
#: CJK opening punctuation and prefixes that must not end a line.
OPEN_WIDE = "（「『“‘《〈【〔〖〘〚｛［｟￥＄"
OPEN_ASCII = "([{"
#: CJK unit / magnitude characters glued to a preceding number.
UNITS = "万亿千百十元角分点年月日号倍个家股手台片枚次美港欧度季周天岁人名位只条项户辆款种吨米克"
#: Breakable white space (no-break spaces are deliberately absent).
SPACES = " \t\f\v\u1680\u2000-\u2006\u2008-\u200a\u200b\u205f\u3000\n\r\x85\u2028\u2029"

# Ranges whose characters are treated as "ideographic" (break on both sides),
# never as members of a Latin run.
_WIDE_RANGES = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19"
    "\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f000-\U0001faff\U00020000-\U0003fffd"
)
# Zero-width modifiers that belong to the preceding character.
_COMBINING = (
    "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f"
    "\ufe20-\ufe2f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
)


def _cls(chars: str) -> str:
    """Escape characters for use inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


_CLOSE = f"[{_cls(CLOSE_WIDE)}{_cls(CLOSE_ASCII)}]"
_OPEN = f"[{_cls(OPEN_WIDE)}{_cls(OPEN_ASCII)}]"
_SP = f"[{SPACES}]"
# A narrow ("Latin") run character: anything that is not space, not wide and
# not CJK punctuation.  ASCII brackets are allowed inside a run ("f(x)").
_N = f"[^{SPACES}{_WIDE_RANGES}{_cls(CLOSE_WIDE)}{_cls(OPEN_WIDE)}]"
# ... but a run must not end with an opening bracket.
_NE = f"[^{SPACES}{_WIDE_RANGES}{_cls(CLOSE_WIDE)}{_cls(OPEN_WIDE)}{_cls(OPEN_ASCII)}]"
_RUN = f"{_N}*{_NE}(?:’{_N}*{_NE})*"  # don’t, it’s
# "元/股", "美元/桶": a per-unit after a slash stays with the number.
_PER = "(?:/[\u4e00-\u9fff])?"
_PAIR = f"{_N}*[0-9%‰][{UNITS}]+{_PER}"
_NUMUNIT = f"(?:{_PAIR})+"
_SINGLE = f"(?:.(?:[{_COMBINING}]|\u200d.?)*)"

_IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SEGMENT_PATTERN = (
    # fast path: a run of ideographs each followed by another ideograph is a
    # run of one-character segments (the run's last character is left to
    # the general rule, which attaches closing punctuation and spaces).
    f"(?P<ideo>[{_IDEO}]+)(?=[{_IDEO}])"
    f"|(?P<lead>{_SP}+)"
    f"|{_OPEN}*(?:(?P<nu>{_NUMUNIT})|{_RUN}|{_SINGLE}){_CLOSE}*"
    # no break before closing punctuation even after spaces (UAX #14 LB13)
    f"(?:{_SP}+{_CLOSE}+)*(?P<sp>{_SP}*)"
)
_HARD_BREAK_RE = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


@cache
def segment_re() -> re.Pattern[str]:
    """The segment expression, compiled on first use: its character classes (negated, up to
    U+3FFFD) take ~13 ms to compile, which the first screen (the list's titles are cut with
    :func:`kfin_tui.typeset.fold_cells`, no segments) should not wait for."""
    return re.compile(SEGMENT_PATTERN, re.DOTALL)


@cache
def _pair_re() -> re.Pattern[str]:
    return re.compile(f"(?P<num>{_N}*[0-9%‰])[{UNITS}]+{_PER}")


class Segment(NamedTuple):
    """An unbreakable piece of text: ``text[start:end]``.

    ``text[content_end:end]`` is trailing breakable space, which is dropped
    when a line ends after this segment.
    """

    start: int
    content_end: int
    end: int


def _split_numunit(text: str, start: int, nu_start: int, nu_end: int, end: int,
                   sp_start: int) -> list[Segment]:
    """Cut an over-long number+unit core into groups of <= MAX_UNIT chars.

    Pairs are packed from the right, so a date keeps its tail together
    (``2022年`` | ``8月5日``).  A single pair longer than MAX_UNIT may break
    before its unit characters.
    """
    pairs = [(m.start(), m.end("num"), m.end())
             for m in _pair_re().finditer(text, nu_start, nu_end)]
    cuts: list[int] = []  # positions inside the core where a break is allowed
    group_end = nu_end
    for p_start, num_end, p_end in reversed(pairs):
        if p_end - p_start > MAX_UNIT:
            cuts.extend((p_end, num_end, p_start))
            group_end = p_start
        elif group_end - p_start > MAX_UNIT:
            cuts.append(p_end)
            group_end = p_end
    result: list[Segment] = []
    seg_start = start
    for cut in sorted(set(cuts)):
        if seg_start < cut < nu_end:
            result.append(Segment(seg_start, cut, cut))
            seg_start = cut
    result.append(Segment(seg_start, sp_start, end))
    return result


def segments(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Split ``text[start:end]`` (one paragraph) into unbreakable segments.

    Positions are indices into ``text``.  Hard line breaks are treated as
    ordinary breakable space here; use :func:`hard_breaks` first to split
    paragraphs.
    """
    if end is None:
        end = len(text)
    result: list[Segment] = []
    append = result.append
    new = tuple.__new__
    for m in segment_re().finditer(text, start, end):
        s, e = m.span()
        if m.start("ideo") >= 0:
            result.extend([new(Segment, (i, i + 1, i + 1)) for i in range(s, e)])
            continue
        sp = m.start("sp")
        if sp < 0:  # leading white space: content, not droppable
            append(Segment(s, e, e))
        elif m.start("nu") >= 0 and m.end("nu") - m.start("nu") > MAX_UNIT:
            result.extend(_split_numunit(text, s, m.start("nu"), m.end("nu"), e, sp))
        else:
            append(Segment(s, sp, e))
    return result


def hard_breaks(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph, excluding the line break.

    ``\\n``, ``\\r\\n``, ``\\r`` and the other Unicode mandatory breaks end a
    paragraph.  A text ending in a line break has a final empty paragraph,
    like :meth:`str.split` (``"a\\n"`` -> ``["a", ""]``).
    """
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    for m in _HARD_BREAK_RE.finditer(text):
        paragraphs.append((pos, m.start()))
        pos = m.end()
    paragraphs.append((pos, len(text)))
    return paragraphs


def break_opportunities(text: str) -> list[int]:
    """Positions ``i`` (``0 < i < len(text)``) where a line may break.

    A break at ``i`` puts ``text[i:]`` on the next line.  When ``text[:i]``
    ends with white space, that space is dropped at the line end.  Hard line
    breaks (``\\n``, ``\\r\\n`` ...) give an opportunity right after them
    (they are mandatory for :func:`kfin_tui.typeset.wrap`).
    """
    n = len(text)
    result: list[int] = []
    for p_start, p_end in hard_breaks(text):
        if p_start > 0 and (not result or result[-1] != p_start):
            result.append(p_start)
        for seg in segments(text, p_start, p_end):
            if 0 < seg.end < n:
                result.append(seg.end)
    # paragraph end positions coincide with the next paragraph's start only
    # after the break characters; drop duplicates / out of range positions.
    return sorted({p for p in result if 0 < p < n})
