"""`cleaner profiles new`: scaffold a profile, its sample and golden file for a new site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner import exit_codes
from cleaner.commands.project import project_options
from cleaner.errors import CleanerError
from cleaner.profiles import Rulebook

NEW_ABOUT = """\
Scaffold a profile for the site DOMAIN from one page of it (PAGE, a text dump or HTML file):
write --rules/DOMAIN.yaml (extending _generic, with the chrome the generic profile removes from
the page listed as comments, and a `tests:` entry), copy PAGE into --samples/DOMAIN/, write its
golden file into --golden/DOMAIN/, then print what to review and the `cleaner check` command
that checks the new profile from the working folder."""


def register(profiles: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = profiles.add_parser(
        "new",
        help="scaffold a profile for a new site from a sample page",
        description=NEW_ABOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument("domain", metavar="DOMAIN", help="the site's domain name, like example.com")
    new.add_argument("--sample", required=True, metavar="PAGE", help="a page of the site (.txt dump or .html)")
    project_options(new, rules_help="the folder to write DOMAIN.yaml into (default: rules/)")
    new.add_argument("--force", action="store_true", help="overwrite an existing profile or sample")
    new.set_defaults(run=run, loads_own_rules=True)


def run(args: argparse.Namespace, rulebook: Rulebook | None) -> int:
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
        return exit_codes.USAGE
    print(f"created {made.profile}\ncreated {made.sample}\ncreated {made.golden}\nreview:")
    for note in made.review:
        print(f"  - {note}")
    print(f"then: {made.check}")
    return exit_codes.OK
