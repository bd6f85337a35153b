"""``kfin-tui state``: the reading state (read/starred marks, where the reader was left) and the
watchlist, from the command line."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_BAD_PATH, EXIT_FAILED, EXIT_OK, check_path

DESCRIPTION = ("The reading state: export/import it (JSON), list unread, starred or watched articles, "
               "mark files, and edit the watchlist.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    s = sub.add_parser("path", help="print where the state database is")
    s = sub.add_parser("export", help="write the state as JSON (to FILE, or stdout)")
    s.add_argument("file", nargs="?", help="output file (default: stdout)")
    s = sub.add_parser("import", help="merge a JSON export into the state (the newer change wins)")
    s.add_argument("file", help="an export ('-': stdin)")
    s = sub.add_parser("list", help="unread, starred or watched articles of a folder, newest first")
    s.add_argument("path", nargs="?", help="archive folder (default: the config's archive, else the bundled corpus)")
    s.add_argument("--unread", action="store_true", help="only articles not read")
    s.add_argument("--starred", action="store_true", help="only starred articles")
    s.add_argument("--watch", action="store_true", help="only articles naming a watched company")
    s.add_argument("--json", action="store_true", help="one JSON object per line (with read and starred)")
    s = sub.add_parser("mark", help="mark files read, unread, starred or not")
    s.add_argument("files", nargs="+", help="article files")
    s.add_argument("--root", help="the archive they belong to (default: each file's folder)")
    g = s.add_mutually_exclusive_group(required=True)
    for flag in ("read", "unread", "star", "unstar"):
        g.add_argument(f"--{flag}", action="store_const", const=flag, dest="how")
    s = sub.add_parser("watch", help="the watchlist: list it, or add/remove a company (name, alias or ticker)")
    s.add_argument("op", nargs="?", choices=("list", "add", "remove"), default="list")
    s.add_argument("names", nargs="*", help="companies")
    s.add_argument("--counts", metavar="PATH", nargs="?", const="", default=None,
                   help="with unread/total article counts in the archive PATH")


def run(args: argparse.Namespace) -> int:
    return int(_ACTIONS[args.action](args))


def _store() -> Any:
    from ..sanitize import clean_line
    from ..state.store import open_state

    store = open_state()
    if store.error:
        print(clean_line(store.error), file=sys.stderr)
    return store


def _path(args: argparse.Namespace) -> int:
    from ..sanitize import clean_line
    from ..state.store import default_path

    print(clean_line(str(default_path())))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from ..state.transfer import export_state

    store = _store()
    text = json.dumps(export_state(store), ensure_ascii=False, indent=1) + "\n"
    if args.file:
        try:
            Path(args.file).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"kfin-tui: state export: cannot write {args.file}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILED
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from ..sanitize import clean_line
    from ..state.transfer import StateImportError, import_state

    try:
        raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(clean_line(f"kfin-tui: state import: cannot read {args.file}: {exc}"), file=sys.stderr)
        return EXIT_BAD_PATH
    try:
        data = json.loads(raw)
    except ValueError as exc:
        print(clean_line(f"kfin-tui: state import: {args.file}: not JSON ({exc})"), file=sys.stderr)
        return EXIT_FAILED
    store = _store()
    try:
        marks, sessions = import_state(store, data)
    except StateImportError as exc:
        print(clean_line(f"kfin-tui: state import: {args.file}: {exc}"), file=sys.stderr)
        return EXIT_FAILED
    print(f"imported {marks} marks, {sessions} sessions (older or equal ones skipped)")
    return EXIT_FAILED if store.error else EXIT_OK


def _open_library(path: str | None) -> tuple[Any, int]:
    from ..sanitize import clean_line
    from .cmd_company import archive_root

    root, error = archive_root(path)
    if root is None:
        print(clean_line(error or "kfin-tui: no archive"), file=sys.stderr)
        return None, EXIT_FAILED
    problem = check_path(root)
    if problem:
        print(clean_line(problem), file=sys.stderr)
        return None, EXIT_BAD_PATH
    from ..index import Library

    return Library(root).load_all(), EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from ..state.reading import ArchiveState

    library, code = _open_library(args.path)
    if library is None:
        return code
    store = _store()
    try:
        state = ArchiveState(library, store)
        state.refresh()
        keep = {r.id for r in library.rows}
        if args.unread:
            keep &= state.unread_ids()
        if args.starred:
            keep &= state.starred_ids()
        partial = ""
        if args.watch:
            from ..state import archive
            from ..state.watchlist import watched_ids
            from .cmd_company import extract_with_progress

            extract_with_progress(library)
            keep &= watched_ids(library)
            done, total = archive.extraction_progress(library)
            if done < total:
                partial = f"kfin-tui: partial: {done}/{total} articles extracted"
        read, starred = state.read_ids(), state.starred_ids()
        shown = [r for r in library.rows if r.id in keep]
        if args.json:
            from ..listing import meta_json

            out = []
            from ..sanitize import json_line

            for r in shown:
                obj = meta_json(r.path, r.title, r.date, r.source, r.author, r.categories, r.tickers, r.format)
                obj["read"], obj["starred"] = r.id in read, r.id in starred
                out.append(json_line(obj))
            sys.stdout.write("".join(line + "\n" for line in out))
        else:
            from ..dates import format_date
            from ..sanitize import clean_line
            from .cmd_list import format_table, format_tsv

            # as `kfin-tui list` writes them: Beijing time; a table on a terminal, whole
            # tab-separated lines into a pipe (the count on stderr)
            rows = [(format_date(r.date),
                     clean_line(("★ " if r.id in starred else "") + ("" if r.id in read else "● ") + r.title),
                     clean_line(r.source), clean_line(" / ".join(r.categories))) for r in shown]
            if sys.stdout.isatty():
                sys.stdout.write(format_table(rows, len(library.rows)))
            else:
                sys.stdout.write(format_tsv(rows))
                sys.stdout.flush()
                print(f"{len(rows)}/{len(library.rows)}", file=sys.stderr)
        if partial:
            print(partial, file=sys.stderr)
        state.close()
    finally:
        library.close()
    return EXIT_OK


def _mark(args: argparse.Namespace) -> int:
    from ..sanitize import clean_line
    from ..state.identity import identity_of_file
    from ..state.store import root_key

    store = _store()
    code = EXIT_OK
    for f in args.files:
        path = Path(f)
        root = Path(args.root) if args.root else path.parent
        ident = identity_of_file(path.resolve(), root.resolve())
        if ident is None or not path.is_file():
            print(clean_line(f"kfin-tui: state mark: cannot read {f}"), file=sys.stderr)
            code = EXIT_BAD_PATH
            continue
        rk = root_key(root)
        if args.how in ("read", "unread"):
            store.set_read(ident, args.how == "read", rk)
        else:
            store.set_starred(ident, args.how == "star", rk)
    return EXIT_FAILED if store.error and code == EXIT_OK else code


def _watch(args: argparse.Namespace) -> int:
    from ..config import ConfigError, load_config
    from ..sanitize import clean_line
    from ..state import watchlist

    try:
        if args.op in ("add", "remove"):
            if not args.names:
                print(f"kfin-tui: state watch {args.op}: name at least one company", file=sys.stderr)
                return EXIT_BAD_PATH
            for name in args.names:
                if args.op == "add":
                    info = watchlist.resolve(name)
                    watchlist.add(name)
                    note = "" if info.known else " (not in the dictionary: matched as written)"
                    print(clean_line(f"watching {info.name}{note}"))
                else:
                    gone = watchlist.remove(name)
                    print(clean_line(f"{'removed' if gone else 'not watched'}: {watchlist.resolve(name).name}"))
            return EXIT_OK
        names = watchlist.watched(load_config())
    except ConfigError as exc:
        print(clean_line(str(exc)), file=sys.stderr)
        return EXIT_FAILED
    if args.counts is None:
        for name in names:
            print(clean_line(name))
        return EXIT_OK
    library, code = _open_library(args.counts or None)
    if library is None:
        return code
    from ..state import archive
    from ..state.reading import ArchiveState
    from .cmd_company import extract_with_progress

    store = _store()
    try:
        extract_with_progress(library)
        state = ArchiveState(library, store)
        state.refresh()
        for c in watchlist.unread_counts(library, state, names=names):
            print(f"{clean_line(c.name)}\t{c.unread}/{c.total}")
        done, total = archive.extraction_progress(library)
        if done < total:
            print(f"kfin-tui: partial: {done}/{total} articles extracted", file=sys.stderr)
        state.close()
    finally:
        library.close()
    return EXIT_OK


_ACTIONS = {"path": _path, "export": _export, "import": _import, "list": _list, "mark": _mark, "watch": _watch}
