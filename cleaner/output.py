"""Records to JSON: one object for one page, JSON Lines or one array for several, streamed."""

from __future__ import annotations

import contextlib
import fcntl
import glob
import gzip
import io
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from cleaner.errors import CleanerError
from cleaner.result import Result

FORMATS = ("json", "jsonl")


PARTIAL = ".partial"  # the suffix of an output's half file while it is written


class OutputError(CleanerError):
    """An output that cannot be written as asked; reported before any page is cleaned."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(result: Result, *, indent: int | None = None) -> str:
    """One record as JSON text (UTF-8 kept readable, not \\u-escaped).

    Text that is no Unicode (a JSON line's lone surrogate escape, a file name's undecodable byte)
    cannot be written as UTF-8: each such character becomes U+FFFD and the record says how many
    (`replaced`), instead of the whole output failing."""
    record = result.to_dict()
    text = json.dumps(record, ensure_ascii=False, indent=indent)
    if count := len(_SURROGATE.findall(text)):
        record["replaced"] = f"{count} character(s) that are not Unicode text written as U+FFFD"
        text = _SURROGATE.sub("\ufffd", json.dumps(record, ensure_ascii=False, indent=indent))
    return text


def write(results: Iterable[Result], stream: IO[str], *, fmt: str, single: bool) -> Iterator[Result]:
    """Write each result as it comes and pass it on, so callers can count as the stream goes.

    `single` (one page in): `json` prints that object, indented. Else `json` prints an array
    and `jsonl` a line per record.
    """
    if fmt == "jsonl":
        for result in results:
            stream.write(dumps(result) + "\n")
            yield result
    elif single:
        for result in results:
            stream.write(dumps(result, indent=2) + "\n")
            yield result
    else:
        stream.write("[")
        for n, result in enumerate(results):
            stream.write(("," if n else "") + "\n" + dumps(result))
            yield result
        stream.write("\n]\n")


@contextlib.contextmanager
def open_output(path: str | None, *, resumable: bool = False) -> Iterator[IO[str]]:
    """stdout (None or `-`), or a file compressed by its suffix (`.gz`, `.zst`) that is written
    beside its target and renamed into place only when complete: a killed run leaves no half file
    under the target's name. The half file (`.<name>.<random>.partial`, locked while written) is
    kept when the run is killed or interrupted and the output is `resumable` (JSON Lines,
    uncompressed): `--resume` takes it up (`open_resumable`); else an interrupted run removes it."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    if _special(Path(path)):  # /dev/null, /dev/stdout, a FIFO: written directly, never replaced by a file
        with open(path, "wb") as raw, _text_writer(raw, Path(path).suffix) as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))  # a symlink stays one: the file it points at is written
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PARTIAL, dir=target.parent)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a --resume run never takes up the half file of a live run
    os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; an output follows the umask like any file
    try:
        with os.fdopen(fd, "wb") as raw, _text_writer(raw, target.suffix) as stream:
            yield stream
        os.replace(tmp, target)
    except (KeyboardInterrupt, OSError):  # Ctrl-C, a full disk: a JSON Lines half file is continued by --resume
        if not resumable:
            os.unlink(tmp)
        raise
    except BaseException:
        os.unlink(tmp)
        raise


def output_clash(output: str | None, inputs: Sequence[str]) -> str | None:
    """Why writing to `output` would damage or re-read an input (it is one, or lies in an input
    folder, where a later run would clean it), or None when it is safe."""
    if not output or output == "-":
        return None
    target = Path(output).resolve()
    for name in inputs:
        if name == "-":  # standard input
            continue
        source = Path(name).resolve()
        if target == source:
            return "is an input: it would be overwritten"
        if source.is_dir() and source in target.parents:
            return f"lies inside the input folder {name}: a later run would clean it as a page"
    return None


def _special(target: Path) -> bool:
    """Whether `target` exists and is no regular file (a device, a FIFO, a socket)."""
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False


def _take_up_partial(target: Path) -> None:
    """Rename the newest half file a killed or interrupted run left for `target` into its place,
    unless a live run still holds it."""
    partials = sorted(target.parent.glob(f".{glob.escape(target.name)}.*{PARTIAL}"), key=_mtime, reverse=True)
    for partial in partials:
        with partial.open("rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            os.replace(partial, target)
            return


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _text_writer(raw: IO[bytes], suffix: str) -> Iterator[IO[str]]:
    """UTF-8 text into `raw`, compressed by `suffix`; a lone surrogate (no Unicode) becomes "?" rather
    than an exception (records replace and count them first: `dumps`)."""
    if suffix == ".gz":
        with (
            gzip.GzipFile(fileobj=raw, mode="wb") as packed,
            io.TextIOWrapper(packed, encoding="utf-8", errors="replace") as text,
        ):
            yield text
    elif suffix == ".zst":
        import zstandard

        with (
            zstandard.ZstdCompressor().stream_writer(raw, closefd=False) as packed,
            io.TextIOWrapper(packed, encoding="utf-8", errors="replace") as text,
        ):
            yield text
    else:
        with io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as text:
            yield text


@contextlib.contextmanager
def open_resumable(path: str) -> Iterator[tuple[IO[str], int]]:
    """Continue an interrupted JSON Lines output: its complete records are kept, a half-written
    last line is cut off, and new records are appended a line at a time (each flushed, so a
    killed run loses at most the line it was writing). Gives the stream and how many records
    the file already holds."""
    target = Path(os.path.realpath(path))
    if target.suffix in (".gz", ".zst"):
        raise OutputError(f"{path}: --resume needs an uncompressed output file")
    if _special(Path(path)):
        raise OutputError(f"{path}: --resume needs a regular file (it reads what the file holds)")
    if not target.exists():
        _take_up_partial(target)
    with target.open("ab") as lock:  # held for the whole run: a second --resume run would double it
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{path}: another run is writing to it") from None
        with target.open("rb+") as handle:
            data = handle.read()
            keep = data.rfind(b"\n") + 1
            handle.truncate(keep)
            done = data.count(b"\n", 0, keep)
        with target.open("a", encoding="utf-8", buffering=1) as stream:
            yield stream, done


@contextlib.contextmanager
def open_records(path: str | None, *, resume: bool = False, fmt: str = "jsonl") -> Iterator[tuple[IO[str], int]]:
    """The output stream and how many records it already holds (0 unless `resume`)."""
    if resume:
        with open_resumable(path or "") as opened:
            yield opened
    else:
        resumable = fmt == "jsonl" and Path(path or "-").suffix not in (".gz", ".zst")
        with open_output(path, resumable=resumable) as stream:
            yield stream, 0
