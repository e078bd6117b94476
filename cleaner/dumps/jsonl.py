"""JSON Lines dumps: one page per line, its fields named as common crawler exports name them.

A line that is not a JSON object (or nests too deeply to read), or holds neither HTML nor text,
becomes an error record and reading goes on; a damaged compressed stream gives the records
before the damage and one error record for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaner.dumps.opening import open_binary
from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.pages import RawPage, raw_page
from cleaner.result import Result

JSONL_SUFFIXES = (".jsonl", ".ndjson")


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
            for number, raw in enumerate(stream, 1):  # noqa: B007 - the count is used after the loop
                if raw.strip():
                    yield _record(f"{path}:{number}", raw, fields, limits)
    except Exception as exc:  # noqa: BLE001 - gzip, zlib, Zstandard or OS errors: one record, not a crash
        yield Result.failed(f"{path}:{number + 1}", "read", f"the dump is damaged after line {number}: {exc}")


def _record(source: str, raw: bytes, fields: Fields, limits: Limits) -> RawPage | Result:
    try:
        limits.check_size(len(raw))
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
