"""`clean`: one page through the numbered stages. Each stage is one call to its own module."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.confidence import confidence
from cleaner.edits import Edit
from cleaner.errors import PageError
from cleaner.extract import Fields, extract_fields
from cleaner.language import language_of
from cleaner.limits import DEFAULT_TIMEOUT, time_limit
from cleaner.lines import Lines
from cleaner.maintext import main_text_edits
from cleaner.markdown import render_markdown
from cleaner.page import Page
from cleaner.pages import RawPage
from cleaner.profiles import Profile, Rulebook
from cleaner.result import Result
from cleaner.sweep import Swept, claim, sweep
from cleaner.text_blocks import text_document
from cleaner.title_line import title_edit
from cleaner.trace import Trace
from cleaner.web.extraction import page_comments
from cleaner.web.metadata import page_url
from cleaner.web.parse import parse_page
from cleaner.web.textify import html_document


@dataclass(frozen=True)
class Cleaned:
    """One page through every stage: its record and what made it. `check`, `explain` and `learn`
    read this instead of running stages again (for HTML, that would extract the article twice)."""

    result: Result
    lines: Lines  # the lines the rules saw: the dump's own, or the text extracted from the HTML
    profile: Profile  # the profile that cleaned the page
    edits: tuple[Edit, ...]  # every rule's marks, the title's included
    swept: Swept  # what was kept and which rule removed each other line
    fields: Fields  # the metadata, with each field's source
    trace: Trace  # what the record's `trace` says, typed


def clean_page(
    page: Page, rulebook: Rulebook, *, profile: str | None = None, markdown: bool = False, comments: bool = False
) -> Result:
    """Clean one decoded page with the profile named, or the one the page selects; `markdown`
    adds the kept text as Markdown to the record, `comments` an HTML page's reader comments.

    Raises PageError for a page that cannot be cleaned; `clean_or_fail` turns that into a record.
    """
    return run_stages(page, rulebook, profile=profile, markdown=markdown, comments=comments).result


def run_stages(
    page: Page, rulebook: Rulebook, *, profile: str | None = None, markdown: bool = False, comments: bool = False
) -> Cleaned:
    """`clean_page`, keeping what every stage made."""
    parsed = parse_page(page.html) if page.html is not None else None  # 1. HTML: parse, safely
    root = parsed.root if parsed is not None else None
    url = page.url or (page_url(root) if root is not None else None)
    lines = Lines.from_text(page.text) if root is None else Lines(())
    chosen = rulebook.get(profile) if profile else rulebook.select(lines, url)  # 2. profile
    # 2b. reader comments, when asked: from the whole page, before a profile's prune takes them out of the text
    said = page_comments(root, url) if comments and root is not None else None
    doc = (  # 3. the text: the dump's own lines, or what the extractor reads from the HTML
        text_document(lines, url) if parsed is None else html_document(parsed.root, parsed.markup, url, chosen)
    )
    edits = [*mark(chosen, doc.lines)]  # 4. every rule marks lines, none removes
    if root is None:  # 4b. text dumps: the generic main-text stage marks what is not the article
        edits += main_text_edits(chosen.main_text, chosen.main_text_from, doc.lines, generic_edits(edits))
    order = {r.id: n for n, r in enumerate(chosen.rules)}
    claims = claim(doc.lines, edits, order)  # 5. which rule removes each line
    fields = extract_fields(chosen, doc, claims)  # 6. fields: site captures, then generic
    if extra := title_edit(doc.lines, claims, fields.title, chosen.name):  # 7. the title is a field
        edits.append(extra)
        claims = claims.plus(extra)
    swept = sweep(doc.lines, claims)  # 8. remove, once
    trace = Trace(dict(fields.sources), swept.removed, doc.pruned, doc.extractor)
    result = Result(  # 9. the record
        source=page.source,
        id=page.id,
        fetched=page.fetched,
        http_status=page.http_status,
        url=url,
        profile=chosen.name,
        title=fields.title,
        authors=tuple(fields.authors),
        email=fields.email,
        publisher=fields.publisher,
        date=fields.date,
        language=language_of(swept.text, declared=root.get("lang") if root is not None else None),
        text=swept.text,
        markdown=render_markdown(doc.lines, swept, doc.structured and doc.structured()) if markdown else None,
        comments=said,
        confidence=confidence(swept.text, doc.second_reader, doc.opinion),
        trace=trace.to_dict(),
    )
    return Cleaned(result, doc.lines, chosen, tuple(edits), swept, fields, trace)


OUT_OF_MEMORY = "too-large"  # the error kind of a page that needs more memory than the worker may take


def clean_or_fail(
    page: Page | RawPage,
    rulebook: Rulebook,
    *,
    profile: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    markdown: bool = False,
    comments: bool = False,
) -> Result:
    """`clean_page` within `timeout` seconds (decoding included, for a page not yet decoded),
    with a page that cannot be cleaned given as an error record that says why."""
    done = stages_or_fail(page, rulebook, profile=profile, timeout=timeout, markdown=markdown, comments=comments)
    return done.result if isinstance(done, Cleaned) else done


def stages_or_fail(
    page: Page | RawPage,
    rulebook: Rulebook,
    *,
    profile: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    markdown: bool = False,
    comments: bool = False,
) -> Cleaned | Result:
    """`run_stages` as `clean_or_fail` runs `clean_page`: what the stages made, or the error record."""
    try:
        with time_limit(timeout):
            decoded = page.decode() if isinstance(page, RawPage) else page
            return run_stages(decoded, rulebook, profile=profile, markdown=markdown, comments=comments)
    except PageError as exc:
        return Result.failed(page.source, exc.kind, str(exc), page.url, page.id)
    except MemoryError:
        return Result.failed(
            page.source, OUT_OF_MEMORY, "cleaning the page needs more memory than allowed", page.url, page.id
        )
    except RecursionError:
        return Result.failed(page.source, "too-deep", "the page nests too deeply to be read", page.url, page.id)
    except Exception as exc:  # noqa: BLE001 - a batch never dies on one page: the record says why
        return Result.failed(page.source, "internal", f"{type(exc).__name__}: {exc}", page.url, page.id)


def generic_edits(edits: list[Edit]) -> list[Edit]:
    """The edits of the shared profiles (`_base`, `_generic`): the page as the main-text stage
    should judge it. A site profile's own rules still remove their lines at the sweep, but the
    stage must not see the gaps they leave, or the article's span stretches over the chrome that
    stood beside the lines they took (measured on real multi-page sites, issue 15)."""
    return [edit for edit in edits if edit.profile.startswith("_")]


def mark(profile: Profile, lines: Lines) -> Iterable[Edit]:
    """All edits of all the profile's rules; their order does not matter."""
    for rule in profile.rules:
        yield from rule.kind.apply(rule.conf, lines)
