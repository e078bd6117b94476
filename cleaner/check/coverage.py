"""Rule coverage: on how many samples each rule removed a line or supplied a field.

A rule that fires on no sample is usually a broken one (or one no sample exercises yet); a site
profile that no sample selects is untested.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.engine import Cleaned, mark
from cleaner.profiles import Profile, Rulebook
from cleaner.result import Result
from cleaner.trace import Trace


@dataclass(frozen=True)
class RuleUse:
    """`samples`: how many samples the rule removed a line of (or supplied a field for);
    `matched`: on how many it matched a line at all (an earlier rule may have removed it first)."""

    profile: str
    rule: str
    samples: int
    matched: int = 0


@dataclass(frozen=True)
class Coverage:
    rules: tuple[RuleUse, ...]
    profiles: dict[str, int]  # profile -> samples that selected it

    @property
    def dead(self) -> list[RuleUse]:
        """Rules that matched no line of any sample."""
        return [use for use in self.rules if use.samples == 0 and use.matched == 0]

    @property
    def shadowed(self) -> list[RuleUse]:
        """Rules that matched lines, but every one was removed by an earlier rule."""
        return [use for use in self.rules if use.samples == 0 and use.matched > 0]

    @property
    def unsampled(self) -> list[str]:
        return [name for name, n in self.profiles.items() if n == 0 and not name.startswith("_")]


def fired(result: Result, rulebook: Rulebook) -> set[tuple[str, str]]:
    """(profile, rule) of every rule that removed a line or supplied a field of `result`."""
    trace = Trace.of(result)
    used = {(run.profile, run.rule) for run in trace.removed}
    chosen = rulebook.profiles.get(result.profile or "")
    owners = {rule.id: rule.profile for rule in chosen.rules} if chosen else {}
    used |= {(owners[s], s) for s in trace.fields.values() if s in owners}
    return used


def matched(cleaned: Cleaned) -> set[tuple[str, str]]:
    """(profile, rule) of every rule of the page's profile that matched some line, credited or not
    (the rules mark the lines the page's stages saw again; nothing is extracted a second time)."""
    return {(edit.profile, edit.rule) for edit in mark(cleaned.profile, cleaned.lines)}


def coverage(
    cleaned: Iterable[tuple[Result, set[tuple[str, str]]]], rulebook: Rulebook, checked: Iterable[Profile]
) -> Coverage:
    """Coverage of the rules the `checked` profiles define themselves, over (result, rules matched) pairs."""
    checked = list(checked)
    credited: Counter[tuple[str, str]] = Counter()
    matches: Counter[tuple[str, str]] = Counter()
    per_profile: Counter[str] = Counter()
    for result, hits in cleaned:
        if result.ok:
            credited.update(fired(result, rulebook))
            matches.update(hits)
            per_profile[result.profile or ""] += 1
    rules = tuple(
        RuleUse(p.name, r.id, credited[(p.name, r.id)], matches[(p.name, r.id)])
        for p in checked
        for r in p.rules
        if r.profile == p.name
    )
    return Coverage(rules, {p.name: per_profile[p.name] for p in checked})
