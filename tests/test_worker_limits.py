"""Per-page limits that hold whatever the page is doing: decoding, C code, memory.

Every case runs the command line on pages written here; the page over its limit becomes an
error record and the page after it is still cleaned."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner.pages
from cleaner.cli import main
from tests.test_dumps import PROSE

# An XPath lxml evaluates in C for minutes on a page of 1,500 paragraphs: no alarm can stop it.
STUCK_XPATH = "//*[count(//*[count(//*) > count(//p)]) > 1]"


def run(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["clean", *args])
    return code, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def stuck_site(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A profile whose pruning XPath never ends on a long page, that page, and a short one."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.yaml").write_text(
        f"profile: slow\nextends: _generic\nhtml:\n  prune: ['{STUCK_XPATH}']\n", encoding="utf-8"
    )
    stuck = tmp_path / "a-stuck.html"
    stuck.write_text("<html><body>" + f"<div><p>{PROSE}</p></div>" * 1500 + "</body></html>", encoding="utf-8")
    fine = tmp_path / "b-fine.html"
    fine.write_text(f"<html><body><article><h1>Budget</h1><p>{PROSE}</p></article></body></html>", encoding="utf-8")
    return rules, stuck, fine


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_stuck_in_c_code_is_stopped_and_the_next_page_cleaned(tmp_path: Path, capsys, jobs: str) -> None:
    rules, stuck, fine = stuck_site(tmp_path)
    args = [str(stuck), str(fine), "--rules", str(rules), "--profile", "slow", "--timeout", "6", "--jobs", jobs]
    code, records = run(capsys, *args)
    assert code == 1
    assert [Path(r["source"]).name for r in records] == ["a-stuck.html", "b-fine.html"]
    assert records[0]["error"]["kind"] == "timeout" and "stopped" in records[0]["error"]["message"]
    assert "error" not in records[1] and PROSE in records[1]["text"]


def test_decoding_runs_within_the_time_limit(tmp_path: Path, capsys, monkeypatch) -> None:
    import time

    real = cleaner.pages.decode_html

    def slow_for_one(content: bytes, charset: str | None = None) -> str:
        if b"SLOW-TO-DECODE" in content:
            time.sleep(60)
        return real(content, charset)

    monkeypatch.setattr(cleaner.pages, "decode_html", slow_for_one)  # the forked workers inherit it
    slow, fine = tmp_path / "a.html", tmp_path / "b.html"
    slow.write_bytes(f"<html><body><!-- SLOW-TO-DECODE --><p>{PROSE}</p></body></html>".encode())
    fine.write_bytes(f"<html><body><article><p>{PROSE}</p></article></body></html>".encode())
    code, records = run(capsys, str(slow), str(fine), "--timeout", "6", "--jobs", "1")
    assert code == 1
    assert records[0]["error"]["kind"] == "timeout"
    assert "error" not in records[1] and PROSE in records[1]["text"]


def test_a_page_over_the_memory_limit_is_too_large_and_the_next_page_cleaned(tmp_path: Path) -> None:
    big = tmp_path / "a-big.html"
    big.write_text(
        "<html><body>" + "".join(f"<div><p>{PROSE} {n}</p></div>" for n in range(20_000)) + "</body></html>",
        encoding="utf-8",
    )
    fine = tmp_path / "b-fine.txt"
    fine.write_text(f"Budget\n\n{PROSE}\n", encoding="utf-8")
    # A process of its own, as users run it: a worker's limit counts from its parent's size.
    # no time limit: on a slow or busy machine the page must fail for its memory, not for its time
    code, records = run_process(str(big), str(fine), "--max-memory", "60", "--jobs", "1", "--timeout", "0")
    assert code == 1
    assert records[0]["error"]["kind"] == "too-large" and "memory" in records[0]["error"]["message"]
    assert "error" not in records[1] and records[1]["text"] == PROSE

    code, records = run_process(str(big), "--max-memory", "0", "--timeout", "0", "--format", "jsonl")  # no limit
    assert code == 0 and f"{PROSE} 19999" in records[0]["text"]


def run_process(*args: str) -> tuple[int, list[dict]]:
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", *args], capture_output=True, text=True, timeout=600, check=False
    )
    return done.returncode, [json.loads(line) for line in done.stdout.splitlines()]


def test_the_library_decodes_within_the_time_limit_too(monkeypatch) -> None:
    import time

    import cleaner

    real = cleaner.pages.decode_html

    def slow_for_one(content: bytes, charset: str | None = None) -> str:
        if b"SLOW-TO-DECODE" in content:
            time.sleep(60)
        return real(content, charset)

    monkeypatch.setattr(cleaner.pages, "decode_html", slow_for_one)
    limits = cleaner.Limits(timeout=6)  # the fine page has 6 s even on a slow machine
    slow = f"<html><body><!-- SLOW-TO-DECODE --><p>{PROSE}</p></body></html>".encode()
    assert cleaner.clean(slow, limits=limits).error["kind"] == "timeout"
    fine = f"<html><body><article><p>{PROSE}</p></article></body></html>".encode()
    assert PROSE in cleaner.clean(fine, limits=limits).text
