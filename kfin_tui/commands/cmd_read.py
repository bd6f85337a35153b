"""``kfin-tui [PATH]``: the reader."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Config, ConfigError, load_config
from ..paths import bundled_corpus
from ..sanitize import clean_line
from .common import EXIT_BAD_PATH, EXIT_OK, check_path

DESCRIPTION = "A terminal reader for Chinese financial news."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", help="folder of articles (default: the config's `archive`, "
                   "else the bundled corpus)")
    p.add_argument("--keyword", "-k", help="start with this keyword filter")
    p.add_argument("--category", "-c", help="start with this category filter")
    p.add_argument("--company", help="start with this company filter")


def default_root(config: Config | None) -> tuple[Path, str | None]:
    """The folder the reader opens without a PATH: the config's ``archive``, else the bundled
    corpus; and why it cannot (an archive that fetch has not made yet), or None."""
    if config is None or config.archive is None:
        return bundled_corpus(), None
    archive = Path(config.archive).expanduser()
    if not archive.exists():
        return archive, (f"kfin-tui: the archive folder {clean_line(str(archive))} (the config's `archive`) "
                         "does not exist yet: run `kfin-tui fetch` first, or give a PATH")
    return archive, None


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
    return app.return_code or EXIT_OK
