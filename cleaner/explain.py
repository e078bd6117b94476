"""`cleaner explain`: a page with every removed line marked by the rule that removed it, and
every field with where it came from. For the terminal here; as a self-contained HTML report in
`cleaner.explain_report`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cleaner.check.diff import Blame
from cleaner.check.locate import Locator, Place
from cleaner.edits import FIELDS
from cleaner.engine import Cleaned, stages_or_fail
from cleaner.profiles import Rulebook
from cleaner.readers import iter_pages
from cleaner.result import Result
from cleaner.trace import Pruned, Trace

_SOURCES = {
    "profile": "stated by the profile (extract)",
    "json-ld": "the page's JSON-LD",
    "meta": "the page's <meta> tags",
    "mailto": "a mailto: link in the page",
    "trafilatura": "trafilatura's metadata",
}


@dataclass(frozen=True)
class Line:
    """One line the rules saw (1-based), and the rule that removed it, if one did."""

    number: int
    text: str
    removed: Blame | None = None


@dataclass(frozen=True)
class FieldOrigin:
    field: str
    value: Any
    source: str | None
    described: str
    place: Place | None = None


@dataclass(frozen=True)
class Explained:
    """A cleaned page laid out for reading: its lines, its fields and what HTML pruning took."""

    result: Result
    chain: tuple[str, ...]
    lines: tuple[Line, ...]
    fields: tuple[FieldOrigin, ...]
    pruned: tuple[Pruned, ...] = ()

    @property
    def removed(self) -> list[Line]:
        return [line for line in self.lines if line.removed is not None]

    @property
    def kept(self) -> list[Line]:
        return [line for line in self.lines if line.text and line.removed is None]

    def rule_counts(self) -> dict[Blame, int]:
        counts: dict[Blame, int] = {}
        for line in self.removed:
            assert line.removed is not None
            key = Blame(line.removed.rule, line.removed.profile)
            counts[key] = counts.get(key, 0) + 1
        return counts


def explain_inputs(inputs: Sequence[str], rulebook: Rulebook, *, profile: str | None = None) -> Iterator[Explained]:
    """Clean and explain each page of the inputs (files, folders, dumps), in order."""
    locator = Locator(rulebook, Path.cwd())
    for item in iter_pages(list(inputs)):
        if isinstance(item, Result):
            yield Explained(item, (), (), ())
            continue
        yield explain_page(stages_or_fail(item, rulebook, profile=profile), locator)


def explain_page(cleaned: Cleaned | Result, locator: Locator) -> Explained:
    """Lay out a cleaned page (or its error record): the lines the rules saw, each with its fate.
    It reads what the stages made (`engine.run_stages`), never runs them again."""
    if isinstance(cleaned, Result):
        return Explained(cleaned, (), (), ())
    result, chosen, trace = cleaned.result, cleaned.profile, cleaned.trace
    owner = _owners(trace)
    texts = cleaned.lines.texts
    lines = tuple(Line(n + 1, text, owner.get(n + 1) if text else None) for n, text in enumerate(texts))
    fields = tuple(_origin(name, result, trace, chosen, locator) for name in FIELDS)
    return Explained(result, chosen.chain, lines, fields, trace.pruned)


def _owners(trace: Trace) -> dict[int, Blame]:
    """1-based line number -> the rule that removed it (the trace's runs cover non-blank lines only)."""
    owner: dict[int, Blame] = {}
    for run in trace.removed:
        blame = Blame(run.rule, run.profile, run.reason)
        for number in range(run.first, run.last + 1):
            owner[number] = blame
    return owner


def _origin(name: str, result: Result, trace: Trace, chosen: Any, locator: Locator) -> FieldOrigin:
    value = result.authors and list(result.authors) if name == "author" else getattr(result, name)
    source = trace.fields.get(name)
    rules = {rule.id: rule.profile for rule in chosen.rules}
    if source is None:
        return FieldOrigin(name, value, None, "not found")
    if source in rules:
        return FieldOrigin(name, value, source, f"rule {source} ({rules[source]})", locator.rule(rules[source], source))
    if source == "profile":
        return FieldOrigin(name, value, source, _SOURCES[source], locator.key(chosen.name, ("extract", name)))
    if source.startswith("html."):
        return FieldOrigin(
            name, value, source, f"the profile's {source} selector", locator.key(chosen.name, ("html", source[5:]))
        )
    if source.startswith("generic/"):
        return FieldOrigin(name, value, source, f"the generic {source[8:]} finder")
    return FieldOrigin(name, value, source, _SOURCES.get(source, source))


# -- terminal -----------------------------------------------------------------------------------

_RED, _DIM, _YELLOW, _STRIKE, _BOLD, _RESET = "\x1b[31m", "\x1b[2m", "\x1b[33m", "\x1b[9m", "\x1b[1m", "\x1b[0m"


def use_color(stream: IO[str], choice: str = "auto") -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def terminal(explained: Explained, *, color: bool = False) -> Iterator[str]:
    """The page as the terminal shows it: line numbers, a ✗ and the rule for each removed line."""
    paint = _painter(color)
    result = explained.result
    if result.error is not None:
        yield paint(_BOLD, f"== {result.source}: not cleaned: {result.error['kind']}: {result.error['message']}")
        return
    yield paint(_BOLD, f"== {result.source}  profile {' < '.join(explained.chain)}")
    removed, rules = len(explained.removed), len(explained.rule_counts())
    yield f"   kept {len(explained.kept)} lines, removed {removed} by {rules} rules"
    yield from _terminal_lines(explained, paint)
    yield "fields:"
    for origin in explained.fields:
        place = f"  {origin.place}" if origin.place else ""
        yield f"  {origin.field:10} {show_value(origin.value):40} {paint(_DIM, origin.described + place)}"
    if explained.pruned:
        yield "pruned from the HTML before the text was extracted:"
        for item in explained.pruned:
            yield f"  {item.selector} -> <{item.tag}> {paint(_RED + _STRIKE, item.text)}"


def _painter(color: bool) -> Callable[[str, str], str]:
    return (lambda code, text: f"{code}{text}{_RESET}") if color else (lambda code, text: text)


def _terminal_lines(explained: Explained, paint: Callable[[str, str], str]) -> Iterator[str]:
    width = min(max((len(_label(line.removed)) for line in explained.removed), default=0), 40)
    for line in explained.lines:
        if not line.text:
            continue  # blank lines: the numbers show where they were
        if line.removed is None:
            yield f"{line.number:5}   {'':{width}} │ {line.text}"
        else:
            label = paint(_YELLOW, f"{_label(line.removed):{width}}")
            yield f"{line.number:5} {paint(_RED, '✗')} {label} │ {paint(_RED + _STRIKE, line.text)}"


def _label(blame: Blame | None) -> str:
    if blame is None:
        return ""
    return f"{blame.rule} · {blame.profile}" + (f" · {blame.reason}" if blame.reason else "")


def show_value(value: Any) -> str:
    if value is None or value == []:
        return "-"
    return ", ".join(value) if isinstance(value, list) else str(value)
