"""JSON Lines dumps: one page per line, its fields named as common crawler exports name them.

A line that is not a JSON object (or nests too deeply to read), or holds neither HTML nor text,
becomes an error record and reading goes on; so does a line over the size limit, which is read
past without being held. A damaged compressed stream gives the records before the damage and
one error record for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cleaner.dumps.opening import open_binary
from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.pages import RawPage, raw_page
from cleaner.result import Result

JSONL_SUFFIXES = (".jsonl", ".ndjson")
_CHUNK = 1 << 20  # bytes read at a time past the size limit


@dataclass(frozen=True)
class Fields:
    """Which keys of a record hold the URL, the HTML, the text and the id: the first one present."""

    url: tuple[str, ...] = ("url", "target_uri", "warc_target_uri", "link")
    html: tuple[str, ...] = ("html", "raw_html", "content_html", "body_html", "page")
    text: tuple[str, ...] = ("text", "content", "raw_content", "body", "article")
    id: tuple[str, ...] = ("id", "doc_id", "record_id", "uuid")


def is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(JSONL_SUFFIXES) or name.endswith(tuple(s + c for s in JSONL_SUFFIXES for c in (".gz", ".zst")))


def read_jsonl(path: Path, fields: Fields = Fields(), limits: Limits = Limits()) -> Iterator[RawPage | Result]:
    """Each line of the dump as a page or an error record, in order."""
    number = 0
    if not path.exists():
        yield Result.failed(str(path), "read", "no such file or folder")
        return
    try:
        with open_binary(path) as stream:
            for number, (raw, size) in enumerate(_lines(stream, limits.max_bytes), 1):  # noqa: B007 - used after
                if raw.strip() or not raw:  # b"": a line too long to keep, still a record
                    yield _record(f"{path}:{number}", raw, size, fields, limits)
    except Exception as exc:  # noqa: BLE001 - gzip, zlib, Zstandard or OS errors: one record, not a crash
        yield Result.failed(f"{path}:{number + 1}", "read", f"the dump is damaged after line {number}: {exc}")


def _lines(stream: BinaryIO, limit: int | None) -> Iterator[tuple[bytes, int]]:
    """Each line of `stream` with its size, its end of line left out. A line longer than `limit`
    comes as b"" with its size: it is read past a chunk at a time, never held whole (a 3 GB line
    costs no 3 GB), and the next line is read as usual."""
    while line := stream.readline(limit + 1 if limit else -1):
        if limit and len(line) > limit and not line.endswith(b"\n"):
            yield b"", len(line) + _skip_line(stream)
        else:
            yield line, len(line) - line.endswith(b"\n")


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of the line, a chunk at a time; its size, its end of line left out."""
    size = 0
    while chunk := stream.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return size + len(chunk) - 1
        size += len(chunk)
    return size


def _record(source: str, raw: bytes, size: int, fields: Fields, limits: Limits) -> RawPage | Result:
    """The page a JSON record of `size` bytes holds (`raw`, b"" when it was too large to keep), or
    the error record that says why there is none."""
    try:
        limits.check_size(size)
        record = json.loads(raw)
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc))
    except ValueError as exc:
        return Result.failed(source, "json", f"not a JSON line: {exc}")
    except RecursionError:
        return Result.failed(source, "json", "the JSON line nests too deeply to be read")
    if not isinstance(record, dict):
        return Result.failed(source, "json", "a JSON line must hold an object")
    if wrong := [
        k for k in (*fields.html, *fields.text) if k in record and not isinstance(record[k], (str, type(None)))
    ]:
        kind = type(record[wrong[0]]).__name__
        return Result.failed(source, "json", f"the field {wrong[0]!r} holds a {kind}, not the page's text")
    url, page_id = _first(record, fields.url), _first(record, fields.id)
    html, text = _first(record, fields.html), _first(record, fields.text)
    if html is None and text is None:
        keys = ", ".join(fields.html + fields.text)
        return Result.failed(source, "no-content", f"the record has none of: {keys}", url, page_id)
    try:
        return raw_page(source, html if html is not None else text, url, limits, id=page_id)
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc), url, page_id)


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value)
    return None
