"""The engine's one removal step: apply the union of all edits, and say who removed what."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from cleaner.edits import Edit
from cleaner.lines import Lines
from cleaner.trace import Removal


@dataclass(frozen=True)
class Capture:
    """A field value a rule captured, with the rule that captured it."""

    field: str
    value: str
    rule: str
    line: int


@dataclass(frozen=True)
class Swept:
    """Kept text, the trace of removed runs, and the captures in rule order."""

    text: str
    kept: tuple[int, ...]
    removed: tuple[Removal, ...]
    captures: tuple[Capture, ...]


def sweep(lines: Lines, edits: Iterable[Edit], rule_order: dict[str, int]) -> Swept:
    """Remove every line some edit covers; each removed line is credited to the first rule
    (in profile order, site rules first) that covers it."""
    owner: dict[int, Edit] = {}
    captures: list[tuple[int, int, Capture]] = []
    for edit in edits:
        rank = rule_order.get(edit.rule, len(rule_order))
        for field, value in edit.captures.items():
            captures.append((rank, edit.start, Capture(field, value, edit.rule, edit.start + 1)))
        if edit.keep:
            continue
        for i in range(edit.start, edit.end + 1):
            held = owner.get(i)
            if held is None or rank < rule_order.get(held.rule, len(rule_order)):
                owner[i] = edit
    kept = tuple(i for i in lines.nonblank if i not in owner)
    return Swept(
        text=join_kept(lines.texts, kept),
        kept=kept,
        removed=tuple(_runs(lines, owner)),
        captures=tuple(c for _, _, c in sorted(captures, key=lambda t: (t[0], t[1]))),
    )


def join_kept(texts: Sequence[str], kept: Sequence[int], apart: Collection[int] = ()) -> str:
    """Kept lines, a blank line between two that had one between them in the page (and after a
    line of `apart`); lines that stood together stay together when a line between them went."""
    out: list[str] = []
    for n, i in enumerate(kept):
        if n:
            before = kept[n - 1]
            blank = before in apart or any(not t.strip() for t in texts[before + 1 : i])
            out.append("\n\n" if blank else "\n")
        out.append(texts[i].rstrip())
    return "".join(out)


def _runs(lines: Lines, owner: dict[int, Edit]) -> Iterable[Removal]:
    """Removed non-blank lines grouped into runs of one rule (and reason), numbered from 1."""
    run: list[int] = []
    for i in lines.nonblank:
        edit = owner.get(i)
        if run and (edit is None or (edit.rule, edit.reason) != (owner[run[0]].rule, owner[run[0]].reason)):
            yield _entry(lines, owner[run[0]], run)
            run = []
        if edit is not None:
            run.append(i)
    if run:
        yield _entry(lines, owner[run[0]], run)


def _entry(lines: Lines, edit: Edit, run: list[int]) -> Removal:
    text = "\n".join(lines.texts[i] for i in run)
    return Removal(edit.rule, edit.profile, run[0] + 1, run[-1] + 1, text, edit.reason)
