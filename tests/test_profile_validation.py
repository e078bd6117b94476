"""Bad profiles are refused at load, each error at its file, line and key, all of a folder at once.

A selector or a date format that compiles but fails every page (`//foo:bar`, `%d %d`) is a
profile error, found before the first page; a folder with several broken files names each.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import cleaner
from cleaner.cli import main
from cleaner.profiles import ProfileErrors, errors_of
from cleaner.selectors import XPATH_FUNCTIONS, compile_selector
from tests.conftest import ROOT

PROSE = "The council met on Monday and approved the plan after a long debate about the budget and the library."


def load_error(folder: Path) -> cleaner.ProfileError:
    with pytest.raises(cleaner.ProfileError) as caught:
        cleaner.load_rulebook([folder])
    return caught.value


@pytest.mark.parametrize(
    ("html", "line", "key", "problem"),
    [
        ("  prune: ['//foo:bar']\n", 4, "html.prune[0]", "undefined namespace prefix 'foo'"),
        ("  body: '($x)'\n", 4, "html.body", "undefined variable $x"),
        ("  body: '//p[foo()]'\n", 4, "html.body", "unknown function foo()"),
        # no page has the element, so lxml would never reach the predicate here: still refused
        (
            "  prune:\n    - aside.promo\n    - '//nav[@id=\"none\"][lower-case(.)]'\n",
            6,
            "html.prune[1]",
            "lower-case()",
        ),
        ("  author: '//p | 1'\n", 4, "html.author", "Invalid type"),
    ],
    ids=["namespace-prefix", "variable", "function", "function-in-a-predicate", "type-error"],
)
def test_an_xpath_that_fails_every_page_is_refused_at_load(profile_dir, html, line, key, problem) -> None:
    path = profile_dir("site.example.yaml", f"profile: site.example\nmatch: {{domains: [site.example]}}\nhtml:\n{html}")
    error = load_error(profile_dir.folder)
    assert (error.file, error.line, error.key) == (str(path), line, key)
    assert problem in error.detail
    assert str(error).startswith(f"{path}:{line}: {key}: invalid selector ")


@pytest.mark.parametrize(
    ("fmt", "problem"),
    [
        ("%d %d", "invalid date format '%d %d': a directive is used twice"),
        ("%Q", "invalid date format '%Q': 'Q' is a bad directive"),
    ],
)
def test_a_date_format_that_cannot_parse_is_refused_at_load(profile_dir, fmt, problem) -> None:
    path = profile_dir(
        "site.example.yaml",
        f"profile: site.example\nextract:\n  date:\n    formats:\n      - '%Y-%m-%d'\n      - '{fmt}'\n",
    )
    error = load_error(profile_dir.folder)
    assert (error.file, error.line, error.key) == (str(path), 6, "extract.date.formats[1]")
    assert problem in str(error)


def test_a_working_xpath_and_date_format_load_and_clean(profile_dir) -> None:
    """The guard beside the refusals: selectors with predicates, literals and operators, and a
    date format only this profile can read, load and do their work."""
    profile_dir(
        "site.example.yaml",
        "profile: site.example\nextends: _base\nmatch: {domains: [site.example]}\nhtml:\n"
        '  prune: [\'//aside[@class="promo" and not(contains(., "x:y($z)"))]\']\n'
        "  body: '//article'\n"
        "extract:\n  date: {formats: ['%d|%m|%Y']}\n",
    )
    book = cleaner.load_rulebook([profile_dir.folder])
    page = (
        f"<html><body><article><p>{PROSE}</p><aside class='promo'>Subscribe today</aside>"
        "<p>Posted 17|08|2017</p></article></body></html>"
    )
    result = cleaner.clean(page, url="https://site.example/a", rules=book)
    assert (result.profile, result.text, result.date) == ("site.example", PROSE, "2017-08-17")
    assert [p["text"] for p in result.trace["pruned"]] == ["Subscribe today"]


@pytest.mark.parametrize(
    "selector",
    [
        "//p[@a and (@b or @c)]",
        '//*[local-name()="svg"]/following-sibling::p[position() mod 2 = 1]',
        "//a[starts-with(@href, 'mailto:')]",
        "(//p)[last()]",
        "div.byline > span:not(.role)",
    ],
)
def test_valid_selectors_compile(selector: str) -> None:
    assert compile_selector(selector).text == selector


def test_every_function_the_check_allows_is_one_lxml_has() -> None:
    root = etree.fromstring("<p>x</p>")
    for name in sorted(XPATH_FUNCTIONS):
        try:
            etree.XPath(f"{name}()")(root)
        except etree.XPathEvalError as exc:  # a missing argument is fine; a missing function is not
            assert "Unregistered function" not in str(exc), name


def write_three_broken(folder: Path) -> dict[str, tuple[int, str]]:
    """A YAML syntax error, a bad regex and a bad XPath, each in its own file: file -> (line, problem)."""
    (folder / "a.example.yaml").write_text("profile: a.example\nrules:\n  x: [unclosed\n", encoding="utf-8")
    (folder / "b.example.yaml").write_text(
        "profile: b.example\nrules:\n  footer:\n    kind: drop-line\n    pattern: '^(unclosed'\n", encoding="utf-8"
    )
    (folder / "c.example.yaml").write_text("profile: c.example\nhtml:\n  body: '//x:article'\n", encoding="utf-8")
    return {
        "a.example.yaml": (4, "YAML syntax error"),
        "b.example.yaml": (5, "rules.footer.pattern: invalid regex"),
        "c.example.yaml": (3, "html.body: invalid selector '//x:article'"),
    }


def test_every_broken_file_of_a_folder_is_reported_in_one_run(profile_dir) -> None:
    expected = write_three_broken(profile_dir.folder)
    error = load_error(profile_dir.folder)
    assert isinstance(error, ProfileErrors)
    found = {Path(e.file).name: (e.line, str(e)) for e in errors_of(error)}
    assert found.keys() == expected.keys()
    for name, (line, problem) in expected.items():
        assert found[name][0] == line
        assert found[name][1].startswith(f"{profile_dir.folder / name}:{line}: {problem}")
    assert str(error).splitlines() == [str(e) for e in errors_of(error)]


def test_a_profile_extending_a_broken_one_adds_no_error_of_its_own(profile_dir) -> None:
    """The base's error is the one to fix; "extends unknown profile" beside it would mislead."""
    profile_dir("_house.yaml", "html:\n  prune: '//ad:slot'\n")
    profile_dir("site.example.yaml", "profile: site.example\nextends: _house\n")
    error = load_error(profile_dir.folder)
    assert [Path(e.file).name for e in errors_of(error)] == ["_house.yaml"]


def test_a_cycle_is_reported_once(profile_dir) -> None:
    profile_dir("_a.yaml", "extends: _b\n")
    profile_dir("_b.yaml", "extends: _a\n")
    assert [str(e).split(": ", 1)[1] for e in errors_of(load_error(profile_dir.folder))] == [
        "extends: extends cycle: _a -> _b -> _a"
    ]


def test_several_errors_survive_a_process_boundary(profile_dir) -> None:
    write_three_broken(profile_dir.folder)
    error = load_error(profile_dir.folder)
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, ProfileErrors) and str(copy) == str(error)
    assert [(e.file, e.line) for e in errors_of(copy)] == [(e.file, e.line) for e in errors_of(error)]


def clean_process(page: Path, rules: Path) -> subprocess.CompletedProcess:
    """`cleaner clean PAGE --rules RULES` as a user runs it, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(page), "--rules", str(rules)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_cli_clean_exits_2_with_one_line_per_error_before_any_page(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    expected = write_three_broken(rules)
    page = tmp_path / "page.txt"
    page.write_text(f"{PROSE}\n", encoding="utf-8")
    proc = clean_process(page, rules)
    assert (proc.returncode, proc.stdout) == (2, "")
    lines = proc.stderr.splitlines()
    assert len(lines) == len(expected), proc.stderr
    for line, (name, (number, problem)) in zip(lines, sorted(expected.items()), strict=True):
        assert line.removeprefix("cleaner: ").startswith(f"{rules / name}:{number}: {problem}")


def test_cli_check_exits_2_naming_every_broken_file(tmp_path: Path, capsys) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    expected = write_three_broken(rules)
    code = main(["check", "--root", str(tmp_path), "--rules", "rules"])
    out = capsys.readouterr().out
    assert code == 2
    assert len([line for line in out.splitlines() if line.startswith("BAD PROFILE ")]) == len(expected), out
    for name, (line, problem) in expected.items():
        assert out.count(f"BAD PROFILE {rules / name}:{line}: {problem}") == 1, out


def test_a_fifo_named_like_a_profile_is_an_error_not_a_hang(tmp_path: Path) -> None:
    import os

    rules = tmp_path / "rules"
    rules.mkdir()
    os.mkfifo(rules / "waiting.yaml")  # opening it to read would block until a writer came
    (rules / "site.example.yaml").write_text("profile: site.example\nextends: _generic\n", encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(f"Budget\n\n{PROSE}\n", encoding="utf-8")
    done = clean_process(page, rules)
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr.strip()
        == f"cleaner: {rules / 'waiting.yaml'}: not a regular file (a FIFO, socket or device): not read"
    )


@pytest.mark.parametrize(
    ("lines", "line", "key", "problem"),
    [
        ("    patterns: ['^Site$', '^(unclosed$']\n", 4, "match.lines.patterns[1]", "invalid regex"),
        ("    patterns: []\n", 4, "match.lines.patterns", "should be non-empty"),
        ("    patterns: ['^Site$']\n    at-least: 0\n", 5, "match.lines.at-least", "minimum"),
        ("    at-least: 2\n", 3, "match.lines", "'patterns' is a required property"),
    ],
    ids=["bad-regex", "no-patterns", "at-least-zero", "patterns-missing"],
)
def test_bad_match_lines_are_refused_at_load(profile_dir, lines, line, key, problem) -> None:
    path = profile_dir("site.example.yaml", f"profile: site.example\nmatch:\n  lines:\n{lines}")
    error = load_error(profile_dir.folder)
    assert (error.file, error.line, error.key) == (str(path), line, key)
    assert problem in str(error)
