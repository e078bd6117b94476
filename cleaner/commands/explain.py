"""`cleaner explain`: what was removed from each page, by which rule; in the terminal or as HTML."""

from __future__ import annotations

import argparse
import sys

from cleaner import exit_codes
from cleaner.output import open_output, output_clash
from cleaner.profiles import Rulebook


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], rules: argparse.ArgumentParser) -> None:
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
    explain.set_defaults(run=run)


def run(args: argparse.Namespace, rulebook: Rulebook) -> int:
    from cleaner.explain import explain_inputs, terminal, use_color

    if args.html:
        return _explain_report(args, rulebook)
    color = use_color(sys.stdout, args.color)
    failed = 0
    for page in explain_inputs(args.inputs, rulebook, profile=args.profile):
        failed += not page.result.ok
        sys.stdout.write("\n".join(terminal(page, color=color)) + "\n")
    return exit_codes.FAILED if failed else exit_codes.OK


def _explain_report(args: argparse.Namespace, rulebook: Rulebook) -> int:
    """The report file, opened before any page is read (a missing folder is one line, exit 2, at
    once) and put in place only when complete, never over an input."""
    from cleaner.explain import explain_inputs
    from cleaner.explain_report import report

    if clash := output_clash(args.html, args.inputs):
        print(f"cleaner: --html {args.html} {clash}: name another file", file=sys.stderr)
        return exit_codes.USAGE
    try:
        with open_output(args.html) as stream:
            pages = list(explain_inputs(args.inputs, rulebook, profile=args.profile))
            stream.write(report(pages, title=f"cleaner explain: {', '.join(args.inputs)}"))
    except OSError as exc:
        print(f"cleaner: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
        return exit_codes.USAGE
    removed = sum(len(page.removed) for page in pages)
    print(f"wrote {args.html}: {len(pages)} page(s), {removed} removed lines")
    return exit_codes.FAILED if any(not page.result.ok for page in pages) else exit_codes.OK
