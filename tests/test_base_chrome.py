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
        ("Czytaj też: Nowy most otwarty dla rowerzystów", "related-teaser"),
        ("LE PUEDE INTERESAR: El puente viejo vuelve a abrir en mayo", "related-teaser"),
        ("Auch lesen: Drei Brücken, die man gesehen haben muss", "related-teaser"),
        ("Schon gelesen?", "related-heading"),
        ("Dieses Thema könnte Sie auch interessieren:", "related-heading"),
        ("Weitere Artikel zum Thema", "related-heading"),
        ("Weitere Informationen:", "related-heading"),
        ("Keine Kommentare (Ihr Kommentar wird vor dem Erscheinen geprüft)", "comment-chrome"),
        ("Sie sind derzeit nicht eingeloggt.", "comment-chrome"),
        ("Never miss a story from the valley by signing up to our newsletter!", "newsletter"),
        ("Zum Newsletter anmelden", "newsletter"),
        ("Anzeige – enthält Partnerlinks", "advertisement"),
        ("Titelbild: Erika Beispiel/Bildagentur", "photo-credit"),
        ("Crédits photos : Agence Exemple", "photo-credit"),
        ("Advertisement: Continue reading below", "advertisement"),
        ("Join our Sunday newsletter", "newsletter"),
        ("Read More »", "buttons"),
        ("Mehr erfahren", "buttons"),
        ("Table of Contents", "contents-label"),
        ("Inhaltsverzeichnis:", "contents-label"),
        ("Thank you! Your submission has been received!", "form-messages"),
        ("This article contains affiliate links; we are paid when you buy through them.", "affiliate-disclosure"),
        ("As an Amazon Associate the author earns from qualifying purchases.", "affiliate-disclosure"),
        ("Post written by:", "label-alone"),
        ("2 weeks ago", "reading-time"),
        ("vor einem Tag", "reading-time"),
        ("- 7 min read", "reading-time"),
        ("Lesezeit: 4 Minuten", "reading-time"),
        ("Jump to recipe", "buttons"),
        ("Thanks for subscribing!", "form-messages"),
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
        # headings that open with a label's words
        "Beitragsbilder richtig auswählen",
        "Werbung: Was Vereine kennzeichnen müssen",
        "By signing up to the newsletter, residents hear first about the works on the bridge.",
    ],
)
def test_a_sentence_with_the_same_words_stays(line: str) -> None:
    text, rules = _removed_by(line)
    # no chrome rule takes it (the main-text stage may still weigh an English line among German ones)
    assert [rule for rule in rules if not rule.startswith("generic/")] == []
    assert (line in text) is (rules == [])
