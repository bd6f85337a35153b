"""Command line: ``kfin-tui [PATH]`` opens the reader; ``list``, ``extract`` and ``index`` sub-commands."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .paths import bundled_corpus

EXIT_OK, EXIT_BAD_PATH = 0, 2
SUBCOMMANDS = ("list", "extract", "index", "read")


def _check_path(path: Path) -> str | None:
    if not path.exists():
        return f"kfin-tui: no such file or folder: {path}"
    try:
        if path.is_dir():
            next(iter(path.iterdir()), None)
        else:
            path.open("rb").close()
    except PermissionError:
        return f"kfin-tui: cannot read {path}: permission denied"
    except OSError as exc:
        return f"kfin-tui: cannot read {path}: {exc.strerror or exc}"
    return None


def _report_issues(issues, stream=None) -> None:
    stream = stream or sys.stderr
    for issue in issues:
        label = "warning" if issue.warning else "error"
        print(f"kfin-tui: {label}: {issue.path}: {issue.reason}", file=stream)
    errors = sum(1 for i in issues if not i.warning)
    warnings = len(issues) - errors
    if issues:
        print(f"kfin-tui: {errors} {'file' if errors == 1 else 'files'} could not be loaded, "
              f"{warnings} loaded with {'a warning' if warnings == 1 else 'warnings'}", file=stream)


def cmd_list(args) -> int:
    root = Path(args.path) if args.path else bundled_corpus()
    problem = _check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    from .index.walk import early_check

    # a warm index of an unchanged folder answers without building a row (the fast path): its
    # freshness check starts first, in helper processes, while the rest is imported and queried
    early = early_check(root) if root.is_dir() else None

    from .index import Library
    from .index.library import Listing
    from .index.search import matches_category

    library = Library(root)
    listing = None
    if not args.company:
        listing = library.quick_listing(args.keyword, args.category, early,
                                        prepare=(lambda li: li.json_bytes()) if args.json else None)
    elif early:
        early[1].close()
    if listing is None:
        library.load_all()
        hits = library.search(args.keyword or "")
        if args.company:
            hits = _company_hits(library, args.company, hits)
        shown = [r for r in library.rows
                 if matches_category(list(r.categories), args.category) and (hits is None or r.id in hits)]
        listing = Listing.of_rows(shown, library._prefix, len(library.rows))
    try:
        if args.json:
            sys.stdout.flush()
            sys.stdout.buffer.write(listing.prepared if listing.prepared is not None else listing.json_bytes())
        else:
            sys.stdout.write(format_table(listing.table_rows(), listing.total))
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (`kfin-tui list | head`): that is fine; keep Python's own flush at
        # exit from failing again (which would turn the exit code into 120)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    _report_issues(library.issues)
    return EXIT_OK


def _company_hits(library, company: str, hits: set[int] | None) -> set[int]:
    """Articles naming ``company`` (or an alias: 阿里 → 阿里巴巴). Extractions are cached in the
    index: the first time, every article is extracted (progress on stderr when it is a terminal)."""
    from .extract.names import canonical_company

    name = canonical_company(company)
    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if tty and total:
            print(f"\rkfin-tui: extracting {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    library.extract_pending(progress=progress, chunk=64)
    found = library.ids_with_company(name)
    return found if hits is None else found & hits


def format_table(rows: list[tuple[str, str, str, str]], total: int, width: int | None = None) -> str:
    """date · title · source · categories in fixed columns cut to the terminal width (in cells:
    a Chinese character takes two), then ``shown/total``. Rows are (date, title, source, categories)."""
    import shutil

    from rich.cells import cell_len, set_cell_size

    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    date_w, src_w, cat_w = 16, 10, 18
    title_w = width - date_w - src_w - cat_w - 2 * 3
    if title_w < 16:
        title_w, cat_w = title_w + cat_w + 2, 0
    title_w = max(8, title_w)

    def fit(text: str, w: int) -> str:
        n = cell_len(text)
        if n > w:  # cut on a character (a wide one that does not fit leaves a blank: dropped)
            text = set_cell_size(text, w - 1).rstrip() + "…"
            n = cell_len(text)
        return text + " " * (w - n)

    head = [fit("日期", date_w), fit("标题", title_w), fit("来源", src_w)] + ([fit("分类", cat_w)] if cat_w else [])
    lines = ["  ".join(head).rstrip()]
    for date, title, source, cats in rows:
        cells = [fit(date or "—", date_w), fit(title, title_w), fit(source, src_w)]
        if cat_w:
            cells.append(fit(cats, cat_w))
        lines.append("  ".join(cells).rstrip())
    lines.append(f"{len(rows)}/{total}")
    return "\n".join(lines) + "\n"


def cmd_extract(args) -> int:
    from .articles import load_file
    from .articles.discovery import discover
    from .extract import extract_article

    status = EXIT_OK
    results = []
    for raw in args.paths:
        root = Path(raw)
        problem = _check_path(root)
        if problem:
            print(problem, file=sys.stderr)
            status = EXIT_BAD_PATH
            continue
        for path in discover(root):
            article, issue = load_file(path, root if root.is_dir() else None)
            if article is None:
                _report_issues([issue])
                continue
            if issue is not None:
                _report_issues([issue])
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


def cmd_index(args) -> int:
    from .index.build import build_index_cli

    if args.prune:
        from .index.prune import prune_cli

        return prune_cli()

    root = Path(args.path) if args.path else bundled_corpus()
    problem = _check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    return build_index_cli(root)


def cmd_read(args) -> int:
    root = Path(args.path) if args.path else bundled_corpus()
    problem = _check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    from .ui.app import KfinApp

    app = KfinApp(root, keyword=args.keyword or "", category=args.category or "", company=args.company or "")
    app.run()
    return app.return_code or EXIT_OK


def build_parser(sub: str | None) -> argparse.ArgumentParser:
    if sub == "list":
        p = argparse.ArgumentParser(prog="kfin-tui list", description="List articles, newest first.")
        p.add_argument("path", nargs="?", help="folder or file (default: the bundled corpus)")
        p.add_argument("--json", action="store_true", help="one JSON object per line")
        p.add_argument("--category", "-c", help="only articles in this category (exact)")
        p.add_argument("--keyword", "-k", help="terms that must all occur in title or body")
        p.add_argument("--company", help="only articles naming this company (aliases work: 阿里 → 阿里巴巴); "
                                         "the first time, every article is extracted")
        p.set_defaults(func=cmd_list)
    elif sub == "extract":
        p = argparse.ArgumentParser(prog="kfin-tui extract", description="Figures and companies of articles.")
        p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        p.add_argument("--json", action="store_true", help="one JSON object per article and line")
        p.set_defaults(func=cmd_extract)
    elif sub == "index":
        p = argparse.ArgumentParser(prog="kfin-tui index", description="Build or refresh the index of a folder.")
        p.add_argument("path", nargs="?", help="folder (default: the bundled corpus)")
        p.add_argument("--prune", action="store_true",
                       help="instead: remove the indexes of folders that are gone, and outdated ones")
        p.set_defaults(func=cmd_index)
    else:
        p = argparse.ArgumentParser(
            prog="kfin-tui",
            description="A terminal reader for Chinese financial news.",
            epilog="sub-commands: kfin-tui list | extract | index  (kfin-tui list --help …)",
        )
        p.add_argument("path", nargs="?", help="folder of articles (default: the bundled corpus)")
        p.add_argument("--keyword", "-k", help="start with this keyword filter")
        p.add_argument("--category", "-c", help="start with this category filter")
        p.add_argument("--company", help="start with this company filter")
        p.add_argument("--version", action="version", version=f"kfin-tui {__version__}")
        p.set_defaults(func=cmd_read)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    sub = argv[0] if argv and argv[0] in SUBCOMMANDS else None
    if sub:
        argv = argv[1:]
    args = build_parser(None if sub == "read" else sub).parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
