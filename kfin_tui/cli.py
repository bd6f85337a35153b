"""The command line: ``kfin-tui [PATH]`` opens the reader; sub-commands live in ``kfin_tui.commands``,
one module each (``DESCRIPTION``, ``add_arguments(parser)``, ``run(args) -> int``), imported only
when used so that ``kfin-tui list`` starts its freshness check before anything heavy is loaded."""
from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `from typing import …`: `kfin-tui list` starts its check before typing loads
if TYPE_CHECKING:
    import argparse
    from types import ModuleType

# name → module under kfin_tui.commands; ``read`` is the reader (the default command)
COMMANDS: dict[str, str] = {
    "read": "cmd_read",
    "list": "cmd_list",
    "extract": "cmd_extract",
    "index": "cmd_index",
    "fetch": "cmd_fetch",
    "feeds": "cmd_feeds",
    "config": "cmd_config",
    "company": "cmd_company",
    "state": "cmd_state",
}


def available_commands() -> list[str]:
    import importlib.util

    return [name for name, mod in COMMANDS.items()
            if importlib.util.find_spec(f"{__package__}.commands.{mod}") is not None]


def _module(name: str) -> ModuleType:
    import importlib

    return importlib.import_module(f"{__package__}.commands.{COMMANDS[name]}")


def build_parser(sub: str | None) -> argparse.ArgumentParser:
    import argparse

    from . import __version__

    if sub and sub != "read":
        mod = _module(sub)
        p = argparse.ArgumentParser(prog=f"kfin-tui {sub}", description=mod.DESCRIPTION)
    else:
        mod = _module("read")
        subs = " | ".join(n for n in available_commands() if n != "read")
        p = argparse.ArgumentParser(prog="kfin-tui", description=mod.DESCRIPTION,
                                    epilog=f"sub-commands: kfin-tui {subs}  (kfin-tui list --help …)")
        p.add_argument("--version", action="version", version=f"kfin-tui {__version__} ({_build()})")
    mod.add_arguments(p)
    p.set_defaults(func=mod.run)
    return p


def _build() -> str:
    """Which build is installed: the companies pass compiled at install (hatch_build.py) or pure Python (an
    editable install, KFIN_TUI_PURE=1, or a machine the compiler failed on). Looked up by file, not imported."""
    from pathlib import Path

    extract = Path(__file__).resolve().parent / "extract"
    compiled = any(extract.glob("companies.*.so")) or any(extract.glob("companies.*.pyd"))
    return "companies pass compiled" if compiled else "pure Python"


def _looks_like_command(word: str) -> str | None:
    """``kfin-tui lsit`` is a typo for ``list`` when no such file exists: the closest command."""
    import difflib
    from pathlib import Path

    if not word or word.startswith("-") or "/" in word or Path(word).exists():
        return None
    close = difflib.get_close_matches(word, available_commands(), n=1, cutoff=0.6)
    return close[0] if close else None


# ``kfin-tui list`` options read before argparse (see _early_list_check): these take a value, these do not
_LIST_VALUE_OPTIONS = frozenset(("--keyword", "-k", "--category", "-c"))
_LIST_FLAGS = frozenset(("--json",))


def _early_list_check(args: list[str]) -> bool:
    """``kfin-tui list [--json] [--keyword T] [--category C] PATH``: start the freshness check of
    PATH's index now, before argparse and the rest are imported — a warm listing is mostly that
    check (helper processes stat every file), and the second core is idle until it starts. Only
    for exactly these options, spelled out: anything else (a company, the reading state, an
    abbreviation, ``--opt=value``, help) leaves it to ``cmd_list`` as before. True when begun
    (:func:`main` stops it if the command did not take it over)."""
    path = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _LIST_VALUE_OPTIONS:
            i += 1
            if i == len(args):
                return False
        elif arg.startswith("-") and arg not in _LIST_FLAGS:
            return False
        elif arg not in _LIST_FLAGS:
            if path is not None:
                return False
            path = arg
        i += 1
    if not path:
        return False
    from .index.walk import start_early_check

    start_early_check(path)
    return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not (argv and argv[0] == "list" and _early_list_check(argv[1:])):
        return _main(argv)
    try:
        return _main(argv)
    finally:  # a check begun for a command that did not take it (a bad path, argparse refused it)
        from .index.walk import stop_early_checks

        stop_early_checks()


def _main(argv: list[str]) -> int:
    from .commands.common import EXIT_BAD_PATH, EXIT_OK

    sub = argv[0] if argv and argv[0] in COMMANDS and argv[0] in available_commands() else None
    if sub:
        argv = argv[1:]
    elif argv and (guess := _looks_like_command(argv[0])):
        print(f"kfin-tui: no such command or folder: {argv[0]!r} — did you mean `kfin-tui {guess}`?",
              file=sys.stderr)
        return EXIT_BAD_PATH
    args = build_parser(sub).parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def script() -> None:
    """The console script (and ``python -m kfin_tui``): :func:`main`, then the process ends. After
    the reader it ends without the interpreter's teardown (:func:`~kfin_tui.commands.common.exit_now`);
    :func:`main` itself never does, so that it can be called in-process."""
    code = main()
    for name in ("cmd_read", "cmd_list"):  # each sets `closed` once it has closed what it opened
        command = sys.modules.get(f"{__package__}.commands.{name}")
        if command is not None and getattr(command, "closed", False):
            from .commands.common import exit_now

            exit_now(code)
    sys.exit(code)


if __name__ == "__main__":
    script()
