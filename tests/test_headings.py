"""Section headings the extractor lost between paragraphs it kept come back (cleaner.web.headings)."""

from __future__ import annotations

from lxml import html

from cleaner.web.headings import restore_headings

PARAGRAPH = "The council approved the new harbour budget on Tuesday after a long debate about the costs."
SECOND = "Work on the old channel starts in spring and should end before the sailing season begins."


def page(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body><div>{body}</div></body></html>")


def test_a_heading_before_a_kept_paragraph_comes_back_on_the_line_before_it() -> None:
    root = page(f"<p>{PARAGRAPH}</p><h2>What the money pays for</h2><p>{SECOND}</p>")
    text = f"{PARAGRAPH}\n{SECOND}"
    assert restore_headings(root, text) == f"{PARAGRAPH}\nWhat the money pays for\n{SECOND}"


def test_a_line_break_in_a_heading_parts_its_words() -> None:
    root = page(f"<p>{PARAGRAPH}</p><h2>Costs<br>and fees</h2><p>{SECOND}</p>")
    assert restore_headings(root, f"{PARAGRAPH}\n{SECOND}").split("\n")[1] == "Costs and fees"


def test_nothing_is_added_that_the_text_does_not_stand_beside() -> None:
    root = page(
        f"<p>{PARAGRAPH}</p><h2>Most read</h2><ul><li>Ferry fares rise</li></ul>"  # before a teaser list
        f"<h1>Harbour budget approved</h1><p>{SECOND}</p>"  # the title is a field, not text
        f"<h3>Related</h3><p>Another story about the harbour that the extractor rightly left out.</p>"
    )
    text = f"{PARAGRAPH}\n{SECOND}"
    assert restore_headings(root, text) == text


def test_a_heading_the_text_holds_already_is_not_doubled() -> None:
    root = page(f"<h2>What the money pays for</h2><p>{SECOND}</p>")
    text = f"What the money pays for\n{SECOND}"
    assert restore_headings(root, text) == text


def test_in_markdown_a_restored_heading_keeps_the_pages_level() -> None:
    root = page(f"<p>{PARAGRAPH}</p><h3>What the money pays for</h3><p>{SECOND}</p>")
    assert restore_headings(root, f"{PARAGRAPH}\n\n{SECOND}", markdown=True).split("\n") == [
        PARAGRAPH,
        "",
        "### What the money pays for",
        SECOND,
    ]
