"""`cleaner learn`: a candidate site profile from many pages of one site.

learned = learn_profiles(pages)               # grouped by host, or all one site with site=
learned["example.com"].yaml                   # a valid, commented profile to review
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

from lxml import html

from cleaner.document import Document
from cleaner.learn.blocks import Block, Marked, page_marks, repeated_blocks
from cleaner.learn.propose import MIN_PAGES, MIN_SHARE, Proposal, fenced_cleanly, propose
from cleaner.learn.writer import profile_yaml
from cleaner.lines import Lines
from cleaner.page import Page
from cleaner.pages import host_of
from cleaner.profiles import Rulebook, load_rulebook
from cleaner.web.metadata import page_url
from cleaner.web.parse import parse_html
from cleaner.web.textify import html_document

__all__ = ["Learned", "learn_profiles", "page_lines"]


@dataclass(frozen=True)
class Learned:
    """A learned profile: its site, the pages it came from, its rules and its YAML."""

    site: str
    pages: int
    proposals: list[Proposal]
    yaml: str
    blocks: list[Block] = field(default_factory=list)


def learn_profiles(
    pages: Iterable[Page],
    *,
    site: str | None = None,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
    rulebook: Rulebook | None = None,
) -> dict[str, Learned]:
    """One learned profile per site (the pages' host, or `site` for all); each is checked to
    load as a valid profile before it is returned."""
    book = rulebook or load_rulebook()
    groups: dict[str, list[list[str]]] = defaultdict(list)
    marks: dict[str, list[list[Marked]]] = defaultdict(list)  # not the trees: a page is parsed, read, let go
    for page in pages:
        root = parse_html(page.html) if page.html is not None else None
        marked = page_marks(root) if root is not None else None
        lines, url = page_lines(page, book, root)
        host = site or host_of(url).removeprefix("www.") if url else site
        if host:
            groups[host].append(lines)
            if marked is not None:
                marks[host].append(marked)
    learned = {}
    for host, site_pages in sorted(groups.items()):
        proposals = propose(site_pages, min_pages=min_pages, min_share=min_share)
        blocks = repeated_blocks(marks[host], min_pages=min_pages, min_share=min_share) if marks[host] else []
        fenced = not marks[host] and fenced_cleanly(site_pages, proposals)  # main-text runs on text only
        text = profile_yaml(host, len(site_pages), proposals, blocks=blocks, fenced=fenced)
        _validate(host, text, book)
        learned[host] = Learned(host, len(site_pages), proposals, text, blocks)
    return learned


def page_lines(page: Page, rulebook: Rulebook, root: html.HtmlElement | None = None) -> tuple[list[str], str | None]:
    """The non-blank lines the rules of a page's profile would see, and the page's URL."""
    if page.html is None:
        lines = Lines.from_text(page.text)
        return [lines.texts[i] for i in lines.nonblank], page.url
    root = parse_html(page.html) if root is None else root  # pruned in place: read it before
    url = page.url or page_url(root)
    doc: Document = html_document(root, page.html, url, rulebook.get("_generic"))
    return [doc.lines.texts[i] for i in doc.lines.nonblank], url


def _validate(site: str, text: str, rulebook: Rulebook) -> None:
    """Load the written profile with the real loader: a learned profile is always valid."""
    with TemporaryDirectory() as folder:
        Path(folder, f"{site}.yaml").write_text(text, encoding="utf-8")
        load_rulebook([folder, *rulebook.dirs[:-1]]).get(site)
