"""Which source names the author when several do: the byline the reader sees against the markup's
author field and trafilatura's guess; a reviewer's line is no byline; the domain read as words is
no author, while names like any other (an article first, a common word last) are people's."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.extract import Fields, _domain_read, _loose_authors
from cleaner.extract.people import dated_byline, loose_authors, split_authors
from tests.test_authors_real import STORY, json_ld, page


def test_the_byline_the_page_shows_beats_a_json_ld_author_it_does_not_show() -> None:
    shown = '<p class="meta"><span>Written by</span> <a href="/staff/jane">Jane Doe</a></p>'
    result = cleaner.clean(page(json_ld("John Roe"), byline=shown), url=STORY)
    assert result.authors == ("Jane Doe",)
    assert result.trace["fields"]["author"] == "byline/lead"
    # no byline on the page: the markup's author stands
    assert cleaner.clean(page(json_ld("John Roe")), url=STORY).authors == ("John Roe",)


def test_a_json_ld_author_the_page_shows_stays_beside_another_by_line() -> None:
    shown = '<div class="author">John Roe</div><p class="meta"><span>Written by</span> <a>Jane Doe</a></p>'
    assert cleaner.clean(page(json_ld("John Roe"), byline=shown), url=STORY).authors == ("John Roe",)
    initials = '<p class="meta"><span>Written by</span> <a>J.R. Roe</a></p>'  # the same person, written otherwise
    assert cleaner.clean(page(json_ld("J R Roe"), byline=initials), url=STORY).authors == ("J R Roe",)


def test_a_reviewer_shown_on_the_page_is_not_the_author() -> None:
    reviewed = '<p class="meta"><span>Medically reviewed by</span> <a>Jane Doe</a></p>'
    assert cleaner.clean(page(json_ld("John Roe"), byline=reviewed), url=STORY).authors == ("John Roe",)
    assert cleaner.clean(page(byline="<p>Reviewed by Jane Doe</p>"), url=STORY).authors == ()
    both = '<p>Reviewed by Jane Doe</p><p class="meta"><span>Written by</span> <a>Max Roe</a></p>'
    assert cleaner.clean(page(json_ld("John Roe"), byline=both), url=STORY).authors == ("Max Roe",)


def test_the_parts_of_a_byline_box_name_the_author_without_the_role() -> None:
    box = '<div class="author-box"><span class="name">Jane Doe</span> <span>Senior Editor &amp; Tester</span></div>'
    result = cleaner.clean(page(byline=box), url=STORY)
    assert result.authors == ("Jane Doe",)
    assert result.trace["fields"]["author"] == "byline/marked"


def test_a_writer_named_like_the_site_is_the_author_of_the_byline_too() -> None:
    head = '<meta property="og:site_name" content="Jane Doe">'
    result = cleaner.clean(page(head, byline="<p>Posted by Jane Doe</p>"), url="https://janedoe.example/2024/post")
    assert result.authors == ("Jane Doe",)


def test_an_author_that_is_the_domain_read_as_words_is_no_author() -> None:
    """trafilatura reads "www.example.org" as "Example Org": the domain, whatever its `www.`."""
    assert cleaner.clean(page(json_ld("Example Org")), url="https://www.example.org/news/1").authors == ()
    assert cleaner.clean(page(json_ld("Example Org")), url=STORY).authors == ("Example Org",)  # elsewhere a name


@pytest.mark.parametrize("name", ["Les Dupont", "La Toya Muster", "El Hadji Exemple", "Laura Kitchens"])
def test_names_that_open_with_an_article_or_end_in_a_common_word_are_people(name: str) -> None:
    assert split_authors(name) == [name]
    assert cleaner.clean(page(json_ld(name)), url=STORY).authors == (name,)


def test_a_pen_name_with_an_article_still_signs() -> None:
    assert loose_authors("Der Wanderer") == ["Der Wanderer"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("J.R. Roe", ["J.R. Roe"]),  # initials, not an outlet's acronym
        ("Erstellt von Max Muster", ["Max Muster"]),
        ("Interview: Erika Muster", ["Erika Muster"]),
        ("CNN Business", []),
    ],
)
def test_initials_and_more_leads_in_a_byline(raw: str, expected: list[str]) -> None:
    assert split_authors(raw) == expected


def test_a_byline_that_opens_with_erstellt_von_names_its_writer() -> None:
    assert cleaner.clean(page(byline="<p>Erstellt von Max Muster</p>"), url=STORY).authors == ("Max Muster",)


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("<p>von Marlene | 3. Mai 2021</p>", ("Marlene",)),  # a first name
        ("<p>By brightkettle</p>", ("brightkettle",)),  # a handle
        ("<p>By Garden Desk Team</p>", ("Garden Desk Team",)),
    ],
)
def test_a_byline_lead_before_a_signature_names_its_writer(shown: str, expected: tuple[str, ...]) -> None:
    result = cleaner.clean(page(byline=shown), url=STORY)
    assert result.authors == expected
    assert result.trace["fields"]["author"] == "byline/lead/loose"


@pytest.mark.parametrize(
    "shown",
    [
        "<ul><li>By Category</li><li>By Maker</li><li>By Region</li></ul>",  # a "Browse by" menu
        "<p>Von den Wiesen, Feldern und stillen Wäldern</p>",  # a line that opens like one
        "<p>By Nobody</p><p>By Category</p>",  # two such lines: neither is the byline
    ],
)
def test_lines_that_merely_open_like_a_byline_name_nobody(shown: str) -> None:
    assert cleaner.clean(page(byline=shown), url=STORY).authors == ()


@pytest.mark.parametrize(
    "shown",
    [
        '<div class="info"><h5>Autor:</h5> Jana Roeder</div>',
        "<p>The hall opens in May. <strong>Text:</strong> Jana Roeder</p>",
        '<div><h4>Autor</h4><p><a href="/people/jr">Jana Roeder</a></p></div>',
        '<div class="info"><h5>Autor:</h5> Jana Roeder/dpa</div>',
    ],
)
def test_a_label_that_stands_alone_names_who_follows_it(shown: str) -> None:
    result = cleaner.clean(page(byline=shown), url=STORY)
    assert result.authors == ("Jana Roeder",)
    assert result.trace["fields"]["author"] == "byline/lead"


@pytest.mark.parametrize(
    "shown",
    [
        # a list of books, each with its author: nobody signs the article
        "<ul><li><i>The Quiet Lake</i> <b>Author:</b> Jana Roeder <b>Released:</b> 2021</li>"
        "<li><i>Salt and Stone</i> <b>Author:</b> Max Lindqvist <b>Released:</b> 2022</li></ul>",
        "<p><b>Bewertung</b> 4 <span>von</span> 5</p>",  # a number after the lead
        "<p>Jana Roeder, <i>author</i> of two books</p>",  # a role, lower case, no label
    ],
)
def test_a_label_before_a_list_or_a_number_names_nobody(shown: str) -> None:
    assert cleaner.clean(page(byline=shown), url=STORY).authors == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "<p>The novel <i>Winter Orchard</i> by <b>Jana Roeder</b> was read aloud at the opening of the bridge.</p>",
        "<p>The choir sang <i>Blue River</i> by <b>Max Lindqvist</b> as the first cyclists crossed.</p>",
    ],
)
def test_by_inside_a_sentence_names_no_author(sentence: str) -> None:
    assert cleaner.clean(page(byline=sentence), url=STORY).authors == ()
    # the same name under a label of its own is the byline
    labelled = sentence.replace("<p>", '<p class="info"><strong>Text:</strong> Jana Roeder</p><p>', 1)
    assert cleaner.clean(page(byline=labelled), url=STORY).authors == ("Jana Roeder",)


def test_a_person_the_page_shows_beats_the_newsroom_of_the_author_field() -> None:
    head = '<meta name="author" content="Redaktion">'
    shown = '<div class="author-name"><a href="/people/jr">Jana Roeder</a></div>'
    assert cleaner.clean(page(head, byline=shown), url=STORY).authors == ("Jana Roeder",)
    assert cleaner.clean(page(head), url=STORY).authors == ("Redaktion",)


def test_labels_in_the_comments_do_not_cancel_the_articles_labelled_byline() -> None:
    byline = '<div class="info"><h5>Autor:</h5> Jana Roeder</div>'
    comments = '<div class="comments"><p><strong>Text:</strong> Max Muster</p></div>'
    assert cleaner.clean(page(byline=byline + comments), url=STORY).authors == ("Jana Roeder",)


def test_a_link_to_the_authors_page_that_spells_the_name_names_the_author() -> None:
    shown = '<div class="meta"><span><a href="/authors/jana-roeder/">Jana Roeder</a></span> · May 3</div>'
    result = cleaner.clean(page(byline=shown), url=STORY)
    assert result.authors == ("Jana Roeder",)
    assert result.trace["fields"]["author"] == "byline/marked"
    # a label linking to the same page ("More posts") names nobody
    label = '<div class="meta"><a href="/authors/jana-roeder/">More Posts</a></div>'
    assert cleaner.clean(page(byline=label), url=STORY).authors == ()


SITE = '<meta property="og:site_name" content="Brightwell">'


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ('<span class="author">Brightwell</span>', ("Brightwell",)),
        ("<p>By the Brightwell Team | 4 min read</p>", ("the Brightwell Team",)),
        ('<div class="byline">Brightwell Staff</div>', ("Brightwell Staff",)),
    ],
)
def test_the_site_that_signs_the_byline_it_shows_is_the_author(shown: str, expected: tuple[str, ...]) -> None:
    result = cleaner.clean(page(SITE, byline=shown), url="https://brightwell.example/blog/tips")
    assert result.authors == expected
    assert result.trace["fields"]["author"].endswith("/site")


def test_the_site_named_only_in_the_markup_or_as_a_bare_domain_signs_nothing() -> None:
    markup_only = '<meta name="author" content="Brightwell">'
    assert cleaner.clean(page(SITE + markup_only), url="https://brightwell.example/blog/tips").authors == ()
    domain = '<span class="author">brightwell.com</span>'
    assert cleaner.clean(page(SITE, byline=domain), url="https://brightwell.com/blog/tips").authors == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mara Quell, MD, PhD", ["Mara Quell, MD, PhD"]),
        ("By Tomas Renk, Ph.D. | Updated May 2", ["Tomas Renk, Ph.D."]),
        ("Ilse Varga, MS, RD and Oren Platt, CFP", ["Ilse Varga, MS, RD", "Oren Platt, CFP"]),
        ("Mara Quell, Springfield, MA", ["Mara Quell"]),  # a state after a town, no degree
        ("MD, PhD", []),
    ],
)
def test_degrees_after_a_name_stay_with_it(raw: str, expected: list[str]) -> None:
    assert split_authors(raw) == expected


@pytest.mark.parametrize("declared", ["Mara", "maraquell"])
def test_a_first_name_or_handle_in_the_markup_takes_the_full_name_the_page_shows(declared: str) -> None:
    head = f'<meta name="author" content="{declared}">'
    result = cleaner.clean(page(head, byline="<p>By Mara Quell</p>"), url=STORY)
    assert result.authors == ("Mara Quell",)
    # a byline box that names someone else leaves the signature alone
    other = cleaner.clean(page(head, byline='<div class="author">Oren Platt</div>'), url=STORY)
    assert other.authors == (declared,)


def test_a_guessed_signature_stands_only_where_a_byline_shows_it() -> None:
    fields = Fields()
    assert not _loose_authors(fields, [("Conduct", "trafilatura")], set(), shown=[("By Mara Quell", "lead")])
    assert fields.authors == []
    assert _loose_authors(fields, [("The Quell Team", "trafilatura")], set(), shown=[("By the Quell Team", "lead")])
    assert fields.authors == ["The Quell Team"]


def test_the_domain_read_as_words_is_no_person() -> None:
    assert _domain_read("Brightwell Org", "https://www.brightwell.org/news/1")
    assert not _domain_read("Mara Quell", "https://maraquell.example/")  # a blog named after its writer


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted on September 21, 2020 by Jane Doe", ["Jane Doe"]),
        ("11.12.2019 - Jane Doe", ["Jane Doe"]),
        ("04.02.2022 | 13:10 Uhr | Jane Doe", ["Jane Doe"]),
        ("Monday, 3 May 2021, by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("30.11.2022 - Jane Band - Town Hall", []),  # a listing of dates, acts and places
        ("12.03.2021 - Jane Doe said on Monday", []),  # a sentence goes on after the name
        ("By Jane Doe", []),  # no date opens it: the "By" finders read it
        ("Jane  Doe", []),  # names alone, no date: a line of the text, not a dated byline
        ("11.12.2019  -  Jane   Doe", ["Jane Doe"]),  # spaces as a text dump keeps them
    ],
)
def test_a_line_that_opens_with_a_date_and_then_names_the_author_is_a_byline(line: str, names: list[str]) -> None:
    assert dated_byline(line) == names


def test_a_dated_byline_under_the_headline_names_the_author() -> None:
    result = cleaner.clean(page(byline="<p>11.12.2019 - Jane Doe</p>"), url=STORY)
    assert result.authors == ("Jane Doe",)
    marked = '<div class="post-meta-author">Posted on September 21, 2020 by Jane Doe</div>'
    assert cleaner.clean(page(byline=marked), url=STORY).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Text von Jane Doe Illustration von John Roe", ["Jane Doe"]),  # the illustrator is no author
        ("By Jane Doe Photos by John Roe", ["Jane Doe"]),
        ("Autor: Jane Doe/ABC-X | Lesezeit: 5 min", ["Jane Doe"]),  # the agency after a slash, fields after it
        ("Von Muster-Online-Expertin Jane Doe", ["Jane Doe"]),  # the outlet's role word before the name
    ],
)
def test_what_stands_beside_the_name_in_a_byline_is_not_part_of_it(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


def test_the_author_a_data_attribute_names_when_the_page_shows_no_byline() -> None:
    post = '<div class="message" data-author="janedoe"><p>Hello all</p></div>'
    assert cleaner.clean(page(after=post), url=STORY).authors == ("janedoe",)
    shown = '<p class="meta"><span>Written by</span> <a>Max Roe</a></p>'
    assert cleaner.clean(page(byline=shown, after=post), url=STORY).authors == ("Max Roe",)  # the shown byline first
    comment = '<div class="comments"><div data-author="janedoe"><p>Nice</p></div></div>'
    assert cleaner.clean(page(after=comment), url=STORY).authors == ()  # a commenter is no author


def test_trafilaturas_byline_search_is_asked_only_when_the_steps_before_it_find_no_one(monkeypatch) -> None:
    asked: list[object] = []

    def search(root: object) -> str:
        asked.append(root)
        return "Oren Platt"

    monkeypatch.setattr("cleaner.web.textify.extract_author", search)
    signed = cleaner.clean(page('<meta name="author" content="Mara">'), url=STORY)  # the page's own signature
    assert signed.authors == ("Mara",) and asked == []
    unsigned = cleaner.clean(page(), url=STORY)  # nothing on the page names anyone: the search answers
    assert unsigned.authors == ("Oren Platt",) and len(asked) == 1
    assert unsigned.trace["fields"]["author"] == "trafilatura"
