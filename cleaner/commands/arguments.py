"""Argument types the commands share: numbers checked as they are parsed, so that a bad value
is a usage error (exit 2) before any page is read."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def at_least(convert: type[int] | type[float], lowest: int, what: str) -> Callable[[str], int | float]:
    """An argparse type: a finite number of `convert`'s kind, `lowest` or more (`what` says why)."""

    def parse(value: str) -> int | float:
        try:
            number = convert(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a {convert.__name__}") from None
        if not math.isfinite(number) or number < lowest:
            raise argparse.ArgumentTypeError(f"{value!r}: give a finite number, {lowest} or more ({what})")
        return number

    return parse


limit = at_least(float, 0, "0: no limit")  # --timeout, --max-size, --max-memory: nan, inf and -1 fail every page
workers = at_least(int, 1, "worker processes")
pages = at_least(int, 1, "pages")
