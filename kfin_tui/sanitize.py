"""One sanitiser for every string that reaches a terminal (screen, tables, stderr).

Text from articles, file and folder names, feeds, the config and the user's typing is data: it must
never move the cursor, set a title, write the clipboard, reorder the line or be read as markup. JSON
output stays JSON (``json.dumps`` escapes controls itself) and does not come through here.

What is done to a display string:

* C0 controls, DEL and C1 controls (``\\x9b`` is a one-byte CSI, ``\\x9d`` a one-byte OSC) and lone
  surrogates (undecodable file names) become visible placeholders: ``␛`` for ESC, ``␇`` for BEL,
  ``�`` for C1 and surrogates — one character for one, so offsets do not move;
* invisible format characters are dropped: BiDi embeddings, overrides and isolates (they would
  reorder the rest of the line), zero-width spaces and joiners, the soft hyphen (some terminals
  draw it, some do not), variation selectors and tag characters (terminals disagree on the width
  of an emoji sequence; without them every character has the width Rich gives it);
* combining marks are kept on the character they follow (at most :data:`MAX_MARKS` of them); a mark
  with nothing to sit on (at the start, after a space or a dropped character) is dropped, so that it
  cannot combine with a column separator drawn before it.

After this, ``rich.cells.cell_len`` of the string is the sum of its characters' widths, which is what
a terminal draws. Markup is never parsed from these strings (callers build ``Text`` objects, never
``Text.from_markup``); see the tests.

Standard library only: :mod:`kfin_tui.files` and the index import the cleaner without the parsers.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

__all__ = ["MAX_MARKS", "OffsetMap", "clean_line", "clean_text", "clean_text_map", "is_clean", "json_line", "safe_url"]

MAX_MARKS = 3  # combining marks kept on one character (Zalgo text stacks hundreds)

# C0 controls but tab/newline, DEL, C1 controls; lone surrogates (undecodable file names)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# strings made only of these need no work (the common case: Chinese and ASCII text)
_PLAIN = re.compile("[\t\n\x20-\x7e\xa0-\xac\xae-\u02ff\u3001-\u3029\u3030-\u3098\u309b-\u9fff"
                    "\uff01-\uff9d\uffa0-\uffef]*")
# format characters by range (the common ones; :func:`_bad` adds every Cf from unicodedata)
_FORMAT_RANGES = ("\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
                  "\U000e0000-\U000e0fff")


def _placeholder(c: str) -> str:
    o = ord(c)
    if o < 0x20:
        return chr(0x2400 + o)  # ␛ for ESC, ␇ for BEL …
    if o == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


@lru_cache(maxsize=1)
def _bad() -> re.Pattern[str]:
    """controls | format characters | a run of combining marks (built on first use: ~30 ms)."""
    fmt: list[str] = []
    marks: list[str] = []
    for lo, hi in ((0x300, 0x20000), (0xE0000, 0xE1000)):
        for o in range(lo, hi):
            c = chr(o)
            cat = unicodedata.category(c)
            if cat == "Cf":
                fmt.append(c)
            elif cat in ("Mn", "Me"):
                marks.append(c)
    fmt_cls = _ranges(fmt) + _FORMAT_RANGES
    mark_cls = _ranges([m for m in marks if not re.match(f"[{_FORMAT_RANGES}]", m)])
    return re.compile(f"(?P<ctl>[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff])"
                      f"|(?P<fmt>[{fmt_cls}])|(?P<mark>[{mark_cls}]+)")


def _ranges(chars: list[str]) -> str:
    """A regex character class body for ``chars`` (sorted), as ranges."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        lo, hi = chars[i], chars[j]
        out.append(re.escape(lo) if i == j else f"{re.escape(lo)}-{re.escape(hi)}")
        i = j + 1
    return "".join(out)


def _neutralise(text: str, keep: str, removed: list[tuple[int, int]] | None = None) -> str:
    """The slow path of :func:`clean_line` / :func:`clean_text`: ``keep`` holds the controls kept
    as they are (``"\\n\\t"`` in a body). ``removed`` receives (position, count) of dropped characters."""
    bad = _bad()
    parts: list[str] = []
    pos = 0
    for m in bad.finditer(text):
        start, end = m.span()
        if start > pos:
            parts.append(text[pos:start])
        pos = end
        kind = m.lastgroup
        if kind == "ctl":
            c = m.group()
            parts.append(c if c in keep else _placeholder(c))
            continue
        if kind == "fmt":
            kept = ""
        else:
            prev = text[start - 1] if start else ""
            base = prev and not prev.isspace() and not bad.match(prev)
            kept = m.group()[:MAX_MARKS] if base else ""
        if kept:
            parts.append(kept)
        if removed is not None and end - start > len(kept):
            removed.append((start + len(kept), end - start - len(kept)))
    if pos == 0:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def clean_line(text: str) -> str:
    """``text`` on one line, safe to print: every control character a visible placeholder (newlines
    and tabs too: a name must not split a table row), format characters dropped, combining marks
    only on a base character."""
    if _PLAIN.fullmatch(text):
        return text.replace("\n", "\u2424").replace("\t", " ") if ("\n" in text or "\t" in text) else text
    text = _neutralise(text, "\n\t")
    return text.replace("\n", "\u2424").replace("\t", " ")


def clean_text(text: str) -> str:
    """Like :func:`clean_line` for a body of text: newlines and tabs are kept."""
    if _PLAIN.fullmatch(text):
        return text
    return _neutralise(text, "\n\t")


def clean_text_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """:func:`clean_text` and where characters were dropped: ``(position, count)`` in ``text``, in
    order (use :class:`OffsetMap` to move an offset of ``text`` to the cleaned string)."""
    if _PLAIN.fullmatch(text):
        return text, []
    removed: list[tuple[int, int]] = []
    return _neutralise(text, "\n\t", removed), removed


class OffsetMap:
    """Moves an offset of the original text to the cleaned text (``removed`` from
    :func:`clean_text_map`); O(log n) per offset."""

    def __init__(self, removed: list[tuple[int, int]]) -> None:
        self.removed = removed
        self.starts = [p for p, _ in removed]
        self.before = [0]  # characters dropped before each removal
        for _, n in removed:
            self.before.append(self.before[-1] + n)

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset)
        if i == 0:
            return offset
        p, n = self.removed[i - 1]
        return offset - self.before[i - 1] - min(n, offset - p)


def is_clean(text: str) -> bool:
    """True when :func:`clean_text` would leave ``text`` as it is."""
    return clean_text(text) == text


_URL_BAD = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
                      r"\ud800-\udfff]")
MAX_URL = 2048


def safe_url(url: str) -> str:
    """``url`` when it is an ``http(s)://`` address without controls, spaces or invisible characters
    (and not absurdly long); else "". The only link targets that reach the block model and the
    terminal's hyperlink sequence."""
    url = url.strip(" \t\n\r\f")
    if not url or len(url) > MAX_URL or _URL_BAD.search(url):
        return ""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest or rest[0] == "/":
        return ""
    return url


# JSON escapes C0 itself; these it would write raw with ensure_ascii=False: C1 controls (a UTF-8
# terminal may read U+009B as CSI), BiDi, zero-width and line/paragraph separators
_JSON_RAW = re.compile("[\x7f-\x9f\xad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


def json_line(obj: object) -> str:
    """``obj`` as one line of JSON (non-ASCII kept readable) in which every character a terminal
    could act on is ``\\u``-escaped: JSON stays JSON, and is inert when printed."""
    import json

    text = json.dumps(obj, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
