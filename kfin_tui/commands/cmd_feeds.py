"""``kfin-tui feeds``: the configured feeds and their health; ``feeds add``, ``feeds presets``,
``feeds import FILE``, ``feeds export``."""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from .common import EXIT_BAD_PATH, EXIT_FAILED, EXIT_OK

DESCRIPTION = ("The feeds that `kfin-tui fetch` brings into the archive, with their health (last fetch, "
               "new items, last error). `feeds add cls/telegraph` adds a preset (`feeds presets` lists "
               "them) or a URL; `feeds import FILE.opml` / `feeds export` move them to and from other readers.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", nargs="?", default="list", choices=["list", "add", "presets", "import", "export"],
                   help="list (default), add, presets, import, export")
    p.add_argument("args", nargs="*", help="add: PRESET or URL …; import: FILE (- for stdin)")
    p.add_argument("--name", help="add URL: the feed's name (default: the URL's path)")
    p.add_argument("--section", default="", help="add URL: archive folder, first level (e.g. 金融)")
    p.add_argument("--site", default="", help="add URL: second level (e.g. 财联社)")
    p.add_argument("--feed", default="", help="add URL: third level (e.g. 电报)")
    p.add_argument("--interval", type=float, help="add: minutes between automatic fetches")
    p.add_argument("--json", action="store_true", help="list: one JSON object per feed")


def _err(msg: str) -> None:
    from ..sanitize import clean_line

    print(clean_line(msg), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigError

    try:
        if args.action == "presets":
            return _presets()
        if args.action == "add":
            return _add(args)
        if args.action == "import":
            return _import(args)
        if args.action == "export":
            return _export()
        return _list(args)
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_FAILED


def _presets() -> int:
    from ..feeds.presets import PRESETS
    from ..sanitize import clean_line

    for p in PRESETS.values():
        print(clean_line(f"{p.key:<18} {p.route:<28} {'/'.join((p.section, p.site, p.feed))}  {p.about}"))
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from ..config import FeedConfig
    from ..feeds.configedit import add_feeds
    from ..feeds.presets import PRESETS, find_preset
    from ..paths import config_file
    from ..sanitize import clean_line

    if not args.args:
        _err("kfin-tui feeds add: name a preset (" + ", ".join(PRESETS) + ") or a feed URL")
        return EXIT_BAD_PATH
    feeds: list[FeedConfig] = []
    for word in args.args:
        preset = find_preset(word)
        if preset is not None:
            feed = preset.feed_config()
            if args.interval is not None:
                feed = FeedConfig(feed.name, feed.url, feed.section, feed.site, feed.feed, args.interval)
            if args.name and len(args.args) == 1:
                feed = FeedConfig(args.name, feed.url, feed.section, feed.site, feed.feed, feed.interval)
            feeds.append(feed)
        elif word.startswith(("http://", "https://", "/")):
            name = args.name if args.name and len(args.args) == 1 else word.split("://", 1)[-1].strip("/")
            feeds.append(FeedConfig(name=name, url=word, section=args.section, site=args.site, feed=args.feed,
                                    interval=args.interval))
        else:
            _err(f"kfin-tui feeds add: {word!r} is neither a preset ({', '.join(PRESETS)}) nor a URL "
                 "(http://… or an RSSHub route /…)")
            return EXIT_BAD_PATH
    result = add_feeds(feeds)
    from ..feeds.run import feed_parts

    for feed in result.added:
        print(clean_line(f"added {feed.name}: {feed.url} → {'/'.join(feed_parts(feed))}"))
    for feed in result.existing:
        print(clean_line(f"already there: {feed.name} ({feed.url})"))
    if result.added:
        print(clean_line(f"config: {config_file()}"))
        from ..config import load_config

        if load_config().archive is None:
            print("next: set `archive = \"~/news\"` in the config (the folder fetch writes to), then kfin-tui fetch")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..feeds.configedit import add_feeds
    from ..feeds.opml import OpmlError, import_opml
    from ..sanitize import clean_line

    if len(args.args) != 1:
        _err("kfin-tui feeds import: give one OPML file (- for stdin)")
        return EXIT_BAD_PATH
    src = args.args[0]
    try:
        data = sys.stdin.buffer.read() if src == "-" else Path(src).read_bytes()
    except OSError as exc:
        _err(f"kfin-tui: cannot read {src}: {exc.strerror or exc}")
        return EXIT_BAD_PATH
    try:
        imported = import_opml(data, load_config().rsshub)
    except OpmlError as exc:
        _err(f"kfin-tui: {src}: {exc}")
        return EXIT_FAILED
    for why in imported.skipped:
        _err(f"kfin-tui: skipped {why}")
    result = add_feeds(imported.feeds)
    print(clean_line(f"imported {len(result.added)} feeds, {len(result.existing)} already there, "
                     f"{len(imported.skipped)} skipped"))
    return EXIT_OK


def _export() -> int:
    from ..config import load_config
    from ..feeds.opml import export_opml

    sys.stdout.write(export_opml(load_config()))
    return EXIT_OK


def _ago(ts: float | None) -> str:
    if not ts:
        return "never"
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def _list(args: argparse.Namespace) -> int:
    import json

    from ..config import load_config
    from ..feeds.fetchstate import feed_health
    from ..feeds.run import feed_folder, feed_parts, feed_url
    from ..sanitize import clean_line

    config = load_config()
    health = feed_health()
    if not config.feeds:
        print("no feeds yet: kfin-tui feeds add cls/telegraph   (kfin-tui feeds presets lists the presets)",
              file=sys.stderr)
        return EXIT_OK
    for feed in config.feeds:
        h = health.get(feed.name)
        url = feed_url(feed, config.rsshub)
        if args.json:
            print(json.dumps({
                "name": feed.name, "url": url, "enabled": feed.enabled, "interval": feed.interval,
                "folder": str(feed_folder(config.archive, feed)) if config.archive else "/".join(feed_parts(feed)),
                "last_fetch": h.last_fetch if h else None, "last_ok": h.last_ok if h else None,
                "status": h.status if h else "", "new": h.new if h else 0, "error": h.error if h else "",
            }, ensure_ascii=False))
            continue
        state_txt = "never fetched"
        if h:
            state_txt = f"{h.status} {_ago(h.last_fetch)}"
            if h.status == "new":
                state_txt += f" +{h.new}"
            if h.status == "error":
                state_txt += f": {h.error}" + (f" (last ok {_ago(h.last_ok)})" if h.last_ok else "")
        off = "" if feed.enabled else " (disabled)"
        print(clean_line(f"{feed.name}{off}  {url}  → {'/'.join(feed_parts(feed))}  · {state_txt}"))
    return EXIT_OK
