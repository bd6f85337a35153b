"""``kfin-tui company NAME [PATH]``: one company across the archive (the dossier)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_BAD_PATH, EXIT_FAILED, EXIT_OK, check_path

DESCRIPTION = ("One company across the archive: name, aliases, tickers, articles per week, and every "
               "article naming it (newest first) with the figures stated about it.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="company name, alias or ticker (阿里, 600519, 0700.HK …)")
    p.add_argument("path", nargs="?", help="archive folder (default: the config's archive, else the bundled corpus)")
    p.add_argument("--json", action="store_true", help="one JSON object (for scripts)")
    p.add_argument("--limit", type=int, default=None, help="at most this many articles (newest first)")
    p.add_argument("--no-extract", action="store_true",
                   help="do not extract articles not extracted yet (the result may be partial)")


def archive_root(path: str | None) -> tuple[Path | None, str | None]:
    """The folder to open: PATH, else the config's ``archive``, else the bundled corpus."""
    from ..paths import bundled_corpus

    if path:
        return Path(path), None
    from ..config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as exc:
        return None, str(exc)
    return (config.archive or bundled_corpus()), None


def extract_with_progress(library: Any) -> None:
    from ..state import archive

    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if tty and total:
            print(f"\rkfin-tui: extracting {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    archive.extract_pending(library, progress)


def run(args: argparse.Namespace) -> int:
    from ..sanitize import clean_line

    root, error = archive_root(args.path)
    if root is None:
        print(clean_line(error or "kfin-tui: no archive"), file=sys.stderr)
        return EXIT_FAILED
    problem = check_path(root)
    if problem:
        print(clean_line(problem), file=sys.stderr)
        return EXIT_BAD_PATH
    from ..dossier import build_dossier
    from ..index import Library
    from ..state import archive
    from ..state.watchlist import nearest_names, resolve

    info = resolve(args.name)
    if not info.name:
        print("kfin-tui: company: give a company name, alias or ticker", file=sys.stderr)
        return EXIT_BAD_PATH
    library = Library(root)
    try:
        library.load_all()
        if not args.no_extract:
            extract_with_progress(library)
        dossier = build_dossier(library, args.name, info)
        if not info.known and not dossier.count and not dossier.partial:
            names = [n for n, _ in archive.company_names(library)]
            near = nearest_names(args.name, names)
            hint = f" — did you mean: {', '.join(near)}?" if near else ""
            print(clean_line(f"kfin-tui: company: unknown company {args.name!r}{hint}"), file=sys.stderr)
            return EXIT_BAD_PATH
        if args.json:
            sys.stdout.write(json.dumps(dossier.to_json(args.limit), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(format_dossier(dossier, args.limit))
        sys.stdout.flush()
    finally:
        library.close()
    return EXIT_OK


def format_dossier(dossier: Any, limit: int | None = None, width: int | None = None) -> str:
    """The dossier as text for a terminal (every string from articles made inert)."""
    import shutil

    from rich.cells import cell_len, set_cell_size

    from ..sanitize import clean_line

    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    width = max(40, width)

    def fit(text: str, w: int) -> str:
        text = clean_line(text)
        if cell_len(text) > w:
            text = set_cell_size(text, w - 1).rstrip() + "…"
        return text

    info = dossier.info
    head = [info.name]
    if info.tickers:
        head.append(" ".join(info.tickers))
    lines = [fit("  ".join(head), width)]
    if info.aliases:
        lines.append(fit("别名: " + "、".join(info.aliases), width))
    count = f"文章 {dossier.count}"
    if dossier.partial:
        count += f" · {dossier.status} (partial: articles not extracted yet may name it too)"
    lines.append(fit(count, width))
    if dossier.weeks:
        first, last = dossier.weeks[0][0], dossier.weeks[-1][0]
        label = f"每周 {first.isoformat()} … {last.isoformat()}  "
        lines.append(label + dossier.sparkline(max(8, width - cell_len(label))))
    if dossier.undated:
        lines.append(f"无日期 {dossier.undated}")
    if info.kind == "media":
        lines.append("媒体: a media outlet is a source, not counted as a company named by articles")
    if not dossier.count:
        lines.append("没有提到它的文章" if not dossier.partial else "尚无结果 (提取中)")
    lines.append("")
    for e in dossier.entries(0, limit):
        when = e.date_text()
        lines.append(fit(f"{when}  {e.title}  · {e.source}" if e.source else f"{when}  {e.title}", width))
        if e.figures:
            lines.append(fit("            " + " · ".join(f.label for f in e.figures), width))
        if e.companies:
            lines.append(fit("            同时提到: " + "、".join(e.companies), width))
    if limit is not None and dossier.count > limit:
        lines.append(f"… {dossier.count - limit} more (--limit)")
    return "\n".join(lines) + "\n"
