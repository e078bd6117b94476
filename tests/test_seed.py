"""The first real input, exactly as the foundation issue specifies it."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner.cli import main
from tests.conftest import SAMPLE_SEED, SEED, SHARED_SEED

CHROME = [
    "The Washington Times -",
    "can be reached at",
    "Copyright",
    "reprint permission",
    "comment policy",
    "Click to Read More and View Comments",
    "Click to Hide",
]


@pytest.fixture(scope="module")
def seed() -> dict:
    if not SEED.exists():
        pytest.fail(f"the seed is missing: {SEED}")
    return cleaner.clean(SEED.read_bytes(), source=str(SEED)).to_dict()


def test_the_bundled_sample_is_the_seed() -> None:
    """The sample that stands in for the seed in a lone clone is byte for byte the seed."""
    assert SAMPLE_SEED.exists()
    if SHARED_SEED.exists():
        assert SAMPLE_SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_fields(seed: dict) -> None:
    assert (seed["author"], seed["email"], seed["publisher"], seed["date"]) == (
        "Carlo Muñoz",
        "cmunoz@washingtontimes.com",
        "The Washington Times",
        "2017-08-17",
    )
    assert seed["authors"] == ["Carlo Muñoz"]
    assert seed["profile"] == "washingtontimes.com"


def test_text_is_exactly_the_sixteen_paragraphs(seed: dict) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    article = [line for line in lines[2:33] if line.strip()]
    paragraphs = seed["text"].split("\n\n")
    assert len(paragraphs) == 16
    assert paragraphs == article
    assert paragraphs[0].startswith("Washington and Tokyo have agreed")
    assert paragraphs[-1].endswith("I think there’s a necessity of doing so.”")
    for chrome in CHROME:
        assert chrome not in seed["text"]


def test_trace_names_a_rule_for_every_removed_line(seed: dict) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    kept = set(seed["text"].split("\n\n"))
    nonblank = {n for n, line in enumerate(lines, 1) if line.strip()}
    removed_lines = {n for n in nonblank if lines[n - 1].strip() not in kept}
    traced = {n for entry in seed["trace"]["removed"] for n in range(entry["lines"][0], entry["lines"][1] + 1)}
    assert traced & nonblank == removed_lines
    assert {e["rule"] for e in seed["trace"]["removed"]} == {"dateline", "contact-line", "footer"}
    assert seed["trace"]["fields"] == {
        "author": "contact-line",
        "email": "contact-line",
        "date": "dateline",
        "publisher": "dateline",
    }


def test_command_line_prints_the_same_object(seed: dict, capsys) -> None:
    assert main(["clean", str(SEED)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == seed
