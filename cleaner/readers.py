"""Inputs to pages: files, folders (recursively), gzip, JSON Lines and WARC dumps, standard input.

Every input yields pages or error records, never an exception: a batch goes on past a bad file.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from cleaner.dumps.jsonl import JSONL_SUFFIXES, SNIFFED_SUFFIXES, Fields, is_jsonl, read_jsonl
from cleaner.dumps.opening import COMPRESSED_SUFFIXES, open_binary
from cleaner.dumps.warc import Skipped, is_warc, read_warc
from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.page import Page
from cleaner.pages import RawPage, raw_page, read_within
from cleaner.result import Result
from cleaner.web.sniff import HTML_SUFFIXES

#: Suffixes a folder walk picks up; a file named on the command line is read whatever its suffix.
PAGE_SUFFIXES = frozenset({".txt", ".text", *HTML_SUFFIXES, *JSONL_SUFFIXES, *SNIFFED_SUFFIXES, ".warc", ".arc"})
STDIN = "-"


def iter_pages(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    limits: Limits = Limits(),
    fields: Fields = Fields(),
    skipped: Skipped | None = None,
    url: str | None = None,
) -> Iterator[Page | Result]:
    """Pages of each input in order, decoded; unreadable ones become error records. WARC records
    that are not HTML responses are counted in `skipped`; `url` as in `iter_raw_pages`."""
    for item in iter_raw_pages(inputs, stdin=stdin, limits=limits, fields=fields, skipped=skipped, url=url):
        yield item if isinstance(item, Result) else decoded(item)


def decoded(raw: RawPage) -> Page | Result:
    """The page decoded, or the error record that says why it cannot be."""
    try:
        return raw.decode()
    except PageError as exc:
        return Result.failed(raw.source, exc.kind, str(exc), raw.url, raw.id)


def iter_raw_pages(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    limits: Limits = Limits(),
    fields: Fields = Fields(),
    skipped: Skipped | None = None,
    url: str | None = None,
) -> Iterator[RawPage | Result]:
    """`iter_pages` without decoding: the cleaning decodes each page within its time limit. Files
    a folder walk passes over are counted in `skipped` too. `url` is the URL of a page read from
    standard input or a file that is no dump, as if a dump had given it (`--url`; a dump's
    records and a folder's pages keep their own)."""
    named = iter_named_raw_pages(inputs, stdin=stdin, limits=limits, fields=fields, skipped=skipped, url=url)
    for _, item in named:
        yield item


def iter_named_raw_pages(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    limits: Limits = Limits(),
    fields: Fields = Fields(),
    skipped: Skipped | None = None,
    url: str | None = None,
) -> Iterator[tuple[str, RawPage | Result]]:
    """`iter_raw_pages`, each page with a name for a file of its own that mirrors its input (a
    relative POSIX path without a suffix, `cleaner.page_files`): a file's name without its page
    and compression suffixes (`story.html.gz` -> `story`), below a folder input its path in the
    folder (`2024/story`), a dump's record `<the dump's name>/<its number>` (`crawl.jsonl/000017`,
    the number its `source` ends in), standard input `stdin`."""
    for name in inputs:
        if name == STDIN:
            yield "stdin", _page("<stdin>", lambda: read_within(stdin or sys.stdin.buffer, limits), limits, url)
        elif not os.path.isdir(name):
            yield from _named(Path(name), PurePosixPath(Path(name).name), limits, fields, skipped, url)
        else:
            for path in walk_inputs(Path(name), skipped):
                if isinstance(path, Result):
                    yield page_name(PurePosixPath(os.path.relpath(path.source, name))), path
                else:
                    yield from _named(path, PurePosixPath(path.relative_to(name).as_posix()), limits, fields, skipped)


def _named(
    path: Path,
    relative: PurePosixPath,
    limits: Limits,
    fields: Fields,
    skipped: Skipped | None,
    url: str | None = None,
) -> Iterator[tuple[str, RawPage | Result]]:
    """The pages of the file `path` (`relative`: its place in the input) with their names."""
    if is_jsonl(path):
        records = read_jsonl(path, fields, limits)
    elif is_warc(path):
        records = read_warc(path, limits, skipped)
    else:
        yield page_name(relative), read_file(path, limits, url)
        return
    for position, item in enumerate(records, 1):
        number = item.source[len(str(path)) :]
        numbered = number[:1] in (":", "#") and number[1:].isdigit()
        yield f"{relative}/{int(number[1:]) if numbered else position:06d}", item


def page_name(relative: PurePosixPath) -> str:
    """`relative` without a compression suffix and then its page suffix (`a/story.html.gz` ->
    `a/story`); another suffix stays (`notes.dat`)."""
    text = str(relative)
    if packed := next((c for c in COMPRESSED_SUFFIXES if text.lower().endswith(c)), ""):
        text = text[: -len(packed)]
    kind = PurePosixPath(text.lower()).suffix
    return text[: -len(kind)] if kind in PAGE_SUFFIXES and kind != PurePosixPath(text).name else text


def walk(folder: Path) -> Iterator[Path]:
    """Page files below `folder`, sorted, hidden files and folders skipped."""
    for found in walk_inputs(folder):
        if isinstance(found, Path):
            yield found


def walk_inputs(folder: Path, skipped: Skipped | None = None) -> Iterator[Path | Result]:
    """`walk`, with a `read` error record for what it cannot read in place of it: a folder it may
    not open, and a FIFO, socket or device named like a page (reading one would hang the run).
    What it passes over is counted in `skipped`, for the run to say: a file of another kind (by
    its suffix) and a link to a folder (not followed: a link may loop). Hidden files and folders
    are passed over unsaid, as `ls` does."""
    skipped = skipped if skipped is not None else Skipped()
    problems: list[Result] = []

    def unreadable(error: OSError) -> None:
        problems.append(Result.failed(str(error.filename), "read", f"cannot read the folder: {error.strerror}"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        yield from problems
        problems.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for link in (d for d in dirs if os.path.islink(os.path.join(root, d))):
            skipped.add_file("folder link not followed", link)
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith("."):
                continue
            if (suffix := _kind_suffix(name)) not in PAGE_SUFFIXES:
                lower = name.lower()
                skipped.add_file("unknown suffix", lower[lower.rfind(suffix) :] if suffix else "no suffix")
                continue
            if _regular(path):
                yield path
            else:
                yield Result.failed(str(path), "read", "not a regular file (a FIFO, socket or device): not read")
    yield from problems


def _kind_suffix(name: str) -> str:
    """The suffix that says what a file holds, past a compression suffix: `.html` for `a.HTML.gz`."""
    lower = name.lower()
    return Path(next((lower[: -len(c)] for c in COMPRESSED_SUFFIXES if lower.endswith(c)), lower)).suffix


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True  # gone or unreadable: reading it says why


def read_file(path: Path, limits: Limits = Limits(), url: str | None = None) -> RawPage | Result:
    """One file as a page (inflated when it ends in .gz or .zst), or an error record; `url`: the
    page's URL, when the caller knows it.

    No more than the size limit is read: a file's own size is checked first, and what has no size
    to check (a device such as /dev/zero or a pipe named as input, a member as it inflates) is
    read up to the limit only."""

    def load() -> bytes:
        if path.suffix not in COMPRESSED_SUFFIXES:
            limits.check_size(path.stat().st_size)
        with open_binary(path) as handle:
            return read_within(handle, limits)

    return _page(str(path), load, limits, url)


def _page(source: str, load: Callable[[], bytes], limits: Limits, url: str | None = None) -> RawPage | Result:
    try:
        return raw_page(source, load(), url, limits=limits)
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc), url)
    except FileNotFoundError:
        return Result.failed(source, "read", "no such file or folder", url)
    except (OSError, EOFError, zlib.error) as exc:
        return Result.failed(source, "read", f"cannot read: {exc}", url)


def count_pages(inputs: Sequence[str]) -> int | None:
    """How many pages the inputs hold, when that is known without reading them: files and
    folders of single pages (a dump or standard input makes it unknown)."""
    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        for path in walk_inputs(Path(name)) if os.path.isdir(name) else [Path(name)]:
            if isinstance(path, Path) and (is_jsonl(path) or is_warc(path)):
                return None
            total += 1
    return total
