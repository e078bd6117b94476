"""`cleaner check`: profiles validated, their tests run, samples compared with golden files, coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from cleaner.check import Options, golden, run_check
from cleaner.cli import main
from tests.checkproject import CASE, DOMAIN, edit_profile, make_project, package_copy, profile_line, run_cleaner
from tests.conftest import GOLDEN, ROOT, sample_paths


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def check(project: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["check", "--root", str(project), "--rules", "rules", *extra])
    return code, capsys.readouterr().out


def golden_file(project: Path) -> Path:
    return project / "tests" / "golden" / DOMAIN / f"{CASE}.json"


def test_a_clean_project_passes(project: Path, capsys) -> None:
    code, out = check(project, capsys)
    assert code == 0, out
    assert "cleaner check: ok: 1 profiles, 1 tests (0 failed), 1 samples (0 drifted)" in out


def test_golden_source_starts_at_the_samples_folder(project: Path) -> None:
    """Not a path from the working folder or the root: the record is the same wherever the check runs."""
    assert json.loads(golden_file(project).read_text(encoding="utf-8"))["source"] == f"samples/{DOMAIN}/{CASE}.txt"
    sample = project / "samples" / DOMAIN / f"{CASE}.txt"
    book = cleaner.load_rulebook([project / "rules"])
    by_relative = golden.clean_sample(Path("samples") / DOMAIN / f"{CASE}.txt", project, book)
    assert by_relative == golden.clean_sample(sample, Path("/"), book)


@pytest.mark.parametrize(
    ("where", "args"),
    [
        ("project", ["--rules", "rules"]),
        (".", ["--rules", "project/rules", "--samples", "project/samples", "--golden", "project/tests/golden"]),
        (
            "elsewhere",
            ["--rules", "{project}/rules", "--samples", "{project}/samples", "--golden", "{project}/tests/golden"],
        ),
        ("elsewhere", ["--root", "{project}", "--rules", "rules"]),
    ],
    ids=["in-the-project", "relative-from-above", "absolute-from-elsewhere", "root-from-elsewhere"],
)
def test_the_same_goldens_pass_from_any_folder(project: Path, where: str, args: list[str], monkeypatch, capsys) -> None:
    cwd = project.parent / where
    cwd.mkdir(exist_ok=True)
    monkeypatch.chdir(cwd)
    code = main(["check", *(a.format(project=project) for a in args)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "ok: 1 profiles, 1 tests (0 failed), 1 samples (0 drifted)" in out


def test_the_projects_goldens_pass_by_absolute_paths_from_another_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--samples", str(ROOT / "samples"), "--golden", str(GOLDEN), "--rules", str(ROOT / "rules")])
    out = capsys.readouterr().out
    samples = len(golden.sample_paths(ROOT / "samples"))
    assert code == 0, out
    assert samples > 0 and f"{samples} samples (0 drifted)" in out


def bundled_tests() -> list[str]:
    """The profile of each bundled profile test, in the order `cleaner check` runs them."""
    return [p.name for p in sorted(cleaner.load_rulebook().profiles.values(), key=lambda p: p.name) for _ in p.tests]


def test_installed_check_in_an_empty_folder_skips_the_bundled_profiles_tests_saying_why(tmp_path: Path) -> None:
    """The wheel ships the bundled profiles without their tests' samples: not run, and not a failure."""
    site = package_copy(tmp_path / "site", installed=True)
    (tmp_path / "empty").mkdir()
    done = run_cleaner(tmp_path / "empty", "check", package=site)
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert bundled_tests() and f"0 tests (0 failed), {len(bundled_tests())} tests not run, 0 samples" in out
    skip = f"SKIP washingtontimes.com test ({site}/cleaner/rules/washingtontimes.com.yaml:"
    assert skip in out and "not run: the bundled profiles' test samples are not installed with the package" in out
    assert "NOTE samples is not a folder" in out and "FAIL" not in out
    report = json.loads(run_cleaner(tmp_path / "empty", "check", "--format", "json", package=site).stdout)
    assert report["exit"] == 0 and report["tests"]["run"] == 0 and report["tests"]["failed"] == []
    assert [n["profile"] for n in report["tests"]["not_run"]] == bundled_tests()


def test_installed_check_of_the_users_rules_runs_their_tests_only(tmp_path: Path) -> None:
    site = package_copy(tmp_path / "site", installed=True)
    project = make_project(tmp_path / "project")
    (project / "rules").rename(project / "my-rules")
    done = run_cleaner(project, "check", "--rules", "my-rules", package=site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "cleaner check: ok: 1 profiles, 1 tests (0 failed), 1 samples (0 drifted)" in done.stdout
    profile = project / "my-rules" / f"{DOMAIN}.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Mara Quist", "Someone Else"), encoding="utf-8")
    done = run_cleaner(project, "check", "--rules", "my-rules", package=site)
    assert done.returncode == 1
    assert f"FAIL {DOMAIN} test (my-rules/{DOMAIN}.yaml:" in done.stdout and "expected 'Someone Else'" in done.stdout
    assert "washingtontimes" not in done.stdout and "SKIP" not in done.stdout


def test_in_a_checkout_a_bundled_profiles_missing_sample_fails(tmp_path: Path) -> None:
    """Where the bundled rules are the project's own (rules/ beside the package), their samples must be there."""
    site = package_copy(tmp_path / "checkout", installed=False)
    (tmp_path / "empty").mkdir()
    done = run_cleaner(tmp_path / "empty", "check", package=site)
    assert done.returncode == 1
    assert "FAIL washingtontimes.com test" in done.stdout and "sample not found" in done.stdout
    assert "SKIP" not in done.stdout


def test_a_broken_rule_fails_with_a_diff_naming_it(project: Path, capsys) -> None:
    edit_profile(project, r"'^Lakeview Tribune Media 20\d\d$'", r"'^Lakeview Tribune Media 19\d\d$'")
    before = golden_file(project).read_text(encoding="utf-8")
    code, out = check(project, capsys)
    assert code == 1
    assert f"DRIFT samples/{DOMAIN}/{CASE}.txt (golden tests/golden/{DOMAIN}/{CASE}.json)" in out
    assert "  + gained: 'Lakeview Tribune Media 2024'" in out
    footer = profile_line(project, "  footer:")
    assert f"no longer removed by rule footer (lakeview.example) at rules/{DOMAIN}.yaml:{footer}" in out
    lacks = profile_line(project, "text-lacks:")
    assert f"FAIL {DOMAIN} test (rules/{DOMAIN}.yaml:{lacks}): samples/{DOMAIN}/{CASE}.txt: text still contains" in out
    assert golden_file(project).read_text(encoding="utf-8") == before  # no --update: nothing written


def test_profile_test_failure_points_at_its_line(project: Path, capsys) -> None:
    edit_profile(project, "expect: {author: Mara Quist}", "expect: {author: Someone Else}")
    code, out = check(project, capsys)
    assert code == 1
    at = profile_line(project, "expect: {author: Someone Else}")
    assert (
        f"FAIL {DOMAIN} test (rules/{DOMAIN}.yaml:{at}): samples/{DOMAIN}/{CASE}.txt: "
        "author: expected 'Someone Else', got 'Mara Quist' (from signoff)"
    ) in out


def test_a_rule_that_removes_prose_is_blamed_for_the_lost_paragraph(project: Path, capsys) -> None:
    edit_profile(project, "  footer:", "  greedy:\n    kind: drop-line\n    pattern: '^Board members'\n  footer:")
    code, out = check(project, capsys, "--format", "github")
    assert code == 1
    at = profile_line(project, "  greedy:")
    assert "  - lost: 'Board members voted five to two" in out
    assert f"now removed by rule greedy (lakeview.example) at rules/{DOMAIN}.yaml:{at}" in out
    assert f"::error file=rules/{DOMAIN}.yaml,line={at}::samples/{DOMAIN}/{CASE}.txt: rule greedy now removes" in out


def test_update_rewrites_the_drifted_golden_and_then_check_passes(project: Path, capsys) -> None:
    edit_profile(project, r"'^Lakeview Tribune Media 20\d\d$'", r"'^Reprint rights'")
    code, out = check(project, capsys, "--update")
    assert f"UPDATED samples/{DOMAIN}/{CASE}.txt" in out and "1 golden files rewritten" in out
    record = json.loads(golden_file(project).read_text(encoding="utf-8"))
    assert record["text"].endswith("Lakeview Tribune Media 2024")
    assert code == 1 and "text still contains 'Lakeview Tribune Media'" in out  # the profile's own test
    edit_profile(project, "text-lacks: [LAKEVIEW TRIBUNE, Lakeview Tribune Media]", "text-lacks: [LAKEVIEW TRIBUNE]")
    code, out = check(project, capsys)
    assert code == 0, out


def test_missing_golden_is_drift_and_update_writes_it_byte_for_byte(project: Path, capsys) -> None:
    expected = golden_file(project).read_bytes()
    golden_file(project).unlink()
    code, out = check(project, capsys)
    assert code == 1 and f"no golden file tests/golden/{DOMAIN}/{CASE}.json" in out
    assert check(project, capsys, "--update")[0] == 0
    assert golden_file(project).read_bytes() == expected


def test_orphan_golden_fails(project: Path, capsys) -> None:
    orphan = golden_file(project).with_name("gone.json")
    orphan.write_text("{}\n", encoding="utf-8")
    code, out = check(project, capsys)
    assert code == 1 and f"ORPHAN tests/golden/{DOMAIN}/gone.json" in out


def test_coverage_reports_a_dead_rule_and_an_unsampled_profile(project: Path, capsys) -> None:
    edit_profile(project, "  footer:", "  never:\n    kind: drop-line\n    text: [No page has this line]\n  footer:")
    (project / "rules" / "quiet.example.yaml").write_text(
        "profile: quiet.example\nextends: _base\nmatch: {domains: [quiet.example]}\n", encoding="utf-8"
    )
    code, out = check(project, capsys)
    assert code == 0  # coverage warns; it does not fail the check
    at = profile_line(project, "  never:")
    assert f"DEAD RULE {DOMAIN}/never (rules/{DOMAIN}.yaml:{at}): matched no line of any sample" in out
    assert "NO SAMPLE profile quiet.example (rules/quiet.example.yaml)" in out
    code, out = check(project, capsys, "--format", "github")
    assert f"::warning file=rules/{DOMAIN}.yaml,line={at}::rule 'never' of {DOMAIN} matched no line" in out
    code, out = check(project, capsys, "--format", "json")
    report = json.loads(out)
    assert report["coverage"]["dead"] == [f"{DOMAIN}/never"]
    assert report["coverage"]["unsampled"] == ["quiet.example"]
    assert {"profile": DOMAIN, "rule": "footer", "samples": 1, "matched": 1} in report["coverage"]["rules"]


def test_a_rule_whose_lines_an_earlier_rule_removes_is_shadowed_not_dead(project: Path, capsys) -> None:
    rule = "  reprints:\n    kind: drop-line\n    text: [Reprint rights available on request]\n"
    edit_profile(project, "tests:", rule + "tests:")
    code, out = check(project, capsys)
    assert code == 0
    assert f"SHADOWED {DOMAIN}/reprints" in out and "DEAD RULE" not in out


def test_bad_profiles_exit_2_with_annotations_for_each_file(project: Path, capsys) -> None:
    rules = project / "rules"
    (rules / "bad.example.yaml").write_text(
        "profile: bad.example\nrules:\n  footer:\n    kind: cut-tail\n    text: [X]\n    window: many\n",
        encoding="utf-8",
    )
    (rules / "worse.example.yaml").write_text("profile: worse.example\nmatch: {first-line: 3}\n", encoding="utf-8")
    code, out = check(project, capsys, "--format", "github")
    assert code == 2
    assert "::error file=rules/bad.example.yaml,line=6::rules.footer.window: expected an integer" in out
    assert "::error file=rules/worse.example.yaml,line=2::match.first-line:" in out


def test_bad_regex_and_unknown_base_exit_2(project: Path, capsys) -> None:
    edit_profile(project, "extends: _base", "extends: _nowhere")
    code, out = check(project, capsys)
    assert code == 2 and "extends unknown profile '_nowhere'" in out
    edit_profile(project, "extends: _nowhere", "extends: _base")
    edit_profile(project, r"pattern: '^Lakeview Tribune Media 20\d\d$'", "pattern: '^Lakeview (Tribune'")
    code, out = check(project, capsys, "--format", "json")
    error = json.loads(out)["profile_errors"][0]
    assert code == 2 and error["key"] == "rules.footer.pattern" and "invalid regex" in error["message"]


def test_every_file_that_fails_to_compile_is_a_bad_profile_of_its_own(project: Path, capsys) -> None:
    """A load reports all its errors at once (ProfileErrors): one line and one annotation each."""
    for name, group in (("one.example", "(one"), ("two.example", "(two")):
        (project / "rules" / f"{name}.yaml").write_text(
            f"profile: {name}\nextends: _base\nrules:\n  x:\n    kind: drop-line\n    pattern: '{group}'\n",
            encoding="utf-8",
        )
    code, out = check(project, capsys, "--format", "github")
    bad = [line for line in out.splitlines() if line.startswith("BAD PROFILE ")]
    assert code == 2 and "2 bad profile(s): nothing else checked." in out and len(bad) == 2
    for name, line in zip(("one.example", "two.example"), bad, strict=True):
        assert f"::error file=rules/{name}.yaml,line=6::rules.x.pattern: invalid regex" in out
        assert f"rules/{name}.yaml:6: rules.x.pattern: invalid regex" in line


def test_duplicate_rule_id_is_a_bad_profile(project: Path, capsys) -> None:
    edit_profile(project, "  footer:", "  masthead:\n    kind: drop-line\n    text: [Again]\n  footer:")
    code, out = check(project, capsys)
    assert code == 2 and "rules.masthead: duplicate key" in out


def test_check_agrees_with_the_golden_test_on_the_projects_own_samples() -> None:
    """The project's samples, checked by `cleaner check` with its defaults from the project root,
    match their golden files exactly where tests/test_golden.py says they do."""
    report = run_check(Options(root=ROOT))
    assert report.profile_errors == []
    pinned = {p.relative_to(ROOT).as_posix() for p in sample_paths()}
    assert pinned <= {golden.relative_source(p, ROOT) for p in golden.sample_paths(ROOT / "samples")}
    assert [d.sample for d in report.drift if d.sample in pinned] == []
    for sample in sample_paths()[:3]:
        path = golden.golden_path(GOLDEN, sample)
        assert golden.render(golden.clean_sample(sample, ROOT, _book())) == path.read_text(encoding="utf-8")


def _book():
    import cleaner

    return cleaner.load_rulebook()


def test_help_says_what_check_does_and_what_it_reads(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert done.value.code == 0
    assert "validate every profile of the --rules folders" in out
    assert "sample page under --samples (SAMPLES/<domain>/<case>.txt or .html)" in out
    assert "golden file (GOLDEN/<domain>/<case>.json)" in out and "Exit 0 when all passes" in out
