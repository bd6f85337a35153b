"""``kfin-tui list``: the articles, newest first, as a table or JSON lines."""
from __future__ import annotations

import argparse
import sys
from operator import itemgetter

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
    made: _EarlyLines | None = None
    if not by_state:
        listing = library.quick_listing(filters, early, prepare=(lambda li: li.json_bytes()) if args.json else None)
    elif early is not None:
        early[1].close()
    if listing is None:
        # a cold (or changed) folder: the metadata pass lists every row; the bodies are read only
        # when the output needs them — a keyword (search), --json (the tickers), a company or the
        # watch list (extraction), --unread/--starred (the reading state's identities)
        tty = sys.stdout.isatty()
        if not args.json:
            table: TableLines | TsvLines
            if tty:
                # the table's header at once (a terminal sees the command answer); its rows need
                # every date first (newest first)
                table = TableLines()
                sys.stdout.write(table.header())
                sys.stdout.flush()
                header_written = True
            else:
                table = TsvLines()
            if not (filters.keyword.strip() or filters.company.strip() or by_state):
                # the lines are made batch by batch while the workers read; put in order at the end
                made = _EarlyLines(table, filters)
                library.on_stored = made.add
        bodies = bool(args.json or filters.keyword.strip() or filters.company.strip() or by_state)
        # the texts are read with the companies only when this output needs them (~1 ms per file)
        library.companies_with_texts = bool(filters.company.strip() or args.watch)
        # an output that needs the texts reads each file once, in full (no metadata pass first)
        library.list_first = not bodies
        for _ in library.load(live=False):  # (every row before the first is written: newest first)
            pass
        library.on_stored = None
        if bodies:
            for _ in library.complete():  # (the texts of files a metadata pass listed: a changed folder)
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
        elif made is not None and (lines := made.lines_of(listing)) is not None:
            if not header_written:  # a pipe or a file: whole lines, tab-separated; the count is not data
                sys.stdout.write("".join(lines))
                sys.stdout.flush()
                print(f"{len(listing.picked)}/{listing.total}", file=sys.stderr)
            else:
                sys.stdout.write("".join(lines) + f"{len(listing.picked)}/{listing.total}\n")
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
    global closed
    # the index closed now (not when the rows are freed): the console script may end the process
    # without the interpreter's teardown (an index build still running in a thread is left to it)
    closed = library.close(timeout=0.0)
    return EXIT_OK


# set once run() has closed the index: the console script may then end the process with
# common.exit_now (never an in-process caller of cli.main, such as a test)
closed = False


_LINE = itemgetter(1)


class _EarlyLines:
    """The output lines of rows as a cold load stores them (``Library.on_stored``), made while the
    workers are still reading; :meth:`lines_of` puts them in the listing's order at the end. A row
    replaced after its line was made (another row object for the same file) is made again then."""

    def __init__(self, table: TableLines | TsvLines, filters) -> None:
        from ..index.quicklist import table_cells

        self.table, self.filters, self.cells = table, filters, table_cells
        self.made: dict[int, tuple[object, str]] = {}  # id(row) -> (row, its line)

    def add(self, rows: list) -> None:
        category = self.filters.category
        if category:
            rows = [r for r in rows if self.filters.category_ok(r.categories)]
        for row, line in zip(rows, self.table.lines(self.cells(rows))):
            self.made[id(row)] = (row, line)

    def lines_of(self, listing) -> list[str] | None:
        """The lines of the listing's rows, in its order; None when it holds no rows (a listing
        straight from the index)."""
        rows = listing.picked_rows()
        if rows is None:
            return None
        # keyed by the row object's identity: the row is held here, so no other row has its id()
        got = list(map(self.made.get, map(id, rows)))
        if None not in got:
            return list(map(_LINE, got))  # type: ignore[arg-type]
        missing = [k for k, g in enumerate(got) if g is None]
        fresh = self.table.lines(self.cells([rows[k] for k in missing]))
        out = [g[1] if g is not None else "" for g in got]
        for k, line in zip(missing, fresh):
            out[k] = line
        return out


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
    return "".join(TsvLines().lines(rows))


def format_table(rows: list[tuple[str, str, str, str]], total: int, width: int | None = None) -> str:
    """date · title · source · categories in fixed columns cut to the terminal width (in cells:
    a Chinese character takes two), then ``shown/total``. Rows are (date, title, source, categories);
    every cell goes through :func:`~kfin_tui.sanitize.clean_line` (inert on a terminal)."""
    table = TableLines(width)
    return table.header() + "".join(table.lines(rows)) + f"{len(rows)}/{total}\n"


class TsvLines:
    """The lines of :func:`format_tsv`, made batch by batch (each ends with a newline)."""

    def lines(self, rows: list[tuple[str, str, str, str]]) -> list[str]:
        if not rows:
            return []
        if _all_clean(rows):
            return [line + "\n" for line in map("\t".join, rows)]
        return ["\t".join(clean_line(cell or "") for cell in row) + "\n" for row in rows]


class TableLines:
    """The lines of :func:`format_table`, made batch by batch (each ends with a newline): a cold
    ``kfin-tui list`` makes them while the workers still read (every row's date is needed before
    the first line is written: newest first), and only puts them in order at the end."""

    DATE_W, SRC_W = 16, 10

    def __init__(self, width: int | None = None) -> None:
        import shutil

        if width is None:
            width = shutil.get_terminal_size((80, 24)).columns
        self.cat_w = 18
        title_w = width - self.DATE_W - self.SRC_W - self.cat_w - 2 * 3
        if title_w < 16:
            title_w, self.cat_w = title_w + self.cat_w + 2, 0
        self.title_w = max(8, title_w)
        self._char_cells: dict[str, int] = {}
        self._fitted: dict[tuple[str, int], str] = {}  # sources and categories repeat: each fitted once

    def _cells(self, text: str) -> int:
        """``rich.cells.cell_len`` of a cleaned cell, with each character's width looked up once."""
        from rich.cells import cell_len, get_character_cell_size

        if text.isascii():
            return len(text)  # (cleaned: printable ASCII, one cell each)
        if "\u200d" in text or "\ufe0f" in text:
            return cell_len(text)  # (sequences Rich measures as a whole; the cleaner drops these)
        char_cells = self._char_cells
        try:
            return sum(map(char_cells.__getitem__, text))
        except KeyError:
            for c in text:
                if c not in char_cells:
                    char_cells[c] = get_character_cell_size(c)
            return sum(map(char_cells.__getitem__, text))

    def _fit(self, text: str, w: int, clean) -> str:
        from rich.cells import cell_len, set_cell_size

        text = clean(text)
        n = self._cells(text)
        if n > w:  # cut on a character (a wide one that does not fit leaves a blank: dropped)
            text = set_cell_size(text, w - 1).rstrip() + "…"
            n = cell_len(text)
        return text + " " * (w - n)

    def _fit_again(self, text: str, w: int, clean) -> str:
        fitted = self._fitted
        got = fitted.get((text, w))
        if got is None:
            got = self._fit(text, w, clean)
            if len(fitted) < 50_000:
                fitted[text, w] = got
        return got

    def header(self) -> str:
        fit, ident = self._fit, _same
        head = [fit("日期", self.DATE_W, ident), fit("标题", self.title_w, ident), fit("来源", self.SRC_W, ident)]
        if self.cat_w:
            head.append(fit("分类", self.cat_w, ident))
        return "  ".join(head).rstrip() + "\n"

    def lines(self, rows: list[tuple[str, str, str, str]]) -> list[str]:
        """The table lines of these rows (each cell cleaned, unless the whole batch is clean)."""
        all_clean = _all_clean(rows)
        clean = _same if all_clean else clean_line
        fit, fit_again, cells = self._fit, self._fit_again, self._cells
        date_w, title_w, src_w, cat_w = self.DATE_W, self.title_w, self.SRC_W, self.cat_w
        wide = self._char_cells
        width_of = wide.__getitem__
        out: list[str] = []
        add = out.append
        for date, title, source, cats in rows:
            # a date as format_date writes it fills its column exactly: nothing to cut or pad
            d = date if all_clean and len(date) == date_w and date.isascii() else fit(date or "—", date_w, clean)
            t = clean(title)
            if t.isascii():
                n = len(t)
            else:
                try:  # (the common case of _cells, inline: every character's width known)
                    n = sum(map(width_of, t)) if "\u200d" not in t and "\ufe0f" not in t else cells(t)
                except KeyError:
                    n = cells(t)
            if n > title_w:
                t = fit(t, title_w, _same)
            else:
                t += " " * (title_w - n)
            if cat_w:
                line = f"{d}  {t}  {fit_again(source, src_w, clean)}  {fit_again(cats, cat_w, clean)}"
            else:
                line = f"{d}  {t}  {fit_again(source, src_w, clean)}"
            add(line.rstrip() + "\n")
        return out


def _same(text: str) -> str:
    return text
