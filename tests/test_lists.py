"""Lists the extractor lost between paragraphs it kept come back (cleaner.web.lists)."""

from __future__ import annotations

from lxml import html

import cleaner
from cleaner.web.lists import restore_lists

PARAGRAPH = "The council approved the new harbour budget on Tuesday after a long debate about the costs."
INTRO = "The money pays for three pieces of work on the harbour over the next two years:"
SECOND = "Work on the old channel starts in spring and should end before the sailing season begins."
ITEMS = "<ul><li>Dredging the old channel</li><li>A new ferry ramp</li><li>Lights on the east pier</li></ul>"


def page(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body><div>{body}</div></body></html>")


def test_a_list_between_two_kept_lines_comes_back_between_them() -> None:
    root = page(f"<p>{PARAGRAPH}</p>{ITEMS}<p>{SECOND}</p>")
    assert restore_lists(root, f"{PARAGRAPH}\n{SECOND}").split("\n") == [
        PARAGRAPH,
        "- Dredging the old channel",
        "- A new ferry ramp",
        "- Lights on the east pier",
        SECOND,
    ]


def test_a_list_a_kept_sentence_introduces_comes_back_after_it() -> None:
    root = page(f"<p>{INTRO}</p>{ITEMS}<div class='promo'><p>Subscribe to our harbour newsletter</p></div>")
    assert restore_lists(root, INTRO).split("\n")[1:] == [
        "- Dredging the old channel",
        "- A new ferry ramp",
        "- Lights on the east pier",
    ]


def test_nothing_is_added_that_the_text_does_not_stand_beside() -> None:
    root = page(
        f"<p>{PARAGRAPH}</p>"
        "<ul><li><a href='/a'>Ferry fares rise again</a></li>"  # a link list
        "<li><a href='/b'>Pier closed for repairs</a></li></ul>"
        f"<p>{SECOND}</p>"
        "<ul><li><figure><img src='a.jpg'><figcaption>The old channel at low tide</figcaption></figure></li>"
        "<li><figure><img src='b.jpg'><figcaption>The east pier at night</figcaption></figure></li></ul>"  # a gallery
        f"<p>{INTRO}</p><h2>Most read</h2><ul><li>Ferry fares rise</li><li>Pier closed</li></ul>"  # not introduced
    )
    text = f"{PARAGRAPH}\n{SECOND}\n{INTRO}"
    assert restore_lists(root, text) == text


def test_a_list_the_text_holds_an_item_of_is_not_doubled() -> None:
    root = page(f"<p>{PARAGRAPH}</p>{ITEMS}<p>{SECOND}</p>")
    text = f"{PARAGRAPH}\n- A new ferry ramp\n{SECOND}"
    assert restore_lists(root, text) == text


def test_in_markdown_a_restored_list_is_set_apart_from_the_paragraph_before_it() -> None:
    root = page(f"<p>{PARAGRAPH}</p>{ITEMS}<p>{SECOND}</p>")
    assert restore_lists(root, f"{PARAGRAPH}\n\n{SECOND}", markdown=True).split("\n") == [
        PARAGRAPH,
        "",
        "- Dredging the old channel",
        "- A new ferry ramp",
        "- Lights on the east pier",
        "",
        SECOND,
    ]


def test_a_page_without_an_article_container_keeps_its_lists() -> None:
    paragraphs = "".join(
        f"<div class='row'><p>{sentence} {PARAGRAPH}</p></div>"
        for sentence in ("First of all.", "Then the vote.", "After that.", "In the end.")
    )
    body = f"<div class='row'><p>{INTRO}</p>{ITEMS}<p>{SECOND}</p></div>"
    markup = f"<html><body><div class='wrap'>{paragraphs}{body}</div></body></html>".encode()
    result = cleaner.clean(markup, url="https://example.com/harbour/budget", markdown=True)
    assert "- A new ferry ramp" in result.text.split("\n")
    assert "- Lights on the east pier" in result.to_dict()["markdown"]
