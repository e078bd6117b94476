"""Open a possibly compressed file by its suffix: `.gz` (gzip) and `.zst` (Zstandard)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import BinaryIO


def open_binary(path: Path) -> BinaryIO:
    """A binary reader of the file's decompressed bytes."""
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if path.suffix == ".zst":
        return io.BufferedReader(_ZstdFrames(path.open("rb")))  # line iteration needs a buffer
    return path.open("rb")


class _ZstdFrames(io.RawIOBase):
    """The decompressed bytes of every Zstandard frame in `raw`, one after the other; EOFError
    when the file ends inside a frame (a truncated dump), which the stream reader passes over."""

    _CHUNK = 1 << 16

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw, self._new = raw, zstandard.ZstdDecompressor().decompressobj
        self._frame, self._started, self._pending = self._new(), False, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self._pending:
            chunk = self._raw.read(self._CHUNK)
            if not chunk:
                if self._started and not self._frame.eof:
                    raise EOFError("the Zstandard stream ends inside a frame: the file is truncated")
                return 0
            self._feed(chunk)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _feed(self, chunk: bytes) -> None:
        while chunk:
            self._started = True
            self._pending += self._frame.decompress(chunk)
            chunk = self._frame.unused_data if self._frame.eof else b""
            if self._frame.eof:
                self._frame, self._started = self._new(), False

    def close(self) -> None:
        self._raw.close()
        super().close()
