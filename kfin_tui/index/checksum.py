"""CRC-32 seals for what the index keeps outside SQLite's own checks: the ``-listing`` and
``-folders`` files beside the database and the snapshot blobs (the ``-names`` file has the same
seal, checked by :func:`kfin_tui.files.read_names`, which cannot import this module). A damaged one reads as missing
(the caller rebuilds it), never as garbage. Standard library only: ``kfin-tui list`` and the
walk helpers import this first thing."""
from __future__ import annotations

import marshal
import struct
import zlib

TYPE_CHECKING = False  # (not typing: kfin-tui list reads its folders file before typing loads)
if TYPE_CHECKING:
    from typing import Any

_HEAD = struct.Struct("<I")


def seal(data: bytes) -> bytes:
    """``data`` behind its CRC-32."""
    return _HEAD.pack(zlib.crc32(data)) + data


def unseal(blob: bytes | memoryview) -> bytes | memoryview | None:
    """The data :func:`seal` wrapped, or None when it does not match its CRC."""
    if len(blob) < _HEAD.size:
        return None
    data = memoryview(blob)[_HEAD.size:]
    if zlib.crc32(data) != _HEAD.unpack_from(blob)[0]:
        return None
    return data


def dumps(obj: Any) -> bytes:
    """``marshal.dumps`` sealed."""
    return seal(marshal.dumps(obj))


def loads(blob: bytes | memoryview):
    """What :func:`dumps` sealed; raises ValueError when damaged."""
    data = unseal(blob)
    if data is None:
        raise ValueError("checksum mismatch")
    return marshal.loads(data)


def crc(data: bytes | memoryview) -> int:
    return zlib.crc32(data)
