"""Field normalisers (cases in tests/cases/extract.yaml) and the generic finders on whole pages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import cleaner
from cleaner.extract.dates import parse_date
from cleaner.extract.emails import normalise_email
from cleaner.extract.people import split_authors
from cleaner.extract.publisher import clean_publisher

CASES = yaml.safe_load((Path(__file__).parent / "cases/extract.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("raw", "expected"), CASES["authors"])
def test_authors(raw: str, expected: list[str]) -> None:
    assert split_authors(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), CASES["emails"])
def test_emails(raw: str, expected: str | None) -> None:
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), CASES["dates"])
def test_dates(raw: str, expected: str | None) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), CASES["publishers"])
def test_publishers(raw: str, expected: str | None) -> None:
    assert clean_publisher(raw) == expected


def test_profile_date_formats_come_first() -> None:
    assert parse_date("03/04/2020", ["%d/%m/%Y"]) == "2020-04-03"
    assert parse_date("03/04/2020") == "2020-03-04"


def test_body_email_is_not_the_contact_email() -> None:
    page = (
        "Council Approves Budget\n\nBy Jane Doe\n\nThe council approved the budget on Monday night.\n\n"
        "\u201cSend your questions to budget@city.gov,\u201d the mayor said after the vote.\n\n"
        "The plan takes effect in July.\n"
    )
    result = cleaner.clean(page)
    assert result.author == "Jane Doe"
    assert result.email is None
    assert "budget@city.gov" in result.text


def test_generic_contact_email_and_dateline() -> None:
    page = "Headline Here\nMarch 3, 2021\nStory text goes on.\nMore text here.\nEmail Jane Doe at JDOE@example.com"
    result = cleaner.clean(page)
    assert (result.author, result.email, result.date) == ("Jane Doe", "jdoe@example.com", "2021-03-03")
    assert result.text == "Headline Here\nStory text goes on.\nMore text here."


def test_no_metadata_is_invented() -> None:
    result = cleaner.clean("On Monday, April 5, the library reopened.\nIt was busy.")
    assert (result.author, result.email, result.publisher, result.date) == (None, None, None, None)
    assert result.authors == ()


def test_a_price_list_in_a_review_is_not_a_subscription_pitch() -> None:
    prices = ["Monthly subscription: US$14 per month", "Annual subscription: US$89 per year"]
    pitch = "Subscribe today and get 12 issues for £11.99 delivered to your door."
    prose = (
        "The app costs less than a tutor and works offline, our reviewer found after a month of daily lessons on "
        "the train, and its grammar drills were the best part of the course."
    )
    items = "".join(f"<li>{p}</li>" for p in prices)
    page = f"<html><body><article><h1>Language App Review</h1><p>{prose}</p><ul>{items}</ul><p>{prose}</p>"
    result = cleaner.clean(page + f"<p>{pitch}</p><p>{prose}</p></article></body></html>")
    assert all(line in result.text for line in prices)
    assert pitch not in result.text
    assert [r["rule"] for r in result.trace["removed"] if "Subscribe" in r["text"]] == ["subscription-pitch"]
