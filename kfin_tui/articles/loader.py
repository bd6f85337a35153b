"""Turn files into :class:`Article` s. Every failure is a per-file :class:`LoadIssue`, never a crash.

The corpus is only ever opened for reading.
"""
from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..tickers import Ticker, find_cashtags, find_prose_codes
from . import frontmatter
from .decoding import MAX_BYTES, DecodeError, decode
from .discovery import discover
from .html_blocks import html_to_blocks, looks_like_html
from .markdown_blocks import markdown_to_blocks
from .model import Article, LoadIssue
from .plaintext import lead_title, name_is_words, parse_plain, plain_blocks

WARNING_RECOVERED = "front matter is not valid YAML; fields were recovered line by line"


def read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DecodeError(f"too large for an article ({size / 1048576:.1f} MB > {MAX_BYTES // 1048576} MB)")
    with open(path, "rb") as fh:  # read-only, always
        return fh.read(MAX_BYTES + 1)


def load_file(path: Path | str, root: Path | str | None = None) -> tuple[Article | None, LoadIssue | None]:
    """Load one file. Returns (article, issue): an issue alone when the file could not be read; an
    article with a warning issue when it loaded but something had to be recovered."""
    path = Path(path)
    try:
        text = decode(read_bytes(path))
    except DecodeError as exc:
        return None, LoadIssue(str(path), str(exc))
    except PermissionError:
        return None, LoadIssue(str(path), "permission denied")
    except IsADirectoryError:
        return None, LoadIssue(str(path), "is a folder, not a file")
    except OSError as exc:
        return None, LoadIssue(str(path), f"cannot be read ({exc.strerror or exc})")
    try:
        return parse_text(text, path, Path(root) if root else None)
    except Exception as exc:  # noqa: BLE001 - a parser bug must cost one file, not the folder
        return None, LoadIssue(str(path), f"could not be parsed ({type(exc).__name__}: {exc})")


def parse_text(text: str, path: Path, root: Path | None = None) -> tuple[Article | None, LoadIssue | None]:
    folder_cats = _folder_categories(path, root)
    parts = frontmatter.split(text)
    if parts is None:
        return _plain_article(text, path, folder_cats), None
    fm_text, body = parts
    fields, recovered = frontmatter.parse(fm_text)
    issue = LoadIssue(str(path), WARNING_RECOVERED, warning=True) if recovered else None
    is_markdown = path.suffix.lower() in (".md", ".markdown") and not looks_like_html(body)
    if is_markdown:
        blocks, fmt = markdown_to_blocks(body), "markdown"
    elif looks_like_html(body):
        blocks, fmt = html_to_blocks(body), "html"
    else:
        blocks, fmt = plain_blocks([p.strip() for p in body.split("\n") if p.strip()]), "text"
    categories = frontmatter.as_list(fields.get("categories")) or frontmatter.as_list(fields.get("category")) or folder_cats
    author = _clean(frontmatter.as_text(fields.get("author")))
    source = _clean(frontmatter.as_text(fields.get("source"))) or author or _site(categories)
    title = _clean(frontmatter.as_text(fields.get("title")))
    article = Article(
        path=str(path),
        title=title,
        date=frontmatter.parse_date(fields.get("date")),
        source=source,
        author=author,
        categories=categories,
        format=fmt,
        blocks=blocks,
    )
    article.tickers = _tickers_in(title, article.body_text)
    if not article.title:
        article.title = _fallback_title(path, article.body_text)
    return article, issue


def _plain_article(text: str, path: Path, folder_cats: list[str]) -> Article:
    plain = parse_plain(text)
    body = "\n".join(plain.paragraphs)
    if plain.headline:
        title = plain.headline
    else:
        title = _fallback_title(path, body)
    article = Article(
        path=str(path),
        title=title,
        source=plain.source or _site(folder_cats),
        categories=folder_cats,
        format="text",
        blocks=plain_blocks(plain.paragraphs),
    )
    tickers = list(plain.tickers)
    for t in _tickers_in("", article.body_text):
        if t.code not in {x.code for x in tickers}:
            tickers.append(t)
    article.tickers = tickers
    return article


def _fallback_title(path: Path, body: str) -> str:
    if name_is_words(path.stem):
        return path.stem
    first = next((ln for ln in body.split("\n") if ln.strip()), "")
    return lead_title(first) or path.stem or "(untitled)"


def _tickers_in(title: str, body: str) -> list[Ticker]:
    found: dict[str, Ticker] = {}
    for text in (title, body):
        for _, _, t in find_cashtags(text):
            found.setdefault(t.code, t)
        for start, _, codes in find_prose_codes(text):
            for code in codes:
                found.setdefault(code, Ticker(code, ""))
    return list(found.values())


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(value: str) -> str:
    """Entities decoded, control characters (escape sequences) dropped, whitespace folded."""
    if "&" in value:
        value = html.unescape(value)
    value = _CONTROL.sub("", value)
    return " ".join(value.split())


def _site(categories: list[str]) -> str:
    """Hexo archives file posts under <section>/<site>/<feed>: the site names the source."""
    return categories[1] if len(categories) >= 2 else ""


def _folder_categories(path: Path, root: Path | None) -> list[str]:
    if root is None:
        return []
    try:
        rel = path.parent.resolve().relative_to(root.resolve())
    except ValueError:
        try:
            rel = path.parent.relative_to(root)
        except ValueError:
            return []
    parts = [p for p in rel.parts if p not in ("", ".")]
    # Hexo trees: drop the generator's own folders
    while parts and parts[0] in ("source", "_posts", "post", "posts"):
        parts = parts[1:]
    return parts


def iter_folder(root: Path | str) -> Iterator[tuple[Article | None, LoadIssue | None]]:
    root = Path(root)
    for path in discover(root):
        yield load_file(path, root)


def load_folder(root: Path | str) -> tuple[list[Article], list[LoadIssue]]:
    """Load every article below ``root``. Raises FileNotFoundError/NotADirectoryError/PermissionError
    only when the folder itself cannot be read."""
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    if root.is_dir() and not os.access(root, os.R_OK | os.X_OK):
        raise PermissionError(f"cannot read folder: {root}")
    articles, issues = [], []
    for article, issue in iter_folder(root):
        if article is not None:
            articles.append(article)
        if issue is not None:
            issues.append(issue)
    return articles, issues


def sort_newest_first(articles: list[Article]) -> list[Article]:
    """Newest first, undated last (by title then)."""
    dated = sorted((a for a in articles if a.date), key=lambda a: a.date, reverse=True)
    undated = sorted((a for a in articles if not a.date), key=lambda a: a.title)
    return dated + undated
