"""The article's lead that the extractor lost comes back before its first paragraph (cleaner.web.leads)."""

from __future__ import annotations

from lxml import html

import cleaner
from cleaner.web.leads import restore_lead

LEAD = "The harbour board wants a second ferry ramp by next summer. The council still has to find the money."
DECK = "The harbour board wants a second ferry ramp by next summer, and the council has to pay for it."
FIRST = "The council met on Tuesday evening to talk about the harbour budget for the coming two years."
SECOND = "Work on the old channel starts in spring and should end before the sailing season begins."


def page(description: str, header: str, body: str = f"<p>{FIRST}</p><p>{SECOND}</p>") -> html.HtmlElement:
    return html.fromstring(
        f"<html><head><meta name='description' content='{description}'></head><body><article>"
        f"<header><h1>A second ferry ramp</h1>{header}</header><div class='body'>{body}</div>"
        "</article></body></html>"
    )


def test_a_lead_the_description_names_comes_back_before_the_first_paragraph() -> None:
    root = page(LEAD, f"<p class='intro'>{LEAD}</p>")
    assert restore_lead(root, f"{FIRST}\n{SECOND}").split("\n") == [LEAD, FIRST, SECOND]


def test_a_cut_description_finds_the_whole_lead() -> None:
    root = page(LEAD[:70] + "…", f"<div class='teaser'><p>{LEAD}</p></div>")
    assert restore_lead(root, f"{FIRST}\n{SECOND}").split("\n")[0] == LEAD


def test_short_lines_before_the_first_paragraph_stay_above_the_lead() -> None:
    root = page(LEAD, f"<p class='intro'>{LEAD}</p>")
    assert restore_lead(root, f"3 May 2021\n{FIRST}").split("\n") == ["3 May 2021", LEAD, FIRST]


def test_a_deck_of_one_sentence_is_left_out() -> None:
    root = page(DECK, f"<p class='dek'>{DECK}</p>")
    assert restore_lead(root, f"{FIRST}\n{SECOND}") == f"{FIRST}\n{SECOND}"


def test_a_description_that_opens_the_text_adds_nothing() -> None:
    root = page(f"{FIRST} {SECOND}", "")
    assert restore_lead(root, f"{FIRST}\n{SECOND}") == f"{FIRST}\n{SECOND}"


def test_a_teaser_after_the_first_paragraph_is_no_lead() -> None:
    body = f"<p>{FIRST}</p><p>{SECOND}</p><aside><p class='teaser'>{LEAD}</p></aside>"
    root = page(LEAD, "", body)
    assert restore_lead(root, f"{FIRST}\n{SECOND}") == f"{FIRST}\n{SECOND}"


def test_a_description_found_only_in_the_head_a_heading_or_a_long_block_adds_nothing() -> None:
    assert restore_lead(page(LEAD, ""), f"{FIRST}\n{SECOND}") == f"{FIRST}\n{SECOND}"
    assert restore_lead(page(LEAD, f"<h2>{LEAD}</h2>"), FIRST) == FIRST
    assert restore_lead(page(LEAD, f"<div>{LEAD} {SECOND} {SECOND} {SECOND}</div>"), FIRST) == FIRST


def test_in_markdown_the_lead_is_a_paragraph_of_its_own() -> None:
    root = page(LEAD, f"<p class='intro'>{LEAD}</p>")
    assert restore_lead(root, f"{FIRST}\n\n{SECOND}", markdown=True).split("\n") == [LEAD, "", FIRST, "", SECOND]


def test_a_page_whose_header_holds_the_lead_keeps_it() -> None:
    paragraphs = "".join(
        f"<p>{opening} {FIRST} {SECOND}</p>" for opening in ("First of all.", "Then the vote.", "After that.")
    )
    markup = (
        f"<html><head><title>A second ferry ramp</title><meta name='description' content='{LEAD}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/harbour'>Harbour</a></nav><article>"
        f"<header><h1>A second ferry ramp</h1><p class='lead'>{LEAD}</p></header>"
        f"<div class='article-body'>{paragraphs}</div></article><footer>Harbour Post</footer></body></html>"
    ).encode()
    result = cleaner.clean(markup, url="https://example.com/harbour/ferry-ramp", markdown=True)
    lines = [line for line in result.text.split("\n") if line.strip()]
    assert lines[0] == LEAD and lines[1].startswith("First of all.")
    assert LEAD in result.to_dict()["markdown"]
