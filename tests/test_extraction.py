"""The generic HTML path: trafilatura's text checked for the teaser trap, and the confidence field."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.confidence import confidence

PARAGRAPHS = [
    "The harbour board voted on Tuesday to extend the night ferry service through the winter months, a decision "
    "that commuters had sought for years.",
    "Officials said the extension would cost about four hundred thousand dollars, paid from the regional transport "
    "fund rather than from fares.",
    "Ferry crews will work in two shifts, and the last boat will leave the north pier at half past eleven on "
    "weekdays and at one on weekends.",
    "Several residents told the board that the late boats would let them take jobs in the city that they had "
    "turned down before.",
    "The board will review ridership in March and decide then whether the service should run all year from next "
    "spring onwards.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
LEAD = "<p>Night ferries will run all winter.</p>"


def page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Night ferries</title></head><body><nav><a href='/'>Home</a></nav>"
        f"{body}<footer>© 2024 Harbour News</footer></body></html>"
    )


def test_the_body_in_a_header_is_not_lost_to_the_lead() -> None:
    result = cleaner.clean(page(f"<header><h1>Night ferries</h1>{BODY}</header><main>{LEAD}</main>"))
    assert all(p in result.text for p in PARAGRAPHS)
    assert result.trace["extractor"] == "trafilatura-balanced"  # precision mode kept only the lead


def test_a_plain_article_keeps_trafilaturas_precision_text() -> None:
    result = cleaner.clean(page(f"<main><article><h1>Night ferries</h1>{BODY}</article></main>"))
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert result.trace["extractor"] == "trafilatura-precision"
    assert result.confidence == 1.0


def test_a_second_reader_that_missed_the_article_does_not_make_it_doubtful() -> None:
    article = cleaner.clean(page(f"<main><article><h1>Night ferries</h1>{BODY}</article></main>"))
    # Resiliparse takes "related" modules for chrome and reads only the heading: it is not asked
    related = "".join(f"<div class='related'><p>{p}</p></div>" for p in PARAGRAPHS)
    modules = cleaner.clean(page(f"<h1>Night ferries</h1>{related}"))
    assert modules.text == article.text
    assert modules.confidence == article.confidence == 1.0


@pytest.mark.parametrize(
    ("kept", "second", "expected"),
    [
        ("", "anything at all", 0.0),
        (" ".join(PARAGRAPHS), " ".join(PARAGRAPHS), 1.0),
        (" ".join(PARAGRAPHS), " ".join(["Home About Contact Weather Sport"] * 30), 0.0),  # read more, not ours
        ("Night ferries will run all winter.", "Night ferries will run all winter.", 0.277),  # 6 words of 50, no prose
    ],
)
def test_confidence_of_html_records(kept: str, second: str, expected: float) -> None:
    assert confidence(kept, second) == expected


def test_confidence_of_text_dumps_is_the_prose_share() -> None:
    prose = cleaner.clean("Ferries\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    assert prose.confidence == 1.0
    assert confidence("Home\nNews\nSport\nWeather", None) == 0.0
    assert 0 < confidence("A short line\n" + PARAGRAPHS[0], None) < 1


def test_error_records_carry_no_confidence() -> None:
    failed = cleaner.clean(b"")
    assert failed.confidence is None and "confidence" not in failed.to_dict()


def test_a_page_whose_second_reader_is_slow_becomes_a_timeout_record(monkeypatch) -> None:
    import time

    import cleaner.web.extraction as extraction

    def slow(markup: str, **options: object) -> str:
        time.sleep(5)  # as Resiliparse on a hostile page
        return ""

    monkeypatch.setattr(extraction, "extract_plain_text", slow)
    html = page(f"<main><article><h1>Night ferries</h1>{BODY}</article></main>")
    result = cleaner.clean(html, limits=cleaner.Limits(timeout=0.5, max_bytes=None))
    assert result.error["kind"] == "timeout"
    monkeypatch.undo()
    assert cleaner.clean(html, limits=cleaner.Limits(timeout=0.5, max_bytes=None)).ok


def test_section_headings_that_precision_mode_dropped_are_kept() -> None:
    first, second, third, fourth, fifth = (f"<p>{p}</p>" for p in PARAGRAPHS)
    article = (
        f"<h1>Night ferries</h1>{first}"
        f"<h2><span id='costs'></span>What it costs</h2>{second}"  # an empty anchor target
        f"<h2><a href='#crews'>Who runs the boats</a></h2>{third}"  # a heading linked to itself
        f"<h3><a href='https://ferries.example/night'>The night timetable</a></h3>{fourth}{fifth}"  # a linked item
    )
    related = "<div class='more'><h3><a href='/other-story'>Bridge tolls to rise</a></h3><p>Read more</p></div>"
    result = cleaner.clean(page(f"<main><article>{article}</article>{related}</main>"))
    lines = result.text.split("\n\n")
    assert [line for line in lines if line not in PARAGRAPHS] == [
        "What it costs",
        "Who runs the boats",
        "The night timetable",
    ]
    assert all(p in lines for p in PARAGRAPHS) and "Bridge tolls" not in result.text  # the teaser stays out
