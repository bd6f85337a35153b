"""``kfin-tui extract``: the figures and companies of files or folders."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..sanitize import clean_line, json_line
from .common import EXIT_BAD_PATH, EXIT_OK, check_path, report_issues

DESCRIPTION = "Figures and companies of articles."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--json", action="store_true", help="one JSON object per article and line")


def run(args: argparse.Namespace) -> int:
    from ..articles import load_file
    from ..articles.discovery import discover
    from ..extract import extract_article

    status = EXIT_OK
    results = []
    for raw in args.paths:
        root = Path(raw)
        problem = check_path(root)
        if problem:
            print(problem, file=sys.stderr)
            status = EXIT_BAD_PATH
            continue
        problems: list = []
        found = 0
        for path in discover(root, problems):
            found += 1
            if problems:
                report_issues(problems)
                problems.clear()
            article, issue = load_file(path, root if root.is_dir() else None)
            if article is None:
                report_issues([issue])
                continue
            if issue is not None:
                report_issues([issue])
            try:
                extraction = extract_article(article)
            except Exception as exc:  # noqa: BLE001 - one article's failure must not cost the others
                print(f"kfin-tui: error: {clean_line(str(path))}: extraction failed "
                      f"({clean_line(f'{type(exc).__name__}: {exc}')})", file=sys.stderr)
                continue
            if args.json:
                obj = {"path": str(path) if root.is_dir() else raw, "title": article.title}
                obj.update(extraction.to_json())
                sys.stdout.write(json_line(obj) + "\n")
            else:
                results.append((article, extraction))
        if problems:
            report_issues(problems)
        if not found:  # silence would look like a hang or a crash: say there was nothing to read
            print(f"kfin-tui: extract: no articles in {clean_line(raw)} (.md, .txt or .html files)", file=sys.stderr)
    if not args.json:
        for article, extraction in results:
            _print_extraction(article, extraction)
    return status


def _format_value(value) -> str:
    """Base-unit values in full (603.8亿元 → 60,380,000,000), never in scientific notation."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _fit(text: str, width: int) -> str:
    """``text`` padded or cut (with …) to ``width`` cells."""
    from rich.cells import cell_len, set_cell_size

    n = cell_len(text)
    if n > width:
        text = set_cell_size(text, width - 1).rstrip() + "…"
        n = cell_len(text)
    return text + " " * (width - n)


def _columns(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], caps: tuple[int, ...],
             right: frozenset[int] = frozenset()) -> list[str]:
    """Fixed columns: each as wide as its widest cell up to its cap (cut with … beyond), the last
    column not padded; one pass over the rows (a Rich Table measured every cell several times:
    tens of thousands of figures took ten times as long as ``--json``)."""
    from rich.cells import cell_len

    widths = [cell_len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            if widths[i] < caps[i]:
                widths[i] = min(caps[i], max(widths[i], cell_len(cell)))
    out = []
    for row in (header, *rows):
        cells = []
        for i, cell in enumerate(row[:-1]):
            fitted = _fit(cell, widths[i])
            if i in right:
                fitted = fitted.rstrip()
                fitted = " " * (widths[i] - cell_len(fitted)) + fitted
            cells.append(fitted)
        cells.append(row[-1])
        out.append("  ".join(cells).rstrip())
    return out


def _print_extraction(article, extraction, stream=None) -> None:
    """Title, path, the figures and the companies as plain fixed columns. Every string from the
    article or the file system goes through :func:`~kfin_tui.sanitize.clean_line` (one line, no
    control character); nothing is parsed as markup."""
    stream = stream or sys.stdout
    lines = [clean_line(article.title), clean_line(article.path)]
    if extraction.figures:
        rows: list[tuple[str, ...]] = []
        for f in extraction.figures:
            mark = "≈" if f.approx else ""
            rows.append((clean_line(f.kind), clean_line(mark + f.text), _format_value(f.value), clean_line(f.unit),
                         clean_line(f.context or "")))
        lines += _columns(("kind", "figure", "value", "unit", "context"), rows, (10, 30, 24, 10, 0), frozenset({2}))
    else:
        lines.append("（没有数字 · no figures）")
    if extraction.companies:
        rows = []
        for c in extraction.companies:
            codes = ", ".join(c.tickers or ([c.ticker] if c.ticker else []))
            count = str(len(c.mentions)) if c.mentions else "相关 (tag)"
            name = f"{c.written} (={c.name})" if getattr(c, "written", "") else c.name  # as written, then the archive's
            rows.append((clean_line(name), clean_line(c.kind), clean_line(codes), count))
        lines += _columns(("company", "kind", "tickers", "mentions"), rows, (30, 10, 40, 0))
    else:
        lines.append("（没有公司 · no companies）")
    stream.write("\n".join(lines) + "\n\n")
