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
from cleaner.page import Page
from cleaner.result import Result
from cleaner.web.decode import decode_html
from cleaner.web.sniff import HTML_SUFFIXES, looks_like_html

#: Suffixes a folder walk picks up; a file named on the command line is read whatever its suffix.
PAGE_SUFFIXES = frozenset({".txt", ".text", *HTML_SUFFIXES})
STDIN = "-"


def iter_pages(inputs: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[Page | Result]:
    """Pages of each input in order; unreadable ones become error records."""
    for name in inputs:
        if name == STDIN:
            yield _page("<stdin>", lambda: (stdin or sys.stdin.buffer).read())
        elif os.path.isdir(name):
            for path in walk(Path(name)):
                yield read_file(path)
        else:
            yield read_file(Path(name))


def walk(folder: Path) -> Iterator[Path]:
    """Page files below `folder`, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            suffix = Path(name[:-3]).suffix if name.endswith(".gz") else path.suffix
            if not name.startswith(".") and suffix.lower() in PAGE_SUFFIXES:
                yield path


def read_file(path: Path) -> Page | Result:
    """One file as a page (gunzipped when it ends in .gz), or an error record."""

    def load() -> bytes:
        if path.suffix == ".gz":
            with gzip.open(path) as handle:
                return handle.read()
        return path.read_bytes()

    return _page(str(path), load)


def make_page(source: str, content: bytes | str, url: str | None = None) -> Page:
    """A page from raw content: HTML when its markup says so (whatever the file is called), else text.

    Raises PageError when the content is empty, binary or undecodable.
    """
    if looks_like_html(content):
        markup = content if isinstance(content, str) else decode_html(content)
        return Page(source=source, html=markup, url=url)
    text = content if isinstance(content, str) else decode(content)
    if not text.strip():
        raise PageError("empty", "the page is empty")
    return Page(source=source, text=text, url=url)


def _page(source: str, load) -> Page | Result:
    try:
        return make_page(source, load())
    except PageError as exc:
        return Result.failed(source, exc.kind, str(exc))
    except FileNotFoundError:
        return Result.failed(source, "read", "no such file or folder")
    except (OSError, EOFError, zlib.error) as exc:
        return Result.failed(source, "read", f"cannot read: {exc}")
