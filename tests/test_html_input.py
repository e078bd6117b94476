"""HTML pages: the same engine, metadata from the markup, and bad HTML that never stalls a batch."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from cleaner.pages import raw_page

PROSE = "The council met on Monday and approved the plan after a long debate about the budget and the library."


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_canonical_url_selects_the_site_profile() -> None:
    head = '<link rel="canonical" href="https://www.washingtontimes.com/news/2017/aug/17/x/">'
    result = cleaner.clean(page(f'<div class="storyareawrapper"><div class="bigtext"><p>{PROSE}</p></div></div>', head))
    assert (result.profile, result.url) == (
        "washingtontimes.com",
        "https://www.washingtontimes.com/news/2017/aug/17/x/",
    )
    assert result.text == PROSE


def test_profile_prune_is_traced(rulebook) -> None:
    html = page(
        f'<div class="storyareawrapper"><div class="bigtext"><p>{PROSE}</p></div></div>'
        '<section id="comments"><p>Please read our comment policy before commenting.</p></section>'
    )
    result = cleaner.clean(html, url="https://washingtontimes.com/a", rules=rulebook)
    assert result.trace["pruned"] == [
        {
            "selector": '//section[@id="comments"]',
            "tag": "section",
            "text": "Please read our comment policy before commenting.",
        }
    ]


def test_json_ld_authors_date_title_publisher() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council Approves Plan",
        "datePublished": "2023-05-04T10:00:00Z",
        "publisher": {"@type": "Organization", "name": "Example Post"},
        "author": [
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "John Roe"},
            {"@type": "Organization", "name": "Example Post"},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script><meta name="author" content="Staff">'
    result = cleaner.clean(page(f"<article><p>{PROSE}</p><p>{PROSE}</p></article>", head))
    assert result.authors == ("Jane Doe", "John Roe")
    assert (result.title, result.date, result.publisher) == ("Council Approves Plan", "2023-05-04", "Example Post")
    assert result.trace["fields"] == {
        "title": "json-ld",
        "author": "json-ld",
        "publisher": "json-ld",
        "date": "json-ld",
    }


@pytest.mark.parametrize("author", ["Staff", "Example Post", "jdoe@example.com", "2023-05-04", "Example Post Staff"])
def test_never_a_site_name_staff_email_or_date_as_author(author: str) -> None:
    head = f'<meta name="author" content="{author}"><meta property="og:site_name" content="Example Post">'
    result = cleaner.clean(page(f"<article><p>{PROSE}</p><p>{PROSE}</p></article>", head))
    assert result.authors == ()


def test_mailto_in_the_author_box_is_the_email() -> None:
    body = (
        f'<div class="author-box">Jane Doe <a href="mailto:JDoe@Example.com?subject=Hi">Email</a></div>'
        f'<article><p>{PROSE}</p><p>Write to <a href="mailto:tips@city.gov">tips@city.gov</a>.</p></article>'
    )
    result = cleaner.clean(page(body, '<meta name="author" content="Jane Doe">'))
    assert (result.author, result.email) == ("Jane Doe", "jdoe@example.com")
    assert result.trace["fields"]["email"] == "mailto"


def test_dates_are_read_not_guessed() -> None:
    result = cleaner.clean(
        page(f"<article><p>{PROSE}</p><p>{PROSE}</p></article><footer>Copyright 2021 Example</footer>")
    )
    assert result.date is None


def test_truncated_and_tag_soup_pages_are_cleaned() -> None:
    truncated = cleaner.clean(f"<html><body><p>{PROSE}</p><p>It will")
    soup = cleaner.clean(f"<p><b>Bold <i>and</b> italic</i><div><p>{PROSE}</table></span>")
    assert truncated.ok and PROSE in truncated.text
    assert soup.ok and PROSE in soup.text


def test_deep_nesting_does_not_crash() -> None:
    deep = page("<div>" * 10_000 + f"<p>{PROSE}</p>" + "</div>" * 10_000)
    assert cleaner.clean(deep).ok


def test_a_page_built_inside_one_form_keeps_its_article_and_drops_its_widgets() -> None:
    """Every element is parsed as a plain HTML element (no per-tag form classes): the form that
    wraps a whole page is still read, the small search form still goes."""
    body = (
        '<form id="wrapper" action="/post"><input type="hidden" name="state" value="x">'
        f"<article><h1>Harbour works begin</h1><p>{PROSE}</p><p>{PROSE}</p></article>"
        '<form role="search"><label for="q">Search the site</label><input id="q" name="q">'
        "<select name=s><option>All sections</option></select><textarea>Type here</textarea></form>"
        "</form>"
    )
    result = cleaner.clean(page(body))
    assert result.ok and PROSE in result.text
    assert "Search the site" not in result.text and "All sections" not in result.text


def test_page_without_text_is_an_empty_record() -> None:
    result = cleaner.clean(page("<script>var x = 1;</script>", "<title></title>"))
    assert result.ok and result.text == ""


def test_too_large_and_timeout_become_error_records() -> None:
    big = page(f"<p>{PROSE}</p>" * 200_000)
    assert cleaner.clean(big).error["kind"] == "too-large"
    slow = page(f"<p>{PROSE}</p>" * 40_000)
    result = cleaner.clean(slow, limits=cleaner.Limits(timeout=0.2, max_bytes=None))
    assert result.error["kind"] == "timeout"


def test_non_html_file_named_html_is_cleaned_as_text(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.html").write_text(f"Headline\n{PROSE}\n", encoding="utf-8")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert main(["clean", str(tmp_path)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("error", {}).get("kind") for r in records] == ["binary", None]
    assert PROSE in records[1]["text"] and "pruned" not in records[1]["trace"]


@pytest.mark.parametrize(
    ("content", "is_html"),
    [
        (f"Headline\n{PROSE}\n<script src='http://player.example/embed.js'></script>\n{PROSE}\n", False),
        (f"Headline\n<p>Quoted markup in a post about HTML.</p>\n{PROSE}\n", False),
        ("\ufeff<!-- saved page -->\n" + page(f"<p>{PROSE}</p>"), True),
        ("HTTP/1.1 200 OK junk\n" + page("".join(f"<div><p>{PROSE}</p></div>" for _ in range(3))), True),
        ("<style>\n" + ".teaser { opacity: 0; }\n" * 400 + "</style>\n" + page(f"<p>{PROSE}</p>"), True),
        ("<br />\n<b>Warning</b>: " + "a server notice, " * 300 + "\n" + page(f"<p>{PROSE}</p>"), True),
        (f"<b>Headline</b>\n{PROSE}\n" + f"{PROSE}\n" * 40, False),
    ],
    ids=[
        "dump-with-leaked-script",
        "dump-quoting-a-tag",
        "comment-first",
        "junk-line-then-markup",
        "long-style-block-first",
        "server-warning-first",
        "dump-opening-with-a-tag",
    ],
)
def test_html_is_told_from_a_text_dump_that_quotes_a_tag(content: str, is_html: bool) -> None:
    assert (raw_page("page", content).decode().html is not None) is is_html
    assert PROSE in cleaner.clean(content).text


def test_a_utf16_page_opening_with_a_long_style_block_is_html() -> None:
    content = ("<style>\n" + ".teaser { opacity: 0; }\n" * 400 + "</style>\n" + page(f"<p>{PROSE}</p>")).encode(
        "utf-16-le"
    )
    assert raw_page("page", content).decode().html is not None
    assert cleaner.clean(content).text == PROSE


@pytest.mark.parametrize(
    ("declared", "actual"),
    [("iso-8859-1", "utf-8"), ("utf-8", "cp1252"), ("windows-1252", "cp1252"), ("utf-8", "latin-1")],
)
def test_declared_charset_that_lies(declared: str, actual: str) -> None:
    text = "Café crème and naïve résumé were on the menu, the owner said on Tuesday afternoon at the market."
    data = page(f"<p>{text}</p>", f'<meta charset="{declared}">').encode(actual)
    assert cleaner.clean(data).text == text


def test_no_network_while_cleaning(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access while cleaning")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    html = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        f'<html><head><link rel="stylesheet" href="http://example.com/x.css"></head><body><p>{PROSE}</p>'
        '<img src="http://example.com/a.png"><iframe src="http://example.com/"></iframe></body></html>'
    )
    assert PROSE in cleaner.clean(html, url="http://example.com/a").text


def test_precision_mode_that_keeps_almost_nothing_gets_a_balanced_second_try(monkeypatch) -> None:
    import trafilatura

    real = trafilatura.bare_extraction
    modes = []

    def extraction(*args, **kwargs):
        modes.append("precision" if kwargs.get("favor_precision") else "balanced")
        result = real(*args, **kwargs)
        if kwargs.get("favor_precision"):
            result.text = "Too short."  # as when precision mode distrusts the article
        return result

    monkeypatch.setattr(trafilatura, "bare_extraction", extraction)
    result = cleaner.clean(page(f"<article><p>{PROSE}</p><p>{PROSE} Again.</p></article>"))
    assert modes == ["precision", "balanced"]
    assert PROSE in result.text
