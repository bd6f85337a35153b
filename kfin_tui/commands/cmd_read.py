"""``kfin-tui [PATH]``: the reader."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..config import Config, ConfigError, load_config
from .common import EXIT_BAD_PATH, EXIT_OK, check_path, default_root

DESCRIPTION = "A terminal reader for Chinese financial news."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", help="folder of articles (default: the config's `archive`, "
                   "else the bundled corpus)")
    p.add_argument("--keyword", "-k", help="start with this keyword filter")
    p.add_argument("--category", "-c", help="start with this category filter")
    p.add_argument("--company", help="start with this company filter")


def run(args: argparse.Namespace) -> int:
    config: Config | None = None
    try:
        config = load_config()
    except ConfigError:
        pass  # the reader says why, once, and uses the defaults
    if args.path:
        root, problem = Path(args.path), None
    else:
        root, problem = default_root(config)
    problem = problem or check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    from ..ui.app import KfinApp

    app = KfinApp(root, keyword=args.keyword or "", category=args.category or "", company=args.company or "",
                  config=config)
    app.run()
    global reader_closed
    reader_closed = True
    return app.return_code or EXIT_OK


# set once the reader has run and closed everything: the console script may then end the process
# with exit_now (never an in-process caller of cli.main, such as a test)
reader_closed = False


def exit_now(code: int) -> None:
    """End the process without the interpreter's teardown (called by ``cli.script`` after the
    reader). By now the reader has closed the index and the reading state and restored the
    terminal; what is left is freeing every object one by one (the rows, jieba's and the company
    dictionaries, Textual's widgets), which kept the shell waiting 0.5–0.7 s after ``q`` on the
    bundled corpus, and longer on a big archive. Atexit handlers still run (none of ours needs
    them; a library's may), then standard streams are flushed. The child processes (body pass,
    big-article parser, walk) read their stdin and end at its EOF, which the kernel delivers when
    this process is gone."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
