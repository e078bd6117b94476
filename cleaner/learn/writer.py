"""A learned profile as YAML a person can review: every rule with its evidence as a comment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cleaner.learn.blocks import Block
from cleaner.learn.propose import EDGE, Proposal, rule_id
from cleaner.learn.shapes import pattern_of, readable
from cleaner.yaml_text import comment_text, scalar


def write_profile(path: Path, text: str) -> Path:
    """Write a learned profile's text to `path` (`cleaner.profiles.profile_file`: a learned profile
    is named by its site), its folder made if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def profile_yaml(
    site: str,
    pages: int,
    proposals: Sequence[Proposal],
    *,
    blocks: Sequence[Block] = (),
    base: str = "_generic",
    fenced: bool = False,
    shared: Sequence[str] | None = None,
    marks: Sequence[str] = (),
    at_least: int = 1,
) -> str:
    """The profile's text: header, match, and one commented rule per proposal. With `shared` (the
    lines that made pages without a URL one site), its pages are selected by `marks` instead of a
    domain (`match.lines`: `at_least` of them)."""
    lines = [
        f"# Learned by `cleaner learn` from {pages} page(s) of {site}: the lines below recur across its",
        "# pages in stable places. Review each rule (its evidence is above it), then check the folder that",
        "# holds this file: `cleaner check --rules FOLDER`.",
        f"profile: {site}",
        f"extends: {base}",
        "match:",
        f"  domains: [{scalar(site)}]",
    ]
    if shared is not None:
        told = ", ".join(scalar(comment_text(readable(line)[:60])) for line in shared[:3])
        lines[:3] = [
            f"# Learned by `cleaner clean --learn` from {pages} pages without a URL, one site by the head and",
            f"# tail lines they share: {told}.",
            "# Text dumps are selected by `match.lines` below; add `domains: [...]` once the site is known.",
            "# Review each rule (its evidence is above it).",
        ]
        del lines[-2:]
        lines += _match_lines(marks, at_least)
    if blocks:
        lines.append("html:\n  prune:")
        for block in blocks:
            example = scalar(comment_text(block.example))
            lines += [
                f"    # the same text on {block.pages} of {pages} pages ({block.share:.0%}): {example}",
                f"    - {scalar(block.selector)}",
            ]
    if fenced:
        lines += [
            "# On the site's pages the two cuts below leave the article alone: what the generic main-text",
            "# stage would still drop there is article (short lines, lists), not chrome.",
            "main-text:",
            "  enabled: false",
        ]
    if not proposals:
        lines += ["# nothing recurs on enough pages to be proposed", "rules: {}"]
        return "\n".join(lines) + "\n"
    lines.append("rules:")
    taken: set[str] = set()
    for proposal in proposals:
        examples = " | ".join(scalar(comment_text(e[:80])) for e in proposal.examples)
        measured = ""
        if proposal.precision is not None:
            measured = f"; precision {proposal.precision:.2f} on {proposal.held} held pages"
        lines += [
            f"  # on {proposal.pages} of {pages} pages ({proposal.share:.0%}), {proposal.where}{measured}; "
            f"e.g. {examples}",
            f"  {rule_id(proposal, taken)}:",
            f"    kind: {proposal.kind}",
        ]
        if proposal.scope != "anywhere":
            lines += [f"    scope: {proposal.scope}", f"    window: {proposal.window}"]
        elif proposal.kind != "drop-line":
            lines += ["    scope: anywhere"]
        lines.append(_matched_by(proposal))
    return "\n".join(lines) + "\n"


def _matched_by(proposal: Proposal) -> str:
    """The rule's `text` (its literal line) or, where the line varies, its `pattern`."""
    if proposal.text:
        return f"    text: [{scalar(proposal.text)}]"
    assert proposal.pattern is not None  # a proposal has one or the other
    return f"    pattern: {scalar(proposal.pattern)}"


def _match_lines(marks: Sequence[str], at_least: int) -> list[str]:
    """`match.lines` for the lines that tell a group's pages (too few: no page can be told, so
    none is selected; the rules stay for review)."""
    if len(marks) < at_least:
        return ["# no lines tell this site's pages from others': add `match: {domains: [...]}` to use it"]
    return [
        "match:",
        "  lines:  # its head and tail lines that other sites do not share",
        f"    at-least: {at_least}",
        f"    within: {EDGE}",
        "    patterns:",
        *(f"      - {scalar(pattern_of(mark))}" for mark in marks),
    ]
