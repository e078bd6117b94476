"""`cleaner profiles new DOMAIN --sample PAGE`: a profile, its sample and golden file, ready for `check`."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
import yaml

import cleaner
from cleaner.check import golden
from cleaner.cli import main
from tests.checkproject import run_cleaner

PAGE = """MARSH GAZETTE - Local news since 1921
Share on Facebook
By Tomas Reyes
The county will repave Old Mill Road this summer, closing one lane at a time for six weeks, officials said.
Detour map
Crews start at the river bridge and work north, and the road stays open to school buses throughout.
Weather
Copyright © 2024 Marsh Gazette
"""
# A menu and a most-read list that no rule of _base removes, and the generic main-text stage does.
MENU_PAGE = """FERNDALE POST
Home
News
Sports
Opinion
The city council approved a new budget on Monday that adds two librarians and extends weekend hours at the main branch.
Council members said the extra hours respond to a survey in which most residents asked for Sunday openings.
The library director said hiring will start in March and the new hours begin in May.
Most read
Bridge closure extended to June
High school team wins regional title
Farmers market returns to Main Street
"""
OK = "cleaner check: ok: 1 profiles, 1 tests (0 failed), 1 samples (0 drifted)"


def scaffold(tmp_path: Path, capsys, *extra: str, page: str = PAGE, domain: str = "marsh-gazette.example"):
    """Run `profiles new` on `page` into tmp_path/project (--root); (exit code, stdout, stderr)."""
    sample = tmp_path / "download" / "road.txt"
    sample.parent.mkdir(exist_ok=True)
    sample.write_text(page, encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir(exist_ok=True)
    code = main(["profiles", "new", domain, "--sample", str(sample), "--root", str(root), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def advice(out: str) -> list[str]:
    """The arguments of the `cleaner check` that `profiles new` says to run next."""
    [line] = [line for line in out.splitlines() if line.startswith("then: ")]
    command = shlex.split(line.removeprefix("then: "))
    assert command[:2] == ["cleaner", "check"]
    return command[1:]


def test_new_profile_from_a_sample_passes_check(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = scaffold(tmp_path, capsys)
    assert code == 0, err
    root = tmp_path / "project"
    profile = root / "rules" / "marsh-gazette.example.yaml"
    sample = root / "samples" / "marsh-gazette.example" / "road.txt"
    gold = root / "tests" / "golden" / "marsh-gazette.example" / "road.json"
    assert f"created {profile}" in out and f"created {sample}" in out and f"created {gold}" in out
    assert "match.first-line '^MARSH GAZETTE' is a guess" in out
    text = profile.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["extends"] == "_generic" and data["match"]["first-line"] == "^MARSH GAZETTE"
    assert "then run `cleaner check --rules rules` in the project root" in text
    assert "#   share-prompts: Share on Facebook" in text  # chrome the generic profile already removes
    assert "#   copyright: Copyright © 2024 Marsh Gazette" in text
    assert "#   generic/main-text: Weather" in text
    assert "#      - 'Detour map'" in text  # a kept short line offered as a starting rule
    assert data["tests"] == [
        {
            "sample": "samples/marsh-gazette.example/road.txt",
            "expect": {
                "title": "MARSH GAZETTE - Local news since 1921",
                "publisher": "Marsh Gazette",
                "author": "Tomas Reyes",
            },
            "text-contains": ["The county will repave Old Mill Road this summer, closing one lane at a time for"],
            "text-lacks": ["MARSH GAZETTE - Local news since 1921", "Share on Facebook", "By Tomas Reyes"],
        }
    ]
    book = cleaner.load_rulebook([root / "rules"])
    assert gold.read_text(encoding="utf-8") == golden.render(golden.clean_sample(sample, root, book))
    assert json.loads(gold.read_text(encoding="utf-8"))["profile"] == "marsh-gazette.example"
    assert advice(out) == ["check", "--root", "project", "--rules", "rules"]
    assert main(advice(out)) == 0
    assert OK in capsys.readouterr().out


def test_a_scaffolded_profile_cleans_as_well_as_no_profile(tmp_path: Path, capsys) -> None:
    """It extends _generic, main-text stage included: the same text as the generic profile gives."""
    code, _, err = scaffold(tmp_path, capsys, page=MENU_PAGE, domain="ferndale-post.example")
    assert code == 0, err
    root = tmp_path / "project"
    book = cleaner.load_rulebook([root / "rules"])
    mine = golden.clean_sample(root / "samples" / "ferndale-post.example" / "road.txt", root, book)
    generic = cleaner.clean(MENU_PAGE, profile="_generic", rules=book)
    assert mine.profile == "ferndale-post.example"
    assert mine.text == generic.text
    assert mine.text.startswith("The city council approved") and mine.text.endswith("begin in May.")
    assert mine.text.count("\n") == 2  # the three paragraphs, without the menu and the most-read list
    base_only = cleaner.clean(MENU_PAGE, profile="_base", rules=book)  # what `extends: _base` kept
    assert "Bridge closure extended to June" in base_only.text and "Bridge closure" not in mine.text


@pytest.mark.parametrize(
    ("where", "extra", "expected"),
    [
        ("project", (), ["check", "--rules", "rules"]),
        (".", ("--root", "project"), ["check", "--root", "project", "--rules", "rules"]),
        (
            ".",
            ("--root", "project", "--rules", "{tmp}/my-rules", "--samples", "pages"),
            ["check", "--root", "project", "--rules", "{tmp}/my-rules", "--samples", "pages"],
        ),
    ],
    ids=["in-the-root", "root-below", "rules-outside-the-root"],
)
def test_the_advised_check_passes_where_the_user_stands(
    tmp_path: Path, capsys, monkeypatch, where: str, extra: tuple[str, ...], expected: list[str]
) -> None:
    """Plain `cleaner check` checks the bundled profiles, not the new one: the advice names its folders."""
    (tmp_path / "project").mkdir()
    cwd = tmp_path / where
    monkeypatch.chdir(cwd)
    sample = tmp_path / "road.txt"
    sample.write_text(PAGE, encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in extra]
    assert main(["profiles", "new", "marsh-gazette.example", "--sample", str(sample), *args]) == 0
    advised = advice(capsys.readouterr().out)
    assert advised == [a.format(tmp=tmp_path) for a in expected]
    done = run_cleaner(cwd, *advised)
    assert done.returncode == 0, done.stdout + done.stderr
    assert OK in done.stdout


def test_existing_profile_and_bad_domain_are_usage_errors(tmp_path: Path, capsys) -> None:
    assert scaffold(tmp_path, capsys)[0] == 0
    code, _, err = scaffold(tmp_path, capsys)
    assert code == 2 and "exists (use --force to overwrite)" in err
    assert scaffold(tmp_path, capsys, "--force")[0] == 0
    page = tmp_path / "download" / "road.txt"
    assert main(["profiles", "new", "not a domain", "--sample", str(page), "--root", str(tmp_path)]) == 2
    assert "is not a domain name" in capsys.readouterr().err


def test_help_says_what_profiles_new_does_and_what_it_reads(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["profiles", "new", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert done.value.code == 0
    assert "Scaffold a profile for the site DOMAIN from one page of it (PAGE" in out
    assert "DOMAIN the site's domain name, like example.com" in out
    assert "the `cleaner check` command that checks the new profile" in out
