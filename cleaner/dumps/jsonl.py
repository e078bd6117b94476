"""JSON dumps: one page per line (JSON Lines) or per element of a JSON array, its fields named
as common crawler exports name them.

A record that is not a JSON object (or nests too deeply to read), or holds neither HTML nor
text, becomes an error record and reading goes on; so does a record over the size limit, which
is read past without being held. A damaged compressed stream, or an array cut short, gives the
records before the damage and one error record for it.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cleaner.dumps.opening import COMPRESSED_SUFFIXES, open_binary
from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.pages import RawPage, raw_page
from cleaner.result import Result

JSONL_SUFFIXES = (".jsonl", ".ndjson")  # JSON Lines by name
SNIFFED_SUFFIXES = (".json", ".jl")  # JSON Lines or a JSON array by the first byte (Scrapy writes both)
_CHUNK = 1 << 20  # bytes read at a time (an array, or a line past the size limit)
_SNIFF = 1 << 16  # bytes looked at for the first one that is not blank
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Fields:
    """Which keys of a record hold the URL, the HTML, the text and the id: the first one present."""

    url: tuple[str, ...] = ("url", "target_uri", "warc_target_uri", "link")
    html: tuple[str, ...] = ("html", "raw_html", "content_html", "body_html", "page")
    text: tuple[str, ...] = ("text", "content", "raw_content", "body", "article")
    id: tuple[str, ...] = ("id", "doc_id", "record_id", "uuid")


def _named(path: Path, suffixes: tuple[str, ...]) -> bool:
    """Whether the file is named with one of `suffixes`, compressed or not."""
    return path.name.lower().endswith(tuple(s + c for s in suffixes for c in ("", *COMPRESSED_SUFFIXES)))


def dump_layout(path: Path) -> str | None:
    """How the file holds its records: `lines` (JSON Lines), `array` (a JSON array, one record an
    element), or None when it is no JSON dump. `.jsonl` and `.ndjson` are lines by name; `.json`
    and `.jl` by their first byte that is not blank: `{` for lines, `[` for an array (a file of
    one page in a `.json`, say HTML, stays a page). Only a regular file is looked into: reading
    the start of a pipe would take it from the reader."""
    if _named(path, JSONL_SUFFIXES):
        return "lines"
    if not _named(path, SNIFFED_SUFFIXES) or not path.is_file():
        return None
    return {b"{": "lines", b"[": "array"}.get(_first_byte(path))


def _first_byte(path: Path) -> bytes:
    """The first byte of the (decompressed) file that is not blank, or b"" (none, or unreadable:
    reading it as a page then says why)."""
    try:
        with open_binary(path) as stream:
            head = stream.read(_SNIFF).removeprefix(_BOM).lstrip()
    except (OSError, EOFError, zlib.error):  # not gzip, damaged, cut short: as `open_binary` says
        return b""
    return head[:1]


def is_jsonl(path: Path) -> bool:
    """Whether the file is a JSON dump of many pages (`dump_layout`), read by `read_jsonl`."""
    return dump_layout(path) is not None


def read_jsonl(path: Path, fields: Fields = Fields(), limits: Limits = Limits()) -> Iterator[RawPage | Result]:
    """Each record of the dump (a line, or an element of a JSON array: `path#N`) as a page or an
    error record, in order."""
    number = 0
    if not path.exists():
        yield Result.failed(str(path), "read", "no such file or folder")
        return
    array = dump_layout(path) == "array"
    mark, what = ("#", "JSON array element") if array else (":", "JSON line")
    try:
        with open_binary(path) as stream:
            records = _elements(stream, limits.max_bytes) if array else _lines(stream, limits.max_bytes)
            for number, (raw, size) in enumerate(records, 1):  # noqa: B007 - used after the loop
                if raw.strip() or not raw:  # b"": a record too large to keep, still a record
                    yield _record(f"{path}{mark}{number}", raw, size, fields, limits, what)
    except PageError as exc:  # the array is no array, or is cut short: what follows cannot be told apart
        yield Result.failed(f"{path}{mark}{number + 1}", exc.kind, str(exc))
    except Exception as exc:  # noqa: BLE001 - gzip, zlib, Zstandard or OS errors: one record, not a crash
        yield Result.failed(f"{path}{mark}{number + 1}", "read", f"the dump is damaged after {what} {number}: {exc}")


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


def _elements(stream: BinaryIO, limit: int | None) -> Iterator[tuple[bytes, int]]:
    """Each element of the JSON array `stream` holds, with its size (b"" for one over `limit`).

    Raises PageError `json` when the stream holds no array, `read` when it ends inside one."""
    elements = _ArrayElements(limit)
    while chunk := stream.read(_CHUNK):
        yield from elements.feed(chunk)
    elements.finish()


_STRUCTURE = re.compile(rb'["\[\]{},]')  # what matters outside a string
_STRING_END = re.compile(rb'["\\]')  # what matters inside one
_QUOTE, _BACKSLASH, _COMMA = ord('"'), ord("\\"), ord(",")


class _ArrayElements:
    """Cuts a JSON array, fed a chunk at a time, into its elements' bytes by its structure alone
    (strings, nesting), so that a dump of gigabytes is never held whole, nor an element over the
    size limit (only its size is kept, to say so). Each element is parsed on its own afterwards:
    a bad one costs only itself. Arrays one after another (`[…][…]`, as a crawler appending to
    its feed file writes them) read as one."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.depth, self.in_string, self.carry = 0, False, 0  # carry: an escaped byte in the next chunk
        self.part: bytearray | None = bytearray()  # the element so far; None once it is over the limit
        self.size = 0

    def feed(self, chunk: bytes) -> list[tuple[bytes, int]]:
        """The elements that end in `chunk`, each with its size."""
        ended: list[tuple[bytes, int]] = []
        start, at = 0, self.carry
        while at < len(chunk):
            if self.in_string:
                if (found := _STRING_END.search(chunk, at)) is None:
                    break
                escaped = chunk[found.start()] == _BACKSLASH
                at, self.in_string = found.end() + escaped, escaped
            elif (found := _STRUCTURE.search(chunk, at)) is None:
                break
            else:
                at = found.end()
                if self._structure(chunk, start, found.start(), ended):
                    start = at
        self.carry = max(at - len(chunk), 0)
        if self.depth:
            self._keep(chunk[start:])
        else:
            self._between(chunk[start:])
        return ended

    def _structure(self, chunk: bytes, start: int, at: int, ended: list[tuple[bytes, int]]) -> bool:
        """Take the structural byte at `at`; True when it ends what began at `start` (an element,
        or the blanks before an array)."""
        byte = chunk[at]
        if self.depth == 0:
            self._between(chunk[start:at], opening=byte)
            self.depth = 1
            return True
        if byte == _QUOTE:
            self.in_string = True
        elif byte in b"[{":
            self.depth += 1
        elif self.depth > 1 and byte in b"]}":
            self.depth -= 1
        elif self.depth == 1 and byte in b",]}":
            self._keep(chunk[start:at])
            over = self.part is None
            raw, size = b"" if self.part is None else bytes(self.part), self.size
            self.part, self.size = bytearray(), 0
            if byte == _COMMA or over or raw.strip():  # `[]` and `[1, 2,]` end on no element
                ended.append((raw, size))
            self.depth = 0 if byte != _COMMA else 1
            return True
        return False

    def _keep(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.part is not None:
            self.part += piece
            if self.limit and self.size > self.limit:
                self.part = None

    @staticmethod
    def _between(blank: bytes, opening: int = ord("[")) -> None:
        if blank.removeprefix(_BOM).strip() or opening != ord("["):
            raise PageError("json", "not a JSON array: a .json dump that opens with [ must hold arrays only")

    def finish(self) -> None:
        """Raises PageError `read` when the stream ended inside an array."""
        if self.depth:
            raise PageError("read", "the file ends inside the JSON array: truncated")


def _record(
    source: str, raw: bytes, size: int, fields: Fields, limits: Limits, what: str = "JSON line"
) -> RawPage | Result:
    """The page a JSON record of `size` bytes holds (`raw`, b"" when it was too large to keep), or
    the error record that says why there is none; `what` names the record in the messages."""
    try:
        limits.check_size(size)
        record = json.loads(raw)
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc))
    except ValueError as exc:
        return Result.failed(source, "json", f"not a {what}: {exc}")
    except RecursionError:
        return Result.failed(source, "json", f"the {what} nests too deeply to be read")
    if not isinstance(record, dict):
        return Result.failed(source, "json", f"a {what} must hold an object")
    if wrong := [
        k for k in (*fields.html, *fields.text) if k in record and not isinstance(record[k], (str, type(None)))
    ]:
        kind = type(record[wrong[0]]).__name__
        return Result.failed(source, "json", f"the field {wrong[0]!r} holds a {kind}, not the page's text")
    url, page_id = _first(record, fields.url), _first(record, fields.id)
    content = _first(record, fields.html) or _first(record, fields.text)  # the HTML first, else the text
    if content is None:
        keys = ", ".join(fields.html + fields.text)
        return Result.failed(source, "no-content", f"the record has none of: {keys}", url, page_id)
    try:
        return raw_page(source, content, url, limits, id=page_id)
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc), url, page_id)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value)
    return None
