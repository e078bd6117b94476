"""A killed run resumed with --resume: no record lost, none written twice, none half written."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def _children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(child) for child in text.split()}


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_parent(tmp_path: Path, sig: signal.Signals) -> None:
    pages = tmp_path / "pages"
    make_pages(pages, 400)
    run = subprocess.Popen(cleaner_cmd(str(pages), "-o", str(tmp_path / "out.jsonl"), "--jobs", "2"), cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers := _children(run.pid)) < 2:
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool never started"
    run.send_signal(sig)
    run.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def test_a_second_resume_run_on_the_same_output_is_refused(tmp_path: Path, capsys) -> None:
    import fcntl

    pages, out = tmp_path / "pages", tmp_path / "out.jsonl"
    make_pages(pages, 3)
    with out.open("ab") as other_run:  # as a first --resume run holds it
        fcntl.flock(other_run, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["clean", str(pages), "-o", str(out), "--resume"]) == 2
        assert "another run is writing to it" in capsys.readouterr().err
        assert out.read_bytes() == b""
    assert main(["clean", str(pages), "-o", str(out), "--resume"]) == 0  # once it let go
    assert out.read_bytes().count(b"\n") == 3


def test_resume_into_a_compressed_output_is_bad_usage(tmp_path: Path, capsys) -> None:
    pages = tmp_path / "pages"
    make_pages(pages, 1)
    assert main(["clean", str(pages), "-o", str(tmp_path / "out.jsonl.gz"), "--resume"]) == 2
    assert "--resume needs an uncompressed output file" in capsys.readouterr().err


def _ctrl_c_as_at_a_terminal() -> None:
    """A job started in the background of a shell (as CI may run the tests) ignores SIGINT, and
    its children inherit that; at a terminal Ctrl-C is delivered."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop_midway(run: subprocess.Popen, folder: Path, sig: signal.Signals) -> None:
    """Send `sig` once the run's half file holds some records."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        partials = list(folder.glob(".out.jsonl.*.partial"))
        if partials and partials[0].read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    run.send_signal(sig)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_plain_run_killed_midway_continues_with_resume(tmp_path: Path, sig: signal.Signals) -> None:
    pages, out, reference = tmp_path / "pages", tmp_path / "out.jsonl", tmp_path / "reference.jsonl"
    make_pages(pages, 300)
    subprocess.run(cleaner_cmd(str(pages), "-o", str(reference), "--jobs", "1"), cwd=ROOT, check=True)

    run = subprocess.Popen(
        cleaner_cmd(str(pages), "-o", str(out), "--jobs", "1"),
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    _stop_midway(run, tmp_path, sig)
    _, err = run.communicate()
    assert not out.exists(), "a plain run never leaves a half file under the output's name"
    if sig == signal.SIGINT:
        assert run.returncode == 130 and "Traceback" not in err and "--resume" in err

    subprocess.run(cleaner_cmd(str(pages), "-o", str(out), "--resume", "--jobs", "1"), cwd=ROOT, check=True)
    assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".out.jsonl.*")), "the half file was taken up, not left behind"


def test_an_interrupted_json_array_leaves_nothing(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    make_pages(pages, 300)
    out = tmp_path / "out.jsonl"  # named like JSON Lines, written as one array: not resumable
    run = subprocess.Popen(
        cleaner_cmd(str(pages), "-o", str(out), "--jobs", "1", "--format", "json"),
        cwd=ROOT,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    _stop_midway(run, tmp_path, signal.SIGINT)
    assert run.wait() == 130
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl.*"))


def test_resuming_a_complete_output_is_a_success_that_changes_nothing(tmp_path: Path, capsys) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out.jsonl"
    make_pages(pages, 3)
    assert main(["clean", str(pages), "-o", str(out), "--jobs", "1"]) == 0
    whole = out.read_bytes()
    capsys.readouterr()
    assert main(["clean", str(pages), "-o", str(out), "--jobs", "1", "--resume"]) == 0  # not "no pages"
    assert out.read_bytes() == whole and len(whole.splitlines()) == 3
    assert "no pages" not in capsys.readouterr().err
