"""Profiles: loading, inheritance, selection, and errors that point at the file, line and key."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import cleaner
from cleaner.cli import main
from cleaner.lines import Lines
from cleaner.profiles.schema import profile_schema
from tests.conftest import ROOT

ERROR_CASES = yaml.safe_load((Path(__file__).parent / "cases/profile-errors.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c["name"] for c in ERROR_CASES])
def test_malformed_profile_is_located(case: dict, profile_dir) -> None:
    for name, text in case["files"].items():
        profile_dir(name, text)
    with pytest.raises(cleaner.ProfileError) as caught:
        cleaner.load_rulebook([profile_dir.folder])
    error = caught.value
    assert Path(error.file).name == case["file"]
    assert error.line == case["line"]
    assert case["error"] in str(error)
    assert str(error).startswith(f"{error.file}:{error.line}: ")


def test_bad_profile_stops_the_cli_before_any_page(profile_dir, capsys) -> None:
    profile_dir("bad.yaml", "profile: bad\nrules:\n  footer:\n    kind: cut-tail\n    text: [X]\n    window: many\n")
    code = main(["clean", "--rules", str(profile_dir.folder), str(ROOT / "samples")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "bad.yaml:6: rules.footer.window: expected an integer" in err


def test_bundled_profiles_validate_against_the_published_schema() -> None:
    schema = profile_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_schema_command_prints_the_schema(capsys) -> None:
    assert main(["profiles", "schema"]) == 0
    assert json.loads(capsys.readouterr().out) == profile_schema()


def test_override_and_disable_inherited_rules(profile_dir) -> None:
    profile_dir(
        "site.example.yaml",
        """
profile: site.example
extends: _base
match: {domains: [site.example]}
rules:
  advertisement: {disable: true}
  copyright: {scope: head, window: 1}
""",
    )
    book = cleaner.load_rulebook([profile_dir.folder])
    site = book.get("site.example")
    ids = [r.id for r in site.rules]
    assert "advertisement" not in ids and "copyright" in ids
    page = "Story.\nAdvertisement\nMore story.\n© 2020 Example Media"
    result = cleaner.clean(page, url="https://www.site.example/a", rules=book)
    assert result.profile == "site.example"
    assert result.text == "Story.\nAdvertisement\nMore story.\n© 2020 Example Media"
    assert cleaner.clean("© 2020 Example Media\nStory.", profile="site.example", rules=book).text == "Story."


def test_site_rules_come_before_inherited_ones(rulebook) -> None:
    site = rulebook.get("washingtontimes.com")
    ids = [r.id for r in site.rules]
    assert ids.index("footer") < ids.index("copyright")
    assert site.chain == ("washingtontimes.com", "_base")


def test_user_folder_shadows_a_bundled_profile(profile_dir) -> None:
    profile_dir("washingtontimes.com.yaml", "profile: washingtontimes.com\nmatch: {domains: [washingtontimes.com]}\n")
    book = cleaner.load_rulebook([profile_dir.folder])
    assert book.get("washingtontimes.com").file.startswith(str(profile_dir.folder))


@pytest.mark.parametrize(
    ("url", "first_line", "expected"),
    [
        ("https://www.washingtontimes.com/news/2017/aug/17/x/", "Anything", "washingtontimes.com"),
        ("https://m.washingtontimes.com/x", "Anything", "washingtontimes.com"),
        ("https://notwashingtontimes.com/x", "Anything", "_generic"),
        (None, "- The Washington Times - Thursday, August 17, 2017", "washingtontimes.com"),
        (None, "Some other first line", "_generic"),
        ("https://example.org/", "- The Washington Times - Thursday, August 17, 2017", "washingtontimes.com"),
    ],
)
def test_selection(rulebook, url, first_line, expected) -> None:
    assert rulebook.select(Lines.from_text(f"\n{first_line}\nBody."), url).name == expected


def test_unknown_profile_name_is_a_usage_error(capsys) -> None:
    assert main(["clean", "--profile", "nope.example", "-"]) == 2
    assert "unknown profile 'nope.example'" in capsys.readouterr().err


def test_an_extends_chain_too_long_is_a_profile_error_not_a_crash(profile_dir) -> None:
    for n in range(300):
        base = f"p{n + 1}" if n < 299 else "_base"
        profile_dir(f"p{n}.yaml", f"profile: p{n}\nextends: {base}\n")
    with pytest.raises(cleaner.ProfileError) as caught:
        cleaner.load_rulebook([profile_dir.folder])
    assert "extends chain deeper than 50 profiles" in str(caught.value)
    for n in range(300):  # the same profiles in a short chain load
        (profile_dir.folder / f"p{n}.yaml").write_text(f"profile: p{n}\nextends: _base\n", encoding="utf-8")
    assert cleaner.load_rulebook([profile_dir.folder]).get("p299").name == "p299"
