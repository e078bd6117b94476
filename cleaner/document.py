"""A page made ready for the rules: its lines, its URL, and what its markup said about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.lines import Lines
from cleaner.trace import Pruned

#: field -> candidate values in order of trust, each with the name of where it came from.
Candidates = dict[str, list[tuple[str, str]]]


@dataclass(frozen=True)
class Document:
    """Text lines for the rules; for HTML pages also the metadata candidates and what was pruned."""

    lines: Lines
    url: str | None = None
    metadata: Candidates = field(default_factory=dict)
    pruned: tuple[Pruned, ...] = ()  # what a profile's html.prune removed
    from_markup: bool = False  # lines extracted from HTML, not a text dump (which opens with the <title>)
    extractor: str | None = None  # which extractor gave an HTML page's lines (None: a profile's html.body)
    second_reader: str | None = None  # another extractor's main text of an HTML page (see cleaner.confidence)
    opinion: int = 0  # opinions the HTML text took: 0 the first answer stood (cleaner.web.extraction)
    structured: Callable[[], str | None] | None = None  # the extractor's Markdown of `lines` (cleaner.markdown)
    # trafilatura's byline search on an HTML page whose own sources named nobody: asked only when
    # the author steps before it found no one (cleaner.extract), as it costs 5 ms a page
    guessed_author: Callable[[], str | None] | None = None
