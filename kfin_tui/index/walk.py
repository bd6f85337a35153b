"""The corpus walk with each file's size and mtime (what the index is keyed on), here or in a
helper process: on a warm start the walk (a stat of every file: ~0.4 s at 100,000 files) runs as
``python -S -E kfin_tui/files.py ROOT`` while this process reads the cached rows.
"""
from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

from .. import files
from ..files import walk  # noqa: F401 - the walk, re-exported


class BackgroundWalk:
    """The walk in a helper process; :meth:`result` is its list, or None if the helper failed
    (then walk in this process)."""

    def __init__(self, root: Path | str, prefix: str | None = None) -> None:
        # kfin_tui/files.py run as a script, without site: it needs the standard library only, and a
        # bare interpreter starts in ~15 ms instead of importing the package
        try:
            self.proc: subprocess.Popen | None = subprocess.Popen(
                [sys.executable, "-S", "-E", os.path.abspath(files.__file__), str(root)]
                + ([prefix] if prefix else []),
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        except OSError:
            self.proc = None

    def result(self) -> dict | list | None:
        if self.proc is None:
            return None
        try:
            data = self.proc.stdout.read()
            code = self.proc.wait(timeout=60)
            if code != 0:
                return None
            return marshal.loads(data)
        except Exception:  # noqa: BLE001 - fall back to walking here
            return None
        finally:
            self.close()

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout and not proc.stdout.closed:
            proc.stdout.close()
