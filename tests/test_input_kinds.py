"""What the inputs are, told by their content and read within the limits: JSON dumps by their
first byte, WARC records with their HTTP status, folder walks that say what they passed over,
truncated WARC files that always say so, and reads that stop at the size limit."""

from __future__ import annotations

import gzip as gzip_module
import io
import json
import os
import random
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.cli import main
from cleaner.dumps.jsonl import read_jsonl
from cleaner.dumps.warc import read_warc
from cleaner.limits import Limits
from cleaner.pages import RawPage
from cleaner.readers import read_file
from cleaner.result import Result


def run(capsys, *args: str) -> tuple[int, list[dict], str]:
    """`cleaner clean ARGS` as JSON Lines: the exit code, the records and what went to stderr."""
    code = main(["clean", "--format", "jsonl", *args])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


def html_page(n: int) -> bytes:
    """A small HTML page that compresses poorly, so a gzip member has many cut points."""
    words = " ".join(str(k * 7919 % 10007) for k in range(10 + 10 * n))
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
    for cut in range(len(data), -1, -1):
        os.truncate(path, cut)
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


def peak_bytes(read) -> int:
    """The most memory Python held at once while `read()` ran."""
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


SMALL = Limits(max_bytes=1000)  # --max-size 0.001


def test_a_json_line_over_the_limit_is_read_past_not_held_and_the_next_line_is_read(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "pages.jsonl"
    with dump.open("w") as out:
        out.write(json.dumps({"id": "a", "html": html_page(1).decode()[:900]}) + "\n")
        out.write('{"id": "huge", "text": "' + "x" * 20_000_000 + '"}\n')
        out.write(
            json.dumps({"id": "c", "text": "Headline\n\nThe council met on Monday and approved the plan."}) + "\n"
        )
    records: list = []
    assert peak_bytes(lambda: records.extend(read_jsonl(dump, limits=SMALL))) < 5_000_000
    assert [r.source for r in records] == [f"{dump}:{n}" for n in (1, 2, 3)]
    assert isinstance(records[0], RawPage) and isinstance(records[2], RawPage)
    assert records[1].error["kind"] == "too-large" and "20,000,0" in records[1].error["message"]
    code, cleaned, _ = run(capsys, str(dump), "--max-size", "0.001")
    assert code == 1 and [r.get("error", {}).get("kind") for r in cleaned] == [None, "too-large", None]


@pytest.mark.parametrize("suffix", [".html.gz", ".html.zst"])
def test_a_compressed_page_that_inflates_past_the_limit_is_not_inflated_whole(tmp_path: Path, suffix: str) -> None:
    import zstandard

    page = b"<html><body><p>" + b"a" * 20_000_000 + b"</p></body></html>"
    path = tmp_path / f"page{suffix}"
    path.write_bytes(gzip_module.compress(page) if suffix.endswith(".gz") else zstandard.compress(page))
    read: list = []
    assert peak_bytes(lambda: read.append(read_file(path, SMALL))) < 5_000_000
    assert read[0].error["kind"] == "too-large"
    assert isinstance(read_file(path, Limits(max_bytes=None)), RawPage)  # the page itself reads


def clean_endless(input_name: str, stdin) -> subprocess.CompletedProcess:
    """`cleaner clean INPUT --max-size 0.001` on an endless input: it must end on its own."""
    command = [sys.executable, "-m", "cleaner", "clean", input_name, "--max-size", "0.001", "--format", "jsonl"]
    return subprocess.run(command, stdin=stdin, capture_output=True, timeout=30, check=False)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_input_named_or_on_stdin_ends_with_a_too_large_record() -> None:
    named = clean_endless("/dev/zero", subprocess.DEVNULL)
    with open("/dev/zero", "rb") as zeros:
        piped = clean_endless("-", zeros)
    for done, source in ((named, "/dev/zero"), (piped, "<stdin>")):
        [record] = [json.loads(line) for line in done.stdout.splitlines()]
        assert done.returncode == 1 and record["source"] == source
        assert record["error"]["kind"] == "too-large" and "1,000 bytes" in record["error"]["message"]


def test_stdin_over_the_limit_is_a_too_large_record(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>" + b"word " * 2000 + b"</p>")))
    code, [record], _ = run(capsys, "-", "--max-size", "0.001")
    assert code == 1 and record["error"]["kind"] == "too-large"


def story(n: int) -> dict:
    return {"id": f"s{n}", "url": f"https://example.com/{n}", "html": html_page(n).decode()}


@pytest.mark.parametrize("name", ["items.jl", "items.json", "items.json.gz"])
def test_a_json_file_of_one_object_a_line_is_read_as_json_lines(tmp_path: Path, capsys, name: str) -> None:
    data = ("\n" + "".join(json.dumps(story(n)) + "\n" for n in range(3))).encode()
    path = tmp_path / name
    path.write_bytes(gzip_module.compress(data) if name.endswith(".gz") else data)
    code, records, _ = run(capsys, str(path))
    assert code == 0 and [r["id"] for r in records] == ["s0", "s1", "s2"]
    assert [r["source"] for r in records] == [f"{path}:{n}" for n in (2, 3, 4)]  # line numbers


@pytest.mark.parametrize("name", ["items.json", "items.jl.zst"])
def test_a_json_array_dump_gives_a_page_per_element(tmp_path: Path, capsys, name: str) -> None:
    import zstandard

    data = (" \n" + json.dumps([story(n) for n in range(3)], indent=2)).encode()
    path = tmp_path / name
    path.write_bytes(zstandard.compress(data) if name.endswith(".zst") else data)
    code = main(["clean", str(path)])  # a dump: JSON Lines out, as for any dump
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0 and [r["id"] for r in records] == ["s0", "s1", "s2"]
    assert [r["source"] for r in records] == [f"{path}#{n}" for n in (1, 2, 3)]  # element numbers
    assert "Story 2" in records[2]["text"]


def test_a_json_file_that_is_no_dump_is_still_one_page(tmp_path: Path, capsys) -> None:
    path = tmp_path / "page.json"
    path.write_bytes(html_page(1))
    code, [record], _ = run(capsys, str(path))
    assert code == 0 and record["source"] == str(path) and "Story 1" in record["text"]


def test_a_folder_walk_reads_json_dumps_by_their_content(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.json").write_text(json.dumps([story(0), story(1)]))
    (tmp_path / "b.jl").write_text(json.dumps(story(2)) + "\n")
    code, records, _ = run(capsys, str(tmp_path))
    assert code == 0 and [(Path(r["source"]).name, r["id"]) for r in records] == [
        ("a.json#1", "s0"),
        ("a.json#2", "s1"),
        ("b.jl:1", "s2"),
    ]


def test_a_json_array_is_read_an_element_at_a_time_within_the_limit(tmp_path: Path, capsys) -> None:
    path = tmp_path / "items.json"
    with path.open("w") as out:
        first = {"id": "s0", "html": html_page(0).decode()}
        out.write(f'[{json.dumps(first)}, {{"text": "{"x" * 20_000_000}"}}, [1], {{"text": 1]]')
    read: list = []
    assert peak_bytes(lambda: read.extend(read_jsonl(path, limits=Limits(max_bytes=2000)))) < 5_000_000
    assert [r.source for r in read] == [f"{path}#{n}" for n in (1, 2, 3, 4)]
    assert isinstance(read[0], RawPage) and read[1].error["kind"] == "too-large"
    assert read[2].error == {"kind": "json", "message": "a JSON array element must hold an object"}
    assert read[3].error["kind"] == "json"  # {"text": 1] is no JSON: this element only


def test_a_json_array_cut_short_keeps_the_elements_before_and_says_so(tmp_path: Path, capsys) -> None:
    data = json.dumps([story(n) for n in range(3)]).encode()
    path = tmp_path / "items.json"
    path.write_bytes(data[: len(data) - 100])
    code, records, _ = run(capsys, str(path))
    assert code == 1 and [r.get("id") for r in records] == ["s0", "s1", None]
    assert records[-1]["error"]["kind"] == "read" and "truncated" in records[-1]["error"]["message"]


def test_a_folder_walk_says_what_it_passed_over_and_why(tmp_path: Path, capsys) -> None:
    (tmp_path / "page.html").write_bytes(html_page(1))
    for name in ("logo.png", "icon.PNG", "paper.pdf", "sub/chart.png", "sub/archive.tar.gz", "Makefile"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"not a page")
    (tmp_path / ".hidden.png").write_bytes(b"hidden: not counted")
    (tmp_path / "elsewhere").symlink_to(tmp_path / "sub", target_is_directory=True)
    code = main(["clean", str(tmp_path), "--progress"])
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 0 and summary.startswith("cleaner: 1 pages, 1 cleaned, 0 failed, ")
    assert (
        "7 files skipped (6 unknown suffix: .png, .pdf, .tar.gz, no suffix; 1 folder link not followed: elsewhere)"
        in summary
    )


def test_a_folder_without_pages_says_what_it_held(tmp_path: Path, capsys) -> None:
    for name in ("logo.png", "style.css", ".notes.txt"):
        (tmp_path / name).write_bytes(b"not a page")
    assert main(["clean", str(tmp_path)]) == 1
    said = capsys.readouterr().err
    assert "no pages in the inputs: 2 files skipped (2 unknown suffix: .css, .png); folders are walked for" in said


@pytest.mark.parametrize(
    "data", [b"not gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage"], ids=["magic", "deflate"]
)
def test_a_damaged_compressed_json_file_is_a_read_record_not_a_crash(tmp_path: Path, capsys, data: bytes) -> None:
    path = tmp_path / "items.json.gz"
    path.write_bytes(data)
    code, [record], _ = run(capsys, str(path))
    assert code == 1 and record["source"] == str(path) and record["error"]["kind"] == "read"


def test_a_large_record_that_is_no_page_is_read_past_within_the_limit(tmp_path: Path) -> None:
    from cleaner.dumps.warc import Skipped

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    video = random.Random(13).randbytes(8_000_000)  # compresses no better than a video does
    for content_type, body in (("video/mp4", video), ("text/html", html_page(1))):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.com/v", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
        )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(out.getvalue())
    read, skipped = [], Skipped()
    assert peak_bytes(lambda: read.extend(read_warc(path, Limits(max_bytes=100_000), skipped))) < 3_000_000
    assert [type(item) for item in read] == [RawPage] and skipped.counts == {"non-html": 1}
