"""The language of a record's kept text: an ISO 639-1 code, or None when the text cannot tell.

py3langid (the maintained fork of langid.py that trafilatura uses) scores the text; its
probabilities are normalised and calibrated across lengths, so one probability bar serves short
and long texts alike. Only its ISO 639-1 labels are asked for (its ISO 639-3 ones, such as `pcm`
or `yue`, fold into the nearest two-letter language) and `zxx`, "no linguistic content", is not
a language.

The bars, measured by `python -m bench.language` on the kept text of the 1,762 bench pages:
- `MIN_PROBABILITY` 0.7: on random windows of the texts (scored against the whole text's language)
  its answers are right 99.8% of the time from 20 characters on (99.5% at 10), where 0.5 is right
  99.4% at 20; it answers for 56% of 20-character windows, 86% of 40, 97% of 100.
- `MIN_CHARS` 20: below it even a sure answer is a guess on a few words (and such a record's
  text is no article anyway).
- `SAMPLE_CHARS` 1000: the first 1,000 characters give the whole text's best language on all but
  3 of the 1,762 texts (a dump of PHP warnings; a calendar both leave unsure; an appeal whose
  German opening the whole text's many languages outvote), in a fifth of the time (1.5 ms instead
  of 8.0 ms a text); 3,000 would save one page at twice the time, 500 lose four more. The time
  counts: the field adds 0.7 ms to the 0.9 ms a seed-sized text dump takes to clean (1.8x), and
  1.6 ms to an AEB HTML page's 20 ms (1.08x).

A page's `<html lang>` is no proof: of the 1,615 bench pages that declare a language, 28 disagree
with the field, and in 26 of them the declaration is wrong (21 say `en`, a template's default, over
German, Spanish, French or Bengali text); one page mixes a German lead with a longer English quote,
one is in Papiamento, which the model does not know (null). So the text decides, and the
declaration only breaks a near-tie it leaves open (Norwegian or Danish, Croatian or Serbian):
when the best language is below the bar but it and the runner-up together reach it, and the
declared language is one of the two, the declared one is the answer. It settles one bench page
(German quoting an English speech: de 0.54, en 0.46, declared de); on 20-character windows a
truthful declaration answers 18% of those left unsure, a lying one gives 0.2% a wrong answer.

The model (about 100 MB, 0.8 s to load) is loaded once per process, on first use or by
`load_detector`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MIN_PROBABILITY = 0.7
MIN_CHARS = 20
SAMPLE_CHARS = 1000
_NO_LANGUAGE = "zxx"


def language_of(text: str, *, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of `text`'s language, None when it is too short or the detector unsure;
    `declared` (a page's `<html lang>`, such as `de-AT`) breaks a near-tie, as the module says."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample) < MIN_CHARS:
        return None
    (best, p_best), (second, p_second) = _identifier().rank(sample)[:2]
    if p_best >= MIN_PROBABILITY:
        return best
    hint = _primary_subtag(declared)
    return hint if hint in (best, second) and p_best + p_second >= MIN_PROBABILITY else None


def load_detector() -> None:
    """Load the model now rather than on the first text: a parent that forks workers loads it once
    for all of them (shared, copy-on-write), and a worker loads it before its memory limit is set,
    so the model's 100 MB and 0.8 s are never charged to a page."""
    _identifier()


def _primary_subtag(declared: str | None) -> str | None:
    """`de-AT`, `en_US`, ` FR ` -> `de`, `en`, `fr`; None for no or no two-letter declaration."""
    code = (declared or "").strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


@cache
def _identifier() -> Any:
    """py3langid's model with normalised probabilities over its ISO 639-1 languages, loaded on
    first use (about 0.8 s) and kept for the process; classifying never changes it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # here: only a process that detects pays

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.labels if len(code) == 2 and code != _NO_LANGUAGE])
    return identifier
