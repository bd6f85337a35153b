"""``kfin-tui index``: build or refresh the persistent index; ``--prune`` drops gone folders'."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .common import EXIT_BAD_PATH, EXIT_OK, check_path, root_of

DESCRIPTION = "Build or refresh the index of a folder."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", help="folder (default: the config's archive, else the bundled corpus)")
    p.add_argument("--prune", action="store_true",
                   help="instead: remove the indexes of folders that are gone, and outdated ones")


def run(args: argparse.Namespace) -> int:
    if args.prune:
        return prune()
    root, problem = root_of(args.path)
    problem = problem or check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    return build(root)


def build(root: Path) -> int:
    """Build or refresh the index of ``root`` with a progress bar on stderr (the library reports
    :class:`~kfin_tui.index.progress.Progress`; the bar is drawn here)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as Bar

    from ..index import Library
    from ..index.problems import summary
    from ..index.progress import Phase, Progress
    from ..index.walk import walk

    console = Console(stderr=True)
    start = time.perf_counter()
    library = Library(root)
    library.list_first = False  # nobody looks at rows before the texts: each file read once, with its companies
    if not library.indexed:
        why = summary(library.problems) or "not a folder"
        console.print(f"kfin-tui: the index cannot be used ({escape(why)}); reading in memory only",
                      style="yellow", markup=True, highlight=False)
    total = sum(1 for _ in walk(Path(root), stat=False))
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Bar(*columns, console=console, transient=False) as bar:
        tasks: dict[Phase, TaskID] = {}
        labels = {Phase.LISTING: "reading", Phase.TEXTS: "reading texts", Phase.SEARCH_INDEX: "building the search index",
                  Phase.EXTRACTING: "finding companies"}

        def show(p: Progress) -> None:
            if p.phase not in tasks:
                tasks[p.phase] = bar.add_task(labels.get(p.phase, p.phase.value),
                                              total=total if p.phase is Phase.LISTING else p.total)
            if p.phase is Phase.LISTING:  # rows listed + files that could not be: every file walked
                bar.update(tasks[p.phase], completed=min(p.done + len(library.issues), total))
            else:
                bar.update(tasks[p.phase], completed=p.done, total=p.total)

        for _ in library.load(report=show):
            pass
        if Phase.LISTING in tasks:
            bar.update(tasks[Phase.LISTING], completed=total)
        for _ in library.complete(report=show):  # a cold build lists from metadata first, then reads texts
            pass
        library.wait_index(report=show)
        library.extract_pending(report=show)  # the companies of every article (worker processes)
    library.compact()  # without the build's slack (a fifth of the file at 100k); skipped when busy
    seconds = time.perf_counter() - start
    errors = sum(1 for i in library.issues if not i.warning)
    warnings = len(library.issues) - errors
    where = library.index_path if library.indexed else "memory"
    print(f"{len(library.rows)} articles, {errors} {'issue' if errors == 1 else 'issues'} (files not loaded), "
          f"{warnings} {'warning' if warnings == 1 else 'warnings'}, {seconds:.2f} s — index: {where}")
    for problem in library.problems:
        print(f"kfin-tui: warning: index {problem}", file=sys.stderr)
    library.close()
    return EXIT_OK


def prune() -> int:
    """``kfin-tui index --prune``: remove the indexes of gone folders and outdated layouts."""
    from ..index.prune import remove, size_of, stale_indexes

    stale = stale_indexes()
    freed = 0
    for db, reason in stale:
        size = size_of(db)
        try:
            remove(db)
        except OSError as exc:
            print(f"kfin-tui: cannot remove {db}: {exc}")
            continue
        freed += size
        print(f"removed {db.name} ({size / 1e6:,.1f} MB): {reason}")
    print(f"{len(stale)} {'index' if len(stale) == 1 else 'indexes'} removed, {freed / 1e6:,.1f} MB freed")
    return EXIT_OK
