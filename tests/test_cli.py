"""The command line, called as `main([...])`, and once as a real `python -m cleaner` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from tests.conftest import ROOT, SEED, sample_paths


def test_folder_gives_json_lines_in_order(capsys) -> None:
    assert main(["clean", str(ROOT / "samples")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(r["source"]) for r in records] == sample_paths()


def test_format_json_gives_an_array_for_several_pages(capsys) -> None:
    assert main(["clean", str(SEED), str(SEED), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 2 and records[0] == records[1]


def test_format_jsonl_for_one_page(capsys) -> None:
    assert main(["clean", str(SEED), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and json.loads(out)["author"] == "Carlo Muñoz"


def test_output_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.jsonl"
    assert main(["clean", str(ROOT / "samples"), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(sample_paths())
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind


def test_forced_profile(capsys) -> None:
    assert main(["clean", str(SEED), "--profile", "_generic"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["profile"] == "_generic"
    assert {entry["profile"] for entry in record["trace"]["removed"]} == {"_base"}
    assert record["trace"]["fields"]["date"] == "generic/dateline"
    assert record["text"].startswith("- The Washington Times - ")  # only the site profile knows this line


def test_rules_folder_is_searched_first(tmp_path: Path, capsys) -> None:
    (tmp_path / "mysite.example.yaml").write_text(
        "profile: mysite.example\nextends: _base\nmatch: {first-line: '^MYSITE'}\n"
        "rules:\n  masthead: {kind: drop-line, scope: head, window: 1, text: [MYSITE]}\n",
        encoding="utf-8",
    )
    page = tmp_path / "page.txt"
    page.write_text("MYSITE\nA story.\n", encoding="utf-8")
    assert main(["clean", "--rules", str(tmp_path), str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["profile"], record["text"]) == ("mysite.example", "A story.")
    assert record["trace"]["removed"][0]["rule"] == "masthead"


def test_profiles_list_and_show(capsys) -> None:
    assert main(["profiles", "list"]) == 0
    listing = capsys.readouterr().out
    assert "washingtontimes.com" in listing and "_generic" in listing
    assert main(["profiles", "show", "washingtontimes.com"]) == 0
    shown = capsys.readouterr().out
    assert "footer" in shown and "cut-tail" in shown and "from _base" in shown
    assert main(["profiles", "kinds"]) == 0
    assert "## drop-block" in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys) -> None:
    assert main([]) == 2


def test_python_dash_m_and_library_agree() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(SEED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [expected] = cleaner.clean_file(SEED)
    assert json.loads(proc.stdout) == expected.to_dict()


def test_output_compressed_by_suffix(tmp_path: Path, capsys) -> None:
    import gzip

    import zstandard

    def unzstd(data: bytes) -> bytes:  # a streamed frame does not state its size
        return zstandard.ZstdDecompressor().decompressobj().decompress(data)

    for suffix, unpack in ((".gz", gzip.decompress), (".zst", unzstd)):
        target = tmp_path / f"out.jsonl{suffix}"
        assert main(["clean", str(ROOT / "samples"), "-o", str(target)]) == 0
        lines = unpack(target.read_bytes()).decode("utf-8").splitlines()
        assert [json.loads(line)["source"] for line in lines] == [str(p) for p in sample_paths()]


def test_jobs_give_the_same_records_in_the_same_order(tmp_path: Path, capsys) -> None:
    samples = sample_paths()
    for n in range(80):  # enough pages to start the pool
        source = samples[n % len(samples)]
        (tmp_path / f"{n:03d}{source.suffix}").write_bytes(source.read_bytes())
    (tmp_path / "040-broken.txt").write_bytes(b"\x00\x01binary\x00")
    outputs = []
    for jobs in ("1", "2"):
        assert main(["clean", str(tmp_path), "--jobs", jobs]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[1].splitlines()]
    assert len(records) == 81 and records[40]["error"]["kind"] == "binary"


def test_a_dying_worker_takes_no_other_page_with_it(tmp_path: Path, capsys, monkeypatch) -> None:
    import os

    import cleaner.parallel

    real = cleaner.parallel.clean_or_fail

    def fragile(item, *args, **kwargs):  # runs in the (forked) worker: a crash nothing can catch
        if "KILLS-ITS-WORKER" in item.decode().text:
            os._exit(1)
        return real(item, *args, **kwargs)

    monkeypatch.setattr(cleaner.parallel, "clean_or_fail", fragile)
    text = (ROOT / "samples/example-news.com/2020-02-11-library-hours.txt").read_text(encoding="utf-8")
    for n in range(60):
        (tmp_path / f"{n:03d}.txt").write_text(text.replace("Sunday", f"Sunday {n}"), encoding="utf-8")
    (tmp_path / "030.txt").write_text("KILLS-ITS-WORKER\n" + text, encoding="utf-8")
    assert main(["clean", str(tmp_path), "--jobs", "2"]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(r["source"]).name for r in records] == [f"{n:03d}.txt" for n in range(60)]
    assert [n for n, r in enumerate(records) if "error" in r] == [30]
    assert records[30]["error"]["kind"] == "worker-died"


@pytest.mark.parametrize(
    "option",
    [["--timeout", "-1"], ["--timeout", "nan"], ["--timeout", "inf"], ["--max-size", "-5"], ["--max-size", "inf"]]
    + [["--jobs", "0"], ["--jobs", "-1"], ["--timeout", "soon"]],
)
def test_a_limit_that_would_fail_every_page_is_bad_usage(option: list[str], tmp_path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nThe council met on Monday and approved the plan after a long debate.\n")
    with pytest.raises(SystemExit) as exit_:
        main(["clean", str(page), *option])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    last = err.splitlines()[-1]
    assert out == "" and last.startswith("cleaner clean: error: argument ") and option[0] in last


@pytest.mark.parametrize("option", [["--timeout", "0"], ["--max-size", "0.5"], ["--jobs", "1"]])
def test_limits_in_range_are_taken(option: list[str], tmp_path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nThe council met on Monday and approved the plan after a long debate.\n")
    assert main(["clean", str(page), *option]) == 0
    assert "approved the plan" in json.loads(capsys.readouterr().out)["text"]


def test_an_output_that_is_an_input_or_inside_an_input_folder_is_refused(tmp_path, capsys) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / "page.txt"
    page.write_text("Headline\n\nThe council met on Monday and approved the plan after a long debate.\n")
    before = page.read_bytes()
    assert main(["clean", str(page), "-o", str(page)]) == 2
    assert main(["clean", str(folder), "-o", str(folder / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "is an input" in err and "inside the input folder" in err
    assert page.read_bytes() == before and not (folder / "out.jsonl").exists()
    assert main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl")]) == 0  # beside it is fine
    assert "approved the plan" in (tmp_path / "out.jsonl").read_text()


def test_a_url_is_not_fetched_and_says_so(capsys) -> None:
    assert main(["clean", "https://example.com/story"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "https://example.com/story: URLs are not fetched" in err


def test_a_missing_dump_is_a_missing_file_not_a_damaged_one(tmp_path, capsys) -> None:
    assert main(["clean", str(tmp_path / "missing.jsonl")]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["error"] == {"kind": "read", "message": "no such file or folder"}


def test_the_output_file_follows_the_umask(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nThe council met on Monday and approved the plan after a long debate.\n")
    previous = os.umask(0o022)
    try:
        assert main(["clean", str(page), "-o", str(tmp_path / "out.json")]) == 0
        os.umask(0o077)
        assert main(["clean", str(page), "-o", str(tmp_path / "private.json")]) == 0
    finally:
        os.umask(previous)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("output", "says"),
    [("missing/out.jsonl", "cannot write"), (".", "is a folder"), ("", "-o needs a file name")],
)
def test_an_output_that_cannot_be_written_is_bad_usage_before_any_page(tmp_path, capsys, output, says) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nThe council met on Monday and approved the plan after a long debate.\n")
    target = str(tmp_path / output) if output else ""
    assert main(["clean", str(page), "-o", target]) == 2
    out, err = capsys.readouterr()
    assert out == "" and says in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]  # nothing written anywhere


def test_ray_address_without_the_ray_engine_is_bad_usage(tmp_path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nThe council met on Monday and approved the plan after a long debate.\n")
    assert main(["clean", str(page), "--ray-address", "auto"]) == 2
    assert capsys.readouterr().err.strip() == "cleaner: --ray-address needs --engine ray"


def test_the_version_is_told(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"cleaner {cleaner.__version__}"
    assert cleaner.__version__[0].isdigit()


@pytest.mark.parametrize("files", [[], ["logo.png", "style.css"]], ids=["empty", "no-pages"])
def test_a_folder_without_pages_is_a_failure_that_says_so(tmp_path, capsys, files: list[str]) -> None:
    for name in files:
        (tmp_path / name).write_bytes(b"not a page")
    assert main(["clean", str(tmp_path)]) == 1
    assert "no pages in the inputs" in capsys.readouterr().err
    (tmp_path / "page.txt").write_text("Headline\n\nThe council met on Monday and approved the plan after a debate.\n")
    assert main(["clean", str(tmp_path)]) == 0


def test_a_device_a_fifo_and_a_symlink_as_output_stay_what_they_are(tmp_path: Path, capsys) -> None:
    import stat
    import threading

    assert main(["clean", str(SEED), str(SEED), "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # not replaced by a regular file

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["clean", str(SEED), str(SEED), "-o", str(fifo)]) == 0
    reader.join(60)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [json.loads(line)["author"] for line in received[0].decode().splitlines()] == ["Carlo Muñoz"] * 2

    real, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    link.symlink_to(real.name)
    assert main(["clean", str(SEED), str(SEED), "-o", str(link)]) == 0
    assert link.is_symlink() and len(real.read_text(encoding="utf-8").splitlines()) == 2


def test_a_full_disk_is_one_line_and_exit_2(capsys) -> None:  # Linux's /dev/full: every write is ENOSPC
    assert main(["clean", str(SEED), str(SEED), "-o", "/dev/full"]) == 2
    assert capsys.readouterr().err.strip() == "cleaner: cannot write /dev/full: No space left on device"


def test_a_misspelt_option_is_told_by_its_subcommand_with_what_was_meant(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["clean", str(SEED), "--ouptut", "out.jsonl"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: cleaner clean") and "(did you mean --output?)" in err


def test_every_subcommand_says_what_it_does_and_what_it_reads() -> None:
    import argparse

    from cleaner.cli import _parser

    def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    yield (*path, name), child
                    yield from commands(child, (*path, name))

    found = dict(commands(_parser()))
    assert {("clean",), ("learn",), ("check",), ("explain",), ("profiles", "new"), ("profiles", "show")} <= set(found)
    for path, parser in found.items():
        has_subcommands = any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
        assert has_subcommands or len(parser.description or "") > 20, f"cleaner {' '.join(path)}: no description"
        for action in parser._actions:
            if not action.option_strings and not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"cleaner {' '.join(path)}: {action.metavar or action.dest} is not explained"
