"""Adding feeds to the config file (``feeds add``, ``feeds import``) through
:func:`kfin_tui.config.edit_config`: the user's comments and layout stay, the write is atomic."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import FeedConfig, edit_config, load_config


@dataclass(frozen=True)
class AddResult:
    added: list[FeedConfig]
    existing: list[FeedConfig]  # same name, or same URL, already in the config


def add_feeds(feeds: list[FeedConfig], path: Path | None = None) -> AddResult:
    import tomlkit

    current = load_config(path)
    names = {f.name for f in current.feeds}
    urls = {f.url for f in current.feeds}
    added: list[FeedConfig] = []
    existing: list[FeedConfig] = []
    for feed in feeds:
        if feed.name in names or feed.url in urls:
            existing.append(feed)
        else:
            added.append(feed)
            names.add(feed.name)
            urls.add(feed.url)
    if not added:
        return AddResult(added, existing)
    with edit_config(path) as doc:
        aot = doc.get("feeds")
        if aot is None:
            aot = tomlkit.aot()
            doc.append("feeds", aot)
        for feed in added:
            table = tomlkit.table()
            table.add("name", feed.name)
            table.add("url", feed.url)
            for key in ("section", "site", "feed"):
                value = getattr(feed, key)
                if value:
                    table.add(key, value)
            if feed.interval is not None:
                table.add("interval", int(feed.interval) if float(feed.interval).is_integer() else feed.interval)
            if not feed.enabled:
                table.add("enabled", False)
            aot.append(table)
    return AddResult(added, existing)
