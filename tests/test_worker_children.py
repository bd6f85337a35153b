"""Worker processes import the kfin_tui of their parent, whatever folder the program was started
from: ``python -m`` would put the current folder first on sys.path, and a folder holding a
kfin_tui of its own (another checkout) would supply the workers' code."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kfin_tui.index.children import child_command


@pytest.fixture
def decoy(tmp_path, monkeypatch) -> Path:
    """The current folder holds a kfin_tui package that leaves a mark when imported."""
    pkg = tmp_path / "kfin_tui"
    pkg.mkdir()
    mark = tmp_path / "decoy-imported"
    (pkg / "__init__.py").write_text(f"open({str(mark)!r}, 'w').close()\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return mark


def test_the_parse_workers_import_this_package_not_the_current_folders(decoy, tmp_path):
    from kfin_tui.index.parse import Workers

    root = tmp_path / "archive"
    root.mkdir()
    article = root / "a.md"
    article.write_text("---\ntitle: 测试\n---\n贵州茅台（600519）公布业绩。\n", encoding="utf-8")
    workers = Workers(1)
    try:
        records = [r for batch in workers.run(iter([(str(root), [str(article)], False, "companies")]))
                   for r in batch]
    finally:
        workers.close()
    assert len(records) == 1
    assert not decoy.exists()


@pytest.mark.parametrize("module", ["kfin_tui.index.parse", "kfin_tui.index.companies_pool",
                                    "kfin_tui.index.article_pool"])
def test_every_worker_module_starts_with_this_package(decoy, module):
    argv, env = child_command(module)
    proc = subprocess.run(argv, input=b"", env=env, capture_output=True, timeout=60)
    assert not decoy.exists(), proc.stderr[-500:]
    import kfin_tui

    # the package's parent first, wherever it is imported from (a checkout, or an installed copy)
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(Path(kfin_tui.__file__).resolve().parents[1])
