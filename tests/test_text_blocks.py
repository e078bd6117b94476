"""Text dumps keep the structure their text shows when rendered as Markdown (cleaner.text_blocks)."""

from __future__ import annotations

from markdown_it import MarkdownIt

import cleaner
from cleaner.lines import Lines
from cleaner.text_blocks import text_markdown

PROSE = (
    "The city council voted on Tuesday to approve a new budget for the harbour district, after a long "
    "debate about what the dredging of the old channel will cost."
)
MORE = "Most of the money goes to the old channel, which has silted up over the past decade, the mayor said."


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(block type, its text) as a CommonMark reader with GFM tables sees them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    out = []
    for n, token in enumerate(tokens):
        if token.type != "inline":
            continue
        opener = tokens[n - 1]
        if opener.type == "heading_open":
            kind = opener.tag
        elif opener.type in ("th_open", "td_open"):
            kind = "cell"
        elif n > 1 and tokens[n - 2].type == "list_item_open":
            kind = "item"
        else:
            kind = "paragraph"
        out.append((kind, token.content))
    return out


def test_list_items_tables_and_headings_become_markdown_blocks() -> None:
    dump = "\n".join(
        [PROSE, "", "What the money pays for", "", MORE, "- Dredging the channel", "• A ferry shelter", "1) Spring"]
        + ["", "Year | Cost", "2025 | 1.2m", "2026 | 1.8m"]
    )
    found = blocks(text_markdown(Lines.from_text(dump)))
    assert ("h2", "What the money pays for") in found
    items = [text for kind, text in found if kind == "item"]
    assert items == ["Dredging the channel", "A ferry shelter", "Spring"]
    cells = [text for kind, text in found if kind == "cell"]
    assert cells == ["Year", "Cost", "2025", "1.2m", "2026", "1.8m"]
    assert ("paragraph", PROSE) in found and ("paragraph", MORE) in found


def test_plain_paragraphs_stay_paragraphs() -> None:
    """Nothing is made a heading, list or table that the text does not show as one."""
    dump = "\n".join(
        [
            PROSE,
            "Home | News",  # one line with a pipe: no table
            "Short line after a menu",  # not between two paragraphs of prose: no heading
            "1984. That was the year the pier last saw repairs, the archive of the harbour board says.",
            "- ",
            MORE,
        ]
    )
    found = blocks(text_markdown(Lines.from_text(dump)))
    assert {kind for kind, _ in found} == {"paragraph"}
    year = "1984\\. That was the year the pier last saw repairs, the archive of the harbour board says."
    assert ("paragraph", year) in found  # escaped: the reader shows "1984." and no list
    assert len(found) == 6


def test_clean_renders_a_dumps_structure_and_leaves_out_what_the_rules_removed() -> None:
    dump = "\n".join(
        [
            "Harbour budget approved",
            "",
            PROSE,
            "",
            "What the money pays for",
            "",
            MORE,
            "",
            "- Dredging the channel",
            "- New lights on the pier",
            "",
            "Work on the channel starts in the spring and should be finished before the sailing season.",
            "",
            "Copyright 2026 Harbour Gazette. All rights reserved.",
        ]
    )
    result = cleaner.clean(dump, markdown=True)
    assert "Copyright" not in result.text and "Copyright" not in (result.markdown or "")
    assert result.markdown is not None
    found = blocks(result.markdown)
    assert ("h2", "What the money pays for") in found
    assert [text for kind, text in found if kind == "item"] == ["Dredging the channel", "New lights on the pier"]
    assert result.text == cleaner.clean(dump).text  # the text is the same whether Markdown is asked or not
