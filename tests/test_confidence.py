"""The confidence field: agreement with a second reader, asked only where it read enough, and how
whole a stretch of its text the kept text is."""

from __future__ import annotations

from cleaner.confidence import confidence

PARAGRAPHS = [
    "The valley council agreed on Monday to reopen the old mill bridge to cyclists from the first week of May, "
    "after two years of repairs to its stone arches.",
    "Engineers found that the western arch had settled by a few centimetres, and the council paid for new "
    "foundations rather than for a second bridge downstream.",
    "Cyclists will share the deck with walkers, and a speed limit of fifteen kilometres an hour will apply "
    "between the mill and the market square.",
    "Shop owners on the square said that the closure had cost them custom, and several asked for a market day "
    "to mark the reopening.",
]
ARTICLE = "\n\n".join(PARAGRAPHS)
PROMO = "Sign up for our weekly newsletter and read the best stories of the week in your inbox every Friday"
MENU = " ".join(f"Section {n} news sport weather travel" for n in range(40))  # more words than the article
STORIES = [
    ("Mill bridge to reopen in May", "The valley council agreed to reopen the old mill bridge to cyclists."),
    ("Market day planned for the square", "Shop owners asked for a market day to mark the reopening of the bridge."),
    ("New speed limit on the deck", "Cyclists will share the deck with walkers under a limit of fifteen kilometres."),
    ("Foundations cost less than a new bridge", "Engineers found the western arch had settled by a few centimetres."),
]
# a section front: each story's headline and blurb, then its link and its date line
FRONT = "\n\n".join(f"{head}\n{blurb}\nRead more\nPosted {n} hours ago" for n, (head, blurb) in enumerate(STORIES, 1))


def test_an_article_the_second_reader_also_read_is_sure() -> None:
    assert confidence(ARTICLE, f"Mill bridge\n\n{ARTICLE}\n\n{PROMO}") == 1.0


def test_a_text_the_second_reader_read_as_something_else_is_doubtful() -> None:
    assert confidence(ARTICLE, MENU) == 0.0
    half = "\n\n".join(PARAGRAPHS[:2]) + "\n\n" + MENU  # it holds half of the text
    assert 0.3 < confidence(ARTICLE, half) < 0.6


def test_a_text_that_skipped_part_of_its_stretch_is_less_sure() -> None:
    """The kept 4-grams' stretch of the second reader's text, from the first to the last of them,
    should be the kept text: a paragraph it skipped was lost, and a text stitched from parts far
    apart is a teaser list or an article with something else."""
    whole = confidence(ARTICLE, ARTICLE)
    gap = confidence("\n\n".join([*PARAGRAPHS[:2], PARAGRAPHS[3]]), ARTICLE)  # the third paragraph lost
    stitched = confidence(f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[3]}", ARTICLE)  # only the first and the last
    assert whole == 1.0
    assert 0.7 < gap < whole
    assert 0.5 < stitched < gap


def test_a_teaser_list_scores_below_the_article() -> None:
    """Headlines and blurbs taken from a section front: every 4-gram is the page's, but the text
    skipped the links and dates between them, and its headlines are no prose."""
    teasers = "\n\n".join(f"{head}\n{blurb}" for head, blurb in STORIES)
    article = f"Mill bridge\n\n{ARTICLE}"  # an article with its title line
    assert confidence(teasers, FRONT) < 0.8 < confidence(article, f"{article}\n\n{PROMO}")


def test_short_lines_lower_it_a_little() -> None:
    """A fifth of an agreeing text's confidence rides on its share of words on prose lines."""
    listing = "\n".join(line for paragraph in PARAGRAPHS for line in paragraph.split(", "))  # clauses, a line each
    assert 0.8 <= confidence(listing, ARTICLE) < confidence(ARTICLE, ARTICLE) == 1.0


def test_a_second_reader_that_read_less_than_was_kept_is_not_asked() -> None:
    """Resiliparse keeps chrome as well as the article: reading fewer words, it missed the article
    (a comment box, a heading), and its disagreement says nothing: the prose share stands."""
    missed = "Comments on this post\n\nNo comments yet"
    assert confidence(ARTICLE, missed) == 1.0
    assert confidence("Home\nNews\nSport\nWeather", "Home") == 0.0  # no prose either
    assert confidence(ARTICLE, f"{MENU}\n\n{missed}") == 0.0  # it read more: asked


def test_without_a_second_reader_the_prose_share_stands() -> None:
    assert confidence(ARTICLE, None) == 1.0
    assert confidence("Home\nNews\nSport\nWeather", None) == 0.0
    assert confidence(ARTICLE, "") == 1.0  # the second reader failed on an HTML page


def test_route_and_length_lower_it() -> None:
    assert confidence(ARTICLE, ARTICLE, 1) == 0.85
    assert confidence(ARTICLE, ARTICLE, 2) == 0.7
    short = "The mill bridge reopens in May."  # 6 words of 50
    assert confidence(short, f"{short}\n\n{ARTICLE}") == 0.277  # sqrt(6/50), and a line of no prose: times 0.8
