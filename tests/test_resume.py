"""A killed run resumed with --resume: no record lost, none written twice, none half written."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from cleaner.cli import main
from tests.conftest import ROOT, SAMPLES

HTML_SAMPLE = SAMPLES / "citybeat-example.com" / "2024-03-02-market-hall.html"


def make_pages(folder: Path, count: int) -> None:
    folder.mkdir()
    html = HTML_SAMPLE.read_text(encoding="utf-8")
    for n in range(count):
        (folder / f"{n:04d}.html").write_text(html.replace("Saturday", f"Saturday {n}"), encoding="utf-8")


def cleaner_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "clean", *args]


def test_sigkill_midway_then_resume_gives_the_full_output(tmp_path: Path) -> None:
    pages, out, reference = tmp_path / "pages", tmp_path / "out.jsonl", tmp_path / "reference.jsonl"
    make_pages(pages, 300)
    subprocess.run(cleaner_cmd(str(pages), "-o", str(reference), "--jobs", "1"), cwd=ROOT, check=True)

    run = subprocess.Popen(cleaner_cmd(str(pages), "-o", str(out), "--resume", "--jobs", "1"), cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 20):
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.wait()
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < 300, "the run must be killed midway"

    subprocess.run(cleaner_cmd(str(pages), "-o", str(out), "--resume", "--jobs", "1"), cwd=ROOT, check=True)
    assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")


def test_resume_cuts_a_half_written_line(tmp_path: Path, capsys) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out.jsonl"
    make_pages(pages, 3)
    assert main(["clean", str(pages), "-o", str(out)]) == 0
    full = out.read_text(encoding="utf-8")
    first = full.splitlines(keepends=True)[0]
    out.write_text(first + full.splitlines(keepends=True)[1][:40], encoding="utf-8")  # killed mid-line
    assert main(["clean", str(pages), "-o", str(out), "--resume"]) == 0
    assert out.read_text(encoding="utf-8") == full


def test_resume_needs_an_output_file(capsys) -> None:
    assert main(["clean", str(SAMPLES), "--resume"]) == 2
    assert "--resume needs -o FILE" in capsys.readouterr().err
