"""Records to JSON: one object for one page, JSON Lines or one array for several, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from cleaner.result import Result

FORMATS = ("json", "jsonl")


def dumps(result: Result, *, indent: int | None = None) -> str:
    """One record as JSON text (UTF-8 kept readable, not \\u-escaped)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=indent)


def write(results: Iterable[Result], stream: IO[str], *, fmt: str, single: bool) -> Iterator[Result]:
    """Write each result as it comes and pass it on, so callers can count as the stream goes.

    `single` (one page in): `json` prints that object, indented. Else `json` prints an array
    and `jsonl` a line per record.
    """
    if fmt == "jsonl":
        for result in results:
            stream.write(dumps(result) + "\n")
            yield result
    elif single:
        for result in results:
            stream.write(dumps(result, indent=2) + "\n")
            yield result
    else:
        stream.write("[")
        for n, result in enumerate(results):
            stream.write(("," if n else "") + "\n" + dumps(result))
            yield result
        stream.write("\n]\n")
