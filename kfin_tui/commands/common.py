"""What every command shares: exit codes, the path check, load-issue lines on stderr."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..paths import bundled_corpus
from ..sanitize import clean_line

if TYPE_CHECKING:
    from ..config import Config


EXIT_OK, EXIT_FAILED, EXIT_BAD_PATH = 0, 1, 2


def check_path(path: Path) -> str | None:
    """Why ``path`` cannot be read, as one line for stderr, or None."""
    shown = clean_line(str(path))
    if not path.exists():
        return f"kfin-tui: no such file or folder: {shown}"
    try:
        if path.is_dir():
            next(iter(path.iterdir()), None)
        else:
            path.open("rb").close()
    except PermissionError:
        return f"kfin-tui: cannot read {shown}: permission denied"
    except OSError as exc:
        return f"kfin-tui: cannot read {shown}: {clean_line(str(exc.strerror or exc))}"
    return None


def report_issues(issues: Iterable[Any], stream: TextIO | None = None) -> None:
    """One stderr line per load issue (``kfin-tui: error: PATH: reason``), then a count."""
    issues = list(issues)
    stream = stream or sys.stderr
    for issue in issues:
        label = "warning" if issue.warning else "error"
        # file names and reasons (which quote them) are data: no escape sequence reaches the terminal
        print(f"kfin-tui: {label}: {clean_line(str(issue.path))}: {clean_line(str(issue.reason))}", file=stream)
    errors = sum(1 for i in issues if not i.warning)
    warnings = len(issues) - errors
    if issues:
        print(f"kfin-tui: {errors} {'file' if errors == 1 else 'files'} could not be loaded, "
              f"{warnings} loaded with {'a warning' if warnings == 1 else 'warnings'}", file=stream)


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


def root_of(path: str | None) -> tuple[Path, str | None]:
    """The folder a command works on: PATH when given, else the config's ``archive`` (else the
    bundled corpus); and why it cannot be used, or None. A config that cannot be read is said."""
    if path:
        return Path(path), None
    from ..config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as exc:
        return bundled_corpus(), clean_line(str(exc))
    return default_root(config)


def exit_now(code: int) -> None:
    """End the process without the interpreter's teardown (called by ``cli.script`` after a command
    that closed everything it opened and says so: the reader, ``list``). What is left then is
    freeing every object one by one (the rows, jieba's and the company dictionaries, Textual's
    widgets), which kept the shell waiting 0.5–0.7 s after ``q`` on the bundled corpus, and longer
    on a big archive; ~0.1 s after a 100,000-line ``list``. Atexit handlers still run (none of ours
    needs them; a library's may), then standard streams are flushed. Child processes (body pass,
    big-article parser, walk) read their stdin and end at its EOF, which the kernel delivers when
    this process is gone."""
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
