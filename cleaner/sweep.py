"""The engine's one removal step: apply the union of all edits, and say who removed what."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
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
class Claims:
    """Which edit removes each line (the first rule, in profile order, that covers it), the lines
    no edit removes, and the captures in rule order: what the fields and the title line are read
    from before anything is removed, so that the sweep runs once, after them."""

    owner: Mapping[int, Edit]
    kept: tuple[int, ...]
    captures: tuple[Capture, ...]

    def plus(self, edit: Edit) -> Claims:
        """These claims and one more edit that captures nothing and takes only kept lines (the
        title line, `cleaner.title_line`)."""
        taken = range(edit.start, edit.end + 1)
        assert not edit.captures and not any(i in self.owner for i in taken), "only kept lines, no captures"
        owner = {**self.owner, **dict.fromkeys(taken, edit)}
        return Claims(owner, tuple(i for i in self.kept if i not in owner), self.captures)


@dataclass(frozen=True)
class Swept:
    """The kept text, the kept lines, and the trace of removed runs."""

    text: str
    kept: tuple[int, ...]
    removed: tuple[Removal, ...]


def claim(lines: Lines, edits: Iterable[Edit], rule_order: dict[str, int]) -> Claims:
    """Each line some edit covers is credited to the first rule (in profile order, site rules
    first) that covers it; `keep` edits capture fields without removing anything."""
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
    return Claims(owner, kept, tuple(c for _, _, c in sorted(captures, key=lambda t: (t[0], t[1]))))


def sweep(lines: Lines, claims: Claims) -> Swept:
    """Remove every claimed line: the engine's one removal step, and who removed what."""
    return Swept(join_kept(lines.texts, claims.kept), claims.kept, tuple(_runs(lines, claims.owner)))


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


def _runs(lines: Lines, owner: Mapping[int, Edit]) -> Iterable[Removal]:
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
