"""WARC files (`.warc`, `.warc.gz`, as Common Crawl ships them), read with warcio.

HTML `response` records become pages with the record's target URI and id; every other record
is skipped and counted. A truncated or damaged file gives the pages before the damage and one
error record for it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.pages import RawPage, raw_page, read_within
from cleaner.result import Result

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_TRUNCATED = "the WARC file ends inside record {}: truncated"


@dataclass
class Skipped:
    """What the inputs held that gave no record, so that the run can say so: WARC records that
    are not HTML responses, counted by WARC type (or `non-html`, `status-404`), and files a folder
    walk passed over, counted by why and what (`unknown suffix` → `.pdf`)."""

    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def add_file(self, why: str, what: str = "") -> None:
        self.files.setdefault(why, Counter())[what] += 1


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, limits: Limits = Limits(), skipped: Skipped | None = None) -> Iterator[RawPage | Result]:
    """Each HTML response of the file as a page (or an error record), in file order."""
    skipped = skipped if skipped is not None else Skipped()
    number = 0
    try:
        with path.open("rb") as stream:
            records = _Records(stream)
            for number, record in enumerate(records, 1):  # noqa: B007 - used after the loop
                source = f"{path}#{number}"
                kind = _kind(record)
                body = _read(record, limits)  # every record, to its end: only then is one cut short told
                if _truncated(record):
                    yield Result.failed(source, "read", _TRUNCATED.format(number))
                    return
                if kind != "html":
                    skipped.add(kind)
                    continue
                yield _page(source, record, body, limits)
            if records.ended_inside_record:
                yield Result.failed(f"{path}#{number + 1}", "read", _TRUNCATED.format(number + 1))
    except Exception as exc:  # noqa: BLE001 - warcio, gzip or OS errors: one record, not a crash
        yield Result.failed(f"{path}#{number + 1}", "read", f"the WARC file is damaged after record {number}: {exc}")


class _Records(ArchiveIterator):  # type: ignore[misc]  # warcio is untyped
    """warcio's record iterator, telling also whether the file ended where a record did.

    warcio ends its walk in silence when the file stops inside a record's WARC headers or inside
    a gzip member (before any of it inflates, or with only its checksum missing): without this,
    a truncated file would lose its last record without a word."""

    ended_inside_record = False

    def close(self) -> None:
        if self.reader is not None:
            decompressor = self.reader.decompressor
            read = self.fh.tell()
            inflating = decompressor is not None and not getattr(decompressor, "eof", True)
            self.ended_inside_record = read > 0 and (inflating or self.offset < read)
        super().close()


def _kind(record: ArcWarcRecord) -> str:
    """`html` for a 2xx HTML response; else the WARC type, `status-<code>` for a response that
    is not 2xx, or `non-html` for other responses."""
    if record.rec_type != "response":
        return str(record.rec_type)
    status = _status(record)
    if status and not status.startswith("2"):
        return f"status-{status}"  # a 404 page or a 301 redirect holds no article
    return "html" if "html" in _content_type(record).lower() else "non-html"


def _status(record: ArcWarcRecord) -> str:
    """The response's HTTP status code (`200`), or "" when it has no status line."""
    return str(record.http_headers.get_statuscode() or "") if record.http_headers else ""


def _content_type(record: ArcWarcRecord) -> str:
    return str(record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""


def _read(record: ArcWarcRecord, limits: Limits) -> bytes | PageError:
    """The payload, or the `too-large` error when it is over the size limit: then the rest is read
    and dropped, so that a record cut short is still told from one that is whole."""
    stream = record.content_stream()
    try:
        return read_within(stream, limits)
    except PageError as exc:
        while stream.read(1 << 20):
            pass
        return exc


def _charset(record: ArcWarcRecord) -> str | None:
    """The charset of the response's Content-Type header (`text/html; charset=…`), if it names one."""
    found = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", _content_type(record), re.IGNORECASE)
    return found.group(1) if found else None


def _truncated(record: ArcWarcRecord) -> bool:
    """A record whose declared length was not all there, whose headers end before its length
    (the file was cut inside them), or a response with no content at all."""
    if record.length is None or getattr(record.raw_stream, "limit", 0) > 0:
        return True
    return record.rec_type == "response" and not record.length


def _page(source: str, record: ArcWarcRecord, body: bytes | PageError, limits: Limits) -> RawPage | Result:
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>") or None
    if isinstance(body, PageError):
        return Result.failed(source, body.kind, str(body), url, record_id)
    try:
        fetched = record.rec_headers.get_header("WARC-Date")
        return raw_page(
            source,
            body,
            url,
            limits,
            id=record_id,
            fetched=fetched,
            charset=_charset(record),
            http_status=int(status) if (status := _status(record)).isdigit() else None,
        )
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc), url, record_id)
