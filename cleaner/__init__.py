"""cleaner: strip the chrome from scraped news pages and keep the article and its metadata.

>>> import cleaner
>>> result = cleaner.clean(text)            # or clean(text, url=..., profile=...)
>>> result.to_dict()["author"]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from cleaner.engine import clean_or_fail
from cleaner.errors import CleanerError, PageError, ProfileError
from cleaner.limits import Limits
from cleaner.page import Page
from cleaner.pages import raw_page
from cleaner.profiles import Rulebook, load_rulebook
from cleaner.readers import iter_pages
from cleaner.result import Result

__all__ = [
    "__version__",
    "CleanerError",
    "Limits",
    "Page",
    "PageError",
    "ProfileError",
    "Result",
    "Rulebook",
    "clean",
    "clean_file",
    "load_rulebook",
]

try:
    __version__ = version("cleaner")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"


@cache
def _bundled() -> Rulebook:
    """The bundled profiles, loaded once per process (immutable once loaded)."""
    return load_rulebook()


def clean(
    content: str | bytes,
    *,
    url: str | None = None,
    profile: str | None = None,
    rules: Rulebook | None = None,
    source: str = "<string>",
    limits: Limits = Limits(),
    markdown: bool = False,
    comments: bool = False,
) -> Result:
    """Clean one page, text dump or HTML (bytes are decoded). A page that cannot be cleaned
    gives a Result whose `error` says why; a bad profile name raises ProfileError. `markdown`
    adds `Result.markdown`: the kept text with its headings, lists, tables and code blocks;
    `comments` adds an HTML page's reader comments as `Result.comments` (the text stays as it is)."""
    book = rules or _bundled()
    if profile:
        book.get(profile)
    try:
        page = raw_page(source, content, url, limits)  # decoded by clean_or_fail, within the time limit
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc), url)
    return clean_or_fail(page, book, profile=profile, timeout=limits.timeout, markdown=markdown, comments=comments)


def clean_file(
    path: str | Path, *, profile: str | None = None, rules: Rulebook | None = None, limits: Limits = Limits()
) -> Iterator[Result]:
    """Clean a file or, recursively, a folder: one Result per page, in order."""
    book = rules or _bundled()
    if profile:
        book.get(profile)
    for item in iter_pages([str(path)], limits=limits):
        yield item if isinstance(item, Result) else clean_or_fail(item, book, profile=profile, timeout=limits.timeout)
