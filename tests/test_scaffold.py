"""`cleaner profiles new DOMAIN --sample PAGE`: a profile, its sample and golden file, ready for `check`."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

import cleaner
from cleaner.check import golden
from cleaner.cli import main

PAGE = """MARSH GAZETTE - Local news since 1921
Share on Facebook
By Tomas Reyes
The county will repave Old Mill Road this summer, closing one lane at a time for six weeks, officials said.
Crews start at the river bridge and work north, and the road stays open to school buses throughout.
Weather
Copyright © 2024 Marsh Gazette
"""


def scaffold(tmp_path: Path, capsys, *extra: str) -> tuple[int, str, str]:
    page = tmp_path / "download" / "road.txt"
    page.parent.mkdir(exist_ok=True)
    page.write_text(PAGE, encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir(exist_ok=True)
    code = main(["profiles", "new", "marsh-gazette.example", "--sample", str(page), "--root", str(root), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_profile_from_a_sample_passes_check(tmp_path: Path, capsys) -> None:
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
    assert data["extends"] == "_base" and data["match"]["first-line"] == "^MARSH GAZETTE"
    assert "#   share-prompts: Share on Facebook" in text  # chrome the generic rules already catch
    assert "#   copyright: Copyright © 2024 Marsh Gazette" in text
    assert "#      - 'Weather'" in text  # a kept short line offered as a starting rule
    assert data["tests"] == [
        {
            "sample": "samples/marsh-gazette.example/road.txt",
            "expect": {"publisher": "Marsh Gazette", "author": "Tomas Reyes"},
            "text-contains": ["MARSH GAZETTE - Local news since 1921"],
            "text-lacks": ["Share on Facebook", "By Tomas Reyes", "Copyright © 2024 Marsh Gazette"],
        }
    ]
    book = cleaner.load_rulebook([root / "rules"])
    assert gold.read_text(encoding="utf-8") == golden.render(golden.clean_sample(sample, root, book))
    assert json.loads(gold.read_text(encoding="utf-8"))["profile"] == "marsh-gazette.example"
    assert main(["check", "--root", str(root), "--rules", "rules"]) == 0
    assert "1 profiles, 1 tests (0 failed), 1 samples (0 drifted)" in capsys.readouterr().out


def test_existing_profile_and_bad_domain_are_usage_errors(tmp_path: Path, capsys) -> None:
    assert scaffold(tmp_path, capsys)[0] == 0
    code, _, err = scaffold(tmp_path, capsys)
    assert code == 2 and "exists (use --force to overwrite)" in err
    assert scaffold(tmp_path, capsys, "--force")[0] == 0
    page = tmp_path / "download" / "road.txt"
    assert main(["profiles", "new", "not a domain", "--sample", str(page), "--root", str(tmp_path)]) == 2
    assert "is not a domain name" in capsys.readouterr().err
