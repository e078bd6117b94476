"""`cleaner learn`: a profile per site, learned from many pages of it, written for review."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from cleaner import exit_codes
from cleaner.commands import arguments
from cleaner.learn.propose import MIN_PAGES, MIN_SHARE
from cleaner.learn.writer import write_profile
from cleaner.profiles import Rulebook, profile_file
from cleaner.readers import iter_pages
from cleaner.result import Result
from cleaner.urls import is_host_name


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], rules: argparse.ArgumentParser) -> None:
    learn = sub.add_parser(
        "learn",
        parents=[rules],
        help="learn a site profile from many pages of the site",
        description="Read many pages of one site (or of several, grouped by their URL's host) and write a "
        "profile per site: the lines and HTML blocks that recur on most pages become rules, commented with "
        "how many pages they stand on, to review before use. Never overwrites a file without --force.",
    )
    learn.add_argument("inputs", nargs="+", metavar="DUMP", help="pages, folders, JSON Lines or WARC dumps")
    learn.add_argument("--site", metavar="DOMAIN", help="all pages are of this site (else: grouped by URL host)")
    learn.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the profile file (one site) or a folder (one file per site); default: stdout (several sites: "
        "one YAML document each)",
    )
    learn.add_argument("--force", action="store_true", help="overwrite profile files that exist")
    learn.add_argument(
        "--min-pages",
        type=arguments.pages,
        default=MIN_PAGES,
        metavar="N",
        help=f"pages a line must stand on (default {MIN_PAGES})",
    )
    learn.add_argument(
        "--min-share",
        type=float,
        default=MIN_SHARE,
        metavar="F",
        help=f"share of the site's pages a line must stand on (default {MIN_SHARE})",
    )
    learn.set_defaults(run=run)


def run(args: argparse.Namespace, rulebook: Rulebook) -> int:
    from cleaner.learn import learn_profiles

    pages = (item for item in iter_pages(args.inputs) if not isinstance(item, Result))
    learned = learn_profiles(
        pages, site=args.site, min_pages=args.min_pages, min_share=args.min_share, rulebook=rulebook
    )
    if not learned:
        print("cleaner: no pages with a known site: give --site DOMAIN", file=sys.stderr)
        return exit_codes.USAGE
    for site, profile in learned.items():
        print(f"cleaner: {site}: {len(profile.proposals)} rules from {profile.pages} pages", file=sys.stderr)
    if not args.output or args.output == "-":
        sys.stdout.write("---\n".join(profile.yaml for profile in learned.values()))
        return exit_codes.OK
    target = Path(args.output)
    if target.suffix in (".yaml", ".yml"):
        if len(learned) > 1:
            print(f"cleaner: {len(learned)} sites learned: give -o a folder, not {target.name}", file=sys.stderr)
            return exit_codes.USAGE
        files = {site: target for site in learned}
        if target.stem not in learned:
            print(
                f"cleaner: a profile file is named by its site: {next(iter(learned))}.yaml, not {target.name}",
                file=sys.stderr,
            )
            return exit_codes.USAGE
    else:
        files = {site: profile_file(target, site) for site in learned}
    if problem := _learned_files_problem(files, force=args.force):
        print(f"cleaner: {problem}", file=sys.stderr)
        return exit_codes.USAGE
    for site, path in files.items():
        write_profile(path, learned[site].yaml)
    folders = " ".join(f"--rules {shlex.quote(str(folder))}" for folder in sorted({p.parent for p in files.values()}))
    print(f"cleaner: review the rules, then: cleaner check {folders}", file=sys.stderr)
    return exit_codes.OK


def _learned_files_problem(files: dict[str, Path], *, force: bool) -> str | None:
    """Why the learned profiles must not be written (checked for all before any is): a site that is
    no host name would name a file after itself ('..', '::1'), and a file that exists is a profile
    someone may have written by hand."""
    for site, path in files.items():
        if not is_host_name(site):
            return f"{site!r} is not a host name: no profile file is named after it (give --site DOMAIN)"
        if path.exists() and not force:
            return f"{path} exists: give --force to overwrite it"
    return None
