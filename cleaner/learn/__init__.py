"""`cleaner learn`: a candidate site profile from many pages of one site.

learned = learn_profiles(pages)               # grouped by host, or all one site with site=
learned["example.com"].yaml                   # a valid, commented profile to review
learn_profiles(pages, unnamed=True)           # text dumps without a URL too, grouped by their chrome
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from tempfile import TemporaryDirectory

from lxml import html

from cleaner.document import Document
from cleaner.learn.blocks import Block, Marked, page_marks, repeated_blocks
from cleaner.learn.groups import Group, group_pages, page_key
from cleaner.learn.propose import (
    MIN_PAGES,
    MIN_SHARE,
    Proposal,
    fenced_cleanly,
    held_pages,
    measured,
    propose,
)
from cleaner.learn.writer import profile_yaml, write_profile
from cleaner.lines import Lines
from cleaner.page import Page
from cleaner.profiles import GENERIC, Rulebook, load_rulebook, profile_file
from cleaner.urls import host_of
from cleaner.web.metadata import page_url
from cleaner.web.parse import parse_html
from cleaner.web.textify import html_document

__all__ = ["Learned", "Sample", "learn_profiles", "learn_samples", "page_lines", "read_sample"]


@dataclass(frozen=True)
class Learned:
    """A learned profile: its site, the pages it came from, its rules and its YAML."""

    site: str
    pages: int
    proposals: list[Proposal]
    yaml: str
    blocks: list[Block] = field(default_factory=list)
    members: frozenset[str] = frozenset()  # a site without a URL: its pages' `page_key`s


@dataclass(frozen=True)
class Sample:
    """One page as learning reads it: the site it belongs to (its URL's host, the `site` named, or
    None), the lines its profile's rules would see, and its HTML blocks (HTML pages only). Pages
    are read one at a time (and anywhere: `learn_samples` needs only these), then let go."""

    host: str | None
    lines: list[str]
    marks: list[Marked] | None
    nameless: bool  # a text dump without a URL that no profile selects: grouped by its lines

    @property
    def key(self) -> str:
        return page_key(self.lines)


def read_sample(page: Page, rulebook: Rulebook, *, site: str | None = None) -> Sample:
    """What learning needs of one page: its site, its lines and its blocks."""
    root = parse_html(page.html) if page.html is not None else None
    marked = page_marks(root) if root is not None else None  # before page_lines prunes the tree
    lines, url = page_lines(page, rulebook, root)
    host = site or host_of(url).removeprefix("www.") if url else site
    nameless = not host and page.html is None and rulebook.select(Lines(tuple(lines))).name == GENERIC
    return Sample(host or None, lines, marked, nameless)


def learn_profiles(
    pages: Iterable[Page],
    *,
    site: str | None = None,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
    rulebook: Rulebook | None = None,
    unnamed: bool = False,
) -> dict[str, Learned]:
    """One learned profile per site (the pages' host, or `site` for all); each is checked to
    load as a valid profile before it is returned. With `unnamed`, text dumps without a URL are
    grouped by the chrome they share (`learn.groups`) and each group of `min_pages` or more is
    learned as a site named `unnamed-…`, its `members` the pages it holds."""
    book = rulebook or load_rulebook()
    samples = (read_sample(page, book, site=site) for page in pages)
    return learn_samples(samples, min_pages=min_pages, min_share=min_share, rulebook=book, unnamed=unnamed)


def learn_samples(
    samples: Iterable[Sample],
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
    rulebook: Rulebook | None = None,
    unnamed: bool = False,
) -> dict[str, Learned]:
    """`learn_profiles` from pages read already (`read_sample`), for instance elsewhere and
    brought together by site (`cleaner.distributed`).

    A page read again (the same lines, under another URL or none) counts once: copies of one page
    would make its article look like chrome that recurs. A page without a URL that a profile of
    `rulebook` selects by its first line belongs to that profile, not to a group."""
    book = rulebook or load_rulebook()
    groups: dict[str, list[list[str]]] = defaultdict(list)
    marks: dict[str, list[list[Marked]]] = defaultdict(list)
    nameless: list[list[str]] = []
    seen: dict[str | None, set[str]] = defaultdict(set)  # page keys read, by site (None: without a URL)
    for sample in samples:
        if (key := sample.key) in seen[sample.host]:
            continue
        seen[sample.host].add(key)
        if sample.host:
            groups[sample.host].append(sample.lines)
            if sample.marks is not None:
                marks[sample.host].append(sample.marks)
        elif unnamed and sample.nameless:
            nameless.append(sample.lines)
    learned = {
        host: _learned(host, site_pages, marks[host], book, min_pages, min_share)
        for host, site_pages in sorted(groups.items())
    }
    taken = set(book.profiles) | set(learned)
    for group in group_pages(nameless, book.get("_generic"), taken=taken):
        if len(group.members) >= max(min_pages, 2):
            site_pages = [nameless[m] for m in group.members]
            members = frozenset(page_key(lines) for lines in site_pages)
            one = _learned(group.name, site_pages, [], book, min_pages, min_share, group=group)
            learned[group.name] = replace(one, members=members)
    return learned


def _learned(
    site: str,
    pages: list[list[str]],
    marks: list[list[Marked]],
    book: Rulebook,
    min_pages: int,
    min_share: float,
    *,
    group: Group | None = None,
) -> Learned:
    """One site's profile from its pages' lines (and HTML blocks), validated; a `group` of pages
    without a URL is selected by the lines that tell its pages."""
    proposals = propose(pages, min_pages=min_pages, min_share=min_share)
    generic = {i: generic_removed(pages[i], book) for i in held_pages(len(pages))}
    proposals = measured(pages, proposals, generic, min_pages=min_pages, min_share=min_share)
    blocks = repeated_blocks(marks, min_pages=min_pages, min_share=min_share) if marks else []
    fenced = not marks and fenced_cleanly(pages, proposals)  # main-text runs on text only
    if group:  # selected by the lines that tell its pages
        text = profile_yaml(
            site,
            len(pages),
            proposals,
            blocks=blocks,
            fenced=fenced,
            shared=group.shared,
            marks=group.marks,
            at_least=group.at_least,
        )
    else:
        text = profile_yaml(site, len(pages), proposals, blocks=blocks, fenced=fenced)
    _validate(site, text, book)
    return Learned(site, len(pages), proposals, text, blocks)


def page_lines(page: Page, rulebook: Rulebook, root: html.HtmlElement | None = None) -> tuple[list[str], str | None]:
    """The non-blank lines the rules of a page's profile would see, and the page's URL."""
    if page.html is None:
        lines = Lines.from_text(page.text)
        return lines.nonblank_texts(), page.url
    root = parse_html(page.html) if root is None else root  # pruned in place: read it before
    url = page.url or page_url(root)
    doc: Document = html_document(root, page.html, url, rulebook.get("_generic"))
    return doc.lines.nonblank_texts(), url


def generic_removed(lines: list[str], rulebook: Rulebook) -> frozenset[int]:
    """The lines (indices) the generic path removes from a page of these non-blank lines."""
    from cleaner.engine import run_stages  # (engine imports what learn reads; learn is imported on demand)

    cleaned = run_stages(Page(source="learn", text="\n".join(lines)), rulebook, profile="_generic")
    return frozenset(i for run in cleaned.trace.removed for i in range(run.first - 1, run.last))


def _validate(site: str, text: str, rulebook: Rulebook) -> None:
    """Load the written profile with the real loader: a learned profile is always valid."""
    with TemporaryDirectory() as folder:
        write_profile(profile_file(folder, site), text)
        load_rulebook([folder, *rulebook.dirs[:-1]]).get(site)
