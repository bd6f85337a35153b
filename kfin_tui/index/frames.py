"""The pipe protocol of the worker processes (the body pass's, the companies pass's and the big
articles' child): pickled jobs on the worker's stdin until EOF or ``None``; each answer pickled
and framed on its stdout (8 bytes of length, little-endian, then the pickle), so that the parent
can move whole answers as bytes and unpickle them when it chooses. UI-free."""
from __future__ import annotations

import pickle
import sys
from collections.abc import Callable
from typing import IO, Any

HEAD = 8  # bytes of a frame's length


def write_frame(out: IO[bytes], answer: Any) -> bool:
    """``answer`` pickled and framed on ``out``; False when the pipe is gone (the parent left)."""
    data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        out.write(len(data).to_bytes(HEAD, "little") + data)
        out.flush()
    except OSError:  # BrokenPipeError among them
        return False
    return True


def read_frame(fh: IO[bytes]) -> bytes | None:
    """The next frame's pickle from ``fh`` (blocking); None at EOF or a frame cut short (the
    worker died)."""
    head = fh.read(HEAD)
    if len(head) < HEAD:
        return None
    size = int.from_bytes(head, "little")
    data = fh.read(size)
    return data if len(data) == size else None


def serve(handle: Callable[[Any], Any], inp: IO[bytes] | None = None, out: IO[bytes] | None = None) -> None:
    """A worker's loop: each job read from ``inp`` (stdin) answered with ``handle(job)`` on ``out``
    (stdout), until EOF, ``None``, an unreadable job or the parent gone."""
    inp = sys.stdin.buffer if inp is None else inp
    out = sys.stdout.buffer if out is None else out
    while True:
        try:
            job = pickle.load(inp)
        except (EOFError, pickle.UnpicklingError, OSError):
            break
        if job is None or not write_frame(out, handle(job)):
            break
