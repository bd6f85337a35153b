"""``kfin-tui list``: the articles, newest first, as a table or JSON lines."""
from __future__ import annotations

import argparse
import sys

from ..sanitize import clean_line
from .common import EXIT_BAD_PATH, EXIT_OK, check_path, report_issues, root_of

EXIT_BAD_FILTER = 2  # an unknown category or company (with the nearest names on stderr)

DESCRIPTION = "List articles, newest first."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", help="folder or file (default: the config's archive, else the bundled corpus)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--category", "-c", help="only articles in this category: a name (深度) or a path "
                                            "(财联社/深度, '金融 / 财联社 / 深度')")
    p.add_argument("--keyword", "-k", help="terms that must all occur in title or body; a stock code (300750, "
                                           "SZ:300750, 00700.HK, AAPL) or pinyin initials (ndsd) find the company")
    p.add_argument("--company", help="only articles naming this company: a name or alias (阿里 → 阿里巴巴), a "
                                     "stock code (300750, AAPL), pinyin initials (ndsd); the first time, every "
                                     "article is extracted")
    p.add_argument("--unread", action="store_true", help="only articles not read yet (the reading state)")
    p.add_argument("--starred", action="store_true", help="only starred articles")
    p.add_argument("--watch", action="store_true", help="only articles naming a watched company (config `watch`)")


def run(args: argparse.Namespace) -> int:
    root, problem = root_of(args.path)
    problem = problem or check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    from ..index.walk import early_check

    # a warm index of an unchanged folder answers without building a row (the fast path): its
    # freshness check starts first, in helper processes, while the rest is imported and queried
    early = early_check(root) if root.is_dir() else None

    from ..filters import Filters
    from ..index import Library

    filters = Filters(keyword=args.keyword or "", category=args.category or "", company=args.company or "")
    library = Library(root)
    by_state = args.unread or args.starred or args.watch
    listing = None
    header_written = False
    if not by_state:
        listing = library.quick_listing(filters, early, prepare=(lambda li: li.json_bytes()) if args.json else None)
    elif early is not None:
        early[1].close()
    if listing is None:
        # a cold (or changed) folder: the metadata pass lists every row; the bodies are read only
        # when the output needs them — a keyword (search), --json (the tickers), a company or the
        # watch list (extraction), --unread/--starred (the reading state's identities)
        if not args.json and sys.stdout.isatty():
            # the table's header at once (a terminal sees the command answer); its rows need
            # every date first (newest first)
            sys.stdout.write(format_table([], 0).split("\n", 1)[0] + "\n")
            sys.stdout.flush()
            header_written = True
        for _ in library.load(live=False):  # (every row before the first is written: newest first)
            pass
        if args.json or filters.keyword.strip() or filters.company.strip() or by_state:
            # the body pass finds companies only when this output needs them (~1 ms per file)
            library.companies_with_texts = bool(filters.company.strip() or args.watch)
            for _ in library.complete():
                pass
        if filters.company.strip() or args.watch:
            _extract_all(library)
        if by_state:
            filters = Filters(keyword=filters.keyword, category=filters.category, company=filters.company,
                              ids=frozenset(_state_ids(library, args)))
        listing = library.listing(library.select(filters))
    if not listing.picked and (filters.category or filters.company.strip()):
        unknown = _unknown_filter(library, filters)
        if unknown:  # a typo is not "no articles": say so, with the nearest names, and exit 2
            print(f"kfin-tui: list: {clean_line(unknown)}", file=sys.stderr)
            report_issues(library.issues)
            return EXIT_BAD_FILTER
    try:
        if args.json:
            sys.stdout.flush()
            sys.stdout.buffer.write(listing.prepared if listing.prepared is not None else listing.json_bytes())
        elif sys.stdout.isatty():
            text = format_table(listing.table_rows(), listing.total)
            if header_written:
                text = text.split("\n", 1)[1]
            sys.stdout.write(text)
        else:  # a pipe or a file: whole lines, tab-separated; the count is not data
            sys.stdout.write(format_tsv(listing.table_rows()))
            sys.stdout.flush()
            print(f"{len(listing.picked)}/{listing.total}", file=sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (`kfin-tui list | head`): that is fine; keep Python's own flush at
        # exit from failing again (which would turn the exit code into 120)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    report_issues(library.issues)
    from ..index.problems import summary

    degraded = summary(library.problems)
    if degraded:
        print(f"kfin-tui: warning: {clean_line(degraded)}", file=sys.stderr)
    return EXIT_OK


def _unknown_filter(library, filters) -> str | None:
    """What is wrong when the category or company of ``filters`` names nothing in the folder (a
    message with the nearest names), else None (the filters are fine, just nothing matches)."""
    from ..filters import category_matches
    from ..query import company_candidates, nearest

    if not library.rows:
        library.load_all()
    rows = list(library.rows)
    cat = filters.category
    if cat and not any(category_matches(r.categories, cat) for r in rows):
        names = {c for r in rows for c in r.categories} | {"/".join(r.categories) for r in rows if r.categories}
        near = nearest(cat, names)
        return f"no category {cat!r} in this folder" + (f"; nearest: {', '.join(near)}" if near else "")
    company = filters.company.strip()
    if company:
        found = company_candidates(company)
        if len(found) > 1:
            return f"{company!r} could be {', '.join(found)}: say which"
        if not found:
            from ..extract.names import canonical_company

            known = dict(library.company_names())
            if canonical_company(company) not in known:
                near = nearest(company, known)
                return f"no company {company!r} is known or named in this folder" + (
                    f"; nearest: {', '.join(near)}" if near else "")
    return None


def _state_ids(library, args: argparse.Namespace) -> set[int]:
    """The rows kept by --unread / --starred / --watch (each narrows the others)."""
    keep = {r.id for r in library.rows}
    if args.unread or args.starred:
        from ..state.reading import starred_ids, unread_ids
        from ..state.store import open_state

        store = open_state()
        try:
            if store.error:
                print(f"kfin-tui: warning: {clean_line(store.error)}", file=sys.stderr)
            if args.unread:
                keep &= unread_ids(library, store)
            if args.starred:
                keep &= starred_ids(library, store)
        finally:
            store.close()
    if args.watch:
        from ..config import ConfigError
        from ..state.watchlist import watched_ids

        try:
            keep &= watched_ids(library)
        except ConfigError as exc:
            print(clean_line(str(exc)), file=sys.stderr)
            keep = set()
    return keep


def _extract_all(library) -> None:
    """Extract the articles not extracted yet, for a company filter. Extractions are cached in the
    index: only the first time is every article extracted (progress on stderr when a terminal)."""
    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if tty and total:
            print(f"\rkfin-tui: extracting {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    library.extract_pending(progress=progress, chunk=64)


def _all_clean(rows: list[tuple]) -> bool:
    """Whether :func:`~kfin_tui.sanitize.clean_line` leaves every cell of ``rows`` as it is (the
    common case, checked in one pass over all of them): then the cells need no cleaning one by one.
    The cells are joined by newlines, which no combining mark may follow: a cell starting with one
    makes the whole check fail, as a tab or newline inside a cell does."""
    from itertools import chain

    from ..sanitize import is_clean

    cells = list(chain.from_iterable(rows))
    if not all(type(c) is str for c in cells):
        return False
    blob = "\n".join(cells)
    return "\t" not in blob and blob.count("\n") == len(cells) - 1 and is_clean(blob)


def format_tsv(rows: list[tuple[str, str, str, str]]) -> str:
    """date, title, source, categories: one line per row, tab-separated, nothing cut (for a pipe).
    Every cell through :func:`~kfin_tui.sanitize.clean_line` (no tab, newline or control survives)."""
    if not rows:
        return ""
    if _all_clean(rows):
        return "\n".join(map("\t".join, rows)) + "\n"
    return "".join("\t".join(clean_line(cell or "") for cell in row) + "\n" for row in rows)


def format_table(rows: list[tuple[str, str, str, str]], total: int, width: int | None = None) -> str:
    """date · title · source · categories in fixed columns cut to the terminal width (in cells:
    a Chinese character takes two), then ``shown/total``. Rows are (date, title, source, categories);
    every cell goes through :func:`~kfin_tui.sanitize.clean_line` (inert on a terminal)."""
    import shutil

    from rich.cells import cell_len, get_character_cell_size, set_cell_size

    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    date_w, src_w, cat_w = 16, 10, 18
    title_w = width - date_w - src_w - cat_w - 2 * 3
    if title_w < 16:
        title_w, cat_w = title_w + cat_w + 2, 0
    title_w = max(8, title_w)
    clean = (lambda text: text) if _all_clean(rows) else clean_line
    char_cells: dict[str, int] = {}

    def cells(text: str) -> int:
        """``rich.cells.cell_len`` of a cleaned cell, with each character's width looked up once."""
        if text.isascii():
            return len(text)  # (cleaned: printable ASCII, one cell each)
        if "\u200d" in text or "\ufe0f" in text:
            return cell_len(text)  # (sequences Rich measures as a whole; the cleaner drops these)
        try:
            return sum(map(char_cells.__getitem__, text))
        except KeyError:
            for c in text:
                if c not in char_cells:
                    char_cells[c] = get_character_cell_size(c)
            return sum(map(char_cells.__getitem__, text))

    def fit(text: str, w: int) -> str:
        text = clean(text)
        n = cells(text)
        if n > w:  # cut on a character (a wide one that does not fit leaves a blank: dropped)
            text = set_cell_size(text, w - 1).rstrip() + "…"
            n = cell_len(text)
        return text + " " * (w - n)

    fitted: dict[tuple[str, int], str] = {}  # sources and categories repeat: each fitted once

    def fit_again(text: str, w: int) -> str:
        got = fitted.get((text, w))
        if got is None:
            got = fit(text, w)
            if len(fitted) < 50_000:
                fitted[text, w] = got
        return got

    head = [fit("日期", date_w), fit("标题", title_w), fit("来源", src_w)] + ([fit("分类", cat_w)] if cat_w else [])
    lines = ["  ".join(head).rstrip()]
    add = lines.append
    for date, title, source, cats in rows:
        if cat_w:
            line = (f"{fit(date or '—', date_w)}  {fit(title, title_w)}  {fit_again(source, src_w)}  "
                    f"{fit_again(cats, cat_w)}")
        else:
            line = f"{fit(date or '—', date_w)}  {fit(title, title_w)}  {fit_again(source, src_w)}"
        add(line.rstrip())
    lines.append(f"{len(rows)}/{total}")
    return "\n".join(lines) + "\n"
