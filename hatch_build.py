"""Build hook: the wheel's companies pass compiled with mypyc (issue 13, "Speed for the whole archive").

The companies-only pass (``kfin_tui/extract/companies.py`` and the modules it spends its time in) is pure
Python run on every article of an archive. Compiled to C by mypyc — mypy's compiler, as black and mypy
itself ship — the same code costs 19-27 % less of the workers' CPU: a cold 100k archive's companies were
all known in 50.8-56.7 s on two cores, against 60.6-69.7 s uncompiled in the same alternated runs
(tests/bench/README.md, "Stop 45"). Nothing else changes: the same source, the same results (CI runs the
whole test suite against the installed, compiled wheel; tests/test_compiled_build.py compares the two).

- Only a regular wheel is compiled (``pip install .``). An editable install (``pip install -e .``) stays
  pure Python, so that an edit of the source takes effect at once.
- Set ``KFIN_TUI_PURE=1`` to build a pure-Python wheel.
- Any failure (no C compiler, no Python headers, a type error mypy finds, a mypyc crash — mypyc ends with
  ``sys.exit``, caught too) gives a pure-Python wheel and a warning on stderr (pip shows it with ``-v``),
  never a failed install: the reader is then slower on a cold archive, not broken. ``kfin-tui --version``
  says which build is installed.
- Compiled, a module's functions call each other directly: replacing one of them from outside (a test's
  monkeypatch) changes nothing inside the module; module-level variables still read as patched.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# the modules the companies pass spends its time in (profiles in tests/bench/README.md); codes.py and
# textnorm.py are left out: compiled, the loader's calls into them got slower
COMPILED = (
    "kfin_tui/extract/companies.py",
    "kfin_tui/extract/segment.py",
    "kfin_tui/extract/dictionary.py",
    "kfin_tui/extract/spans.py",
    "kfin_tui/extract/names.py",
)
GROUP = "kfin_tui_extract"  # mypyc's shared library: kfin_tui_extract__mypyc.<tag>.so at the wheel's top


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable" or os.environ.get("KFIN_TUI_PURE"):
            return
        work = Path(tempfile.mkdtemp(prefix="kfin-tui-mypyc-"))
        self._work = work  # (removed in finalize, once the wheel holds the built files)
        try:
            built = _compile(Path(self.root), work)
        except BaseException as exc:  # any failure (mypyc exits on errors): a pure wheel, said so
            if isinstance(exc, KeyboardInterrupt):
                raise
            sys.stderr.write(f"kfin-tui: the compiled companies pass was not built ({type(exc).__name__}: {exc}); "
                             "the wheel is pure Python (slower on a cold archive)\n")
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for src, dest in built:
            build_data["force_include"][src] = dest

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _compile(root: Path, work: Path) -> list[tuple[str, str]]:
    """Compile :data:`COMPILED` into ``work``; (built file, its path in the wheel) for each extension."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    here = os.getcwd()
    os.chdir(root)  # (mypyc names the modules by their paths relative to the current folder)
    try:
        extensions = mypycify(
            ["--ignore-missing-imports", f"--python-version={sys.version_info[0]}.{sys.version_info[1]}", *COMPILED],
            opt_level="3", group_name=GROUP, target_dir=str(work / "c"))
        dist = Distribution({"name": "kfin-tui-compiled", "ext_modules": extensions})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = str(work / "lib")  # type: ignore[attr-defined]
        cmd.build_temp = str(work / "tmp")  # type: ignore[attr-defined]
        cmd.ensure_finalized()
        cmd.run()
    finally:
        os.chdir(here)
    lib = work / "lib"
    built = [(str(p), p.relative_to(lib).as_posix()) for p in lib.rglob("*") if p.is_file()]
    names = {dest for _src, dest in built}
    for module in COMPILED:
        stem = module[:-len(".py")]
        if not any(n.startswith(stem + ".") for n in names):
            raise RuntimeError(f"no extension built for {module}")
    return built
