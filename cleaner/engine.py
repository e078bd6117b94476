"""`clean`: one page through the numbered stages. Each stage is one call to its own module."""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.edits import Edit
from cleaner.extract import extract_fields
from cleaner.lines import Lines
from cleaner.page import Page
from cleaner.profiles import Profile, Rulebook
from cleaner.result import Result
from cleaner.sweep import sweep


def clean_page(page: Page, rulebook: Rulebook, *, profile: str | None = None) -> Result:
    """Clean one decoded page with the profile named, or the one the page selects."""
    lines = Lines.from_text(page.text)  # 1. the page as numbered lines
    chosen = rulebook.get(profile) if profile else rulebook.select(lines, page.url)  # 2. profile
    edits = mark(chosen, lines)  # 3. every rule marks lines, none removes
    swept = sweep(lines, edits, {r.id: n for n, r in enumerate(chosen.rules)})  # 4. remove
    fields = extract_fields(chosen, lines, swept)  # 5. fields: site captures, then generic
    return Result(  # 6. the record
        source=page.source,
        url=page.url,
        profile=chosen.name,
        title=fields.title,
        authors=tuple(fields.authors),
        email=fields.email,
        publisher=fields.publisher,
        date=fields.date,
        text=swept.text,
        trace={"fields": fields.sources, "removed": list(swept.removed)},
    )


def mark(profile: Profile, lines: Lines) -> Iterable[Edit]:
    """All edits of all the profile's rules; their order does not matter."""
    for rule in profile.rules:
        yield from rule.kind.apply(rule.conf, lines)
