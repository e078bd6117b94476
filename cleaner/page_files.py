"""One file per page in a folder (`cleaner clean --output-dir DIR`), named after the page's input.

A page's name mirrors where it came from (`readers.iter_named_raw_pages`): `story.html` ->
`story.json` (or `.md`, `.txt` by the format), a folder input's `2024/story.txt` ->
`2024/story.json`, record 17 of `crawl.jsonl` -> `crawl.jsonl/000017.json`, standard input ->
`stdin.json`. A page that failed is `<name>.error.json`, its error record: never skipped.

Nothing the user did not name is overwritten: the folder must be new or empty, unless `--force`
allows replacing the files of the same names (others stay). Within a run, two pages that would
share a name (`a.txt` and `a.html`) never share a file: the later one is `a-2`. Each file is
written whole or not at all (a half file beside it, renamed into place).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from cleaner.output import document, output_clash, write_whole
from cleaner.result import Result

SUFFIXES = {"json": ".json", "markdown": ".md", "text": ".txt"}
ERROR_SUFFIX = ".error.json"


def folder_problem(folder: str, inputs: Sequence[str], *, force: bool) -> str | None:
    """Why the pages must not be written into `folder` (found before any page is read), or None:
    it is an input or lies in an input folder (a later run would clean it), it is a file, it
    holds files and `force` was not given, or it holds an input (a page would replace it)."""
    path = Path(folder)
    if clash := output_clash(folder, inputs):
        return f"--output-dir {folder} {clash}: name another folder"
    if path.exists() and not path.is_dir():
        return f"--output-dir {folder} is not a folder"
    if not path.is_dir():
        return None  # made when the run starts
    try:
        held = any(path.iterdir())
    except OSError as exc:
        return f"--output-dir {folder}: cannot read the folder: {exc.strerror or exc}"
    if held and not force:
        return f"--output-dir {folder} is not empty: name a new or empty folder, or give --force to replace its files"
    inside = [name for name in inputs if name != "-" and path.resolve() in Path(name).resolve().parents]
    if inside:
        return f"--output-dir {folder} holds the input {inside[0]}: name another folder"
    return None


class PageFiles:
    """Writes each page as a file of its own into `folder` (made if need be), in `fmt` (`json`,
    `markdown`, `text`) with the trace as `trace` says (`output.record`); an existing file is
    replaced only when `force`."""

    def __init__(self, folder: Path, *, fmt: str, trace: str = "full", force: bool = False) -> None:
        if fmt not in SUFFIXES:
            raise ValueError(f"--output-dir writes {', '.join(SUFFIXES)} files, not {fmt}")
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.fmt, self.trace, self.force = folder, fmt, trace, force
        self.taken: set[str] = set()  # names given this run, case folded (a case-blind filesystem)

    def write(self, name: str, result: Result) -> Path:
        """Write `result` as the page called `name` (a relative path without a suffix); the file."""
        text = document(result, self.fmt, trace=self.trace)
        suffix = SUFFIXES[self.fmt] if result.ok else ERROR_SUFFIX
        base, number = safe_name(name), 1
        while True:
            stem = base if number == 1 else f"{base}-{number}"
            number += 1
            if stem.casefold() in self.taken:
                continue
            self.taken.add(stem.casefold())
            target = self.folder / f"{stem}{suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            if write_whole(target, text, replace=self.force):
                return target


def safe_name(name: str) -> str:
    """`name` as a path that stays inside the folder: no root, no `..`, `.` or empty parts
    (a dump's names come from the inputs, which may be anything); `page` if nothing is left."""
    parts = [part for part in PurePosixPath(name.replace(os.sep, "/")).parts if part not in ("/", ".", "..", "")]
    return "/".join(parts) or "page"
