"""An element's text as lines, one per innermost block (paragraph, heading, list item…)."""

from __future__ import annotations

from lxml import html

BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "figcaption",
        "dd",
        "dt",
        "td",
        "th",
        "caption",
    ]
)


def block_lines(element: html.HtmlElement) -> list[str]:
    """The element's text, one line per innermost block; the whole text when it has no blocks."""
    lines: list[str] = []
    for block in element.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in block.iterdescendants()):
            continue
        text = " ".join(block.text_content().split())
        if text:
            lines.append(text)
    if not lines:
        text = " ".join(element.text_content().split())
        lines = [text] if text else []
    return lines
