"""``kfin-tui index``: build or refresh the persistent index; ``--prune`` drops gone folders'."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import bundled_corpus
from .common import EXIT_BAD_PATH, check_path

DESCRIPTION = "Build or refresh the index of a folder."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", help="folder (default: the bundled corpus)")
    p.add_argument("--prune", action="store_true",
                   help="instead: remove the indexes of folders that are gone, and outdated ones")


def run(args: argparse.Namespace) -> int:
    from ..index.build import build_index_cli

    if args.prune:
        from ..index.prune import prune_cli

        return prune_cli()

    root = Path(args.path) if args.path else bundled_corpus()
    problem = check_path(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_PATH
    return build_index_cli(root)
