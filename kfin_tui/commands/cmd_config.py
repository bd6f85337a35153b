"""``kfin-tui config``: where the config file is, and whether it is valid."""
from __future__ import annotations

import argparse
import sys

from .common import EXIT_FAILED, EXIT_OK

DESCRIPTION = "Show where the config file is and check it."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--path", action="store_true", help="print the config file's path and exit")


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigError, load_config
    from ..paths import config_file
    from ..sanitize import clean_line

    path = config_file()
    if args.path:
        print(clean_line(str(path)))
        return EXIT_OK
    try:
        config = load_config(path)
    except ConfigError as exc:
        print(clean_line(str(exc)), file=sys.stderr)
        return EXIT_FAILED
    exists = path.exists()
    print(f"config: {clean_line(str(path))}" + ("" if exists else " (missing: defaults in use)"))
    print(f"archive: {clean_line(str(config.archive)) if config.archive else '(the bundled corpus)'}")
    print(f"rsshub: {clean_line(config.rsshub)}")
    print(f"feeds: {len(config.feeds)} ({sum(f.enabled for f in config.feeds)} enabled)")
    print(f"watch: {clean_line(', '.join(config.watch)) if config.watch else '(none)'}")
    return EXIT_OK
