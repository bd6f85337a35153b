"""``kfin-tui [PATH]``: the reader."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import bundled_corpus
from .common import EXIT_BAD_PATH, EXIT_OK, check_path

DESCRIPTION = "A terminal reader for Chinese financial news."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", help="folder of articles (default: the bundled corpus)")
    p.add_argument("--keyword", "-k", help="start with this keyword filter")
    p.add_argument("--category", "-c", help="start with this category filter")
    p.add_argument("--company", help="start with this company filter")


def run(args: argparse.Namespace) -> int:
    root = Path(args.path) if args.path else bundled_corpus()
    problem = check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    from ..ui.app import KfinApp

    app = KfinApp(root, keyword=args.keyword or "", category=args.category or "", company=args.company or "")
    app.run()
    return app.return_code or EXIT_OK
