"""`cleaner clean --learn`: each site of the input learned first, then every page cleaned with it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.profiles import load_rulebook
from tests.site_maker import site_html_pages, site_pages

TEXT_SITE, HTML_SITE, SMALL_SITE = "lakeview-tribune.example", "hilltop-herald.example", "tiny-gazette.example"


def _dump(tmp_path: Path, *, small: int = 0) -> Path:
    """JSON Lines of two made-up sites, 6 pages each (text dumps, HTML), interleaved as a crawl
    would give them, and `small` pages of a third site."""
    rows = []
    for n, (text, page) in enumerate(zip(site_pages(6), site_html_pages(6), strict=True)):
        rows.append({"url": f"https://{TEXT_SITE}/story-{n}", "text": text})
        rows.append({"url": f"https://www.{HTML_SITE}/news/{n}", "html": page})
    rows += [{"url": f"https://{SMALL_SITE}/{n}", "text": t} for n, t in enumerate(site_pages(small, seed=3))]
    dump = tmp_path / "crawl.jsonl"
    dump.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return dump


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _profiles(records: list[dict]) -> dict[str, set[str]]:
    """The profile each site's records were cleaned with."""
    seen: dict[str, set[str]] = {}
    for record in records:
        host = record["url"].split("/")[2].removeprefix("www.")
        seen.setdefault(host, set()).add(record["profile"])
    return seen


def test_clean_learn_gives_the_records_of_learn_then_clean(tmp_path: Path, capsys) -> None:
    dump = _dump(tmp_path)
    folder = tmp_path / "learned"
    assert main(["learn", str(dump), "-o", str(folder)]) == 0
    assert main(["clean", str(dump), "--rules", str(folder), "-o", str(tmp_path / "two-steps.jsonl")]) == 0
    capsys.readouterr()
    assert main(["clean", str(dump), "--learn", "-o", str(tmp_path / "inline.jsonl")]) == 0
    err = capsys.readouterr().err.splitlines()
    inline = _records(tmp_path / "inline.jsonl")
    assert inline == _records(tmp_path / "two-steps.jsonl")
    assert len(inline) == 12 and all("error" not in r for r in inline)
    assert _profiles(inline) == {TEXT_SITE: {TEXT_SITE}, HTML_SITE: {HTML_SITE}}
    assert any(line.startswith(f"cleaner: learned {TEXT_SITE} from 6 pages (") for line in err)
    assert any(line.startswith(f"cleaner: learned {HTML_SITE} from 6 pages (") for line in err)
    assert not any("Lakeview Media Group" in r["text"] for r in inline)  # the learned rules did their work
    removed = [step for r in inline if TEXT_SITE in r["url"] for step in r["trace"]["removed"]]
    assert removed and all(step["profile"] == TEXT_SITE for step in removed)  # the trace names the learned profile


def test_a_site_with_a_hand_written_profile_is_not_learned(tmp_path: Path, capsys) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "hand-written.yaml").write_text(
        f"profile: hand-written\nextends: _generic\nmatch:\n  domains: [{TEXT_SITE}]\n"
        "rules:\n  no-skip:\n    kind: drop-line\n    text: [Skip to content]\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(_dump(tmp_path)), "--learn", "--rules", str(rules), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"learned {TEXT_SITE}" not in err and f"learned {HTML_SITE}" in err
    assert _profiles(_records(out)) == {TEXT_SITE: {"hand-written"}, HTML_SITE: {HTML_SITE}}


def test_learn_dir_keeps_the_learned_profiles_and_never_overwrites(tmp_path: Path, capsys) -> None:
    dump, review = _dump(tmp_path), tmp_path / "review"
    assert main(["clean", str(dump), "--learn", "--learn-dir", str(review), "-o", str(tmp_path / "a.jsonl")]) == 0
    assert sorted(p.name for p in review.iterdir()) == [f"{HTML_SITE}.yaml", f"{TEXT_SITE}.yaml"]
    book = load_rulebook([review])
    assert book.get(TEXT_SITE).domains == (TEXT_SITE,) and book.get(HTML_SITE).domains == (HTML_SITE,)
    capsys.readouterr()
    before = {p.name: p.read_text(encoding="utf-8") for p in review.iterdir()}
    assert main(["clean", str(dump), "--learn", "--learn-dir", str(review), "-o", str(tmp_path / "b.jsonl")]) == 2
    assert "exists" in capsys.readouterr().err and not (tmp_path / "b.jsonl").exists()
    assert {p.name: p.read_text(encoding="utf-8") for p in review.iterdir()} == before


@pytest.mark.parametrize(
    "extra",
    [["-"], ["--resume", "-o", "out.jsonl"]],
    ids=["stdin", "resume"],
)
def test_learn_refuses_what_it_cannot_read_twice(tmp_path: Path, capsys, monkeypatch, extra: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Some text\n")))
    inputs = [] if extra[0] == "-" else [str(_dump(tmp_path))]
    assert main(["clean", *inputs, *extra, "--learn"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("cleaner: --learn")
    assert "stdin" in err if extra[0] == "-" else "stdin" not in err
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "shards").exists()


def test_a_site_with_too_few_pages_stays_generic(tmp_path: Path, capsys) -> None:
    dump, out = _dump(tmp_path, small=2), tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "--learn", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert SMALL_SITE not in err and f"learned {TEXT_SITE}" in err
    assert _profiles(_records(out))[SMALL_SITE] == {"_generic"}
    assert main(["clean", str(dump), "--learn", "--min-pages", "7", "-o", str(tmp_path / "none.jsonl")]) == 0
    assert "learned" not in capsys.readouterr().err
    assert set().union(*_profiles(_records(tmp_path / "none.jsonl")).values()) == {"_generic"}
