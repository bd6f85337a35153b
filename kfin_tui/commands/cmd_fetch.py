"""``kfin-tui fetch [NAME…]``: bring the feeds' new items into the archive."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_BAD_PATH, EXIT_FAILED, EXIT_OK

DESCRIPTION = ("Fetch every enabled feed (or the NAMEd ones) into the archive: concurrent, conditional "
               "(ETag / Last-Modified), retried on 5xx and timeouts. One line per feed: new, unchanged "
               "or error and why. Exit 0 when every feed worked, 1 when some failed.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", metavar="NAME", help="feeds to fetch (default: every enabled feed)")
    p.add_argument("--archive", type=Path, help="write here instead of the config's `archive`")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default 20)")
    p.add_argument("--retries", type=int, default=2, help="more tries on 5xx and timeouts (default 2)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress line")


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigError, load_config
    from ..feeds import FetchOptions, FetchProgress, FetchSetupError, run_fetch
    from ..sanitize import clean_line

    try:
        config = load_config()
    except ConfigError as exc:
        print(clean_line(str(exc)), file=sys.stderr)
        return EXIT_FAILED
    if not config.feeds:
        print("kfin-tui: no feeds in the config: kfin-tui feeds add cls/telegraph", file=sys.stderr)
        return EXIT_FAILED
    tty = sys.stderr.isatty() and not args.quiet
    width = 0

    def progress(p: FetchProgress) -> None:
        nonlocal width
        r = p.result
        if tty and width:
            print("\r" + " " * width + "\r", end="", file=sys.stderr)
        if r.status == "new":
            line = f"new        {r.name}: {len(r.new_paths)} new of {r.items}"
        elif r.status == "unchanged":
            line = f"unchanged  {r.name}" + (" (not modified)" if r.not_modified else f" ({r.items} items, none new)")
        else:
            line = f"error      {r.name}: {r.error}"
        if r.warning:
            line += f" — {r.warning}"
        print(clean_line(line), flush=True)
        if tty and p.done < p.total:
            bar = f"fetch {p.done}/{p.total}…"
            width = len(bar)
            print(bar, end="", file=sys.stderr, flush=True)

    opts = FetchOptions(timeout=max(args.timeout, 0.1), retries=max(args.retries, 0))
    if tty:
        print("fetch …", end="", file=sys.stderr, flush=True)
        width = 7
    try:
        results = run_fetch(config, args.names or None, progress, archive=args.archive, options=opts)
    except FetchSetupError as exc:
        if tty:
            print("\r" + " " * width + "\r", end="", file=sys.stderr)
        print(clean_line(f"kfin-tui: {exc}"), file=sys.stderr)
        return EXIT_BAD_PATH
    failed = sum(r.status == "error" for r in results)
    new = sum(len(r.new_paths) for r in results)
    summary = f"{len(results)} feeds: {new} new articles" + (f", {failed} failed" if failed else "")
    print(clean_line(summary), file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
