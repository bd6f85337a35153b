"""What the walk does not follow is said, not dropped: a symlink leaving the corpus is a load issue
of ``list`` (cold and warm) and of the Library the reader uses."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kfin_tui.cli import main
from kfin_tui.index import Library

POST = "\n---\ntitle: 正常文章\ndate: 2024-01-02 10:00:00\nauthor: 测试社\n---\n<div><p>正文。</p></div>\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "a" / "正常.md").write_text(POST, encoding="utf-8")
    outside = tmp_path / "secret.md"
    outside.write_text(POST.replace("正常文章", "不该出现"), encoding="utf-8")
    os.symlink(outside, root / "a" / "link.md")
    return root


def test_symlink_out_is_an_issue_cold_and_warm(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(2):  # cold, then from the index
        assert main(["list", str(corpus), "--json"]) == 0
        out, err = capsys.readouterr()
        assert "不该出现" not in out and "正常文章" in out
        assert f"{corpus / 'a' / 'link.md'}: symlink leaves the folder" in err


def test_library_lists_the_issue(corpus: Path) -> None:
    library = Library(corpus, use_index=False).load_all()
    assert [r.title for r in library.rows] == ["正常文章"]
    assert [(i.path, i.warning) for i in library.issues] == [(str(corpus / "a" / "link.md"), False)]
