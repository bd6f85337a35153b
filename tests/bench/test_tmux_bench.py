"""The terminal bench runs end to end on a tiny archive (no timing is asserted: figures are only
checked to exist and be positive). Needs tmux; about 10-15 s."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent

if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)


def test_harness_runs_at_size_200(tmp_path: Path) -> None:
    out = tmp_path / "out"
    p = subprocess.run(
        [sys.executable, str(HERE / "tmux_bench.py"), "--size", "200", "--archive", str(tmp_path / "a"),
         "--cache", str(tmp_path / "cache"), "--reps", "1", "--only", "floor,warm,size", "--out", str(out)],
        capture_output=True, text=True, timeout=120, check=False)
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-3000:]
    (result,) = out.glob("tmux_bench-200-*.json")
    res = json.loads(result.read_text())
    assert res["info"]["size"] == 200
    assert res["floor"]["bare_paint"]["median"] > 0
    assert res["floor"]["files"] == 200
    assert res["warm"]["paint"]["median"] >= res["warm"]["first_nonblank"]["median"] > 0
    assert res["size"]["index_disk"] > 0
    assert "start → `N/200` on screen" in p.stdout
