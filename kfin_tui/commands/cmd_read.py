"""``kfin-tui [PATH]``: the reader."""
from __future__ import annotations

import argparse
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
    global closed
    closed = True
    return app.return_code or EXIT_OK


# set once the reader has run and closed everything: the console script may then end the process
# with common.exit_now (never an in-process caller of cli.main, such as a test)
closed = False
