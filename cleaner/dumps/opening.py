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
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(path.open("rb"), read_across_frames=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]  # line iteration needs a buffer
    return path.open("rb")
