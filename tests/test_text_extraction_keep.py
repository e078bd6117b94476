"""What `cleaner.web.extraction` does to a page before trafilatura's precision mode reads it:
linked headings of an article's sections and paragraphs wrapped in a div of their own survive."""

from __future__ import annotations

from lxml import html

from cleaner.web.extraction import keep_headings, keep_linked_paragraphs

PROSE = (
    "The harbour board met on Tuesday and agreed after a long debate to repair the old pier before the "
    "summer season begins, as the ferry company had asked."
)


def _page(body: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><body><article>{body}</article></body></html>")


def _links(root: html.HtmlElement) -> list[str]:
    return [" ".join(a.text_content().split()) for a in root.iter("a")]


def test_a_list_items_linked_name_is_unwrapped_when_prose_follows_its_rating_lines() -> None:
    root = _page(
        '<h2>1. <a href="https://example.org/acme">Acme Movers</a></h2>'
        "<p>Ratings: 31</p><p>Rating: 4.5</p>"
        f"<p>{PROSE}</p>"
    )
    keep_headings(root)
    assert _links(root) == []
    assert root.findtext(".//h2") == "1. Acme Movers"


def test_a_linked_headline_keeps_its_link_unless_prose_comes_right_after_it() -> None:
    headline = "Council votes to close the old ferry terminal by the end of the year"
    root = _page(f'<h3>See also: <a href="/story">{headline}</a></h3><p></p><p>{PROSE}</p>')
    keep_headings(root)
    assert _links(root) == [headline]
    section = _page(f'<h3>See also: <a href="/story">{headline}</a></h3><p>{PROSE}</p>')
    keep_headings(section)
    assert _links(section) == []


def test_a_linked_heading_before_another_heading_keeps_its_link() -> None:
    root = _page(f'<h2><a href="/a">Acme Movers</a></h2><p>Ratings: 31</p><h2>Next</h2><p>{PROSE}</p>')
    keep_headings(root)
    assert _links(root) == ["Acme Movers"]


def test_a_short_linked_paragraph_alone_in_a_div_is_unwrapped() -> None:
    root = _page('<div><p>The board had said so in an <a href="/x">earlier statement</a> this spring.</p></div>')
    keep_linked_paragraphs(root)
    article = root.find(".//article")
    assert article is not None
    assert [child.tag for child in article] == ["p"]


def test_a_link_teaser_in_a_div_stays_wrapped() -> None:
    teaser = '<div><p>Read more: <a href="/x">Council votes to close the old ferry terminal</a>.</p></div>'
    short = '<div><p>Sources: <a href="/y">the board</a>.</p></div>'
    root = _page(teaser + short)
    keep_linked_paragraphs(root)
    article = root.find(".//article")
    assert article is not None
    assert [child.tag for child in article] == ["div", "div"]


def test_an_unwrapped_paragraph_is_kept_by_the_extraction() -> None:
    import trafilatura

    paragraphs = [
        f"<div><p>Paragraph {n} of the report: {PROSE} It adds a detail of its own, number {n}.</p></div>"
        for n in range(6)
    ]
    linked = '<div><p>The board had said so in an <a href="/x">earlier statement</a> this spring.</p></div>'
    markup = "<h1>Pier to be repaired</h1>" + "".join([*paragraphs[:3], linked, *paragraphs[3:]])
    wrapped = trafilatura.bare_extraction(_page(markup), favor_precision=True, fast=True)
    assert wrapped is not None and "earlier statement this spring." not in (wrapped.text or "")  # lost as it was
    root = _page(markup)
    keep_linked_paragraphs(root)
    result = trafilatura.bare_extraction(root, favor_precision=True, fast=True)
    assert result is not None
    assert "earlier statement this spring." in (result.text or "")
