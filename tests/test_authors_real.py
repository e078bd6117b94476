"""Authors as real pages show them: a byline the reader sees when the markup names nobody (and
not one in comments or related stories), and no organisation, placeholder account, weekday,
month or country taken for a person."""

from __future__ import annotations

import json

import pytest
from lxml import html

import cleaner
from cleaner.extract.people import byline_text, loose_authors, split_authors
from cleaner.web.metadata import visible_bylines

PROSE = (
    "The council met on Monday and approved the plan after a long debate about the budget and the "
    "library, which will open its new wing in the spring if the builders keep to their schedule."
)
STORY = "https://news.example/2024/03/12/council-approves-plan"


def page(head: str = "", byline: str = "", after: str = "") -> str:
    """A news page with no author in its markup unless `head` gives one; `byline` stands under
    the headline, `after` after the article."""
    article = f"<article><h1>Council Approves Plan</h1>{byline}<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article>"
    return (
        f"<!DOCTYPE html><html><head><title>Council Approves Plan</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a></nav><main>{article}{after}</main></body></html>"
    )


def json_ld(author: object) -> str:
    item = {"@type": "NewsArticle", "headline": "Council Approves Plan", "author": author}
    return f'<script type="application/ld+json">{json.dumps(item)}</script>'


def test_a_by_line_under_the_headline_names_the_author_when_the_markup_does_not() -> None:
    byline = '<div class="meta"><span>By</span> <a href="/staff/jane">Jane Doe</a><span>March 12, 2024</span></div>'
    result = cleaner.clean(page(byline=byline), url=STORY)
    assert result.authors == ("Jane Doe",)
    assert result.trace["fields"]["author"] == "byline/lead"
    assert cleaner.clean(page(), url=STORY).authors == ()  # the page says nothing else of an author


def test_a_german_byline_with_its_date_names_the_author() -> None:
    result = cleaner.clean(page(byline='<p class="meta">Von Max Muster | 12. März 2024</p>'), url=STORY)
    assert result.authors == ("Max Muster",)
    # a sentence that opens with "Von" is no byline
    sentence = "<p>Von Berlin aus fuhr der Zug am Morgen weiter nach Hamburg, wo die Gäste schon lange warteten.</p>"
    assert cleaner.clean(page(byline=sentence), url=STORY).authors == ()


@pytest.mark.parametrize(
    "block",
    [
        '<div id="comments"><div class="comment"><span class="author">John Roe</span><p>Great!</p></div></div>',
        '<div class="comments-area"><p>By John Roe</p></div>',
        '<section class="related-stories"><h2>More</h2><p>By John Roe</p></section>',
        "<aside><p>By John Roe</p></aside>",
        '<div class="sidebar-right"><p>By John Roe</p></div>',
    ],
)
def test_an_author_in_related_stories_or_comments_is_not_the_articles(block: str) -> None:
    assert cleaner.clean(page(after=block), url=STORY).authors == ()
    # the same byline in the article's head names its author
    assert cleaner.clean(page(byline="<p>By John Roe</p>"), url=STORY).authors == ("John Roe",)


def test_an_author_element_in_related_stories_is_no_visible_byline() -> None:
    related = '<section class="related-stories"><h2>More</h2><div class="author">John Roe</div></section>'
    assert visible_bylines(html.fromstring(page(after=related))) == []
    assert visible_bylines(html.fromstring(page(byline='<div class="author">John Roe</div>'))) == [
        ("John Roe", "marked")
    ]
    no_sidebars = '<div class="layout no-sidebars"><div class="post-author">John Roe</div></div>'  # not "sidebar-…"
    assert visible_bylines(html.fromstring(page(byline=no_sidebars))) == [("John Roe", "marked")]


@pytest.mark.parametrize(
    "author", ["Muster Verlag GmbH", "Muster Verlag GmbH, Musterstadt", "Bundesverband Musterbau", "Acme Media Inc."]
)
def test_an_organisation_in_the_json_ld_author_is_no_author(author: str) -> None:
    assert cleaner.clean(page(json_ld(author)), url=STORY).authors == ()
    assert cleaner.clean(page(json_ld("Max Muster")), url=STORY).authors == ("Max Muster",)


@pytest.mark.parametrize("author", ["Super User", "superuser", "Anónimo", "Webmaster", "Gast"])
def test_a_cms_placeholder_account_is_no_author(author: str) -> None:
    assert cleaner.clean(page(json_ld(author)), url=STORY).authors == ()
    signature = cleaner.clean(page(json_ld("Susan")), url=STORY)  # a first name still signs
    assert signature.authors == ("Susan",)
    assert signature.trace["fields"]["author"] == "json-ld/loose"


@pytest.mark.parametrize("author", ["Montag", "Friday", "Mar", "Septembre", "Germany", "Austria"])
def test_a_weekday_month_or_country_is_no_author(author: str) -> None:
    meta = f'<meta name="author" content="{author}">'
    assert cleaner.clean(page(meta), url=STORY).authors == ()
    assert cleaner.clean(page('<meta name="author" content="Susan">'), url=STORY).authors == ("Susan",)


def test_a_given_name_that_is_a_country_in_another_language_still_signs() -> None:
    meta = '<meta name="author" content="Dominique">'  # Dominica, in French
    assert cleaner.clean(page(meta), url=STORY).authors == ("Dominique",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Reviewed by Jane Doe", ["Jane Doe"]),
        ("Veröffentlicht von Max Muster", ["Max Muster"]),
        ("Écrit par Jeanne Dupont", ["Jeanne Dupont"]),
        ("Escrito por Juan Pérez", ["Juan Pérez"]),
        ("Scritto da Mario Rossi", ["Mario Rossi"]),
        ("Autorin: Erika Muster", ["Erika Muster"]),
        ("Jane Doe · 5 min read", ["Jane Doe"]),
        ("Jane Doe Jane Doe", ["Jane Doe"]),  # a link's text and its image's
        ("Jane Doe, staff writer", ["Jane Doe"]),
        ("Artikel von", []),
        ("Amt für Statistik, Jane Doe", []),
        ("Phuong Le", ["Phuong Le"]),  # a surname that is a particle elsewhere
    ],
)
def test_leads_separators_and_organisations_in_a_byline(raw: str, expected: list[str]) -> None:
    assert split_authors(raw) == expected


@pytest.mark.parametrize("raw", ["Von", "Rezept von", "Muster Verlag", "Sekretariat", "Guest"])
def test_a_lead_or_an_organisation_is_no_signature(raw: str) -> None:
    assert loose_authors(raw) == []
    assert loose_authors("q_admin") == ["q_admin"]


def test_the_parts_of_a_byline_box_stay_apart_unless_a_lead_or_a_conjunction_joins_them() -> None:
    assert (
        byline_text(["By", "Jane Doe", "and", "John Roe", "12 March 2024"])
        == "By Jane Doe and John Roe | 12 March 2024"
    )
    assert byline_text(["Jane Doe", "Senior Editor"]) == "Jane Doe | Senior Editor"
