"""The `language` field: the kept text's language by fastText (lid.176), a page's `<html lang>` only a tie-break."""

from __future__ import annotations

import socket

import cleaner
from cleaner.language import MIN_CHARS, MIN_PROBABILITY, SAMPLE_CHARS, _detector, language_of, load_detector, ranked

GERMAN = """Neue Brücke über die Wendel eröffnet

Die Stadt Hollbach hat am Samstag die neue Brücke über die Wendel für den Verkehr freigegeben.
Nach zwei Jahren Bauzeit können Fußgänger und Radfahrer den Fluss wieder auf kurzem Weg überqueren.

Der Bürgermeister dankte den Anwohnern für ihre Geduld während der langen Sperrung der alten Brücke.
Die Kosten lagen nach Angaben der Verwaltung etwas unter dem geplanten Betrag.
"""

ENGLISH = """New bridge over the Wendel opens

The town of Hollbrook opened its new bridge over the Wendel river to traffic on Saturday.
After two years of construction, walkers and cyclists can cross the river on a short route again.

The mayor thanked residents for their patience during the long closure of the old bridge.
According to the council, the costs came in slightly below the planned amount.
"""

FRENCH = """Un nouveau pont sur la Wendel

La commune de Hollbourg a ouvert samedi son nouveau pont sur la Wendel à la circulation.
Après deux ans de travaux, les piétons et les cyclistes peuvent de nouveau traverser la rivière.

Le maire a remercié les habitants pour leur patience pendant la longue fermeture de l'ancien pont.
Selon la mairie, le coût est resté un peu en dessous du montant prévu.
"""


def _html(lang: str, body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines()[1:] if line)
    return (
        f'<html lang="{lang}"><head><title>Hollbach</title></head><body><article>{paragraphs}</article></body></html>'
    )


def test_made_up_articles_get_their_language():
    for text, code in ((GERMAN, "de"), (ENGLISH, "en"), (FRENCH, "fr")):
        assert cleaner.clean(text).language == code
        assert cleaner.clean(_html(code, text), url="https://hollbach.example/bruecke").language == code


def test_a_page_that_declares_another_language_gets_its_text_s():
    page = _html("en-US", GERMAN)  # a template's default over German text
    result = cleaner.clean(page, url="https://hollbach.example/bruecke")
    assert "Brücke" in result.text
    assert result.language == "de"


def test_too_short_or_unsure_text_has_no_language():
    assert language_of("") is None
    assert language_of("Die Stadt hat") is None  # under MIN_CHARS, however sure the detector is
    assert len("Die Stadt hat") < MIN_CHARS
    assert language_of("12:30 | 14:45 | 2021-03-04 | 7/8") is None  # long enough, no language


def test_an_opening_that_cannot_tell_gets_a_longer_look():
    scores = "Hollbach 2:1 Wendelstedt | 0:0 | 3:2 | 1:1 | 12.03. 18:30 | 19.03. 15:00 | 26.03. 15:30 | 02.04. 18:00 | "
    assert len(scores) >= SAMPLE_CHARS[0]
    assert language_of(scores) is None  # the first look alone: no language
    assert language_of(scores + GERMAN) == "de"  # the longer look reaches the article


def test_the_declaration_breaks_a_near_tie_and_nothing_else():
    near_tie = "Vi ses i morgen på torget"  # Swedish or Danish: the text cannot tell
    assert language_of(near_tie) is None
    assert language_of(near_tie, declared="da-DK") == "da"
    assert language_of(near_tie, declared="sv_SE") == "sv"
    assert language_of(near_tie, declared="de") is None  # a language the text does not suggest
    assert language_of(GERMAN, declared="en") == "de"  # a sure text beats any declaration


def test_a_language_without_a_two_letter_code_is_no_answer():
    # Low German: the model knows it (`nds`), ISO 639-1 has no code for it, and no neighbour stands in
    low_german = (
        "Dat Dörp hett an'n Sünnavend de nee Brüch över de Wendel för den Verkehr opmaakt. Na twee Johr"
        " Buutiet köönt de Lüüd to Foot un mit dat Rad wedder över dat Water gahn. De Börgermeester hett"
        " de Anwahners för ehr Geduld bedankt."
    )
    label, probability = ranked(low_german)[0]
    assert (label, probability >= MIN_PROBABILITY) == ("nds", True)  # sure, and no two-letter code
    assert language_of(low_german) is None


def test_loading_the_detector_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the language detector tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    _detector.cache_clear()  # a fresh detector, as in a new process, loads its model under the patch
    load_detector()
    assert language_of(ENGLISH) == "en"


def test_language_follows_date_in_the_record_and_errors_have_none():
    record = cleaner.clean(ENGLISH).to_dict()
    keys = list(record)
    assert keys[keys.index("date") + 1] == "language"
    failed = cleaner.Result.failed("x.html", "parse", "no page").to_dict()
    assert "language" not in failed


def test_text_that_is_no_unicode_still_gets_its_language() -> None:
    """A lone surrogate (a JSON line's `\\ud800` escape) in the text does not stop the detector."""
    text = "The council approved the new budget for the harbour on Tuesday evening \ud800 after a long debate."
    assert language_of(text) == "en"
