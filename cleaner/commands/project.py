"""The options of commands that work on a project's folders (`check`, `profiles new`)."""

from __future__ import annotations

import argparse


def project_options(parser: argparse.ArgumentParser, *, rules_help: str) -> None:
    parser.add_argument("--rules", action="append", default=[], metavar="DIR", help=rules_help)
    parser.add_argument(
        "--samples",
        default="samples",
        metavar="DIR",
        help="sample pages, DIR/<domain>/<case>.txt or .html (default: samples/)",
    )
    parser.add_argument(
        "--golden",
        default="tests/golden",
        metavar="DIR",
        help="golden files, DIR/<domain>/<case>.json (default: tests/golden/)",
    )
    parser.add_argument(
        "--root",
        default=".",
        metavar="DIR",
        help="the project root: relative paths, and profile tests' `sample:` paths, start here (default: .)",
    )
