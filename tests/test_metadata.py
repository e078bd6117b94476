"""Metadata that validates before it trusts: a junk candidate never blocks a better source, and
what the page's own author field says is used when it signs the article, never when it is junk."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner.web.metadata import page_url, visible_dates
from cleaner.web.parse import parse_html

PROSE = (
    "The council met on Monday and approved the plan after a long debate about the budget and the "
    "library, which will open its new wing in the spring if the builders keep to their schedule."
)
STORY = "https://news.example/2021/03/04/council-approves-plan"


def page(head: str = "", body: str = "") -> str:
    article = f"<article><h1>Council Approves Plan</h1>{body}<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article>"
    return f"<!DOCTYPE html><html><head><title>Council</title>{head}</head><body>{article}</body></html>"


def json_ld(**fields: object) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


def test_a_date_element_holding_a_name_does_not_block_the_date() -> None:
    author = '<meta name="author" content="Jane Doe">'  # the markup "answered" both: trafilatura was skipped
    result = cleaner.clean(page(author, '<span class="date">Maria Lopez</span>'), url=STORY)
    assert result.date == "2021-03-04"
    assert result.trace["fields"]["date"] == "trafilatura"


def test_empty_and_placeholder_json_ld_fields_do_not_block_the_others() -> None:
    head = json_ld(headline="Council Approves Plan", author="", datePublished="0001-01-01")
    result = cleaner.clean(page(head, '<p class="byline">By <a rel="author" href="/jane">Jane Doe</a></p>'), url=STORY)
    assert result.date == "2021-03-04"
    assert result.authors == ("Jane Doe",)


@pytest.mark.parametrize("day", ["1970-01-01", "2999-12-31"])
def test_a_date_before_the_web_or_in_the_future_is_no_publication_date(day: str) -> None:
    result = cleaner.clean(page(f'<meta property="article:published_time" content="{day}">'))
    assert result.date is None
    later = cleaner.clean(page(f'<meta property="article:published_time" content="{day}">'), url=STORY)
    assert later.date == "2021-03-04"


def test_entities_left_in_the_markup_are_decoded_in_the_title() -> None:
    result = cleaner.clean(page('<meta property="og:title" content="Rock &amp;amp; Roll: It&amp;#039;s Back">'))
    assert result.title == "Rock & Roll: It's Back"


def test_all_authors_of_a_byline_are_kept() -> None:
    head = '<meta name="author" content="Jane Doe">' + json_ld(
        headline="Council Approves Plan", author=[{"@type": "Person", "name": n} for n in ("Jane Doe", "John Roe")]
    )
    assert cleaner.clean(page(head)).authors == ("Jane Doe", "John Roe")
    meta_first = '<meta name="author" content="Jane Doe"><meta name="citation_author" content="Jane Doe and John Roe">'
    assert cleaner.clean(page(meta_first)).authors == ("Jane Doe", "John Roe")


@pytest.mark.parametrize(
    ("declared", "expected"),
    [("Susan", ("Susan",)), ("q_admin", ("q_admin",)), ("Camphouse Team", ("Camphouse Team",))],
)
def test_a_signature_that_is_no_full_name_is_still_the_author(declared: str, expected: tuple[str, ...]) -> None:
    head = f'<meta name="author" content="{declared}"><meta property="og:site_name" content="Example Post">'
    result = cleaner.clean(page(head))
    assert result.authors == expected
    assert result.trace["fields"]["author"] == "meta/loose"


@pytest.mark.parametrize("declared", ["Redaktion", "News Desk", "Staff Writer", "Our Editors"])
def test_the_newsroom_the_page_names_as_author_signs(declared: str) -> None:
    head = f'<meta name="author" content="{declared}"><meta property="og:site_name" content="Example Post">'
    result = cleaner.clean(page(head))
    assert result.authors == (declared,)
    assert result.trace["fields"]["author"] == "meta/loose"


@pytest.mark.parametrize(
    "declared",
    ["admin", "Unknown", "Posted", "Updated March", "example.com", "https://example.com/jane", "Example Post Staff"],
)
def test_a_label_placeholder_link_or_the_site_is_never_the_author(declared: str) -> None:
    head = f'<meta name="author" content="{declared}"><meta property="og:site_name" content="Example Post">'
    assert cleaner.clean(page(head)).authors == ()


@pytest.mark.parametrize("label", ["Written by", "Verfasst von", "Écrit par", "Autor"])
def test_the_author_a_twitter_label_names_is_the_author(label: str) -> None:
    # WordPress's Yoast: the author's name beside a label, the reading time beside another
    head = (
        '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">'
        f'<meta name="twitter:label2" content="{label}"><meta name="twitter:data2" content="Maria Lopez">'
    )
    result = cleaner.clean(page(head), url=STORY)
    assert result.authors == ("Maria Lopez",)
    assert result.trace["fields"]["author"] == "meta"


@pytest.mark.parametrize("label", ["Filed under", "Reviewed by", "Photo by", "Sponsored by"])
def test_a_twitter_data_under_another_label_is_no_author(label: str) -> None:
    head = f'<meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="Maria Lopez">'
    assert cleaner.clean(page(head), url=STORY).authors == ()


def test_a_writer_whose_site_bears_their_name_is_the_author() -> None:
    head = '<meta name="author" content="Russell Miller"><meta property="og:site_name" content="Russell Miller">'
    assert cleaner.clean(page(head)).authors == ("Russell Miller",)


def test_the_email_of_a_byline_with_a_bar_is_found() -> None:
    dump = f"Council Approves Plan\n\nBy Maria Lopez | mlopez@example.com\n\n{PROSE}\n\n{PROSE}\n"
    result = cleaner.clean(dump)
    assert (result.authors, result.email) == (("Maria Lopez",), "mlopez@example.com")
    assert "mlopez@example.com" not in result.text and PROSE in result.text


def test_json_ld_authors_by_reference_and_the_article_before_the_web_page() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://news.example/p#page", "datePublished": "2021-03-04"},
            {"@type": "Person", "@id": "https://news.example/#/person/1", "name": "kirstin boatto"},
            {"@type": "BlogPosting", "headline": "Plan", "author": {"@id": "https://news.example/#/person/1"}},
        ],
    }
    result = cleaner.clean(page(f'<script type="application/ld+json">{json.dumps(graph)}</script>'))
    assert result.authors == ("Kirstin Boatto",)
    assert (result.date, result.trace["fields"]["author"]) == ("2021-03-04", "json-ld")


def test_an_author_key_given_once_per_author_names_them_all() -> None:
    head = "".join(f'<meta name="citation_author" content="{n}">' for n in ("Aditi Rao", "Pedro Ortiz", "Li Wei"))
    assert cleaner.clean(page(head)).authors == ("Aditi Rao", "Pedro Ortiz", "Li Wei")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Game Changer Arrives | Example Store", "Game Changer Arrives"),
        ("Example Post – Council Approves the Plan", "Council Approves the Plan"),
    ],
)
def test_the_title_tag_loses_the_sites_name(title: str, expected: str) -> None:
    html = (
        f"<html><head><title>{title}</title></head><body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    assert cleaner.clean(html).title == expected


def test_a_related_articles_json_ld_is_not_the_pages() -> None:
    own = {"@type": "NewsArticle", "headline": "Plan", "author": {"@type": "Person", "name": "Jane Doe"}}
    related = {
        "@type": "NewsArticle",
        "headline": "Other",
        "author": [{"@type": "Person", "name": n} for n in ("Jane Doe", "John Roe")],
    }
    assert cleaner.clean(page(f'<script type="application/ld+json">{json.dumps([own, related])}</script>')).authors == (
        "Jane Doe",
    )
    anonymous = {"@type": "NewsArticle", "headline": "Plan"}
    assert (
        cleaner.clean(page(f'<script type="application/ld+json">{json.dumps([anonymous, related])}</script>')).authors
        == ()
    )


def test_an_organisation_of_any_kind_is_no_json_ld_author() -> None:
    outlet = json_ld(headline="Plan", author={"@type": "NewsMediaOrganization", "name": "Harbour Daily News"})
    assert cleaner.clean(page(outlet)).authors == ()
    person = json_ld(headline="Plan", author={"@type": "Person", "name": "Jane Doe"})
    assert cleaner.clean(page(person)).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Biden - Putin summit ends without deal | Example Wire", "Biden - Putin summit ends without deal"),
        ("| - |", None),
    ],
)
def test_only_the_last_part_of_a_title_can_be_the_site(title: str, expected: str | None) -> None:
    html = (
        f"<html><head><title>{title}</title></head><body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    assert cleaner.clean(html).title == expected


def test_dates_and_the_address_are_read_from_every_html_of_a_page_of_several() -> None:
    """libxml2 leaves a second <html> beside the root: its dates and address count, as XPath's
    `//` found them before the readers became loops."""
    root = parse_html(
        "<html><body><p>a</p></body></html><html><head><link rel='canonical' href='https://news.example/a'>"
        "</head><body><span class='date'>May 1</span><time datetime='2020-01-01'>x</time></body></html>"
    )
    assert visible_dates(root) == ["2020-01-01", "May 1"]
    assert page_url(root) == "https://news.example/a"
