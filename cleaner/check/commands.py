"""The `check`, `explain` and `profiles new` subcommands: argument parsing and printing only.

`cleaner.cli` adds them with `add_commands`; the work is done by `cleaner.check`,
`cleaner.explain` (+ `cleaner.explain_report`) and `cleaner.scaffold`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.check import formats
from cleaner.check.runner import Options, run_check
from cleaner.errors import CleanerError
from cleaner.output import open_output, output_clash
from cleaner.profiles import Rulebook

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

CHECK_ABOUT = """\
The regression check for site profiles, for CI and pre-commit: validate every profile of the
--rules folders (schema, regexes, selectors, `extends`), run their own `tests:`, clean every
sample page under --samples (SAMPLES/<domain>/<case>.txt or .html) and compare its record
with its golden file (GOLDEN/<domain>/<case>.json), and report the rules that fired on no
sample. Only the --rules folders' profiles are checked and tested; without --rules, the bundled
ones, whose tests are reported as not run where their samples were not installed with the
package. Exit 0 when all passes, 1 on a failed test or a drifted, missing or orphan golden
file, 2 on a bad profile."""

NEW_ABOUT = """\
Scaffold a profile for the site DOMAIN from one page of it (PAGE, a text dump or HTML file):
write --rules/DOMAIN.yaml (extending _generic, with the chrome the generic profile removes from
the page listed as comments, and a `tests:` entry), copy PAGE into --samples/DOMAIN/, write its
golden file into --golden/DOMAIN/, then print what to review and the `cleaner check` command
that checks the new profile from the working folder."""


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    profiles: argparse._SubParsersAction[argparse.ArgumentParser],
    rules: argparse.ArgumentParser,
) -> None:
    """Register `check` and `explain` under `sub`, and `new` under `profiles`."""
    check = sub.add_parser(
        "check",
        help="validate profiles, run their tests, compare samples with golden files",
        description=CHECK_ABOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _project_options(
        check,
        rules_help="a folder of profiles to check, and whose tests to run (repeatable; default: the bundled profiles)",
    )
    check.add_argument("--update", action="store_true", help="rewrite the golden files that drifted, and list them")
    check.add_argument("--format", choices=formats.FORMATS, default="text", help="text (default), json, github")
    check.set_defaults(run=_check, loads_own_rules=True)

    explain = sub.add_parser(
        "explain",
        parents=[rules],
        help="show what was removed from a page, and by which rule",
        description="Clean each PAGE and show every line the rules saw: kept, or removed and by which rule of "
        "which profile (file and line), and where each field came from; in the terminal, or as one "
        "self-contained HTML report (--html FILE).",
    )
    explain.add_argument("inputs", nargs="+", metavar="PAGE", help="pages, folders or dumps")
    explain.add_argument("--html", metavar="FILE", help="write a self-contained HTML report here instead")
    explain.add_argument("--profile", metavar="NAME", help="use this profile for every page")
    explain.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the terminal output"
    )
    explain.set_defaults(run=_explain)

    new = profiles.add_parser(
        "new",
        help="scaffold a profile for a new site from a sample page",
        description=NEW_ABOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument("domain", metavar="DOMAIN", help="the site's domain name, like example.com")
    new.add_argument("--sample", required=True, metavar="PAGE", help="a page of the site (.txt dump or .html)")
    _project_options(new, rules_help="the folder to write DOMAIN.yaml into (default: rules/)")
    new.add_argument("--force", action="store_true", help="overwrite an existing profile or sample")
    new.set_defaults(run=_new, loads_own_rules=True)


def _project_options(parser: argparse.ArgumentParser, *, rules_help: str) -> None:
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


def _check(args: argparse.Namespace, rulebook: Rulebook | None) -> int:
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


def _explain(args: argparse.Namespace, rulebook: Rulebook) -> int:
    from cleaner.explain import explain_inputs, terminal, use_color

    if args.html:
        return _explain_report(args, rulebook)
    color = use_color(sys.stdout, args.color)
    failed = 0
    for page in explain_inputs(args.inputs, rulebook, profile=args.profile):
        failed += not page.result.ok
        sys.stdout.write("\n".join(terminal(page, color=color)) + "\n")
    return EXIT_FAILED if failed else EXIT_OK


def _explain_report(args: argparse.Namespace, rulebook: Rulebook) -> int:
    """The report file, opened before any page is read (a missing folder is one line, exit 2, at
    once) and put in place only when complete, never over an input."""
    from cleaner.explain import explain_inputs
    from cleaner.explain_report import report

    if clash := output_clash(args.html, args.inputs):
        print(f"cleaner: --html {args.html} {clash}: name another file", file=sys.stderr)
        return EXIT_USAGE
    try:
        with open_output(args.html) as stream:
            pages = list(explain_inputs(args.inputs, rulebook, profile=args.profile))
            stream.write(report(pages, title=f"cleaner explain: {', '.join(args.inputs)}"))
    except OSError as exc:
        print(f"cleaner: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    removed = sum(len(page.removed) for page in pages)
    print(f"wrote {args.html}: {len(pages)} page(s), {removed} removed lines")
    return EXIT_FAILED if any(not page.result.ok for page in pages) else EXIT_OK


def _new(args: argparse.Namespace, rulebook: Rulebook | None) -> int:
    from cleaner.scaffold import new_profile

    root = Path(args.root)

    def at_root(path: Path) -> Path:
        return path if path.is_absolute() else root / path

    try:
        made = new_profile(
            args.domain,
            Path(args.sample),
            rules=at_root(Path(args.rules[-1] if args.rules else "rules")),
            samples=at_root(Path(args.samples)),
            golden=at_root(Path(args.golden)),
            root=root,
            force=args.force,
        )
    except CleanerError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"created {made.profile}\ncreated {made.sample}\ncreated {made.golden}\nreview:")
    for note in made.review:
        print(f"  - {note}")
    print(f"then: {made.check}")
    return EXIT_OK
