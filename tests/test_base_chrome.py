"""The bundled chrome lines of rules/_base.yaml in several languages: a label of a related-stories
box, an ad disclosure, a login prompt, a photo credit goes, with the rule that took it in the trace;
a sentence of the article with the same words stays."""

from __future__ import annotations

import pytest

import cleaner

PROSE = (
    "Der Gemeinderat hat am Montag beschlossen, die alte Mühlenbrücke im Mai wieder für Radfahrer zu öffnen, "
    "nachdem die Bögen zwei Jahre lang repariert worden waren."
)
MORE = (
    "Die Händler am Marktplatz sagten, die Sperrung habe sie Kundschaft gekostet, und mehrere baten um einen "
    "Markttag zur Wiedereröffnung der Brücke im Frühjahr."
)


def _removed_by(line: str) -> tuple[str, list[str]]:
    result = cleaner.clean(f"Brücke wieder offen\n\n{PROSE}\n\n{line}\n\n{MORE}\n")
    return result.text, [r["rule"] for r in result.trace["removed"] if line in r["text"]]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Czytaj też: Wyścig zbrojeń ruszył z kopyta", "related-teaser"),
        ("LE PUEDE INTERESAR: La ficha del alcalde en el archivo municipal", "related-teaser"),
        ("Auch lesen: Diese drei Brücken sind die schönsten im Land", "related-teaser"),
        ("Schon gelesen?", "related-heading"),
        ("Das Thema könnte dich auch interessieren:", "related-heading"),
        ("Weitere Artikel zum Thema", "related-heading"),
        ("Weitere Informationen:", "related-heading"),
        ("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", "comment-chrome"),
        ("Sie sind aktuell nicht eingeloggt.", "comment-chrome"),
        ("Never miss the latest news by signing up to our newsletter today!", "newsletter"),
        ("Zum Newsletter anmelden", "newsletter"),
        ("Anzeige, enthält Affiliate Links", "advertisement"),
        ("Titelbild: Max Mustermann/Bildagentur", "photo-credit"),
        ("Crédits photos : Agence Exemple", "photo-credit"),
        ("Advertisement - Continue Reading Below", "advertisement"),
        ("Join Our Weekly Newsletter", "newsletter"),
        ("Read More »", "buttons"),
        ("Mehr erfahren", "buttons"),
        ("Table of Contents", "contents-label"),
        ("Inhaltsverzeichnis:", "contents-label"),
        ("Thank you! Your submission has been received!", "form-messages"),
        ("This post contains affiliate links. Read my full disclosure policy for details.", "affiliate-disclosure"),
        ("Article reviewed by:", "label-alone"),
        ("3 days ago", "reading-time"),
        ("vor 2 Stunden", "reading-time"),
        ("- 11 min read", "reading-time"),
        ("Lesezeit: 4 Minuten", "reading-time"),
        ("Get the recipe", "buttons"),
        ("Thank you for subscribing to our daily newsletter.", "form-messages"),
    ],
)
def test_a_chrome_line_goes_with_its_rule(line: str, rule: str) -> None:
    text, rules = _removed_by(line)
    assert rules == [rule]
    assert line not in text and PROSE in text and MORE in text


@pytest.mark.parametrize(
    "line",
    [
        "Weitere Informationen zur Sperrung gibt die Stadt am Montag im Rathaus bekannt, sagte die Sprecherin.",
        "Anzeige gegen den Bauunternehmer hat die Stadt bisher nicht erstattet, wie ein Sprecher bestätigte.",
        "Auch lesen konnten die Kinder die neuen Schilder an der Brücke schon am ersten Tag ohne Mühe.",
        "Mehr erfahren wollten die Anwohner über die Kosten der Reparatur, doch die Stadt schwieg bis zum Abend.",
        "The contents of the old toll house were moved to the museum before the repairs began in spring.",
        "Vor 2 Stunden hatte der Bürgermeister die Brücke noch für gesperrt erklärt, dann kam die Freigabe.",
    ],
)
def test_a_sentence_with_the_same_words_stays(line: str) -> None:
    text, rules = _removed_by(line)
    assert rules == [] and line in text
