"""Load profile folders: read, validate, resolve `extends`, compile. All before any page."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.errors import ProfileError
from cleaner.kinds import KINDS
from cleaner.kinds.matching import COMMON_OPTIONS
from cleaner.maintext.settings import Settings
from cleaner.profiles import validate
from cleaner.profiles.model import CompiledRule, LineMarks, Profile
from cleaner.profiles.problems import Problems
from cleaner.profiles.schema import LINES_AT_LEAST, LINES_WITHIN, SELECTOR_KEYS, profile_schema
from cleaner.profiles.source import KeyPath, dotted, items, line_of, load_yaml
from cleaner.profiles.values import bad_values
from cleaner.selectors import Selector, compile_selector


@dataclass(frozen=True)
class Source:
    """One profile file as written: its data and where each key stands."""

    name: str
    path: Path
    data: dict[str, Any]
    lines: dict[KeyPath, int]

    def fail(self, message: str, key: KeyPath = ()) -> ProfileError:
        return ProfileError(message, file=str(self.path), line=line_of(self.lines, key), key=dotted(key))


@dataclass
class _Merged:
    """A profile's rules and settings after `extends`, with the file that set each rule."""

    rules: dict[str, tuple[dict[str, Any], Source]]
    chain: tuple[str, ...]
    date_formats: tuple[str, ...]
    publisher: str | None
    html: dict[str, tuple[str, ...]]  # the selectors (SELECTOR_KEYS)
    html_settings: dict[str, Any]  # the other `html` keys: favor, second-opinion
    main_text: dict[str, Any]
    main_text_from: str | None


_Sources = dict[str, Source | None]  # None: a file that did not load (its errors are reported)
_Resolved = dict[str, _Merged | None]  # None: a profile that, or whose base, did not resolve


def load_profiles(dirs: Sequence[Path]) -> dict[str, Profile]:
    """Every profile of `dirs`, compiled; else a ProfileError naming every problem of every file
    (a ProfileErrors when there are several), so one run shows all that needs fixing."""
    problems = Problems()
    profiles = compile_all(read_sources(dirs, problems), problems)
    problems.raise_any()
    return profiles


def read_sources(dirs: Sequence[Path], problems: Problems) -> _Sources:
    """Every `*.yaml` of `dirs`, each checked on its own; a name in an earlier folder hides later ones.

    A broken file stays in as None, its errors in `problems`: it still hides its name, and a
    profile extending it is not compiled, as its errors would only repeat the file's."""
    schema = profile_schema()
    sources: _Sources = {}
    for folder in dirs:
        if not folder.is_dir():
            problems.add(ProfileError("no such profile folder", file=str(folder)))
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            if path.stem not in sources:
                sources[path.stem] = _checked(problems.attempt(_read, path, schema), problems)
    return sources


def _read(path: Path, schema: dict[str, Any]) -> Source:
    """One file: YAML, then the schema, then its name; the first problem is raised."""
    data, lines = load_yaml(path)
    data = {} if data is None else data
    validate.check(data, schema, file=str(path), lines=lines)
    source = Source(path.stem, path, data, lines)
    if data.get("profile", path.stem) != path.stem:
        raise source.fail(f"profile name must be the file name {path.stem!r}", ("profile",))
    return source


def _checked(source: Source | None, problems: Problems) -> Source | None:
    """`source` if its selectors and date formats work, else None with each bad one in `problems`."""
    if source is None:
        return None
    bad = [source.fail(problem, key) for key, problem in bad_values(source.data)]
    for error in bad:
        problems.add(error)
    return None if bad else source


def compile_all(sources: _Sources, problems: Problems) -> dict[str, Profile]:
    """Resolve and compile every profile that read, so any error surfaces now, into `problems`."""
    merged: _Resolved = {}
    profiles: dict[str, Profile] = {}
    for name, source in sources.items():
        resolved = _resolve(name, sources, merged, (), problems)
        if source is not None and resolved is not None:
            profiles[name] = _compile(source, resolved, problems)
    return profiles


_FIRST_LINE: KeyPath = ("match", "first-line")
MAX_EXTENDS_DEPTH = 50  # profiles a chain of `extends` may pass through; real ones use two or three


def _as_list(value: str | list[str] | None) -> list[str]:
    return [text for _, text in items(value, ())]


def _resolve(
    name: str, sources: _Sources, done: _Resolved, stack: tuple[str, ...], problems: Problems
) -> _Merged | None:
    """`name` merged with its bases; None when it or a base is broken (reported once, in `problems`)."""
    if name not in done:
        source = sources[name]
        bases = None if source is None else _bases(source, sources, done, stack, problems)
        done[name] = None if source is None or bases is None else _merge(source, bases)
    return done[name]


def _bases(
    source: Source, sources: _Sources, done: _Resolved, stack: tuple[str, ...], problems: Problems
) -> list[_Merged] | None:
    """The resolved bases of `source`, or None (a bad `extends` is reported; a broken base was)."""
    bases = []
    for key, base in items(source.data.get("extends"), ("extends",)):
        problem = _extends_problem(source.name, base, sources, stack)
        if problem:
            problems.add(source.fail(problem, key))
            return None
        resolved = _resolve(base, sources, done, (*stack, source.name), problems)
        if resolved is None:
            return None
        bases.append(resolved)
    return bases


def _extends_problem(name: str, base: str, sources: _Sources, stack: tuple[str, ...]) -> str | None:
    if base not in sources:
        return f"extends unknown profile {base!r}"
    if base in (*stack, name):
        return f"extends cycle: {' -> '.join((*stack, name, base))}"
    if len(stack) >= MAX_EXTENDS_DEPTH:
        return f"extends chain deeper than {MAX_EXTENDS_DEPTH} profiles"
    return None


def _merge(source: Source, bases: list[_Merged]) -> _Merged:
    """Own rules first (site first), each overriding the same id of a base key by key."""
    inherited: dict[str, tuple[dict[str, Any], Source]] = {}
    for base in bases:
        for rule_id, entry in base.rules.items():
            inherited.setdefault(rule_id, entry)
    rules: dict[str, tuple[dict[str, Any], Source]] = {}
    for rule_id, options in (source.data.get("rules") or {}).items():
        base_options = inherited.pop(rule_id, ({}, source))[0]
        rules[rule_id] = ({**base_options, **options}, source)
    rules.update(inherited)
    extract = source.data.get("extract") or {}
    html_own = source.data.get("html") or {}
    html: dict[str, tuple[str, ...]] = {}
    html_settings: dict[str, Any] = {}
    for base in reversed(bases):
        html.update(base.html)
        html_settings.update(base.html_settings)
    for key, value in html_own.items():
        if key not in SELECTOR_KEYS:  # a setting (favor, second-opinion), not selectors
            html_settings[key] = value
        else:
            html[key] = (*html.get(key, ()), *_as_list(value)) if key == "prune" else tuple(_as_list(value))
    main_text, main_text_from = _merge_main_text(source, bases)
    return _Merged(
        rules=rules,
        chain=(source.name, *dict.fromkeys(n for b in bases for n in b.chain)),
        date_formats=(*_as_list(extract.get("date", {}).get("formats")), *(f for b in bases for f in b.date_formats)),
        publisher=extract.get("publisher") or next((b.publisher for b in bases if b.publisher), None),
        html=html,
        html_settings=html_settings,
        main_text=main_text,
        main_text_from=main_text_from,
    )


def _merge_main_text(source: Source, bases: list[_Merged]) -> tuple[dict[str, Any], str | None]:
    """`main-text` key by key, own over bases (the first base over later ones), and who set `enabled`."""
    merged: dict[str, Any] = {}
    enabled_by = None
    for base in reversed(bases):
        merged.update(base.main_text)
        enabled_by = base.main_text_from if "enabled" in base.main_text else enabled_by
    own = source.data.get("main-text") or {}
    merged.update(own)
    return merged, (source.name if "enabled" in own else enabled_by)


def _compile(source: Source, merged: _Merged, problems: Problems) -> Profile:
    """The profile, with every part that did not compile left out and its error in `problems`."""
    match = source.data.get("match") or {}
    first_line = (problems.attempt(_regex, source, p, key) for key, p in items(match.get("first-line"), _FIRST_LINE))
    return Profile(
        name=source.name,
        file=str(source.path),
        chain=merged.chain,
        domains=tuple(d.lower().removeprefix("www.") for d in match.get("domains", [])),
        first_line=tuple(p for p in first_line if p is not None),
        lines=_line_marks(source, match.get("lines"), problems),
        rules=tuple(_compile_rules(merged.rules, problems)),
        date_formats=merged.date_formats,
        publisher=merged.publisher,
        html=problems.attempt(_selectors, source, merged.html) or {},
        favor=merged.html_settings.get("favor", "balanced"),
        second_opinion=merged.html_settings.get("second-opinion", True),
        tests=tuple(source.data.get("tests") or ()),
        main_text=Settings.from_options(merged.main_text),
        main_text_from=merged.main_text_from or source.name,
    )


def _selectors(source: Source, html: dict[str, tuple[str, ...]]) -> dict[str, tuple[Selector, ...]]:
    compiled: dict[str, tuple[Selector, ...]] = {}
    for key, selectors in html.items():
        try:
            compiled[key] = tuple(compile_selector(s) for s in selectors)
        except ValueError as exc:
            raise source.fail(str(exc), ("html", key)) from None
    return compiled


def _line_marks(source: Source, conf: dict[str, Any] | None, problems: Problems) -> LineMarks | None:
    """`match.lines` compiled (a pattern that does not compile is reported, the others kept)."""
    if conf is None:
        return None
    at: KeyPath = ("match", "lines", "patterns")
    patterns = (problems.attempt(_regex, source, p, key) for key, p in items(conf["patterns"], at))
    return LineMarks(
        tuple(p for p in patterns if p is not None),
        conf.get("at-least", LINES_AT_LEAST),
        conf.get("within", LINES_WITHIN),
    )


def _regex(source: Source, pattern: str, key: KeyPath) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise source.fail(f"invalid regex: {exc}", key) from None


def _compile_rules(rules: dict[str, tuple[dict[str, Any], Source]], problems: Problems) -> Iterable[CompiledRule]:
    """The rules that are on and compile; each that does not compile has its error in `problems`."""
    for rule_id, (options, source) in rules.items():
        if not options.get("disable"):
            compiled = problems.attempt(_compile_rule, rule_id, options, source)
            if compiled is not None:
                yield compiled


def _compile_rule(rule_id: str, options: dict[str, Any], source: Source) -> CompiledRule:
    at: KeyPath = ("rules", rule_id)
    kind = KINDS.get(options.get("kind", ""))
    if kind is None:
        raise source.fail("no `kind` (and no inherited rule of this id to override)", at)
    schema = {"type": "object", "properties": {**COMMON_OPTIONS, **kind.OPTIONS}, "additionalProperties": False}
    validate.check(options, schema, file=str(source.path), lines=source.lines, at=at)
    filled = {k: v.get("default") for k, v in kind.OPTIONS.items() if "default" in v} | options
    try:
        conf = kind.compile(rule_id, source.name, filled)
    except re.error as exc:
        key = next((k for k in ("pattern", "end") if k in options and _bad_regex(options[k])), "pattern")
        raise source.fail(f"invalid regex: {exc}", (*at, key)) from None
    except ValueError as exc:
        raise source.fail(str(exc), at) from None
    return CompiledRule(rule_id, source.name, kind, conf)


def _bad_regex(pattern: Any) -> bool:
    try:
        re.compile(str(pattern))
    except re.error:
        return True
    return False
