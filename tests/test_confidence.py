"""The confidence field: agreement with a second reader, asked only where it read enough."""

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


def test_an_article_the_second_reader_also_read_is_sure() -> None:
    assert confidence(ARTICLE, f"Mill bridge\n\n{ARTICLE}\n\n{PROMO}") == 1.0


def test_a_text_the_second_reader_read_as_something_else_is_doubtful() -> None:
    assert confidence(ARTICLE, MENU) == 0.0
    half = "\n\n".join(PARAGRAPHS[:2]) + "\n\n" + MENU  # it holds half of the text
    assert 0.3 < confidence(ARTICLE, half) < 0.6


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
    assert confidence(short, f"{short}\n\n{ARTICLE}") == 0.35
