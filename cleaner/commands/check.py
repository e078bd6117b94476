"""`cleaner check`: the regression check for site profiles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.check import formats
from cleaner.check.runner import Options, run_check
from cleaner.commands.project import project_options
from cleaner.profiles import Rulebook

CHECK_ABOUT = """\
The regression check for site profiles, for CI and pre-commit: validate every profile of the
--rules folders (schema, regexes, selectors, `extends`), run their own `tests:`, clean every
sample page under --samples (SAMPLES/<domain>/<case>.txt or .html) and compare its record
with its golden file (GOLDEN/<domain>/<case>.json), and report the rules that fired on no
sample. Only the --rules folders' profiles are checked and tested; without --rules, the bundled
ones, whose tests are reported as not run where their samples were not installed with the
package. Exit 0 when all passes, 1 on a failed test or a drifted, missing or orphan golden
file, 2 on a bad profile."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser(
        "check",
        help="validate profiles, run their tests, compare samples with golden files",
        description=CHECK_ABOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    project_options(
        check,
        rules_help="a folder of profiles to check, and whose tests to run (repeatable; default: the bundled profiles)",
    )
    check.add_argument("--update", action="store_true", help="rewrite the golden files that drifted, and list them")
    check.add_argument("--format", choices=formats.FORMATS, default="text", help="text (default), json, github")
    check.set_defaults(run=run, loads_own_rules=True)


def run(args: argparse.Namespace, rulebook: Rulebook | None) -> int:
    options = Options(
        rules=tuple(Path(d) for d in args.rules),
        samples=Path(args.samples),
        golden=Path(args.golden),
        root=Path(args.root),
        update=args.update,
    )
    report = run_check(options)
    sys.stdout.write(formats.render(report, args.format))
    return report.exit_code
