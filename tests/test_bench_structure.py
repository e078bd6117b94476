"""bench/structure.py's pure functions: Markdown to typed blocks, normalisation, matching."""

import pytest

from bench.structure import Block, Counts, match, normalise, normalise_href, parse_blocks, score_page

DOC = """\
# Title

Intro with a [link](/a/) and `code`.

## Section *two*

- first item
  - nested **item**
- second item [with link](https://Example.com/b)

1. ordered

| Jahr | Kosten |
|---|---|
| 2020 | |

> quoted one
>
> quoted two

```python
def f():

    return 1
```
"""


def kinds(parsed, kind):
    return [(b.text, b.level) for b in parsed.of(kind)]


def test_headings_keep_their_level_and_inline_text():
    parsed = parse_blocks(DOC)
    assert kinds(parsed, "heading") == [("Title", 1), ("Section two", 2)]


def test_list_items_have_their_own_text_and_depth():
    parsed = parse_blocks(DOC)
    assert sorted(kinds(parsed, "item")) == [
        ("first item", 1),
        ("nested item", 2),
        ("ordered", 1),
        ("second item with link", 1),
    ]


def test_table_cells_leave_out_empty_ones():
    assert [b.text for b in parse_blocks(DOC).of("cell")] == ["Jahr", "Kosten", "2020"]


def test_links_resolved_against_the_page_url():
    links = [(b.text, b.href) for b in parse_blocks(DOC, "https://site.org/x/page").of("link")]
    assert links == [("link", "https://site.org/a"), ("with link", "https://example.com/b")]


def test_image_links_without_text_are_not_links():
    assert parse_blocks("[![logo](/l.png)](/home) and [](/empty)").of("link") == []


def test_quotes_are_paragraphs_and_code_is_lines():
    parsed = parse_blocks(DOC)
    assert [b.text for b in parsed.of("quote")] == ["quoted one", "quoted two"]
    assert [b.text for b in parsed.of("code")] == ["def f():", "return 1"]


def test_indented_lines_are_code():
    assert [b.text for b in parse_blocks("Text\n\n    Nov 21,  2018\n").of("code")] == ["Nov 21, 2018"]


def test_plain_text_has_no_markup():
    plain = parse_blocks(DOC).plain
    assert "Intro with a link and code." in plain
    assert "#" not in plain and "**" not in plain and "|" not in plain and "](" not in plain
    assert "return 1" in plain


def test_html2text_style_markdown_parses_the_same():
    text = "  * one\n    * two\n\nJahr| Kosten  \n---|---  \n2020| 5  \n"
    parsed = parse_blocks(text)
    assert kinds(parsed, "item") == [("two", 2), ("one", 1)]
    assert [b.text for b in parsed.of("cell")] == ["Jahr", "Kosten", "2020", "5"]


def test_normalise():
    assert normalise("  «Hello,   World!»  ") == "hello, world"
    assert normalise("1. Step ONE:") == "1. step one"
    assert normalise("• — ") == ""


def test_normalise_href():
    assert normalise_href("/a/", "https://Site.org/x/") == "https://site.org/a"
    assert normalise_href("#top", "https://site.org/x") == "https://site.org/x#top"
    assert normalise_href("", "https://site.org/x") == ""


def test_match_is_a_multiset_match_with_level_agreement():
    truth = [Block("heading", "A", 2), Block("heading", "A", 2), Block("heading", "B", 3)]
    pred = [Block("heading", "a.", 2), Block("heading", "B", 2), Block("heading", "C", 1)]
    assert match(truth, pred) == Counts(tp=2, fp=1, fn=1, same=1)


def test_links_match_on_text_and_href():
    truth = [Block("link", "Read", href="https://a.org/x")]
    assert match(truth, [Block("link", "read", href="https://a.org/x")]).tp == 1
    assert match(truth, [Block("link", "Read", href="https://a.org/y")]).tp == 0


def test_pooled_counts_and_scores():
    total = Counts()
    for page in (Counts(3, 1, 0, 3), Counts(1, 0, 3, 0)):
        total += page
    assert (total.tp, total.fp, total.fn, total.same) == (4, 1, 3, 3)
    assert total.precision == pytest.approx(0.8)
    assert total.recall == pytest.approx(4 / 7)
    assert total.f1 == pytest.approx(8 / 12)
    assert total.agreement == pytest.approx(0.75)
    assert Counts().f1 is None


def test_score_page_counts_every_kind():
    scores = score_page(parse_blocks(DOC), parse_blocks("# Title\n\n- first item\n"))
    assert scores["heading"] == Counts(1, 0, 1, 1)
    assert scores["item"] == Counts(1, 0, 3, 1)
    assert scores["code"].fn == 2 and scores["code"].tp == 0


def test_normalise_makes_typographic_quotes_and_dashes_plain():
    assert normalise("What’s “new” — now") == normalise('What\'s "new" - now') == 'what\'s "new" - now'


def test_pipe_rows_without_a_delimiter_row_are_no_table():
    parsed = parse_blocks("| **Rank** | Name |\n| 1 | A \\| B |\n\n| x |\n|---|\n| y |\n")
    assert [b.text for b in parsed.of("cell")] == ["x", "y"]
    assert [b.text for b in parsed.of("pipe-cell")] == [" **Rank** ", " Name ", " 1 ", " A \\| B "]
