"""The companies pass compiled by the wheel's build hook (hatch_build.py) gives what the source gives.

A regular install (``pip install .``, as the README and CI install) compiles the modules of
``hatch_build.COMPILED`` with mypyc; the tests then import that installed, compiled package, so the whole
suite runs against it. These tests check, in that case, that the compiled extractor's companies and
figures equal those of the source tree run as plain Python (a subprocess that imports the repository's
``kfin_tui``) on every article the repository holds; and, in CI, that the install is compiled at all
(a build that fell back to pure Python would pass every other test and be 30 % slower on a cold archive).
Under an editable install the imported package is the source itself: nothing to compare, skipped.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kfin_tui.extract.companies as companies_mod

REPO = Path(__file__).resolve().parents[1]
COMPILED = not companies_mod.__file__.endswith(".py")
FOLDERS = ("corpus", "tests/extract_gold", "tests/fixtures")

# what each side prints: for every article file under FOLDERS, its companies (name, kind, tickers) and figures
_DUMP = r"""
import json, sys
from pathlib import Path
from kfin_tui.articles.loader import load_file
from kfin_tui.extract import extract_article
from kfin_tui.extract.companies import find_company_kinds
repo = Path(sys.argv[1])
out = {}
for folder in sys.argv[2:]:
    for p in sorted((repo / folder).rglob("*")):
        if not p.is_file() or p.suffix not in (".md", ".txt", ".markdown", ".html", ""):
            continue
        try:
            art, _issue = load_file(p)
        except Exception as exc:  # noqa: BLE001
            out[str(p)] = f"load failed: {type(exc).__name__}"
            continue
        if art is None:
            continue
        ex = extract_article(art).to_json()
        out[str(p)] = [sorted((c["name"], c.get("kind"), c.get("tickers")) for c in ex["companies"]),
                       [(f["text"], f["kind"]) for f in ex["numbers"]],
                       sorted(find_company_kinds(art.body_text).items())]
print(json.dumps(out, ensure_ascii=False, default=list))
"""


def _dump(python_path: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if python_path:
        env["PYTHONPATH"] = python_path
    # (-c with the repository first on sys.path: the source tree's kfin_tui; from / without it: the installed one)
    code = (f"import sys; sys.path.insert(0, {python_path!r})\n" if python_path else "") + _DUMP
    done = subprocess.run([sys.executable, "-c", code, str(REPO), *FOLDERS], capture_output=True, text=True,
                          env=env, cwd="/", timeout=900, check=True)
    return json.loads(done.stdout)


def _compiled_modules() -> tuple[str, ...]:
    """hatch_build.COMPILED, read from the file (not imported: hatchling is a build-time dependency)."""
    import ast

    hook = ast.parse((REPO / "hatch_build.py").read_text(encoding="utf-8"))
    return next(ast.literal_eval(node.value) for node in hook.body if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets))


@pytest.mark.skipif(not os.environ.get("KFIN_TUI_CI"), reason="CI installs the wheel the README's way")
def test_ci_install_has_the_compiled_companies_pass():
    import importlib

    from kfin_tui.cli import _build

    for module in _compiled_modules():
        mod = importlib.import_module(module[:-len(".py")].replace("/", "."))
        assert not mod.__file__.endswith(".py"), f"{mod.__name__} is not compiled: {mod.__file__}"
    assert _build() == "companies pass compiled"  # (what kfin-tui --version says)


@pytest.fixture
def hook_module(monkeypatch):
    """hatch_build imported with a stand-in for hatchling's hook base class (hatchling is not installed here)."""
    import types

    class BuildHookInterface:
        def __init__(self, root: str, target_name: str) -> None:
            self.root, self.target_name = root, target_name

    for name in ("hatchling", "hatchling.builders", "hatchling.builders.hooks", "hatchling.builders.hooks.plugin"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    interface = types.ModuleType("hatchling.builders.hooks.plugin.interface")
    interface.BuildHookInterface = BuildHookInterface  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hatchling.builders.hooks.plugin.interface", interface)
    monkeypatch.syspath_prepend(str(REPO))
    monkeypatch.delitem(sys.modules, "hatch_build", raising=False)
    import hatch_build

    return hatch_build


@pytest.mark.parametrize("failure", [SystemExit(1), RuntimeError("no extension built"), OSError("no compiler")])
def test_the_build_hook_falls_back_to_pure_python(hook_module, monkeypatch, capsys, failure):
    """Any failure of the compiler (mypyc exits on a type error: SystemExit) gives a pure wheel and a warning."""
    def compile_fails(root, work):
        raise failure

    monkeypatch.setattr(hook_module, "_compile", compile_fails)
    hook = hook_module.CustomBuildHook(str(REPO), "wheel")
    build_data: dict = {"force_include": {}, "pure_python": True}
    hook.initialize("standard", build_data)
    assert build_data == {"force_include": {}, "pure_python": True}
    assert "the wheel is pure Python" in capsys.readouterr().err
    hook.finalize("standard", build_data, "x.whl")
    assert not hook._work.exists()  # (its work folder removed)


def test_the_build_hook_compiles_regular_wheels_only(hook_module, monkeypatch):
    calls = []

    def compiled(root, work):
        calls.append(work)
        return [(str(work / "m.so"), "kfin_tui/extract/m.so")]

    monkeypatch.setattr(hook_module, "_compile", compiled)
    for target, version, env in (("wheel", "editable", None), ("sdist", "standard", None), ("wheel", "standard", "1")):
        if env:
            monkeypatch.setenv("KFIN_TUI_PURE", env)
        build_data: dict = {"force_include": {}}
        hook_module.CustomBuildHook(str(REPO), target).initialize(version, build_data)
        assert build_data == {"force_include": {}} and not calls
    monkeypatch.delenv("KFIN_TUI_PURE")
    build_data = {"force_include": {}}
    hook = hook_module.CustomBuildHook(str(REPO), "wheel")
    hook.initialize("standard", build_data)
    assert build_data["pure_python"] is False and build_data["infer_tag"] is True
    assert list(build_data["force_include"].values()) == ["kfin_tui/extract/m.so"]
    hook.finalize("standard", build_data, "x.whl")
    assert not calls[0].exists()


@pytest.mark.skipif(not COMPILED, reason="the imported kfin_tui is the source (an editable install)")
def test_compiled_extractor_equals_the_source_on_every_article():
    compiled = _dump(None)
    source = _dump(str(REPO))
    assert len(compiled) > 1000  # (corpus, the gold sets, the fixtures)
    assert compiled.keys() == source.keys()
    differ = [p for p in compiled if compiled[p] != source[p]]
    assert not differ, f"{len(differ)} articles differ, e.g. {differ[:3]}"


def test_the_build_hook_compiles_what_the_source_tree_holds():
    """hatch_build.COMPILED names modules that exist, and the source of each has no form mypyc cannot
    build (a membership test of a starred tuple crashed it: ``x in (a, *b)``)."""
    import ast

    compiled = _compiled_modules()
    assert "kfin_tui/extract/companies.py" in compiled
    for module in compiled:
        assert (REPO / module).is_file(), module
        tree = ast.parse((REPO / module).read_text(encoding="utf-8"))
        bad = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Compare) and
               any(isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Tuple) and
                   any(isinstance(e, ast.Starred) for e in right.elts) for op, right in zip(node.ops, node.comparators))]
        assert not bad, f"{module}: lines {bad}"


def _race(call, n: int = 8) -> tuple[list, list]:
    """``call()`` in ``n`` threads released together: (results, exceptions)."""
    import threading

    start = threading.Barrier(n)
    got: list = []
    errors: list = []

    def run() -> None:
        start.wait()
        try:
            got.append(call())
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return got, errors


def test_threads_loading_the_dictionary_and_its_automaton_at_once(monkeypatch):
    """Double-checked loading from many threads at once (the reader's warm-up and its extraction thread do):
    compiled by mypyc, a re-read of the global after ``is None`` was typed None and raised TypeError in the
    threads that waited on the lock (the installed reader crashed at start)."""
    from kfin_tui.extract import dictionary

    monkeypatch.setattr(dictionary, "_DICT", None)
    got, errors = _race(dictionary.get_dictionary)
    assert not errors, errors[:2]
    assert len(got) == 8 and all(x is got[0] for x in got)

    d = dictionary.get_dictionary()
    monkeypatch.setattr(d, "_automaton", None)
    got, errors = _race(lambda: d.automaton)
    assert not errors, errors[:2]
    assert len(got) == 8 and all(x is got[0] for x in got)
