"""``kfin-tui index PATH``: build or refresh the persistent index of a folder, with a progress bar."""
from __future__ import annotations

import sys
import time
from pathlib import Path

EXIT_OK, EXIT_FAIL = 0, 1


def build_index_cli(root: Path) -> int:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from .library import Library
    from .walk import walk

    console = Console(stderr=True)
    start = time.perf_counter()
    library = Library(root)
    if library.store_error or not library.indexed:
        console.print(f"kfin-tui: the index cannot be used ({library.store_error or 'not a folder'}); "
                      "reading in memory only", style="yellow")
    total = sum(1 for _ in walk(Path(root), stat=False))
    with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=False) as bar:
        task = bar.add_task("listing", total=total)

        def progress(n: int) -> None:
            bar.update(task, completed=min(n + len(library.issues), total))

        for _ in library.load(progress=progress):
            pass
        bar.update(task, completed=total)
        if library.bodies_pending:  # a cold build lists from metadata first, then reads the texts
            body_task = bar.add_task("reading texts", total=None)

            def body_progress(done: int, of: int) -> None:
                bar.update(body_task, completed=done, total=of)

            for _ in library.complete(progress=body_progress):
                pass
    if not library.wait_index(0):
        with Progress(SpinnerColumn(), TextColumn("[bold]building the search index"), TimeElapsedColumn(),
                      console=console, transient=False) as bar:
            bar.add_task("fts", total=None)
            library.wait_index()
    seconds = time.perf_counter() - start
    errors = sum(1 for i in library.issues if not i.warning)
    warnings = len(library.issues) - errors
    where = library._store.path if library.indexed else "memory"
    print(f"{library.count()} articles, {errors} {'issue' if errors == 1 else 'issues'} (files not loaded), "
          f"{warnings} {'warning' if warnings == 1 else 'warnings'}, {seconds:.2f} s — index: {where}", file=sys.stdout)
    if library.store_error:
        print(f"kfin-tui: warning: {library.store_error}", file=sys.stderr)
    library.close()
    return EXIT_OK
