"""Open a possibly compressed file by its suffix: `.gz` (gzip) and `.zst` (Zstandard)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import BinaryIO

#: The suffixes `open_binary` inflates: a page or a dump may wear one after its own suffix.
COMPRESSED_SUFFIXES = (".gz", ".zst")


def open_binary(path: Path) -> BinaryIO:
    """A binary reader of the file's decompressed bytes; damaged compressed data raises OSError
    (gzip.BadGzipFile, or ours for Zstandard), zlib.error or EOFError (cut short)."""
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if path.suffix == ".zst":
        return io.BufferedReader(_ZstdFrames(path.open("rb")))  # line iteration needs a buffer
    return path.open("rb")


class _ZstdFrames(io.RawIOBase):
    """The decompressed bytes of every Zstandard frame in `raw`, one after the other; EOFError
    when the file ends inside a frame (a truncated dump), which the stream reader passes over.

    The compressed bytes are fed a small bite at a time: Zstandard inflates a run of one byte
    some 32,000-fold, so a 64 KiB bite could come out as 2 GB at once, past any size limit; a
    bite of 128 bytes comes out as 4 MB at most, and costs ordinary data little speed."""

    _CHUNK = 1 << 16  # bytes read from the file at a time
    _BITE = 128  # bytes of it decompressed at a time

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw, self._new, self._damaged = raw, zstandard.ZstdDecompressor().decompressobj, zstandard.ZstdError
        self._frame, self._started = self._new(), False
        self._input, self._fed = b"", 0  # compressed bytes read, and how many of them were decompressed
        self._output, self._taken = b"", 0  # decompressed bytes, and how many of them were read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while self._taken == len(self._output):
            if self._fed == len(self._input):
                self._input, self._fed = self._raw.read(self._CHUNK), 0
                if not self._input:
                    if self._started and not self._frame.eof:
                        raise EOFError("the Zstandard stream ends inside a frame: the file is truncated")
                    return 0
            bite = self._input[self._fed : self._fed + self._BITE]
            self._fed += len(bite)
            self._output, self._taken = self._decompress(bite), 0
        size = min(len(buffer), len(self._output) - self._taken)
        buffer[:size] = self._output[self._taken : self._taken + size]
        self._taken += size
        return size

    def _decompress(self, bite: bytes) -> bytes:
        """What `bite` inflates to, frames that end in it ended and the next ones begun."""
        out = []
        while bite:
            self._started = True
            try:
                out.append(self._frame.decompress(bite))
            except self._damaged as exc:
                raise OSError(f"damaged Zstandard data: {exc}") from None
            bite = self._frame.unused_data if self._frame.eof else b""
            if self._frame.eof:
                self._frame, self._started = self._new(), False
        return b"".join(out)

    def close(self) -> None:
        self._raw.close()
        super().close()
