"""``kfin-tui extract``: the figures and companies of files or folders."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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
        for path in discover(root):
            article, issue = load_file(path, root if root.is_dir() else None)
            if article is None:
                report_issues([issue])
                continue
            if issue is not None:
                report_issues([issue])
            try:
                extraction = extract_article(article)
            except Exception as exc:  # noqa: BLE001 - one article's failure must not cost the others
                print(f"kfin-tui: error: {path}: extraction failed ({type(exc).__name__}: {exc})", file=sys.stderr)
                continue
            if args.json:
                obj = {"path": str(path) if root.is_dir() else raw, "title": article.title}
                obj.update(extraction.to_json())
                sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                results.append((article, extraction))
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


def _print_extraction(article, extraction) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(Text(article.title, style="bold", overflow="fold"))
    console.print(Text(article.path, style="dim", overflow="fold"))
    if extraction.figures:
        figures = Table(box=None, pad_edge=False, header_style="bold")
        for col in ("kind", "figure", "value", "unit", "context"):
            figures.add_column(col, no_wrap=col != "context", justify="right" if col == "value" else "left")
        for f in extraction.figures:
            mark = "≈" if f.approx else ""
            figures.add_row(f.kind, Text(mark + f.text), _format_value(f.value), f.unit, Text(f.context or ""))
        console.print(figures)
    else:
        console.print(Text("（没有数字 · no figures）", style="dim"))
    if extraction.companies:
        companies = Table(box=None, pad_edge=False, header_style="bold")
        for col in ("company", "kind", "tickers", "mentions"):
            companies.add_column(col, no_wrap=True)
        for c in extraction.companies:
            codes = ", ".join(c.tickers or ([c.ticker] if c.ticker else []))
            count = str(len(c.mentions)) if c.mentions else "相关 (tag)"
            companies.add_row(Text(c.name), c.kind, codes, count)
        console.print(companies)
    else:
        console.print(Text("（没有公司 · no companies）", style="dim"))
    console.print()
