"""Which opinions `cleaner.web.extraction.extract_article` asks for on a page whose precision text
is short of the yardstick's: trafilatura's balanced mode under 60% of the yardstick's words,
readability-lxml only under 50%."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html

from cleaner.web import extraction
from cleaner.web.extraction import Extraction, extract_article

SENTENCES = (
    "The harbour board met on Tuesday and agreed after a long debate to repair the old pier before the summer.",
    "Members said the ferry company had asked for the work twice, and that the town would share the costs.",
    "The engineers expect the repairs to take about four months, weather permitting, and the pier to reopen.",
)
CUT_MARK = "of the part the precision mode cuts"


def _page(kept: int, cut: int) -> str:
    """An article of `kept` paragraphs, then `cut` more in a block whose class names it the page's
    bottom, which trafilatura's precision mode drops and its balanced mode keeps."""
    kept_part = "".join(f"<p>{SENTENCES[i % 3]} This is paragraph {i} of the report.</p>" for i in range(kept))
    cut_part = "".join(f"<p>{SENTENCES[i % 3]} This is paragraph {i} {CUT_MARK}.</p>" for i in range(cut))
    body = f'<h1>Pier to be repaired</h1>{kept_part}<div class="story-bottom">{cut_part}</div>'
    return f"<html><body><article>{body}</article></body></html>"


def _extract(markup: str) -> Extraction:
    return extract_article(html.document_fromstring(markup), markup, None, "precision", fast=True)


def test_a_text_under_sixty_percent_of_the_yardstick_gets_trafilaturas_balanced_text() -> None:
    chosen = _extract(_page(kept=5, cut=4))  # precision keeps about 53% of the yardstick's words
    assert chosen.extractor == "trafilatura-balanced"
    assert chosen.opinion == 1
    assert chosen.text.count(CUT_MARK) == 4


def test_a_text_over_sixty_percent_of_the_yardstick_stands() -> None:
    chosen = _extract(_page(kept=7, cut=4))  # about 61%
    assert chosen.extractor == "trafilatura-precision"
    assert CUT_MARK not in chosen.text


@pytest.fixture
def no_balanced_but_readability(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """trafilatura's balanced mode finds nothing; readability, when asked, finds a long text."""
    asked: list[str] = []
    precision_only = extraction._trafilatura

    def trafilatura(root: html.HtmlElement, url: str | None, favor: str, *, fast: bool) -> Any:
        return precision_only(root, url, favor, fast=fast) if favor == "precision" else None

    def readability(markup: str, url: str | None) -> str:
        asked.append(markup)
        return "\n".join(SENTENCES * 20)

    monkeypatch.setattr(extraction, "_trafilatura", trafilatura)
    monkeypatch.setattr(extraction, "_readability", readability)
    return asked


def test_readability_is_asked_only_under_half_of_the_yardstick(no_balanced_but_readability: list[str]) -> None:
    between = _extract(_page(kept=5, cut=4))
    assert between.extractor == "trafilatura-precision"
    assert no_balanced_but_readability == []
    under_half = _extract(_page(kept=4, cut=5))
    assert under_half.extractor == "readability"
    assert len(no_balanced_but_readability) == 1
