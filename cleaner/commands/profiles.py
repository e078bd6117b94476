"""`cleaner profiles list|show|schema|kinds`: the profiles and their rules, as the engine sees them."""

from __future__ import annotations

import argparse
import json

from cleaner import exit_codes
from cleaner.kinds.docs import reference
from cleaner.profiles import Rulebook
from cleaner.profiles.schema import profile_schema


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], rules: argparse.ArgumentParser
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """Register `profiles` and its actions; return its subcommands, for the actions defined elsewhere."""
    profiles = sub.add_parser("profiles", help="list, show or document profiles")
    what = profiles.add_subparsers(dest="action", required=True)
    for name, about, run in (
        ("list", "every profile, its file and what it extends", run_list),
        ("schema", "the profile JSON Schema, for editors", run_schema),
        ("kinds", "the rule kinds' reference (Markdown)", run_kinds),
    ):
        what.add_parser(name, parents=[rules], help=about, description=f"Print {about}.").set_defaults(run=run)
    shown = what.add_parser(
        "show",
        parents=[rules],
        help="a profile's resolved rules",
        description="Print the profile NAME as the engine applies it: its `extends` chain resolved, each rule "
        "with the file that set it.",
    )
    shown.add_argument("name", metavar="NAME", help="a profile's name (`cleaner profiles list`)")
    shown.set_defaults(run=run_show)
    return what


def run_list(args: argparse.Namespace, rulebook: Rulebook) -> int:
    for profile in sorted(rulebook.profiles.values(), key=lambda p: p.name):
        bases = " < ".join(profile.chain[1:]) or "-"
        print(f"{profile.name}\t{len(profile.rules)} rules\textends {bases}\t{profile.file}")
    return exit_codes.OK


def run_show(args: argparse.Namespace, rulebook: Rulebook) -> int:
    profile = rulebook.get(args.name)
    print(f"{profile.name} ({profile.file}), extends: {' < '.join(profile.chain[1:]) or '-'}")
    if profile.domains:
        print(f"domains: {', '.join(profile.domains)}")
    for rule in profile.rules:
        print(f"  {rule.id:24} {rule.kind.NAME:11} from {rule.profile}")
    return exit_codes.OK


def run_schema(args: argparse.Namespace, rulebook: Rulebook) -> int:
    print(json.dumps(profile_schema(), indent=2, ensure_ascii=False))
    return exit_codes.OK


def run_kinds(args: argparse.Namespace, rulebook: Rulebook) -> int:
    print(reference())
    return exit_codes.OK
