"""The child process that reads, parses and extracts big articles (issue 10: a reader over hostile
files answers every key): same result as in-process; a crash, a kill or a timeout is that file's
error and the next file opens; a cancelled job gives the child up; no child outlives its pool or
its parent process."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kfin_tui.articles import load_file
from kfin_tui.index.article_pool import HEAVY_BYTES, ArticlePool, ChildFailed, Superseded, is_heavy, prepare_here

COMPANIES = ["海岳新材", "江河能源", "远航科技", "青石银行"]


def heavy_text(n: int) -> str:
    """An article of ``n`` sentences, each with figures and a company (generated here)."""
    sentences = [f"{COMPANIES[i % 4]}第{i}季度营业收入{100 + i}.{i % 100:02d}亿元，同比增长{i % 50}.5%。" for i in range(n)]
    paragraphs = ["".join(sentences[i:i + 20]) for i in range(0, n, 20)]
    return "---\ntitle: 大文章 big article\ndate: 2024-05-01\n---\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def heavy(tmp_path: Path) -> Path:
    path = tmp_path / "big.md"
    path.write_text(heavy_text(900), encoding="utf-8")
    assert path.stat().st_size > HEAVY_BYTES and is_heavy(path)
    return path


@pytest.fixture
def slow(tmp_path: Path) -> Path:
    """A file whose extraction keeps the child busy for a good while (tens of thousands of figures)."""
    path = tmp_path / "slow.md"
    path.write_text(heavy_text(30_000), encoding="utf-8")
    return path


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie not reaped yet still answers kill(0)
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def wait_busy(pool: ArticlePool, seconds: float = 30.0) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        child = pool._child
        if child is not None and child.busy:
            return child.pid
        time.sleep(0.005)
    raise AssertionError("the child never got the job")


def test_the_child_prepares_what_the_process_would(heavy, tmp_path):
    from kfin_tui.extract import extract_article

    with ArticlePool() as pool:
        prepared = pool.prepare(str(heavy), str(tmp_path))
        assert pool.pid is not None and pool.pid != os.getpid()
    here, issue = load_file(str(heavy), str(tmp_path))
    assert issue is None and prepared.issue is None and prepared.error == ""
    assert prepared.article is not None and here is not None
    assert prepared.article.blocks == here.blocks and prepared.article.title == here.title == "大文章 big article"
    assert prepared.article.body_text == here.body_text
    expected = extract_article(here)
    assert prepared.extraction.figures == expected.figures and len(expected.figures) > 256  # several pieces
    assert [c.name for c in prepared.extraction.companies] == [c.name for c in expected.companies]
    assert [c.mentions for c in prepared.extraction.companies] == [c.mentions for c in expected.companies]


def test_a_file_that_cannot_be_read_is_its_load_issue(tmp_path):
    binary = tmp_path / "x.md"
    binary.write_bytes(bytes(range(256)) * 200)
    with ArticlePool() as pool:
        prepared = pool.prepare(str(binary), str(tmp_path))
        assert prepared.article is None and prepared.issue is not None and "binary" in prepared.issue.reason
        missing = pool.prepare(str(tmp_path / "missing.md"), str(tmp_path))
        assert missing.article is None and missing.issue is not None


def test_pieces_round_trip_in_process(heavy, tmp_path):
    from kfin_tui.index.article_pool import _assemble

    prepared = _assemble(prepare_here(str(heavy), str(tmp_path)), lambda: None)
    assert prepared.article is not None and len(prepared.extraction.figures) > 256


def test_a_child_killed_at_work_is_this_files_error_and_the_next_file_opens(slow, heavy, tmp_path):
    with ArticlePool() as pool:
        errors: list[Exception] = []

        def run() -> None:
            try:
                pool.prepare(str(slow), str(tmp_path))
            except Exception as exc:
                errors.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        pid = wait_busy(pool)
        os.kill(pid, signal.SIGKILL)
        thread.join(60)
        assert not thread.is_alive()
        assert len(errors) == 1 and isinstance(errors[0], ChildFailed)
        assert "killed by signal 9" in str(errors[0])
        assert gone(pid)
        prepared = pool.prepare(str(heavy), str(tmp_path))  # a new child
        assert prepared.article is not None and pool.pid not in (None, pid)


def test_a_child_killed_while_idle_is_replaced_unseen(heavy, tmp_path):
    with ArticlePool() as pool:
        pool.warm()
        pid = pool.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        while not gone(pid):
            time.sleep(0.01)
        prepared = pool.prepare(str(heavy), str(tmp_path))
        assert prepared.article is not None


def test_a_timeout_is_this_files_error(slow, heavy, tmp_path):
    with ArticlePool(timeout=0.05) as pool:
        with pytest.raises(ChildFailed, match="took over"):
            pool.prepare(str(slow), str(tmp_path))
        pool.timeout = 120
        assert pool.prepare(str(heavy), str(tmp_path)).article is not None


def test_a_cancelled_job_gives_its_child_up(slow, heavy, tmp_path):
    with ArticlePool() as pool:
        cancel = threading.Event()
        done: list[object] = []

        def run() -> None:
            try:
                done.append(pool.prepare(str(slow), str(tmp_path), cancelled=cancel.is_set))
            except Superseded as exc:
                done.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        pid = wait_busy(pool)
        cancel.set()
        thread.join(60)
        assert len(done) == 1 and isinstance(done[0], Superseded)
        assert gone(pid)  # the work for nobody stopped
        assert pool.prepare(str(heavy), str(tmp_path)).article is not None


def test_a_newer_job_supersedes_the_running_one(slow, heavy, tmp_path):
    with ArticlePool() as pool:
        done: list[object] = []

        def run() -> None:
            try:
                done.append(pool.prepare(str(slow), str(tmp_path)))
            except Superseded as exc:
                done.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        pid = wait_busy(pool)
        prepared = pool.prepare(str(heavy), str(tmp_path))
        thread.join(60)
        assert prepared.article is not None and prepared.article.title == "大文章 big article"
        assert len(done) == 1 and isinstance(done[0], Superseded)
        assert gone(pid)


def test_close_ends_the_child(heavy, tmp_path):
    pool = ArticlePool()
    pool.prepare(str(heavy), str(tmp_path))
    pid = pool.pid
    assert pid is not None
    pool.close()
    assert gone(pid) and pool.pid is None
    with pytest.raises(Superseded):
        pool.prepare(str(heavy) + "x", str(tmp_path))


def test_no_child_outlives_a_parent_that_dies(tmp_path):
    """The parent ends without closing the pool (os._exit, as after a crash): the child sees its
    stdin close and exits."""
    script = textwrap.dedent("""
        import os, sys
        from kfin_tui.index.article_pool import ArticlePool
        pool = ArticlePool()
        pool.warm()
        print(pool.pid, flush=True)
        os._exit(0)
    """)
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                         check=True)
    pid = int(out.stdout.split()[0])
    deadline = time.monotonic() + 60
    while not gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gone(pid)


def test_a_child_is_read_past_descriptor_1024(tmp_path):
    """The child's pipe is read with poll(): a process with over a thousand files open (select()
    refuses a descriptor past 1024) still opens big articles."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if max(soft, hard) < 1300:
        pytest.skip("the process may not open 1,300 files")
    if soft < 1300:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1200)]
    try:
        path = tmp_path / "big.md"
        path.write_text(heavy_text(50), encoding="utf-8")
        with ArticlePool() as pool:
            got = pool.prepare(str(path), str(tmp_path))
        assert got.article is not None and "大文章" in got.article.title
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
