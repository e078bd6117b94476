"""`cleaner clean` output options, end to end through the command line: --trace, --url,
--output-dir with --format json|markdown|text, and what each refuses."""

from __future__ import annotations

import html
import io
import json
import sys
from pathlib import Path

import pytest
import yaml

from cleaner.cli import main
from cleaner.output import record, write_whole
from cleaner.page_files import safe_name

SITE = "riverbend-courier.example"
URL = f"https://www.{SITE}/news/footbridge"

FIRST = (
    "The city council voted 7-2 on Tuesday to fund a footbridge linking the east bank trail to the market square, "
    "ending a debate that ran for three years."
)
SECOND = (
    "Supporters said the bridge would cut the walk from the east bank housing estates to the market by twenty "
    "minutes, and engineers expect work to start next spring."
)
LINKED = (
    'More on <a href="/budget/2025">the city budget</a> follows next week, when the finance committee meets again '
    "to settle the remaining items."
)

# A text dump with the chrome every site has: the shared profiles remove it.
TEXT_PAGE = f"""Riverbend Courier

Council backs new footbridge over the Mill River

{FIRST}

Advertisement

{SECOND}

Share on Facebook
Share on Twitter

Opponents argued the money should go to repairing the existing road bridge, whose deck was patched twice last winter.

Copyright © 2024 Riverbend Courier. All rights reserved.
"""

# An HTML page whose site profile (PROFILE, selected by the URL's host) prunes a promotion.
HTML_PAGE = f"""<html><head><title>Council backs new footbridge | Riverbend Courier</title></head><body>
<article><h1>Council backs new footbridge</h1>
<p>{FIRST}</p>
<div class="promo"><p>Get our weekend deals in your inbox every Friday morning</p></div>
<p>{SECOND}</p>
<p>{LINKED}</p>
</article></body></html>
"""

PROFILE = f"""profile: {SITE}
extends: _generic
match: {{domains: [{SITE}]}}
html:
  prune: ['.promo']
"""

# the front matter the README promises, in its order (`--output-dir` paragraph)
README_FRONT_MATTER = (
    "title",
    "author",
    "authors",
    "date",
    "language",
    "publisher",
    "email",
    "url",
    "source",
    "id",
    "confidence",
)


def clean(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["clean", *args])
    out, err = capsys.readouterr()
    return code, out, err


def lines_of(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def stdin(monkeypatch):
    """Put bytes on standard input."""

    def put(data: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))

    return put


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / f"{SITE}.yaml").write_text(PROFILE, encoding="utf-8")
    return folder


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder of three pages, one in a subfolder, and one file that is no page of any kind."""
    folder = tmp_path / "in"
    (folder / "2024").mkdir(parents=True)
    (folder / "footbridge.txt").write_text(TEXT_PAGE, encoding="utf-8")
    (folder / "2024" / "budget.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "2024" / "empty.txt").write_text("  \n", encoding="utf-8")  # an `empty` error record
    return folder


# --trace


def test_trace_full_is_the_default_record(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT_PAGE, encoding="utf-8")
    assert clean(capsys, str(page), "--trace", "full") == clean(capsys, str(page))


def test_trace_none_drops_only_the_trace_key(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT_PAGE, encoding="utf-8")
    _, full, _ = clean(capsys, str(page))
    code, none, _ = clean(capsys, str(page), "--trace", "none")
    assert code == 0
    without = json.loads(full)
    del without["trace"]
    assert json.loads(none) == without
    assert len(none) < len(full)


def test_trace_summary_counts_lines_per_rule_without_their_text(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT_PAGE, encoding="utf-8")
    _, full, _ = clean(capsys, str(page))
    code, out, _ = clean(capsys, str(page), "--trace", "summary")
    summary, whole = json.loads(out)["trace"], json.loads(full)["trace"]
    assert code == 0
    assert summary["fields"] == whole["fields"]
    assert summary["removed_lines"]["share-prompts"] == 2  # two lines, one run
    assert summary["removed_lines"]["advertisement"] == 1 and summary["removed_lines"]["copyright"] == 1
    assert set(summary) == {"fields", "removed_lines"}
    assert "Share on Facebook" in json.dumps(whole) and "Share on" not in json.dumps(summary)
    assert "Riverbend Courier. All rights" not in json.dumps(summary)


def test_trace_summary_counts_pruned_elements_per_selector(capsys, stdin, rules: Path) -> None:
    stdin(HTML_PAGE)
    code, out, _ = clean(capsys, "-", "--rules", str(rules), "--url", URL, "--trace", "summary")
    trace = json.loads(out)["trace"]
    assert code == 0
    assert trace["pruned_elements"] == {".promo": 1}
    assert "weekend deals" not in json.dumps(trace)
    assert trace["extractor"]  # what is no text stays as it is


def test_trace_reaches_every_record_of_a_parallel_run(pages: Path, capsys) -> None:
    code, out, _ = clean(capsys, str(pages), "--trace", "none", "--jobs", "2")
    records = lines_of(out)
    assert code == 1  # the empty page
    assert len(records) == 3 and not any("trace" in r for r in records)
    assert [r.get("error", {}).get("kind") for r in records] == [None, None, "empty"]  # a folder, then its subfolders


def test_trace_reaches_a_json_array_and_output_dir_files(pages: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = clean(capsys, str(pages), "--format", "json", "--trace", "summary")
    assert code == 1 and all("removed" not in r.get("trace", {}) for r in json.loads(out))
    clean(capsys, str(pages), "--output-dir", str(tmp_path / "out"), "--trace", "none")
    written = json.loads((tmp_path / "out" / "footbridge.json").read_text(encoding="utf-8"))
    assert "trace" not in written and written["text"].startswith("The city council voted")


def test_record_gives_library_users_the_same_choice(tmp_path: Path) -> None:
    import cleaner

    result = cleaner.clean(TEXT_PAGE)
    assert record(result) == result.to_dict()
    assert "trace" not in record(result, trace="none")
    assert record(result, trace="summary")["trace"]["removed_lines"]["share-prompts"] == 2
    with pytest.raises(ValueError, match="trace must be one of"):
        record(result, trace="some")


# --url


def test_url_selects_the_site_profile_and_resolves_links(capsys, stdin, rules: Path) -> None:
    stdin(HTML_PAGE)
    code, out, _ = clean(capsys, "-", "--rules", str(rules), "--url", URL, "--markdown")
    result = json.loads(out)
    assert code == 0
    assert result["url"] == URL and result["profile"] == SITE
    assert "weekend deals" not in result["text"]  # the site profile's prune
    assert f"[the city budget](https://www.{SITE}/budget/2025)" in result["markdown"]


def test_without_url_the_same_page_is_generic(capsys, stdin, rules: Path) -> None:
    stdin(HTML_PAGE)
    code, out, _ = clean(capsys, "-", "--rules", str(rules), "--markdown")
    result = json.loads(out)
    assert code == 0 and result["url"] is None and result["profile"] == "_generic"


def test_url_for_one_file_and_its_error_record(tmp_path: Path, capsys, rules: Path) -> None:
    page, empty = tmp_path / "page.html", tmp_path / "empty.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    code, out, _ = clean(capsys, str(page), "--rules", str(rules), "--url", URL)
    assert code == 0 and json.loads(out)["profile"] == SITE
    code, out, _ = clean(capsys, str(empty), "--url", URL)
    assert code == 1 and json.loads(out)["url"] == URL and json.loads(out)["error"]["kind"] == "empty"


@pytest.mark.parametrize("inputs", ["two files", "folder", "dump"])
def test_url_is_refused_for_several_pages(tmp_path: Path, capsys, pages: Path, inputs: str) -> None:
    dump = tmp_path / "crawl.jsonl"
    dump.write_text(json.dumps({"text": TEXT_PAGE}) + "\n", encoding="utf-8")
    page = str(pages / "footbridge.txt")
    given = {"two files": [page, page], "folder": [str(pages)], "dump": [str(dump)]}[inputs]
    code, out, err = clean(capsys, *given, "--url", URL)
    assert code == 2 and out == ""
    assert "--url is the URL of one page" in err


@pytest.mark.parametrize("url", ["riverbend-courier.example/news", "ftp://riverbend-courier.example/x", "https://"])
def test_url_must_be_an_absolute_http_url(pages: Path, capsys, url: str) -> None:
    code, out, err = clean(capsys, str(pages / "footbridge.txt"), "--url", url)
    assert code == 2 and out == "" and "absolute http(s) URL" in err


# --output-dir


def test_output_dir_mirrors_a_folder_and_holds_the_records(pages: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code, printed, _ = clean(capsys, str(pages), "--output-dir", str(out))
    assert code == 1 and printed == ""  # one page failed: the exit code says so
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["2024/budget.json", "2024/empty.error.json", "footbridge.json"]
    _, stream, _ = clean(capsys, str(pages))
    by_source = {r["source"]: r for r in lines_of(stream)}
    for name in files:
        written = json.loads((out / name).read_text(encoding="utf-8"))
        assert written == by_source[written["source"]]
    assert json.loads((out / "2024/empty.error.json").read_text(encoding="utf-8"))["error"]["kind"] == "empty"


def test_output_dir_names_a_dumps_records_by_their_number(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "crawl.jsonl"
    rows = [{"id": "a", "text": TEXT_PAGE}, None, {"id": "b", "text": ""}, {"id": "c", "html": HTML_PAGE}]
    dump.write_text("".join(json.dumps(row) + "\n" if row else "\n" for row in rows), encoding="utf-8")
    code, _, _ = clean(capsys, str(dump), "--output-dir", str(tmp_path / "out"))
    out = tmp_path / "out" / "crawl.jsonl"
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["000001.json", "000003.error.json", "000004.json"]
    assert json.loads((out / "000004.json").read_text(encoding="utf-8"))["id"] == "c"


def test_output_dir_for_stdin(tmp_path: Path, capsys, stdin) -> None:
    stdin(TEXT_PAGE)
    code, _, _ = clean(capsys, "-", "--output-dir", str(tmp_path / "out"))
    assert code == 0 and [p.name for p in (tmp_path / "out").iterdir()] == ["stdin.json"]


def test_markdown_files_front_matter_is_the_records_fields(
    tmp_path: Path, capsys, stdin, rules: Path, pages: Path
) -> None:
    out = tmp_path / "out"
    code, _, _ = clean(capsys, str(pages), "--rules", str(rules), "--output-dir", str(out), "--format", "markdown")
    assert code == 1
    _, stream, _ = clean(capsys, str(pages), "--rules", str(rules), "--markdown")
    by_source = {r["source"]: r for r in lines_of(stream)}
    for name in ("footbridge.md", "2024/budget.md"):
        document = (out / name).read_text(encoding="utf-8")
        assert document.startswith("---\n")
        head, body = document[4:].split("\n---\n\n", 1)
        fields = yaml.safe_load(head)
        expected = by_source[fields["source"]]
        assert list(fields) == [key for key in README_FRONT_MATTER if key in expected]  # the README's order
        assert fields == {key: expected[key] for key in fields}
        assert body == expected["markdown"] + "\n"
    assert (out / "2024" / "empty.error.json").exists()  # a failed page is never skipped


def test_front_matter_quotes_what_yaml_would_misread(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.html"
    title = "No: the council's footbridge [update] & more #1"
    page.write_text(HTML_PAGE.replace("Council backs new footbridge", html.escape(title)), encoding="utf-8")
    code, out, _ = clean(capsys, str(page), "--format", "markdown")
    assert code == 0 and yaml.safe_load(out.split("---\n")[1])["title"] == title


def test_text_files_hold_the_plain_text(tmp_path: Path, capsys, pages: Path) -> None:
    out = tmp_path / "out"
    clean(capsys, str(pages), "--output-dir", str(out), "--format", "text")
    _, stream, _ = clean(capsys, str(pages / "footbridge.txt"))
    assert (out / "footbridge.txt").read_text(encoding="utf-8") == json.loads(stream)["text"] + "\n"


def test_one_page_as_markdown_or_text_to_stdout(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT_PAGE, encoding="utf-8")
    code, out, _ = clean(capsys, str(page), "--format", "text")
    assert code == 0 and out.startswith("The city council voted") and "Advertisement" not in out
    code, out, _ = clean(capsys, str(page), "--format", "markdown")
    assert code == 0 and yaml.safe_load(out.split("---\n")[1])["title"].startswith("Council backs")


def test_markdown_of_several_pages_needs_a_folder(pages: Path, capsys) -> None:
    code, out, err = clean(capsys, str(pages), "--format", "markdown")
    assert code == 2 and out == "" and "--output-dir" in err


def test_output_dir_never_overwrites_without_force(tmp_path: Path, capsys, pages: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "footbridge.json").write_text("mine", encoding="utf-8")
    (out / "notes.txt").write_text("also mine", encoding="utf-8")
    code, _, err = clean(capsys, str(pages), "--output-dir", str(out))
    assert code == 2 and "not empty" in err and "--force" in err
    assert sorted(p.name for p in out.iterdir()) == ["footbridge.json", "notes.txt"]
    assert (out / "footbridge.json").read_text(encoding="utf-8") == "mine"
    code, _, _ = clean(capsys, str(pages), "--output-dir", str(out), "--force")
    assert code == 1
    assert json.loads((out / "footbridge.json").read_text(encoding="utf-8"))["source"].endswith("footbridge.txt")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "also mine"  # not a namesake: left alone


def test_pages_that_share_a_name_never_share_a_file(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT_PAGE, encoding="utf-8")
    (folder / "story.html").write_text(HTML_PAGE, encoding="utf-8")
    code, _, _ = clean(capsys, str(folder), "--output-dir", str(tmp_path / "out"))
    written = {p.name: json.loads(p.read_text(encoding="utf-8"))["source"] for p in (tmp_path / "out").iterdir()}
    assert code == 0
    assert written == {"story.json": str(folder / "story.html"), "story-2.json": str(folder / "story.txt")}


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["-o", "x.jsonl"], "not both"),
        (["--format", "jsonl"], "--format json, markdown or text"),
        (["--resume"], "--resume"),
        (["--engine", "ray"], "--engine ray"),
    ],
)
def test_output_dir_refuses(tmp_path: Path, capsys, pages: Path, extra: list[str], said: str) -> None:
    if "--engine" in extra:
        extra = [*extra, "-o", str(tmp_path / "shards")]
    code, out, err = clean(capsys, str(pages), "--output-dir", str(tmp_path / "out"), *extra)
    assert code == 2 and out == "" and said in err
    assert not (tmp_path / "out").exists()


def test_output_dir_inside_an_input_folder_or_a_file_is_refused(tmp_path: Path, capsys, pages: Path) -> None:
    code, _, err = clean(capsys, str(pages), "--output-dir", str(pages / "out"))
    assert code == 2 and "inside the input folder" in err and not (pages / "out").exists()
    code, _, err = clean(capsys, str(pages / "footbridge.txt"), "--output-dir", str(pages / "footbridge.txt"))
    assert code == 2 and "is an input" in err
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    code, _, err = clean(capsys, str(pages), "--output-dir", str(tmp_path / "file"))
    assert code == 2 and "is not a folder" in err and (tmp_path / "file").read_text(encoding="utf-8") == "mine"


def test_force_never_writes_over_an_input(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    page = out / "footbridge.json"  # a page named like the record it would give
    page.write_text(json.dumps({"text": TEXT_PAGE}), encoding="utf-8")
    code, _, err = clean(capsys, str(page), "--output-dir", str(out), "--force")
    assert code == 2 and "holds the input" in err
    assert json.loads(page.read_text(encoding="utf-8")) == {"text": TEXT_PAGE}


def test_force_needs_output_dir(pages: Path, capsys) -> None:
    code, _, err = clean(capsys, str(pages), "--force")
    assert code == 2 and "--force needs --output-dir" in err


def test_output_dir_with_learn(tmp_path: Path, capsys) -> None:
    from tests.site_maker import site_pages

    dump = tmp_path / "crawl.jsonl"
    rows = [{"url": f"https://{SITE}/story-{n}", "text": text} for n, text in enumerate(site_pages(4))]
    dump.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    code, _, err = clean(capsys, str(dump), "--learn", "--output-dir", str(tmp_path / "out"), "--format", "text")
    assert code == 0 and f"learned {SITE}" in err
    assert sorted(p.name for p in (tmp_path / "out" / "crawl.jsonl").iterdir()) == [f"{n:06d}.txt" for n in range(1, 5)]


def test_safe_name_stays_inside_the_folder() -> None:
    assert safe_name("../../etc/passwd") == "etc/passwd"
    assert safe_name("/abs/x") == "abs/x"
    assert safe_name("..") == "page"


def test_write_whole_replaces_only_when_told(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    assert write_whole(target, "one") is True
    assert write_whole(target, "two") is False and target.read_text(encoding="utf-8") == "one"
    assert write_whole(target, "three", replace=True) is True and target.read_text(encoding="utf-8") == "three"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no half file left
