"""Turn an article folder (e.g. the synthetic archive of make_archive.py) into ONE RSS 2.0 file.

    python tests/bench/newsboat_feed.py /work/bench-100k /tmp/bench-100k.xml [--limit N]

The peer of the bench: newsboat reads the same articles as one feed (every article an item with
its title, date and full body), so its open and search can be timed next to kfin-tui's.

Independent of kfin_tui on purpose (the package is the thing measured): the title comes from the
front matter's ``title:`` line, else a ``【headline】`` first line, else the file name; the date
from ``date:`` (RFC 2822, ``%Y-%m-%d %H:%M:%S`` or ``%Y-%m-%d``); the body is the text after the
front matter (HTML kept as it is: newsboat renders it). Items are written in walk order, sorted
by path, so the output is deterministic.
"""
from __future__ import annotations

import argparse
import email.utils
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


def iter_files(root: Path):
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(SUFFIXES):
                yield Path(folder) / name


def _date(value: str) -> datetime | None:
    value = value.strip().strip("'\"")
    try:
        d = email.utils.parsedate_to_datetime(value)
        if d is not None:
            return d if d.tzinfo else d.replace(tzinfo=timezone.utc)
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


def parse(path: Path) -> tuple[str, datetime | None, str]:
    """(title, date or None, body) of one file; never raises on odd content."""
    text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff").replace("\r\n", "\n")
    title, date, body = "", None, text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            head, body = text[4:end], text[end + 4:].lstrip("-").lstrip("\n")
            for line in head.splitlines():
                key, sep, value = line.partition(":")
                if not sep:
                    continue
                key = key.strip().lower()
                if key == "title" and not title:
                    title = value.strip().strip("'\"")
                elif key == "date" and date is None:
                    date = _date(value)
    if not title:
        first = body.lstrip().split("\n", 1)[0].strip()
        if first.startswith("【") and "】" in first:
            title = first[1:first.index("】")]
        else:
            title = path.stem
    return title, date, body


def _xml_text(s: str) -> str:
    # XML 1.0 forbids most control characters; drop them rather than write an invalid feed
    return escape("".join(ch for ch in s if ch in "\t\n\r" or ord(ch) >= 0x20))


def write_feed(root: Path, out: Path, limit: int | None = None, title: str | None = None) -> int:
    root = root.resolve()
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n')
        fh.write(f"<title>{_xml_text(title or root.name)}</title>\n<link>file://{quote(str(root))}</link>\n")
        fh.write(f"<description>{_xml_text(str(root))}</description>\n")
        for path in iter_files(root):
            if limit is not None and n >= limit:
                break
            try:
                t, d, body = parse(path)
            except OSError as exc:
                print(f"skipped {path}: {exc}", file=sys.stderr)
                continue
            url = "file://" + quote(str(path))
            fh.write(f"<item><title>{_xml_text(t)}</title><link>{_xml_text(url)}</link>"
                     f"<guid isPermaLink=\"false\">{_xml_text(url)}</guid>")
            if d is not None:
                fh.write(f"<pubDate>{email.utils.format_datetime(d)}</pubDate>")
            fh.write(f"<description>{_xml_text(body)}</description></item>\n")
            n += 1
        fh.write("</channel></rss>\n")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("archive", type=Path, help="folder of articles")
    ap.add_argument("out", type=Path, help="RSS file to write")
    ap.add_argument("--limit", type=int, default=None, help="at most this many items")
    ap.add_argument("--title", default=None, help="channel title (default: the folder name)")
    args = ap.parse_args(argv)
    if not args.archive.is_dir():
        print(f"{args.archive}: not a folder", file=sys.stderr)
        return 2
    n = write_feed(args.archive, args.out, args.limit, args.title)
    print(f"{n} items, {args.out.stat().st_size / 1e6:.1f} MB -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
