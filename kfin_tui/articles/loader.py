"""Turn files into :class:`Article` s. Every failure is a per-file :class:`LoadIssue`, never a crash.

The corpus is only ever opened for reading.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import replace
from pathlib import Path

from ..sanitize import _PLAIN, OffsetMap, clean_line, clean_text_map, safe_url
from ..tickers import Ticker, find_cashtags, find_prose_codes

# Bumped whenever the same file would load differently. A persistent index keyed on size/mtime
# should key on this too, so that rows cached by an older loader are read again after an upgrade.
from ..versions import LOADER_VERSION  # noqa: F401 - re-exported
from .decoding import MAX_BYTES, DecodeError, decode_with_note
from .fields import (  # noqa: F401 - re-exported
    _HTML_BLOCK_TAG,
    _HTML_START,
    _MARKDOWN_SYNTAX,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    _body_is_html,
    _clean,
    _folder_categories,
    _site,
    front_matter_fields,
)
from .filetime import date_is_file_time, file_time  # noqa: F401 - re-exported
from .html_blocks import html_to_blocks, looks_like_html, parse_html  # noqa: F401
from .model import HEADING, IMAGE, PARAGRAPH, Article, Block, LoadIssue, Span
from .plaintext import SOURCE_LINE, fallback_title, parse_plain, plain_blocks

WARNING_RECOVERED = "front matter is not valid YAML; fields were recovered line by line"


_PATH = type(Path())  # the concrete class Path() makes here (PosixPath, WindowsPath)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # read-only, always


def read_bytes(path: Path | str) -> bytes:
    """The file's bytes, at most :data:`MAX_BYTES` (else DecodeError). Read with the size the file
    reports (and one byte more, to see one that grew), then up to EOF: not ``read(MAX_BYTES + 1)``,
    which allocated 4 MiB for every file (~40-70 µs of page faults against ~8 µs)."""
    fd = os.open(path, _READ_FLAGS)
    try:
        size = os.fstat(fd).st_size
        if size > MAX_BYTES:
            raise DecodeError(f"too large for an article ({size / 1048576:.1f} MB > {MAX_BYTES // 1048576} MB)")
        parts = []
        total = 0
        want = size + 1
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(want, MAX_BYTES + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            want = 1 << 16  # (a special file that reports no size, or one still growing)
    finally:
        os.close(fd)
    if total > MAX_BYTES:  # grew while we looked, or a special file that reports no size
        raise DecodeError(f"too large for an article (more than {MAX_BYTES // 1048576} MB)")
    return parts[0] if len(parts) == 1 else b"".join(parts)


def load_file(path: Path | str, root: Path | str | None = None) -> tuple[Article | None, LoadIssue | None]:
    """Load one file. Returns (article, issue): an issue alone when the file could not be read; an
    article with a warning issue when it loaded but something had to be recovered."""
    if type(path) is not _PATH:  # (Path() of a Path is an equal copy: ~2.5 µs for nothing)
        path = Path(path)
    try:
        text, note = decode_with_note(read_bytes(path))
    except DecodeError as exc:
        return None, LoadIssue(str(path), str(exc))
    except PermissionError:
        return None, LoadIssue(str(path), "permission denied")
    except IsADirectoryError:
        return None, LoadIssue(str(path), "is a folder, not a file")
    except FileNotFoundError:
        return None, LoadIssue(str(path), "no such file (removed, or a broken link)")
    except OSError as exc:
        return None, LoadIssue(str(path), f"cannot be read ({exc.strerror or exc})")
    try:
        article, issue = parse_text(text, path, (root if type(root) is _PATH else Path(root)) if root else None)
    except Exception as exc:  # noqa: BLE001 - a parser bug must cost one file, not the folder
        return None, LoadIssue(str(path), f"could not be parsed ({type(exc).__name__}: {exc})")
    if note:
        issue = LoadIssue(str(path), f"{issue.reason}; {note}" if issue else note, warning=True)
    return article, issue


def parse_text(text: str, path: Path, root: Path | None = None) -> tuple[Article | None, LoadIssue | None]:
    from . import frontmatter  # (YAML: imported when a file is parsed, not with the module)

    parts = frontmatter.split(text)
    fields: dict = {}
    recovered = False
    if parts is not None:
        fields, recovered = frontmatter.parse(parts[0])
        if recovered and not fields:
            parts = None  # `---` rules around prose, not front matter: the whole file is the body
    if parts is None:
        return _headless_article(text, path, root), None
    body = parts[1]
    issue = LoadIssue(str(path), WARNING_RECOVERED, warning=True) if recovered else None
    suffix = path.suffix.lower()
    plain = None
    if _body_is_html(body, suffix):
        blocks, fmt = html_to_blocks(body), "html"
    elif suffix in MARKDOWN_SUFFIXES:
        blocks, fmt = _markdown(body), "markdown"
    else:
        plain = parse_plain(body)
        blocks, fmt = plain_blocks(plain.paragraphs), "text"
    blocks = _inert_blocks(blocks)
    title, categories, author, source_field = front_matter_fields(fields)
    categories = categories or _folder_categories(path, root)
    source = (author or source_field or (plain.source if plain else _source_line(blocks))
              or _site(categories))
    article = Article(
        path=str(path),
        title=title,
        date=frontmatter.parse_date(fields.get("date")),
        source=_clean(source),
        author=author,
        categories=categories,
        format=fmt,
        blocks=blocks,
    )
    article.tickers = _merge(_merge(plain.tickers if plain else [], _stock_field(fields)),
                             _tickers_in(title, article.body_text))
    if not article.title:
        article.title = _clean(plain.headline if plain else "") or _fallback_title(path, blocks)
    return article, issue


def _stock_field(fields: dict) -> list[Ticker]:
    """A fetched item's stock labels (``stocks: [SH:600519, …]``, 新浪's stock keys) as tickers."""
    from ..tickers import normalise
    from .fields import as_list

    out = []
    for raw in as_list(fields.get("stocks"))[:50]:
        code = normalise(str(raw))
        if code:
            out.append(Ticker(code))
    return out


MARKDOWN_LIMIT = 300_000  # characters; markdown-it is pure Python, and no article is this long


def _markdown(source: str):
    """Markdown → blocks; a body too long for the Markdown parser to finish quickly (only ever a
    generated or corrupt file) is shown as plain paragraphs."""
    if len(source) > MARKDOWN_LIMIT:
        return plain_blocks([p.strip() for p in source.split("\n\n") if p.strip()])
    from .markdown_blocks import markdown_to_blocks  # (markdown-it: imported on the first Markdown file)

    blocks = markdown_to_blocks(source)
    if not blocks and source.strip():
        # markdown-it drops what is nested deeper than its limit (20): never lose the whole text
        return plain_blocks([p.strip() for p in source.split("\n\n") if p.strip()])
    return blocks


def _merge(first: list[Ticker], more: list[Ticker]) -> list[Ticker]:
    seen = {t.code for t in first}
    out = list(first)
    for t in more:
        if t.code not in seen:
            out.append(t)
            seen.add(t.code)
    return out


def _headless_article(text: str, path: Path, root: Path | None) -> Article:
    """A file without front matter: Markdown (``.md``), an HTML page, or Eastmoney-style plain text."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES and not _HTML_START.match(text):
        blocks, fmt, title = _markdown(text), "markdown", ""
        source = _source_line(blocks)
    elif suffix in HTML_SUFFIXES or (suffix in MARKDOWN_SUFFIXES and _HTML_START.match(text)):
        blocks, title = parse_html(text)
        fmt, source = "html", _source_line(blocks)
    else:
        plain = parse_plain(text)
        blocks, fmt, title, source = plain_blocks(plain.paragraphs), "text", plain.headline, plain.source
        tickers = list(plain.tickers)
    if fmt != "text":
        title = _clean(title) or next((b.text for b in blocks if b.kind == HEADING and b.level <= 2), "")
        tickers = []
    blocks = _inert_blocks(blocks)
    categories = _folder_categories(path, root)
    article = Article(
        path=str(path),
        title=_clean(title)[:200],
        source=_clean(source) or _site(categories),
        categories=categories,
        format=fmt,
        blocks=blocks,
    )
    if fmt == "text":  # an Eastmoney post gives no date: the file's time, marked approximate
        article.date = file_time(path)
        article.date_approx = article.date is not None
    article.tickers = _merge(tickers, _tickers_in(article.title, article.body_text))
    if not article.title:
        article.title = _fallback_title(path, blocks)
    return article


def _fallback_title(path: Path, blocks) -> str:
    """The file name when a person wrote it, else the lead sentence (≤ 40 characters); cleaned as
    every field is (a file name may hold escape sequences)."""
    return fallback_title(path.stem, next((b.text for b in blocks if b.kind != IMAGE and b.text.strip()), ""))


def _inert_blocks(blocks) -> tuple[Block, ...]:
    """Blocks whose text is safe to draw: controls as visible placeholders, BiDi overrides and
    zero-width characters dropped (spans moved along), table cells on one line, link and image
    targets http(s) only (:mod:`kfin_tui.sanitize`)."""
    out = []
    for b in blocks:
        if not (b.spans or b.rows) and b.url == "" and _PLAIN.fullmatch(b.text):
            # the common block (~0.6 µs less a block): nothing for clean_text_map to change (its
            # own first test) and no span, cell or target to check, so what the general path
            # below gives is the block itself
            if not b.text.strip() and b.kind != "rule":
                continue  # (as below)
            if len(b.text) > MAX_BLOCK:
                out.extend(_split_long(b))
            else:
                out.append(b)
            continue
        text, removed = clean_text_map(b.text)
        spans = b.spans
        if removed or any(s.url and safe_url(s.url) != s.url for s in spans):
            move = OffsetMap(removed)
            spans = tuple(Span(move(s.start), move(s.end), s.style, safe_url(s.url) if s.url else "")
                          for s in spans if move(s.end) > move(s.start))
        rows = b.rows
        if rows and not all(clean_line(c) == c for r in rows for c in r):
            rows = tuple(tuple(clean_line(c) for c in r) for r in rows)
            text = "\n".join("\t".join(r) for r in rows)
        url = safe_url(b.url) if b.url else ""
        if not text.strip() and b.kind != "rule":
            continue  # only invisible characters: nothing to show
        if text is b.text and spans is b.spans and rows is b.rows and url == b.url:
            block = b
        else:
            block = replace(b, text=text, spans=spans, rows=rows, url=url)
        if len(text) > MAX_BLOCK and not rows:
            out.extend(_split_long(block))
        else:
            out.append(block)
    return tuple(out)


#: characters in one block at most: a longer paragraph (a generated file, an unterminated front
#: matter shown as text, one 80,000-character token) is cut into blocks of this size — at a line
#: break when there is one in the second half, else at the limit — so that no single block costs
#: the reader more than a bounded layout
MAX_BLOCK = 20_000


def _split_long(block: Block) -> list[Block]:
    pieces = []
    text, start = block.text, 0
    while start < len(text):
        end = min(len(text), start + MAX_BLOCK)
        if end < len(text):
            nl = text.rfind("\n", start + MAX_BLOCK // 2, end)
            if nl > start:
                end = nl
            else:
                while end > start + 1 and unicodedata.combining(text[end]):
                    end -= 1  # keep a character with its marks
        spans = tuple(Span(max(sp.start, start) - start, min(sp.end, end) - start, sp.style, sp.url)
                      for sp in block.spans if sp.start < end and sp.end > start)
        piece = text[start:end].strip("\n")
        lead = len(text[start:end]) - len(text[start:end].lstrip("\n"))
        if piece:
            spans = tuple(Span(max(0, sp.start - lead), min(len(piece), sp.end - lead), sp.style, sp.url)
                          for sp in spans if min(len(piece), sp.end - lead) > max(0, sp.start - lead))
            pieces.append(replace(block, text=piece, spans=spans))
        start = end
    return pieces


def _source_line(blocks) -> str:
    """A ``来源:X`` paragraph near the end (or the start) of the body."""
    if not blocks:
        return ""
    for b in (*blocks[-6:], *blocks[:3]):
        if b.kind == PARAGRAPH and len(b.text) <= 48:
            m = SOURCE_LINE.match(b.text)
            if m:
                return m.group(1)
    return ""


def _tickers_in(title: str, body: str) -> list[Ticker]:
    """Cashtags and bracketed codes of the title, then the body, in order of appearance."""
    found: dict[str, Ticker] = {}
    for text in (title, body):
        if "(" not in text and "（" not in text:
            continue  # every convention has a bracket: skip the regexes
        hits = [(start, t) for start, _, t in find_cashtags(text)]
        hits += [(start, Ticker(code, "")) for start, _, codes in find_prose_codes(text) for code in codes]
        hits.sort(key=lambda h: h[0])
        for _, t in hits:
            found.setdefault(t.code, t)
    return list(found.values())
