"""The `markdown` field: the kept text with its structure, losing exactly the blocks the rules removed."""

from __future__ import annotations

import json
import subprocess
import sys

from lxml import html

import cleaner
from cleaner.edits import Edit
from cleaner.lines import Lines
from cleaner.markdown import render_markdown
from cleaner.page_markup import page_markup, with_markup
from cleaner.sweep import claim, sweep

PROSE = "enough words for the extractor to keep this paragraph as part of the article body"
PAGE = f"""<html><head><title>Costs of the new bridge</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Costs of the new bridge</h1>
<p>The first paragraph of the article has {PROSE}.</p>
<h2>What it costs</h2>
<p>The second paragraph of the article has {PROSE}.</p>
<ul><li>Steel for the deck</li><li>Concrete for the piers</li></ul>
<p>Share this article</p>
<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2020</td><td>5 million</td></tr>
<tr><td>2021</td><td>6 million</td></tr></table>
<pre><code>total = 5 + 6
print(total)</code></pre>
<p>The last paragraph of the article has {PROSE}.</p>
<p>Copyright 2024 Example Media. All rights reserved.</p>
</article></body></html>"""


def _markdown() -> cleaner.Result:
    return cleaner.clean(PAGE, url="https://example.com/bridge", markdown=True)


def test_markdown_keeps_headings_lists_tables_and_code_of_the_article():
    md = _markdown().markdown
    assert "## What it costs" in md.splitlines()
    assert "- Steel for the deck\n- Concrete for the piers" in md
    assert "| Year | Cost |\n|---|---|\n| 2020 | 5 million |\n| 2021 | 6 million |" in md
    assert "```\ntotal = 5 + 6\nprint(total)\n```" in md
    assert md.splitlines()[0].startswith("The first paragraph")


def test_markdown_loses_what_the_rules_removed_and_nothing_else():
    result = _markdown()
    for removed in ("Share this article", "Copyright 2024", "Costs of the new bridge"):  # chrome, and the title
        assert removed not in result.markdown
        assert removed not in result.text
    kept_words = result.text.split()
    assert [w for w in result.markdown.replace("|---|---|", "").split() if w.strip("#|`-")] == [
        w for w in kept_words if w.strip("#|`-")
    ]


def test_the_text_is_the_same_with_or_without_markdown():
    plain = cleaner.clean(PAGE, url="https://example.com/bridge")
    assert plain.markdown is None and "markdown" not in plain.to_dict()
    with_markdown = _markdown()
    assert with_markdown.text == plain.text
    assert with_markdown.to_dict()["markdown"] == with_markdown.markdown


def test_a_removed_table_row_leaves_the_table_whole():
    lines = Lines.from_text("Intro paragraph\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| ad | ad |\n| 3 | 4 |\n\nEnd")
    removed = lines.texts.index("| ad | ad |")
    swept = sweep(lines, claim(lines, [Edit(start=removed, end=removed, rule="ads", profile="_base")], {}))
    structured = "Intro paragraph\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| ad | ad |\n| 3 | 4 |\n\nEnd\n"
    whole = "Intro paragraph\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nEnd"
    assert render_markdown(lines, swept, structured) == whole


def test_a_text_dump_gives_its_kept_text_as_markdown():
    dump = (
        f"Bridge costs rise again\n\nThe first paragraph of the dump has {PROSE}.\n\n"
        f"The second one has {PROSE}.\n\nThe third one has {PROSE}.\n\nAll rights reserved.\n"
    )
    result = cleaner.clean(dump, markdown=True)
    assert result.markdown == result.text
    assert "All rights reserved" not in result.markdown and "The second one has" in result.markdown


def test_clean_markdown_on_the_command_line(tmp_path):
    for n in range(2):
        (tmp_path / f"page{n}.html").write_text(PAGE, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(tmp_path), "--markdown", "--jobs", "2"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2
    assert all("## What it costs" in r["markdown"] and "Share this article" not in r["markdown"] for r in records)
    plain = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout
    assert all("markdown" not in json.loads(line) for line in plain.splitlines())


def test_a_table_without_header_cells_still_reads_as_a_table():
    page = PAGE.replace("<th>Year</th><th>Cost</th>", "<td>Year</td><td>Cost</td>")
    md = cleaner.clean(page, url="https://example.com/bridge", markdown=True).markdown
    assert "| Year | Cost |\n|---|---|\n| 2020 | 5 million |" in md
    assert md.count("|---|---|") == 1


def test_links_of_the_kept_paragraphs_become_markdown_links():
    page = PAGE.replace(
        "The second paragraph of the article has", 'The second paragraph, <a href="/costs">on costs</a>, has'
    )
    page = page.replace("<td>2021</td>", '<td><a href="https://example.org/2021">2021</a></td>')
    md = cleaner.clean(page, url="https://example.com/bridge", markdown=True).markdown
    assert "The second paragraph, [on costs](https://example.com/costs), has" in md
    assert "| [2021](https://example.org/2021) | 6 million |" in md
    assert "](/" not in md and "[Home]" not in md  # hrefs absolute; the menu's links stay out


def test_paragraphs_the_two_renderings_spell_differently_are_still_kept():
    """Inline code (ticks only in the Markdown) and a paragraph opening with "1." (escaped there)
    are the same blocks as their plain lines: the Markdown keeps them as the text does."""
    page = PAGE.replace(
        "The second paragraph of the article has",
        "1. The second paragraph names the <code>bridge.yaml</code> file and has",
    )
    result = cleaner.clean(page, url="https://example.com/bridge", markdown=True)
    assert "names the bridge.yaml file" in result.text
    assert "1\\. The second paragraph names the `bridge.yaml` file" in result.markdown


def test_a_link_text_is_linked_as_a_word_not_inside_one():
    page = PAGE.replace(
        "The second paragraph of the article has", 'The second part, on the <a href="/art">art</a> of it, has'
    )
    md = cleaner.clean(page, url="https://example.com/bridge", markdown=True).markdown
    assert "The second part, on the [art](https://example.com/art) of it" in md  # not p[art]


def _with_sections(sections: str) -> str:
    return PAGE.replace("<h2>What it costs</h2>", sections)


def test_a_heading_the_extractor_made_a_paragraph_is_a_heading_again():
    """trafilatura reads `<h2><div><p>…` as a paragraph; the page shows a level-2 heading."""
    page = _with_sections("<h2><div><p>Where the money goes</p></div></h2>")
    result = cleaner.clean(page, url="https://example.com/bridge", markdown=True)
    assert "Where the money goes" in result.text.splitlines()
    assert "## Where the money goes" in result.markdown.splitlines()


def test_a_list_item_holding_a_heading_and_a_paragraph_is_a_heading_and_a_paragraph():
    cards = (
        f"<ul><li><h3>Steel</h3><p>For the deck, as this paragraph says with {PROSE}.</p></li>"
        f"<li><h3>Concrete</h3><p>For the piers, as this paragraph says with {PROSE}.</p></li></ul>"
    )
    result = cleaner.clean(_with_sections(cards), url="https://example.com/bridge", markdown=True)
    assert f"Steel For the deck, as this paragraph says with {PROSE}." in result.text  # one line there
    md = result.markdown
    assert f"\n\n### Steel\n\nFor the deck, as this paragraph says with {PROSE}.\n\n### Concrete\n\nFor the piers" in md
    assert "- ###" not in md
    assert [w for w in md.split() if w.strip("#|`-")] == [w for w in result.text.split() if w.strip("#|`-")]


def test_a_paragraph_the_page_shows_as_a_list_item_or_heading_is_marked_so():
    root = html.fromstring(
        "<div><ul><li><div><p>Use wide buttons</p></div></li></ul><ol><li>Measure the span</li></ol>"
        "<h4><span>Further <b>reading</b></span></h4></div>"
    )
    rendered = "\n\n".join(
        ["Use wide buttons", "Measure the span", "Use wide buttons here", "Further reading", "- Use wide buttons"]
    )
    assert with_markup(rendered, page_markup(root, None)).split("\n\n") == [
        "- Use wide buttons",
        "1. Measure the span",
        "Use wide buttons here",  # not the item's words
        "#### Further reading",
        "- Use wide buttons",  # marked already
    ]


def test_a_heading_marker_is_cut_out_only_before_a_heading_of_the_page():
    root = html.fromstring("<div><h3>Steel</h3><h4>Specs</h4></div>")
    markup = page_markup(root, None)
    assert with_markup("- ### Steel For the deck", markup) == "### Steel\n\nFor the deck"
    assert with_markup("- ### Iron For the deck", markup) == "- ### Iron For the deck"  # no such heading
    assert with_markup("- ### Steel", markup) == "- ### Steel"  # the heading is the whole item
    assert with_markup("The deck: ### Specs Weight 5 t", markup) == "The deck:\n\n### Specs\n\nWeight 5 t"
    assert with_markup("Code in C# Steel", markup) == "Code in C# Steel"  # no marker: `#` and a space


def test_a_line_cut_in_blocks_is_kept_or_removed_whole():
    lines = Lines.from_text("Intro paragraph\n\nSteel For the deck\n\nShare this page")
    structured = "Intro paragraph\n\n### Steel\n\nFor the deck\n\nShare this page"
    share = lines.texts.index("Share this page")
    swept = sweep(lines, claim(lines, [Edit(start=share, end=share, rule="share", profile="_base")], {}))
    assert render_markdown(lines, swept, structured) == "Intro paragraph\n\n### Steel\n\nFor the deck"
    steel = lines.texts.index("Steel For the deck")
    swept = sweep(lines, claim(lines, [Edit(start=steel, end=steel, rule="ads", profile="_base")], {}))
    assert render_markdown(lines, swept, structured) == "Intro paragraph\n\nShare this page"


def test_a_list_item_the_page_does_not_show_is_a_paragraph():
    """trafilatura lists a definition list's terms and definitions, and a line of text that opens
    with a sign (a diff's `+`) reads as a list item: the page shows no list item there."""
    root = html.fromstring(
        "<div><dl><dt>Span</dt><dd>1. The length between the piers</dd></dl>"
        "<ul><li>Steel for the deck<br>and the rails</li></ul></div>"
    )
    rendered = "- Span\n- 1\\. The length between the piers\n\n+ total = 5\n- Steel for the deck\nand the rails"
    assert with_markup(rendered, page_markup(root, None)).split("\n\n") == [
        "Span",
        "1\\. The length between the piers",
        "\\+ total = 5",
        "- Steel for the deck\nand the rails",  # a part of the page's item
    ]
