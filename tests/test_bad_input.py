"""Bad input: a clear error record, and nothing lost: N pages in, N records out, in order."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main

ARTICLE = "Headline\n\nThe café reopened on Monday, its owner said. “We’re back,” she told reporters.\n"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
        ("utf-16", ARTICLE.encode("utf-16")),
        ("windows-1252", ARTICLE.encode("cp1252")),
        ("latin-1", ARTICLE.replace("“", '"').replace("”", '"').replace("’", "'").encode("latin-1") * 3),
    ],
)
def test_encodings_are_detected(encoding: str, data: bytes) -> None:
    result = cleaner.clean(data)
    assert result.ok, result.error
    assert "café reopened" in result.text
    assert "\ufffd" not in result.text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_unusable_pages_become_error_records(data: bytes, kind: str) -> None:
    result = cleaner.clean(data, source="x")
    assert not result.ok
    assert result.error["kind"] == kind
    assert result.to_dict() == {"source": "x", "url": None, "error": result.error}


def test_batch_goes_on_past_bad_pages(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary\x00")
    with gzip.open(tmp_path / "d.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    (tmp_path / "e.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:30])  # truncated
    (tmp_path / "notes.md").write_text("not a page suffix: skipped in folders", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")

    code = main(["clean", str(tmp_path), missing])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [Path(r["source"]).name for r in records] == [
        "a.txt",
        "b.txt",
        "c.txt",
        "d.txt.gz",
        "e.txt.gz",
        "missing.txt",
    ]
    assert [r.get("error", {}).get("kind") for r in records] == [None, "empty", "binary", None, "read", "read"]
    assert records[3]["text"] == records[0]["text"]
    assert "missing.txt: read: no such file or folder" in err


def test_stdin_is_one_page(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("cp1252")), encoding="cp1252"))
    assert main(["clean", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == "<stdin>"
    assert "café" in record["text"]


def test_an_unexpected_failure_is_a_record_and_the_batch_goes_on(tmp_path: Path, capsys, monkeypatch) -> None:
    import cleaner.engine

    real = cleaner.engine.extract_fields

    def flaky(profile, doc, swept):
        if "explode" in doc.lines.texts[0]:
            raise ValueError("a bug somewhere below")
        return real(profile, doc, swept)

    monkeypatch.setattr(cleaner.engine, "extract_fields", flaky)
    (tmp_path / "a.txt").write_text("explode\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["clean", str(tmp_path)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["error"] == {"kind": "internal", "message": "ValueError: a bug somewhere below"}
    assert "café reopened" in records[1]["text"]


def test_a_fifo_in_a_folder_is_an_error_record_not_a_hang(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block until a writer came
    assert main(["clean", str(tmp_path)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "café reopened" in records[0]["text"]
    assert records[1]["source"].endswith("pipe.txt") and records[1]["error"]["kind"] == "read"
    assert "not a regular file" in records[1]["error"]["message"]


def test_an_unreadable_subfolder_is_an_error_record(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # as for a folder of another user's, mode 700 (the tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["clean", str(tmp_path)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "café reopened" in records[0]["text"]
    assert records[1]["source"].endswith("locked")
    assert records[1]["error"] == {"kind": "read", "message": "cannot read the folder: Permission denied"}
