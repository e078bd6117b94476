"""What the inputs are, told by their content and read within the limits: JSON dumps by their
first byte, WARC records with their HTTP status, folder walks that say what they passed over,
truncated WARC files that always say so, and reads that stop at the size limit."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.cli import main
from cleaner.dumps.warc import read_warc
from cleaner.pages import RawPage
from cleaner.result import Result


def run(capsys, *args: str) -> tuple[int, list[dict], str]:
    """`cleaner clean ARGS` as JSON Lines: the exit code, the records and what went to stderr."""
    code = main(["clean", "--format", "jsonl", *args])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


def html_page(n: int) -> bytes:
    """A small HTML page that compresses poorly, so a gzip member has many cut points."""
    words = " ".join(str(k * 7919 % 10007) for k in range(40 + 30 * n))
    return f"<html><body><article><p>Story {n}: {words}</p></article></body></html>".encode()


def warc_of(pages: list[bytes], *, gzip: bool = True, status: str = "200 OK") -> tuple[bytes, list[int]]:
    """A WARC of HTML responses (gzip: one member a record, as warcio writes it) and the offset
    where each record ends."""
    out, ends = io.BytesIO(), []
    writer = WARCWriter(out, gzip=gzip)
    for n, body in enumerate(pages):
        headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.com/{n}", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
        writer.write_record(record)
        ends.append(out.tell())
    return out.getvalue(), ends


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_cut_anywhere_keeps_the_records_before_and_says_it_was_cut(tmp_path: Path, gzip: bool) -> None:
    data, ends = warc_of([html_page(n) for n in range(5)], gzip=gzip)
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(data)
    urls = [page.url for page in read_warc(path)]
    assert urls == [f"https://example.com/{n}" for n in range(5)]
    # An uncompressed record is whole once its content is: the blank lines after it only part it from the next.
    whole = {0, *ends} | ({cut for end in ends for cut in range(end - 4, end)} if not gzip else set())
    for cut in range(len(data) + 1):
        path.write_bytes(data[:cut])
        read = list(read_warc(path))
        pages = [item.url for item in read if isinstance(item, RawPage)]
        errors = [item for item in read if isinstance(item, Result)]
        complete = sum(end <= cut for end in ends)
        assert pages == urls[: len(pages)] and complete <= len(pages) <= complete + 1, cut
        if cut in whole:
            assert errors == [], cut
        else:
            assert len(errors) == 1 and read[-1] is errors[0], cut
            assert errors[0].error["kind"] == "read", cut  # "truncated", or "damaged" when a header line is cut


def test_a_warc_record_carries_its_http_status_and_its_id_without_angle_brackets(tmp_path: Path, capsys) -> None:
    data, _ = warc_of([html_page(1)], status="203 Non-Authoritative Information")
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    (tmp_path / "pages.jsonl").write_text(json.dumps({"id": "j1", "html": html_page(2).decode()}) + "\n")
    code, (from_warc, from_jsonl), _ = run(capsys, str(tmp_path / "crawl.warc.gz"), str(tmp_path / "pages.jsonl"))
    assert code == 0
    assert list(from_warc)[:5] == ["source", "id", "url", "fetched", "http_status"]
    assert from_warc["http_status"] == 203 and from_warc["id"].startswith("urn:uuid:")
    assert not from_warc["id"].endswith(">") and "Story 1" in from_warc["text"]
    assert "http_status" not in from_jsonl and from_jsonl["id"] == "j1"
