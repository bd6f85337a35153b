"""OPML 2.0 import and export of the feeds (``kfin-tui feeds import FILE`` / ``feeds export``).

Export writes one ``<outline type="rss">`` per feed with ``xmlUrl`` (the full URL: RSSHub routes
are joined to ``rsshub``), nested in folders ``section`` › ``site``; kfin-tui's own attributes
(``kfinRoute``, ``kfinSection``, ``kfinSite``, ``kfinFeed``, ``kfinInterval``, ``kfinEnabled``)
make a round trip exact. Import reads any reader's OPML: an outline with ``xmlUrl`` is a feed, its
title its name, the folders above it its section and site.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime

from ..config import Config, FeedConfig

MAX_BYTES = 5 * 1024 * 1024


class OpmlError(Exception):
    """An OPML file that cannot be read; ``str()`` is one line."""


@dataclass(frozen=True)
class Imported:
    feeds: list[FeedConfig]
    skipped: list[str]  # outlines without a usable URL, why


def export_opml(config: Config) -> str:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "kfin-tui feeds"
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(timezone.utc), usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {}

    def folder(path: tuple[str, ...]) -> ET.Element:
        if not path:
            return body
        if path not in folders:
            parent = folder(path[:-1])
            folders[path] = ET.SubElement(parent, "outline", text=path[-1], title=path[-1])
        return folders[path]

    from .run import feed_url

    for feed in config.feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name,
                 "xmlUrl": feed_url(feed, config.rsshub)}
        if feed.url != attrs["xmlUrl"]:
            attrs["kfinRoute"] = feed.url
        for key, value in (("kfinSection", feed.section), ("kfinSite", feed.site), ("kfinFeed", feed.feed)):
            if value:
                attrs[key] = value
        if feed.interval is not None:
            attrs["kfinInterval"] = f"{feed.interval:g}"
        if not feed.enabled:
            attrs["kfinEnabled"] = "false"
        path = tuple(p for p in (feed.section, feed.site) if p)
        ET.SubElement(folder(path), "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def import_opml(data: bytes, rsshub: str = "") -> Imported:
    """The feeds of an OPML document. A URL under ``rsshub`` is kept as its route."""
    if len(data) > MAX_BYTES:
        raise OpmlError(f"OPML file too large ({len(data)} bytes; the cap is {MAX_BYTES})")
    if _DOCTYPE.search(data):
        raise OpmlError("OPML with a DOCTYPE or entity declarations is refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not valid XML: {exc}") from None
    if root.tag != "opml":
        raise OpmlError(f"not an OPML file (root element <{root.tag[:40]}>)")
    body = root.find("body")
    if body is None:
        raise OpmlError("OPML without a <body>")
    feeds: list[FeedConfig] = []
    skipped: list[str] = []
    names: set[str] = set()
    base = rsshub.rstrip("/")

    def walk(node: ET.Element, path: list[str]) -> None:
        for child in node.findall("outline"):
            title = (child.get("title") or child.get("text") or "").strip()
            url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
            if not url:
                walk(child, [*path, title] if title else path)
                continue
            route = child.get("kfinRoute")
            if not route and base and url.startswith(base + "/"):
                route = url[len(base):]
            if not re.match(r"^https?://", url, re.IGNORECASE | re.ASCII) and not (route or "").startswith("/"):
                skipped.append(f"{title or url}: not an http(s) URL")
                continue
            name = _clean(title) or _clean(url)
            unique, n = name, 2
            while unique in names:
                unique, n = f"{name} ({n})", n + 1
            names.add(unique)
            section = child.get("kfinSection", path[0] if len(path) > 0 else "")
            site = child.get("kfinSite", path[1] if len(path) > 1 else (path[0] if path and not section else ""))
            interval = _number(child.get("kfinInterval"))
            feeds.append(FeedConfig(name=unique, url=route or url, section=_clean(section), site=_clean(site),
                                    feed=_clean(child.get("kfinFeed", "")), interval=interval,
                                    enabled=(child.get("kfinEnabled", "true").lower() != "false")))

    walk(body, [])
    return Imported(feeds, skipped)


def _clean(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()[:200]


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and value > 0 else None
