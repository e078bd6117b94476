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
from cleaner.profiles.model import CompiledRule, Profile
from cleaner.profiles.schema import SELECTOR_KEYS, profile_schema
from cleaner.profiles.source import KeyPath, dotted, line_of, load_yaml
from cleaner.web.selectors import Selector, compile_selector


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
    html: dict[str, tuple[str, ...]]
    main_text: dict[str, Any]
    main_text_from: str | None


def read_sources(dirs: Sequence[Path]) -> dict[str, Source]:
    """Every `*.yaml` of `dirs`, validated; a name in an earlier folder hides later ones."""
    schema = profile_schema()
    sources: dict[str, Source] = {}
    for folder in dirs:
        if not folder.is_dir():
            raise ProfileError("no such profile folder", file=str(folder))
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            if path.stem in sources:
                continue
            data, lines = load_yaml(path)
            data = {} if data is None else data
            validate.check(data, schema, file=str(path), lines=lines)
            source = Source(path.stem, path, data, lines)
            if data.get("profile", path.stem) != path.stem:
                raise source.fail(f"profile name must be the file name {path.stem!r}", ("profile",))
            sources[path.stem] = source
    return sources


def compile_all(sources: dict[str, Source]) -> dict[str, Profile]:
    """Resolve and compile every profile, so any error surfaces now."""
    merged: dict[str, _Merged] = {}
    return {name: _compile(sources[name], _resolve(name, sources, merged, ())) for name in sources}


MAX_EXTENDS_DEPTH = 50  # profiles a chain of `extends` may pass through; real ones use two or three


def _as_list(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _resolve(name: str, sources: dict[str, Source], done: dict[str, _Merged], stack: tuple[str, ...]) -> _Merged:
    if name in done:
        return done[name]
    source = sources[name]
    bases = []
    for i, base in enumerate(_as_list(source.data.get("extends"))):
        key: KeyPath = ("extends", i) if isinstance(source.data["extends"], list) else ("extends",)
        if base not in sources:
            raise source.fail(f"extends unknown profile {base!r}", key)
        if base in (*stack, name):
            raise source.fail(f"extends cycle: {' -> '.join((*stack, name, base))}", key)
        if len(stack) >= MAX_EXTENDS_DEPTH:
            raise source.fail(f"extends chain deeper than {MAX_EXTENDS_DEPTH} profiles", key)
        bases.append(_resolve(base, sources, done, (*stack, name)))
    done[name] = _merge(source, bases)
    return done[name]


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
    for base in reversed(bases):
        html.update(base.html)
    for key, value in html_own.items():
        if key not in SELECTOR_KEYS:  # a setting (favor, second-opinion), not selectors
            html[key] = (value,)
        else:
            html[key] = (*html.get(key, ()), *_as_list(value)) if key == "prune" else tuple(_as_list(value))
    main_text, main_text_from = _merge_main_text(source, bases)
    return _Merged(
        rules=rules,
        chain=(source.name, *dict.fromkeys(n for b in bases for n in b.chain)),
        date_formats=(*_as_list(extract.get("date", {}).get("formats")), *(f for b in bases for f in b.date_formats)),
        publisher=extract.get("publisher") or next((b.publisher for b in bases if b.publisher), None),
        html=html,
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


def _compile(source: Source, merged: _Merged) -> Profile:
    match = source.data.get("match") or {}
    return Profile(
        name=source.name,
        file=str(source.path),
        chain=merged.chain,
        domains=tuple(d.lower().removeprefix("www.") for d in match.get("domains", [])),
        first_line=tuple(_regex(source, p, ("match", "first-line")) for p in _as_list(match.get("first-line"))),
        rules=tuple(_compile_rules(merged.rules)),
        date_formats=merged.date_formats,
        publisher=merged.publisher,
        html=_selectors(source, merged.html),
        favor=merged.html.get("favor", ("balanced",))[0],
        second_opinion=merged.html.get("second-opinion", (True,))[0],
        tests=tuple(source.data.get("tests") or ()),
        main_text=Settings.from_options(merged.main_text),
        main_text_from=merged.main_text_from or source.name,
    )


def _selectors(source: Source, html: dict[str, tuple[str, ...]]) -> dict[str, tuple[Selector, ...]]:
    compiled: dict[str, tuple[Selector, ...]] = {}
    for key, selectors in html.items():
        if key not in SELECTOR_KEYS:
            continue
        try:
            compiled[key] = tuple(compile_selector(s) for s in selectors)
        except ValueError as exc:
            raise source.fail(str(exc), ("html", key)) from None
    return compiled


def _regex(source: Source, pattern: str, key: KeyPath) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise source.fail(f"invalid regex: {exc}", key) from None


def _compile_rules(rules: dict[str, tuple[dict[str, Any], Source]]) -> Iterable[CompiledRule]:
    for rule_id, (options, source) in rules.items():
        if options.get("disable"):
            continue
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
        yield CompiledRule(rule_id, source.name, kind, conf)


def _bad_regex(pattern: Any) -> bool:
    try:
        re.compile(str(pattern))
    except re.error:
        return True
    return False
