"""Dumps of many pages: JSON Lines (plain, gzip, Zstandard) and WARC, with nothing lost."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.cli import main

PROSE = "The council met on Monday and approved the plan after a long debate about the budget and the library."
HTML = f"<html><body><article><p>{PROSE}</p><p>It takes effect in July, officials said.</p></article></body></html>"


def run(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["clean", *args])
    return code, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def jsonl(records: list) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


RECORDS = [
    {"id": "a1", "url": "https://example.com/a", "html": HTML},
    "this line is not JSON",
    {"doc_id": 7, "content": f"Headline\n{PROSE}"},
    {"id": "a4", "title": "no page content"},
    [1, 2],
]


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_jsonl_every_line_is_a_record_in_order(tmp_path: Path, capsys, suffix: str) -> None:
    data = jsonl(RECORDS).encode()
    path = tmp_path / f"dump{suffix}"
    compress = {".jsonl": bytes, ".jsonl.gz": gzip.compress, ".jsonl.zst": zstandard.ZstdCompressor().compress}
    path.write_bytes(compress[suffix](data))
    code, records = run(capsys, str(path))
    assert code == 1
    assert [r["source"] for r in records] == [f"{path}:{n}" for n in range(1, 6)]
    assert [r.get("id") for r in records] == ["a1", None, "7", "a4", None]
    assert [r.get("error", {}).get("kind") for r in records] == [None, "json", None, "no-content", "json"]
    assert records[0]["url"] == "https://example.com/a" and PROSE in records[0]["text"]
    assert PROSE in records[2]["text"]


def test_jsonl_field_names_can_be_chosen(tmp_path: Path, capsys) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(jsonl([{"key": "k1", "link": "https://x.example/1", "markup": HTML, "html": "<p>not this</p>"}]))
    code, [record] = run(capsys, str(path), "--html-field", "markup", "--id-field", "key", "--url-field", "link")
    assert code == 0
    assert (record["id"], record["url"]) == ("k1", "https://x.example/1")
    assert PROSE in record["text"]


def test_truncated_gzip_dump_keeps_the_records_before_the_damage(tmp_path: Path, capsys) -> None:
    lines = [{"id": f"r{n}", "text": f"Story {n}. {PROSE} {n * 7919}"} for n in range(400)]
    data = gzip.compress(jsonl(lines).encode())
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    code, records = run(capsys, str(path))
    assert code == 1
    good, last = records[:-1], records[-1]
    assert 0 < len(good) < 400 and all("error" not in r for r in good[:-1])
    assert [r["id"] for r in good[:-1]] == [f"r{n}" for n in range(len(good) - 1)]
    assert last["error"]["kind"] == "read" and "damaged" in last["error"]["message"]


def warc(records: list[tuple[str, str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for kind, content_type, body in records:
        if kind == "response":
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                "https://example.com/p", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
        else:
            record = writer.create_warc_record(
                "https://example.com/p", kind, payload=io.BytesIO(body), length=len(body)
            )
        writer.write_record(record)
    return out.getvalue()


WARC_RECORDS = [
    ("warcinfo", "", b"software: test"),
    ("response", "text/html; charset=utf-8", HTML.encode()),
    ("request", "", b"GET /p HTTP/1.1\r\n\r\n"),
    ("response", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("response", "text/html", HTML.replace("Monday", "Tuesday").encode()),
]


def test_warc_html_responses_are_cleaned_and_the_rest_skipped(tmp_path: Path, capsys) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc(WARC_RECORDS))
    code, records = run(capsys, str(path))
    assert code == 0
    assert [r["source"] for r in records] == [f"{path}#2", f"{path}#5"]
    assert all(r["url"] == "https://example.com/p" and r["id"].startswith("urn:uuid:") for r in records)
    assert all(r["fetched"][:4].isdigit() and r["fetched"].endswith("Z") for r in records)  # the WARC-Date
    assert "Monday" in records[0]["text"] and "Tuesday" in records[1]["text"]


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path, capsys) -> None:
    data = warc(WARC_RECORDS)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[: len(data) - 60])
    code, records = run(capsys, str(path))
    assert code == 1
    assert records[0]["source"] == f"{path}#2" and PROSE in records[0]["text"]
    assert records[-1]["error"]["kind"] == "read" and "truncated" in records[-1]["error"]["message"]
    assert len(records) == 2


def test_folder_walk_finds_dumps(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl([{"text": PROSE}]))
    (tmp_path / "b.warc.gz").write_bytes(warc(WARC_RECORDS[:2]))
    code, records = run(capsys, str(tmp_path))
    assert code == 0 and [Path(r["source"]).name for r in records] == ["a.jsonl:1", "b.warc.gz#2"]


def test_progress_summary_counts_add_up_to_the_input(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl(RECORDS))
    (tmp_path / "b.warc.gz").write_bytes(warc(WARC_RECORDS))
    code = main(["clean", str(tmp_path), "--progress"])
    captured = capsys.readouterr()
    summary = captured.err.strip().splitlines()[-1]
    assert code == 1 and len(captured.out.splitlines()) == 7
    assert summary.startswith("cleaner: 7 pages, 4 cleaned, 3 failed (json 2, no-content 1), ")
    assert "3 records skipped (non-html 1, request 1, warcinfo 1)" in summary


def test_a_lone_surrogate_is_replaced_and_said_and_the_run_goes_on(tmp_path: Path) -> None:
    dump = tmp_path / "pages.jsonl"
    dump.write_text(
        '{"text": "Headline\\n\\nThe council met \\udc00 on Monday and approved the plan after a long debate."}\n'
        + json.dumps({"text": f"Headline\n\n{PROSE}"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out)]) == 0
    first, second = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "The council met \ufffd on Monday" in first["text"]
    assert first["replaced"] == "1 character(s) that are not Unicode text written as U+FFFD"
    assert second["text"] == PROSE and "replaced" not in second


def test_a_file_name_that_is_not_utf8_is_written_replaced(tmp_path: Path, capsys) -> None:
    odd = tmp_path / b"caf\xe9.txt".decode("utf-8", "surrogateescape")  # as os.listdir gives it
    odd.write_text(f"Headline\n\n{PROSE}\n", encoding="utf-8")
    code, records = run(capsys, str(tmp_path))
    assert code == 0 and records[0]["source"].endswith("caf\ufffd.txt")
    assert records[0]["text"] == PROSE and records[0]["replaced"].startswith("1 character")


def test_a_json_line_nested_too_deep_is_one_error_and_reading_goes_on(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "pages.jsonl"
    dump.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": f"Headline\n\n{PROSE}"}) + "\n")
    code, records = run(capsys, str(dump))
    assert code == 1
    assert records[0]["error"] == {"kind": "json", "message": "the JSON line nests too deeply to be read"}
    assert records[1]["text"] == PROSE


@pytest.mark.parametrize("value", [5, ["<p>x</p>"], {"p": 1}, True])
def test_a_page_field_of_the_wrong_type_is_an_error_record(tmp_path: Path, capsys, value: object) -> None:
    dump = tmp_path / "pages.jsonl"
    dump.write_text(jsonl([{"html": value}, {"text": f"Headline\n\n{PROSE}"}]), encoding="utf-8")
    code, records = run(capsys, str(dump))
    assert code == 1
    assert records[0]["error"]["kind"] == "json" and "'html' holds a" in records[0]["error"]["message"]
    assert records[1]["text"] == PROSE


def test_warc_responses_that_are_not_2xx_are_skipped_and_counted(tmp_path: Path, capsys) -> None:
    from cleaner.dumps.warc import Skipped, read_warc

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for status, body in (("404 Not Found", b"<html><body><p>Not found</p></body></html>"), ("200 OK", HTML.encode())):
        headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.com/p", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
        )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(out.getvalue())
    skipped = Skipped()
    pages = list(read_warc(path, skipped=skipped))
    assert len(pages) == 1 and "Monday" in pages[0].decode().html
    assert skipped.counts == {"status-404": 1}


def test_a_url_that_does_not_parse_costs_the_page_its_site_profile_not_the_page(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "pages.jsonl"
    dump.write_text(jsonl([{"url": "http://[::1/x", "text": f"Headline\n\n{PROSE}"}]), encoding="utf-8")
    code, [record] = run(capsys, str(dump))
    assert code == 0 and record["text"] == PROSE
    assert (record["url"], record["profile"]) == ("http://[::1/x", "_generic")


def test_a_truncated_zstandard_dump_ends_with_a_read_record(tmp_path: Path, capsys) -> None:
    rows = [{"id": f"r{n}", "text": f"Headline {n}\n\n{PROSE} Item {n} of the dump."} for n in range(3000)]
    whole = zstandard.ZstdCompressor(level=1).compress(jsonl(rows).encode("utf-8"))
    path = tmp_path / "pages.jsonl.zst"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    code, records = run(capsys, str(path))
    good, last = records[:-1], records[-1]
    assert code == 1 and 0 < len(good) < 3000
    assert [r["id"] for r in good] == [f"r{n}" for n in range(len(good))]
    assert last["error"]["kind"] == "read" and "truncated" in last["error"]["message"]
    path.write_bytes(whole)  # the whole file reads whole
    code, records = run(capsys, str(path))
    assert code == 0 and len(records) == 3000
