"""Inputs to pages: files, folders (recursively), gzip, standard input.

Every input yields pages or error records, never an exception: a batch goes on past a bad file.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from cleaner.decoding import decode
from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.page import Page
from cleaner.result import Result
from cleaner.web.decode import decode_html
from cleaner.web.sniff import HTML_SUFFIXES, looks_like_html

#: Suffixes a folder walk picks up; a file named on the command line is read whatever its suffix.
PAGE_SUFFIXES = frozenset({".txt", ".text", *HTML_SUFFIXES})
STDIN = "-"


def iter_pages(
    inputs: Sequence[str], *, stdin: BinaryIO | None = None, limits: Limits = Limits()
) -> Iterator[Page | Result]:
    """Pages of each input in order; unreadable ones become error records."""
    for name in inputs:
        if name == STDIN:
            yield _page("<stdin>", lambda: (stdin or sys.stdin.buffer).read(), limits)
        elif os.path.isdir(name):
            for path in walk(Path(name)):
                yield read_file(path, limits)
        else:
            yield read_file(Path(name), limits)


def walk(folder: Path) -> Iterator[Path]:
    """Page files below `folder`, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            suffix = Path(name[:-3]).suffix if name.endswith(".gz") else path.suffix
            if not name.startswith(".") and suffix.lower() in PAGE_SUFFIXES:
                yield path


def read_file(path: Path, limits: Limits = Limits()) -> Page | Result:
    """One file as a page (gunzipped when it ends in .gz), or an error record."""

    def load() -> bytes:
        if path.suffix == ".gz":
            with gzip.open(path) as handle:
                return handle.read(limits.max_bytes + 1 if limits.max_bytes else -1)
        limits.check_size(path.stat().st_size)
        return path.read_bytes()

    return _page(str(path), load, limits)


def make_page(source: str, content: bytes | str, url: str | None = None, limits: Limits = Limits()) -> Page:
    """A page from raw content: HTML when its markup says so (whatever the file is called), else text.

    Raises PageError when the content is empty, binary, undecodable or over the size limit.
    """
    limits.check_size(len(content))
    if looks_like_html(content):
        markup = content if isinstance(content, str) else decode_html(content)
        return Page(source=source, html=markup, url=url)
    text = content if isinstance(content, str) else decode(content)
    if not text.strip():
        raise PageError("empty", "the page is empty")
    return Page(source=source, text=text, url=url)


def _page(source: str, load, limits: Limits) -> Page | Result:
    try:
        return make_page(source, load(), limits=limits)
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc))
    except FileNotFoundError:
        return Result.failed(source, "read", "no such file or folder")
    except (OSError, EOFError, zlib.error) as exc:
        return Result.failed(source, "read", f"cannot read: {exc}")
