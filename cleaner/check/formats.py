"""`cleaner check` output: `text` for people, `github` workflow annotations (plus the text), `json` for tools."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cleaner import exit_codes
from cleaner.check.diff import Blame, Changes, FieldChange, LineChange
from cleaner.check.locate import Locator, Place, display
from cleaner.check.runner import Drift, Report

FORMATS = ("text", "json", "github")
_WIDTH = 110


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n"
    text = "\n".join(text_lines(report)) + "\n"
    return ("\n".join(github_annotations(report)) + "\n" + text) if fmt == "github" else text


# -- text ---------------------------------------------------------------------------------------


def text_lines(report: Report) -> Iterator[str]:
    for error in report.profile_errors:
        yield f"BAD PROFILE {error}"
    if report.profile_errors:
        yield f"{len(report.profile_errors)} bad profile(s): nothing else checked."
        return
    for failure in report.failures:
        where = f" ({failure.place})" if failure.place else ""
        yield f"FAIL {failure.profile} test{where}: {failure.sample}: {failure.message}"
    for skipped in report.not_run:
        where = f" ({skipped.place})" if skipped.place else ""
        yield f"SKIP {skipped.profile} test{where}: {skipped.sample}: not run: {skipped.reason}"
    for note in report.notes:
        yield f"NOTE {note}"
    for drift in report.drift:
        yield from drift_lines(drift, report.locator)
    for orphan in report.orphans:
        yield f"ORPHAN {orphan}: a golden file with no sample"
    for golden, *samples in report.collisions:
        names = ", ".join(report.locator.display(s) if report.locator else str(s) for s in samples)
        yield f"CLASH {golden}: one golden file for several samples ({names}); only the first is compared"
    yield from _coverage_lines(report)
    yield _summary(report)


def drift_lines(drift: Drift, locator: Locator | None) -> Iterator[str]:
    """One sample's drift as people read it: fields, then paragraphs lost and gained, with the rule."""
    state = "UPDATED" if drift.updated else "DRIFT"
    if drift.missing:
        yield f"{state} {drift.sample}: no golden file {drift.golden}" + (" (written)" if drift.updated else "")
        return
    yield f"{state} {drift.sample} (golden {drift.golden})"
    yield from describe(drift.changes, locator)


def describe(changes: Changes, locator: Locator | None) -> Iterator[str]:
    for change in changes.fields:
        yield f"    field {_field(change)}"
    for line in changes.lines:
        yield from _line(line, locator)
    for other in changes.other:
        yield f"    {other}"


def _field(change: FieldChange) -> str:
    out = f"{change.field}: {change.old!r} -> {change.new!r}"
    if change.old_source != change.new_source:
        out += f"  (source: {change.old_source or 'none'} -> {change.new_source or 'none'})"
    elif change.new_source:
        out += f"  (from {change.new_source})"
    return out


def _line(change: LineChange, locator: Locator | None) -> Iterator[str]:
    mark = {"lost": "-", "gained": "+", "moved": "~"}[change.change]
    yield f"  {mark} {change.change}: {_short(change.text)!r}"
    if change.change == "lost":
        why = f"now removed by rule {_rule(change.blame, locator)}" if change.blame else "no longer in the page"
    elif change.change == "gained":
        why = f"no longer removed by rule {_rule(change.was, locator)}" if change.was else "new in the page"
    else:
        why = f"now removed by rule {_rule(change.blame, locator)}, was by {_rule(change.was, locator)}"
    yield f"        {why}"


def _rule(blame: Blame | None, locator: Locator | None) -> str:
    if blame is None:
        return "?"
    if locator is None:
        return str(blame)
    if not locator.has_rule(blame.profile, blame.rule):
        return f"{blame} (no such rule now)"
    place = locator.rule(blame.profile, blame.rule)
    return f"{blame} at {place}" if place else str(blame)


def _short(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def _coverage_lines(report: Report) -> Iterator[str]:
    cov = report.coverage
    if cov is None:
        yield "coverage: not measured, no sample was cleaned"
        return
    fired = sum(1 for use in cov.rules if use.samples)
    yield f"coverage: {fired} of {len(cov.rules)} rules fired on some sample"
    for use in cov.dead:
        place = report.locator.rule(use.profile, use.rule) if report.locator else None
        yield (
            f"  DEAD RULE {use.profile}/{use.rule}"
            + (f" ({place})" if place else "")
            + ": matched no line of any sample"
        )
    for use in cov.shadowed:
        place = report.locator.rule(use.profile, use.rule) if report.locator else None
        yield (
            f"  SHADOWED {use.profile}/{use.rule}"
            + (f" ({place})" if place else "")
            + f": matched lines on {use.matched} sample(s), but earlier rules removed them all"
        )
    for name in cov.unsampled:
        place = report.locator.key(name, ()) if report.locator else None
        yield f"  NO SAMPLE profile {name}" + (f" ({place.file})" if place else "") + ": no sample selects it"


def _summary(report: Report) -> str:
    drifted = [d for d in report.drift if not d.updated]
    updated = [d for d in report.drift if d.updated]
    parts = [
        f"{report.profiles} profiles",
        f"{report.tests} tests ({len(report.failures)} failed)"
        + (f", {len(report.not_run)} tests not run" if report.not_run else ""),
        f"{report.samples} samples ({len(drifted)} drifted"
        + (f", {len(updated)} golden files rewritten" if updated else "")
        + ")",
    ]
    verdict = "ok" if report.exit_code == exit_codes.OK else "FAILED"
    hint = "; review the rewritten golden files with git diff" if updated else ""
    hint += "; run with --update to accept the new output" if drifted else ""
    return f"cleaner check: {verdict}: " + ", ".join(parts) + hint


# -- github -------------------------------------------------------------------------------------


def github_annotations(report: Report) -> Iterator[str]:
    """GitHub workflow commands: errors and warnings at the profile line to look at."""
    for error in report.profile_errors:
        message = f"{error.key}: {error.detail}" if error.key else error.detail
        yield _annotation("error", Place(display(error.file, report.root), error.line), message)
    for failure in report.failures:
        yield _annotation("error", failure.place, f"profile test {failure.sample}: {failure.message}")
    for skipped in report.not_run:
        yield _annotation("notice", skipped.place, f"profile test {skipped.sample} not run: {skipped.reason}")
    for drift in report.drift:
        yield from _drift_annotations(drift, report.locator)
    for orphan in report.orphans:
        yield _annotation("error", Place(orphan), "golden file with no sample")
    for golden, *samples in report.collisions:
        yield _annotation("error", Place(str(golden)), f"one golden file for {len(samples)} samples: rename one")
    cov = report.coverage
    for use in cov.dead if cov else ():
        place = report.locator.rule(use.profile, use.rule) if report.locator else None
        yield _annotation("warning", place, f"rule {use.rule!r} of {use.profile} matched no line of any sample")
    for name in cov.unsampled if cov else ():
        place = report.locator.key(name, ()) if report.locator else None
        yield _annotation("warning", place and Place(place.file, 1), f"profile {name} has no sample")


def _drift_annotations(drift: Drift, locator: Locator | None) -> Iterator[str]:
    level = "warning" if drift.updated else "error"
    prefix = f"{drift.sample}: " + ("golden file rewritten: " if drift.updated else "")
    if drift.missing:
        yield _annotation(level, Place(drift.sample), prefix + "no golden file")
        return
    for line in drift.changes.lines:
        blame = line.blame if line.change != "gained" else line.was
        place = locator.rule(blame.profile, blame.rule) if blame and locator else None
        verb = {"lost": "now removes", "gained": "no longer removes", "moved": "now removes"}[line.change]
        what = f"rule {blame.rule} {verb} {_short(line.text)!r}" if blame else f"{line.change} {_short(line.text)!r}"
        yield _annotation(level, place or Place(drift.golden), prefix + what)
    for change in drift.changes.fields:
        yield _annotation(level, Place(drift.golden), prefix + "field " + _field(change))
    for other in drift.changes.other:
        yield _annotation(level, Place(drift.golden), prefix + other)


def _annotation(level: str, place: Place | None, message: str) -> str:
    props = ""
    if place is not None:
        props = f" file={_escape(place.file, True)}" + (f",line={place.line}" if place.line else "")
    return f"::{level}{props}::{_escape(message)}"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


# -- json ---------------------------------------------------------------------------------------


def as_json(report: Report) -> dict[str, Any]:
    cov = report.coverage
    return {
        "exit": report.exit_code,
        "profile_errors": [
            {"file": e.file, "line": e.line, "key": e.key, "message": e.detail} for e in report.profile_errors
        ],
        "tests": {
            "run": report.tests,
            "failed": [
                _place_dict(f.place) | {"profile": f.profile, "sample": f.sample, "message": f.message}
                for f in report.failures
            ],
            "not_run": [
                _place_dict(n.place) | {"profile": n.profile, "sample": n.sample, "reason": n.reason}
                for n in report.not_run
            ],
        },
        "notes": report.notes,
        "samples": report.samples,
        "drift": [_drift_json(d, report.locator) for d in report.drift],
        "orphans": report.orphans,
        "collisions": [{"golden": g, "samples": [str(s) for s in rest]} for g, *rest in report.collisions],
        "coverage": None
        if cov is None
        else {
            "rules": [
                {"profile": u.profile, "rule": u.rule, "samples": u.samples, "matched": u.matched} for u in cov.rules
            ],
            "dead": [f"{u.profile}/{u.rule}" for u in cov.dead],
            "shadowed": [f"{u.profile}/{u.rule}" for u in cov.shadowed],
            "profiles": cov.profiles,
            "unsampled": cov.unsampled,
        },
    }


def _drift_json(drift: Drift, locator: Locator | None) -> dict[str, Any]:
    def blame(b: Blame | None) -> dict[str, Any] | None:
        if b is None:
            return None
        place = locator.rule(b.profile, b.rule) if locator else None
        return {"rule": b.rule, "profile": b.profile, "reason": b.reason} | _place_dict(place)

    return {
        "sample": drift.sample,
        "golden": drift.golden,
        "missing": drift.missing,
        "updated": drift.updated,
        "fields": [vars(c) for c in drift.changes.fields],
        "lines": [
            {"change": c.change, "text": c.text, "now": blame(c.blame), "was": blame(c.was)}
            for c in drift.changes.lines
        ],
        "other": drift.changes.other,
    }


def _place_dict(place: Place | None) -> dict[str, Any]:
    return {"file": place.file, "line": place.line} if place else {"file": None, "line": None}
