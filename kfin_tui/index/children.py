"""How the index starts its worker processes: ``python`` running one of this package's modules as
``__main__``, with this package's parent folder first on ``PYTHONPATH`` (a worker imports the same
kfin_tui as its parent, installed or not) and never the current folder. ``python -m`` would put the
current folder first on ``sys.path``: a worker started from inside another checkout, or from any
folder holding a ``kfin_tui`` of its own, would import that one instead (other code, another
extractor version)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

# ``-c`` puts "" (the current folder) first on sys.path, as ``-m`` does; it is dropped before the
# module is imported (Python 3.11's -P / PYTHONSAFEPATH does this too, but not on 3.10)
_RUN = ("import sys, runpy\n"
        "if sys.path[:1] == ['']: del sys.path[0]\n"
        "runpy.run_module({module!r}, run_name='__main__', alter_sys=True)\n")


def child_command(module: str) -> tuple[list[str], dict[str, str]]:
    """(argv, environment) of a worker process running ``module`` (``kfin_tui.index.parse`` …)."""
    pkg_parent = str(Path(__file__).resolve().parents[2])
    pythonpath = os.pathsep.join(p for p in (pkg_parent, os.environ.get("PYTHONPATH", "")) if p)
    return [sys.executable, "-c", _RUN.format(module=module)], {**os.environ, "PYTHONPATH": pythonpath}
