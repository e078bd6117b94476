"""A profile's selectors and date formats, tried once at load: each must work on a page.

An XPath such as `//foo:bar` and a date format such as `%d %d` load without complaint and then
fail on every page; trying them here turns that into a profile error before the first page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from cleaner.profiles.schema import SELECTOR_KEYS
from cleaner.profiles.source import KeyPath, items
from cleaner.selectors import compile_selector

# Every field distinct and two digits wide (17 08 14 05 09), so a format reads back what it wrote
# without ambiguity; aware, so %z and %Z write something strptime can read.
_SAMPLE_DAY = datetime(2017, 8, 17, 14, 5, 9, tzinfo=timezone.utc)


def bad_values(data: dict[str, Any]) -> Iterator[tuple[KeyPath, str]]:
    """(key path, problem) for each selector and date format of one profile file that cannot work."""
    html = data.get("html") or {}
    for key in SELECTOR_KEYS:
        for at, selector in items(html.get(key), ("html", key)):
            try:
                compile_selector(selector)
            except ValueError as exc:
                yield at, str(exc)
    formats = ((data.get("extract") or {}).get("date") or {}).get("formats")
    for at, fmt in items(formats, ("extract", "date", "formats")):
        if problem := date_format_problem(fmt):
            yield at, problem


def date_format_problem(fmt: str) -> str | None:
    """Why strptime cannot read dates with `fmt`, or None: the format must read back the date it writes.

    `%Q` (no such directive) fails every date in silence; `%d %d` (a field twice) raises re.error,
    not ValueError, so it fails every page that has a date.
    """
    try:
        datetime.strptime(_SAMPLE_DAY.strftime(fmt), fmt)
    except re.error as exc:
        reason = "a directive is used twice" if "redefinition" in exc.msg else "strptime cannot use it"
        return f"invalid date format {fmt!r}: {reason} ({exc.msg})"
    except ValueError as exc:
        return f"invalid date format {fmt!r}: {exc}"
    return None
