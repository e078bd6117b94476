"""Records to JSON: one object for one page, JSON Lines or one array for several, streamed; one
page also as a Markdown or text document (`cleaner.renderers`). The trace is written in full, as
a summary or not at all (`--trace`)."""

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
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from cleaner.errors import CleanerError
from cleaner.renderers import markdown_document, plain_document
from cleaner.result import Result
from cleaner.trace import Trace

FORMATS = ("json", "jsonl", "markdown", "text")
DOCUMENT_FORMATS = ("markdown", "text")  # one document per page, not a stream of records
TRACES = ("full", "summary", "none")  # what a record keeps of its trace (`record`)


PARTIAL = ".partial"  # the suffix of an output's half file while it is written


class OutputError(CleanerError):
    """An output that cannot be written as asked; reported before any page is cleaned."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def record(result: Result, *, trace: str = "full") -> dict[str, Any]:
    """The JSON record of `result` with as much of its trace as asked: `full` (every removed line
    and pruned element with its text, as `Result.to_dict`), `summary` (`trace_summary`: who
    removed how much, no text) or `none` (no `trace` key at all: the smallest record). The trace
    of a large run is about a third of its bytes, and most consumers only want the text."""
    if trace not in TRACES:
        raise ValueError(f"trace must be one of {', '.join(TRACES)}, not {trace!r}")
    data = result.to_dict()
    if "trace" in data and trace == "none":
        del data["trace"]
    elif "trace" in data and trace == "summary":
        data["trace"] = trace_summary(data["trace"])
    return data


def trace_summary(trace: dict[str, Any]) -> dict[str, Any]:
    """The trace without the removed text: the fields' sources as they are, `removed_lines`
    (rule id -> non-blank lines it removed) for `removed`, `pruned_elements` (selector ->
    elements it pruned) for `pruned`; other keys (the extractor's name) as they are."""
    typed = Trace.from_dict(trace)
    summary: dict[str, Any] = {key: value for key, value in trace.items() if key not in ("removed", "pruned")}
    lines: Counter[str] = Counter()
    for run in typed.removed:
        lines[run.rule] += len(run.lines)
    summary["removed_lines"] = dict(lines)
    if typed.pruned:
        summary["pruned_elements"] = dict(Counter(entry.selector for entry in typed.pruned))
    return summary


def dumps(result: Result, *, indent: int | None = None, trace: str = "full") -> str:
    """One record as JSON text (UTF-8 kept readable, not \\u-escaped), its trace as `record` says.

    Text that is no Unicode (a JSON line's lone surrogate escape, a file name's undecodable byte)
    cannot be written as UTF-8: each such character becomes U+FFFD and the record says how many
    (`replaced`), instead of the whole output failing."""
    data = record(result, trace=trace)
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if count := len(_SURROGATE.findall(text)):
        data["replaced"] = f"{count} character(s) that are not Unicode text written as U+FFFD"
        text = _SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False, indent=indent))
    return text


def document(result: Result, fmt: str, *, trace: str = "full") -> str:
    """One page as a document of its own: `json` (the record, indented), `markdown` (a YAML front
    matter with the fields, then the Markdown) or `text` (the plain text). An error record is
    always its JSON, so a failed page is never an empty document."""
    if fmt == "json" or not result.ok:
        return dumps(result, indent=2, trace=trace) + "\n"
    if fmt not in DOCUMENT_FORMATS:
        raise ValueError(f"no document format {fmt!r}")
    render = markdown_document if fmt == "markdown" else plain_document
    return _SURROGATE.sub("\ufffd", render(result.to_dict()))


def write(
    results: Iterable[Result], stream: IO[str], *, fmt: str, single: bool, trace: str = "full"
) -> Iterator[Result]:
    """Write each result as it comes and pass it on, so callers can count as the stream goes.

    `single` (one page in): `json` prints that object, indented, `markdown` and `text` that
    page's document (`document`). Else `json` prints an array and `jsonl` a line per record;
    `trace` as in `record`.
    """
    if fmt in DOCUMENT_FORMATS and not single:
        raise ValueError(f"--format {fmt} writes one document per page: one page, or a folder (page_files)")
    if fmt == "jsonl":
        for result in results:
            stream.write(dumps(result, trace=trace) + "\n")
            yield result
    elif single:
        for result in results:
            stream.write(document(result, fmt, trace=trace))
            yield result
    else:
        stream.write("[")
        for n, result in enumerate(results):
            stream.write(("," if n else "") + "\n" + dumps(result, trace=trace))
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
    fd, tmp = _half_file(target)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a --resume run never takes up the half file of a live run
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


def write_whole(target: Path, text: str, *, replace: bool = False) -> bool:
    """Write `text` (UTF-8) to the file `target` whole or not at all: into a half file beside it,
    renamed into place when complete. An existing `target` is replaced only when `replace`: else
    nothing is written and the answer is False (also when the file appears meanwhile)."""
    fd, tmp = _half_file(target)
    try:
        with os.fdopen(fd, "wb") as raw:
            raw.write(text.encode("utf-8", errors="replace"))
        if replace:
            os.replace(tmp, target)
            return True
        try:
            os.link(tmp, target)  # unlike a rename, never replaces a file
        except FileExistsError:
            return False
        except OSError:  # a filesystem without hard links
            if target.exists():
                return False
            os.replace(tmp, target)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _half_file(target: Path) -> tuple[int, str]:
    """A new hidden half file beside `target` (`.<name>.<random>.partial`), open for writing, with
    the mode the umask gives (mkstemp makes 0600)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PARTIAL, dir=target.parent)
    os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


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
            zstandard.ZstdCompressor().stream_writer(raw, closefd=False) as squeezed,
            io.TextIOWrapper(squeezed, encoding="utf-8", errors="replace") as text,
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
