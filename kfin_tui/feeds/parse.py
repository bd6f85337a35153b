"""A feed document (RSS 2.0, Atom, RDF/RSS 1.0) → :class:`FeedItem` s, with feedparser.

Feed text is hostile: titles may carry markup, entities, control characters or run to megabytes;
feedparser's sanitiser removes scripts and event handlers from the HTML, and :func:`clean_text`
makes every single-line field plain, printable and bounded.
"""
from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..tickers import normalise

TITLE_LIMIT = 500  # characters kept of a title (file names are cut further, to 255 bytes)
FIELD_LIMIT = 300  # author, one tag
LABELS_LIMIT = 50  # tags kept per item
URL_LIMIT = 2048

_TAG = re.compile(r"<[^>]*>?")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_SPACE = re.compile(r"\s+")
_IMG = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


# feedparser's notes that are not damage: a charset declared one way and served another, a
# text/html content type (RSSHub behind some proxies)
_BENIGN = frozenset({"CharacterEncodingOverride", "NonXMLContentType"})


class FeedParseError(Exception):
    """The document is not a feed; ``str()`` says why in one line."""


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str = ""
    guid: str = ""
    date: datetime | None = None  # aware (UTC)
    author: str = ""
    html: str = ""
    image: str = ""
    tags: tuple[str, ...] = ()  # the item's own labels (subjects, asset tags, stock keys)
    stocks: tuple[str, ...] = ()  # labels that are ticker codes, normalised (``SH:600519``)

    @property
    def dedupe_key(self) -> str:
        """guid, else link, else title (+ date when the item has one)."""
        if self.guid:
            return "guid:" + self.guid
        if self.link:
            return "link:" + self.link
        return title_key(self.title, self.date)


def title_key(title: str, date: datetime | None) -> str:
    return "title:" + title + ("|" + date.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") if date else "")


@dataclass
class ParsedFeed:
    title: str
    items: list[FeedItem] = field(default_factory=list)
    warning: str = ""  # the XML was not well-formed but items were recovered


def clean_text(value: Any, limit: int = FIELD_LIMIT) -> str:
    """One printable line: tags dropped, entities decoded, controls removed, spaces collapsed."""
    if not isinstance(value, str):
        return ""
    text = value[: limit * 20]
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROLS.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:limit].rstrip()


def clean_url(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    url = _CONTROLS.sub("", value).strip()
    if " " in url or len(url) > URL_LIMIT or not re.match(r"^https?://", url, re.IGNORECASE | re.ASCII):
        return ""
    return url


# A label is a stock only when it says so: a market prefix/suffix (sh600519, 00700.HK) or a
# six-digit A-share code; bare letters (AI, ETF) and names (平安银行) stay plain tags.
_STOCKISH = re.compile(r"(?:sh|sz|bj|hk|us)[:.|]?[0-9a-z.\-]+|[0-9a-z.\-]+[.:](?:sh|sz|bj|hk|us|ss)|[0-9]{6}",
                       re.IGNORECASE | re.ASCII)


def stock_code(label: str) -> str | None:
    if not _STOCKISH.fullmatch(label.strip()):
        return None
    return normalise(label)


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _body(entry: Any) -> str:
    for part in entry.get("content") or ():
        value = part.get("value") if isinstance(part, dict) else None
        if value:
            return str(value)
    return str(entry.get("summary") or entry.get("description") or "")


def _image(entry: Any, body: str) -> str:
    for key in ("media_thumbnail", "media_content"):
        for media in entry.get(key) or ():
            if isinstance(media, dict) and (url := clean_url(media.get("url"))):
                medium = str(media.get("medium") or media.get("type") or "image")
                if "image" in medium or key == "media_thumbnail":
                    return url
    for enc in entry.get("enclosures") or ():
        if (isinstance(enc, dict) and str(enc.get("type", "")).startswith("image/")
                and (url := clean_url(enc.get("href") or enc.get("url")))):
            return url
    image = entry.get("image")
    if isinstance(image, dict) and (url := clean_url(image.get("href") or image.get("url"))):
        return url
    m = _IMG.search(body)
    return clean_url(html.unescape(m.group(1))) if m else ""


def _labels(entry: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    tags: list[str] = []
    for tag in entry.get("tags") or ():
        term = clean_text(tag.get("term") or tag.get("label") if isinstance(tag, dict) else None, FIELD_LIMIT)
        if term and term not in tags:
            tags.append(term)
        if len(tags) >= LABELS_LIMIT:
            break
    stocks: list[str] = []
    for tag in tags:
        code = stock_code(tag)
        if code and code not in stocks:
            stocks.append(code)
    return tuple(tags), tuple(stocks)


def _title(entry: Any, body: str) -> str:
    title = clean_text(entry.get("title"), TITLE_LIMIT)
    if title:
        return title
    text = clean_text(body, TITLE_LIMIT)
    m = re.match(r"【([^】]{1,200})】", text)
    if m:
        return m.group(0)
    return text[:80] or "无标题"


def parse_feed(data: bytes, url: str = "") -> ParsedFeed:
    """Parse a fetched document. Raises :class:`FeedParseError` when it is not a feed."""
    import feedparser

    doc = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    entries = doc.get("entries") or []
    version = doc.get("version") or ""
    if doc.get("bozo") and not entries:
        exc = doc.get("bozo_exception")
        raise FeedParseError(f"not a feed: {clean_text(str(exc), 160) if exc else 'unreadable XML'}")
    if not version and not entries:
        raise FeedParseError("not a feed: no RSS, Atom or RDF document found")
    items: list[FeedItem] = []
    for entry in entries:
        body = _body(entry)
        tags, stocks = _labels(entry)
        items.append(FeedItem(
            title=_title(entry, body),
            link=clean_url(entry.get("link")),
            guid=clean_text(entry.get("id"), URL_LIMIT),
            date=_date(entry),
            author=clean_text(entry.get("author"), FIELD_LIMIT),
            html=body,
            image=_image(entry, body),
            tags=tags,
            stocks=stocks,
        ))
    warning = ""
    exc = doc.get("bozo_exception") if doc.get("bozo") else None
    if exc is not None and type(exc).__name__ not in _BENIGN:
        warning = f"feed XML not well-formed ({clean_text(str(exc), 120)}); {len(items)} items recovered"
    return ParsedFeed(title=clean_text((doc.get("feed") or {}).get("title"), FIELD_LIMIT), items=items,
                      warning=warning)
