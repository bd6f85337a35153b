"""The core never imports Textual: everything under kfin_tui except kfin_tui/ui/** is UI-free."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import kfin_tui

PACKAGE = Path(kfin_tui.__file__).resolve().parent
SKIP = {"kfin_tui.__main__"}  # runs the program when imported


def core_modules() -> list[str]:
    mods = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[1:2] == ["ui"] or any(p.startswith((".", "_corpus")) for p in parts):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        if name not in SKIP:
            mods.append(name)
    return mods


PROBE = """
import importlib, json, sys
failed = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
textual = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"textual": textual, "failed": failed}))
"""


def test_core_modules_exist():
    mods = core_modules()
    for name in ("kfin_tui", "kfin_tui.cli", "kfin_tui.tickers", "kfin_tui.paths", "kfin_tui.dates",
                 "kfin_tui.articles.loader", "kfin_tui.articles.html_blocks", "kfin_tui.index.library"):
        assert name in mods
    assert not any(m.startswith("kfin_tui.ui") for m in mods)


def test_core_never_imports_textual():
    mods = core_modules()
    out = subprocess.run([sys.executable, "-c", PROBE, *mods], capture_output=True, text=True, timeout=120,
                         cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}, result["failed"]
    assert result["textual"] == [], f"Textual imported by the core: {result['textual'][:5]}"


def test_each_article_module_alone_is_textual_free():
    """The loader on its own (what `kfin-tui list` needs) pulls in no UI, not even through Rich's
    optional extras."""
    code = ("import sys, kfin_tui.articles, kfin_tui.tickers, kfin_tui.cli; "
            "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
