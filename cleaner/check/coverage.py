"""Rule coverage: on how many samples each rule removed a line or supplied a field.

A rule that fires on no sample is usually a broken one (or one no sample exercises yet); a site
profile that no sample selects is untested.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.profiles import Profile, Rulebook
from cleaner.result import Result


@dataclass(frozen=True)
class RuleUse:
    profile: str
    rule: str
    samples: int


@dataclass(frozen=True)
class Coverage:
    rules: tuple[RuleUse, ...]
    profiles: dict[str, int]  # profile -> samples that selected it

    @property
    def dead(self) -> list[RuleUse]:
        return [use for use in self.rules if use.samples == 0]

    @property
    def unsampled(self) -> list[str]:
        return [name for name, n in self.profiles.items() if n == 0 and not name.startswith("_")]


def fired(result: Result, rulebook: Rulebook) -> set[tuple[str, str]]:
    """(profile, rule) of every rule that removed a line or supplied a field of `result`."""
    trace = result.trace or {}
    used = {(entry["profile"], entry["rule"]) for entry in trace.get("removed", ())}
    chosen = rulebook.profiles.get(result.profile or "")
    owners = {rule.id: rule.profile for rule in chosen.rules} if chosen else {}
    used |= {(owners[s], s) for s in (trace.get("fields") or {}).values() if s in owners}
    return used


def coverage(results: Iterable[Result], rulebook: Rulebook, checked: Iterable[Profile]) -> Coverage:
    """Coverage of the rules the `checked` profiles define themselves, over `results`."""
    checked = list(checked)
    per_rule: Counter[tuple[str, str]] = Counter()
    per_profile: Counter[str] = Counter()
    for result in results:
        if result.ok:
            per_rule.update(fired(result, rulebook))
            per_profile[result.profile or ""] += 1
    rules = tuple(
        RuleUse(p.name, r.id, per_rule[(p.name, r.id)]) for p in checked for r in p.rules if r.profile == p.name
    )
    return Coverage(rules, {p.name: per_profile[p.name] for p in checked})
