"""`cleaner clean`: the pages of the inputs cleaned into records (-o, stdout, --output-dir, or Ray
shards), with `--learn` learning the sites' profiles first."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING

from cleaner import exit_codes
from cleaner.commands import arguments
from cleaner.commands.clean_usage import learn_problem, one_page, output_dir_problem, ray_problem, usage_problem
from cleaner.dumps.jsonl import Fields
from cleaner.learn.propose import MIN_PAGES
from cleaner.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Limits
from cleaner.output import FORMATS, TRACES, OutputError, open_records, write
from cleaner.page_files import PageFiles
from cleaner.pages import RawPage
from cleaner.parallel import clean_all, default_jobs
from cleaner.profiles import Rulebook, load_rulebook
from cleaner.progress import Tally
from cleaner.readers import PAGE_SUFFIXES, count_pages, iter_named_raw_pages, iter_pages, iter_raw_pages
from cleaner.result import Result

if TYPE_CHECKING:
    from cleaner.learn import Learned


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], rules: argparse.ArgumentParser) -> None:
    clean = sub.add_parser(
        "clean",
        parents=[rules],
        help="clean pages: files, folders, or - for stdin",
        description="Strip the chrome from each page of the INPUTs and write one JSON record per page, in input "
        "order: a cleaned page (text, title, author, email, publisher, date, confidence) or an error record "
        "that says why it could not be. An INPUT is a page (HTML or a text dump, any encoding), a folder "
        "(walked for pages and dumps), a JSON Lines or WARC dump (.gz, .zst), or - for standard input. "
        "Exit 0: every page cleaned; 1: some page failed, or no page at all; 2: bad usage or a bad profile "
        "(before any page), or the output cannot be written; 130: interrupted.",
    )
    clean.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="pages, folders, JSON Lines or WARC dumps, or - for stdin"
    )
    clean.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    clean.add_argument(
        "--format",
        choices=FORMATS,
        help="json (one object, or an array) or jsonl; default: json for one page, jsonl for several; "
        "markdown (YAML front matter with the fields, then the Markdown) or text (the plain text): one page, "
        "or one file per page with --output-dir",
    )
    clean.add_argument(
        "--output-dir",
        metavar="DIR",
        help="one file per page into DIR (new or empty), named after its input: story.html -> story.json (.md, "
        ".txt by --format json|markdown|text), a dump's record crawl.jsonl/000017.json, a failed page "
        "<name>.error.json",
    )
    clean.add_argument(
        "--force", action="store_true", help="--output-dir: write into a folder that holds files, replacing namesakes"
    )
    clean.add_argument(
        "--trace",
        choices=TRACES,
        default="full",
        help="what records keep of the trace: full (every removed line and its text; default), summary (the "
        "fields' sources and how many lines each rule removed) or none (no trace key)",
    )
    clean.add_argument(
        "--url",
        metavar="URL",
        help="the URL of the one page given (a file or -): picks the site's profile, resolves links, fills `url`",
    )
    clean.add_argument("--profile", metavar="NAME", help="use this profile for every page")
    clean.add_argument(
        "--markdown",
        action="store_true",
        help="add a `markdown` field: the kept text with its headings, lists, tables and code blocks",
    )
    clean.add_argument(
        "--comments",
        action="store_true",
        help="add a `comments` field: an HTML page's reader comments as plain text, kept out of `text`",
    )
    clean.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="ray: clean on a Ray cluster (local unless --ray-address), one JSON Lines shard per input file in -o DIR",
    )
    clean.add_argument("--ray-address", metavar="ADDR", help="a running Ray cluster: auto, ray://host:10001")
    clean.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run into the same -o FILE: no record lost, none written twice",
    )
    clean.add_argument(
        "--progress", action="store_true", help="progress bar and summary on stderr even when it is not a terminal"
    )
    clean.add_argument(
        "-j",
        "--jobs",
        type=arguments.workers,
        default=default_jobs(),
        metavar="N",
        help=f"worker processes; records stay in input order (default: all cores, {default_jobs()})",
    )
    for field, held in (("url", "URL"), ("html", "HTML"), ("text", "text"), ("id", "id")):
        clean.add_argument(
            f"--{field}-field",
            metavar="KEY",
            help=f"JSON Lines: the key that holds the page's {held} (default: the first of "
            f"{', '.join(getattr(Fields(), field))})",
        )
    clean.add_argument(
        "--timeout",
        type=arguments.limit,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"per-page time limit; a slower page becomes a `timeout` error record "
        f"(default {DEFAULT_TIMEOUT:g}; 0: none)",
    )
    clean.add_argument(
        "--max-size",
        type=arguments.limit,
        default=DEFAULT_MAX_BYTES / 1e6,
        metavar="MB",
        help=f"per-page size limit; a larger page becomes a `too-large` error record "
        f"(default {DEFAULT_MAX_BYTES / 1e6:g}; 0: none)",
    )
    clean.add_argument(
        "--max-memory",
        type=arguments.limit,
        default=DEFAULT_MAX_MEMORY / 1e6,
        metavar="MB",
        help=f"memory a worker may take for one page; a page that needs more becomes a `too-large` "
        f"error record (default {DEFAULT_MAX_MEMORY / 1e6:g}; 0: none)",
    )
    clean.add_argument(
        "--learn",
        action="store_true",
        help="first learn a profile for each site (URL host) of the inputs that has --min-pages pages and no "
        "profile yet, as `cleaner learn` would, then clean with them; text dumps without a URL are grouped into "
        "sites by the head and tail lines they share (unnamed-…). Reads the inputs twice: no stdin or --resume",
    )
    clean.add_argument(
        "--min-pages",
        type=arguments.pages,
        default=MIN_PAGES,
        metavar="N",
        help=f"--learn: pages a site needs to be learned, and a line to become a rule (default {MIN_PAGES})",
    )
    clean.add_argument("--learn-dir", metavar="DIR", help="--learn: also write the learned profiles here to review")
    clean.set_defaults(run=run)


def run(args: argparse.Namespace, rulebook: Rulebook) -> int:
    if problem := learn_problem(args):
        print(f"cleaner: {problem}", file=sys.stderr)
        return exit_codes.USAGE
    if args.engine == "ray":
        return _clean_on_ray(args)
    single = one_page(args.inputs)
    fmt = args.format or ("json" if single or args.output_dir else "jsonl")
    tally = Tally()
    show = args.progress or sys.stderr.isatty()
    if problem := usage_problem(args, fmt, single=single) or output_dir_problem(args, fmt):
        print(f"cleaner: {problem}", file=sys.stderr)
        return exit_codes.USAGE
    if args.learn:  # (checked first: a bad -o is said before the inputs are read to learn)
        return _clean_learning(args, rulebook)
    if (failed := _write_output(args, rulebook, tally, fmt=fmt, single=single, show=show)) is not None:
        return failed
    if show:
        print(tally.summary(), file=sys.stderr)
    if tally.pages == 0 and not tally.resumed:  # (a resumed output that held every record: nothing left)
        suffixes, skipped = ", ".join(sorted(PAGE_SUFFIXES)), tally.files_skipped()
        said = f"no pages in the inputs{': ' if skipped else ''}{skipped}"
        print(f"cleaner: {said}; folders are walked for {suffixes} (also .gz, .zst)", file=sys.stderr)
        return exit_codes.FAILED
    return exit_codes.FAILED if tally.failed else exit_codes.OK


def _write_output(
    args: argparse.Namespace, rulebook: Rulebook, tally: Tally, *, fmt: str, single: bool, show: bool
) -> int | None:
    """Clean the inputs into the output (-o, stdout or --output-dir); an exit code when it cannot
    be written, else None."""
    try:
        if args.output_dir:
            _write_page_files(args, rulebook, tally, fmt=fmt, show=show)
            return None
        return _write_records(args, rulebook, tally, fmt=fmt, single=single, show=show)
    except BrokenPipeError:
        raise  # `cleaner clean … | head`: the reader left (main says nothing)
    except OSError as exc:  # a full disk: one line; a JSON Lines half file is kept for --resume
        where = args.output_dir or args.output or "standard output"
        print(f"cleaner: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return exit_codes.USAGE


def _clean_learning(args: argparse.Namespace, rulebook: Rulebook) -> int:
    """`clean --learn`: learn the sites' profiles in a first pass over the inputs, then clean with
    them as ordinary profiles from a temporary folder searched first (workers load it as any --rules)."""
    from cleaner.learn.inline import learn_sites, write_profiles

    read = iter_pages(args.inputs, limits=_limits(args), fields=_fields(args), url=args.url)  # too large: not learned
    pages = (item for item in read if not isinstance(item, Result))
    learned = learn_sites(pages, rulebook, min_pages=args.min_pages)
    if (failed := _keep_learned(args, learned)) is not None:
        return failed
    with TemporaryDirectory(prefix="cleaner-learned-") as folder:
        write_profiles(learned, Path(folder))
        dirs = [folder, *args.rules]
        learned_args = argparse.Namespace(**{**vars(args), "learn": False, "learn_dir": None, "rules": dirs})
        return run(learned_args, load_rulebook(dirs))


def _keep_learned(args: argparse.Namespace, learned: dict[str, Learned]) -> int | None:
    """--learn-dir: the learned profiles written for review, never over a file (it may be reviewed
    already: exit 2, None else); each site learned said on stderr."""
    from cleaner.learn.inline import write_profiles
    from cleaner.profiles import profile_file

    if args.learn_dir:
        files = {site: profile_file(args.learn_dir, site) for site in learned}
        if existing := [path for path in files.values() if path.exists()]:
            print(f"cleaner: --learn-dir: {existing[0]} exists", file=sys.stderr)
            return exit_codes.USAGE
        write_profiles(learned, Path(args.learn_dir))
    for site, profile in learned.items():
        seen = f"{profile.pages} pages{' without a URL' if profile.members else ''}"
        print(f"cleaner: learned {site} from {seen} ({len(profile.proposals)} rules)", file=sys.stderr)
    return None


def _write_records(
    args: argparse.Namespace, rulebook: Rulebook, tally: Tally, *, fmt: str, single: bool, show: bool
) -> int | None:
    """Clean the inputs into the output; an exit code when the output cannot be opened, else None.
    Raises OSError when writing fails (leaving the output flushes it: a full disk shows there)."""
    try:
        opened = open_records(args.output, resume=args.resume, fmt=fmt)
        stream, done = opened.__enter__()
    except OutputError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return exit_codes.USAGE
    except OSError as exc:  # a missing folder, a directory, a read-only place: before any page
        print(f"cleaner: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return exit_codes.USAGE
    tally.resumed = done
    with contextlib.ExitStack() as stack:
        stack.push(opened)
        pages = iter_raw_pages(
            args.inputs, limits=_limits(args), fields=_fields(args), skipped=tally.skipped, url=args.url
        )
        results = _results(args, rulebook, itertools.islice(pages, done, None))  # --resume: skip what it holds
        total = count_pages(args.inputs) if show else None
        counted = tally.count(results, sys.stderr if show else None, None if total is None else total - done)
        for result in write(counted, stream, fmt=fmt, single=single, trace=args.trace):
            _say_failed(result, show)
    return None


def _write_page_files(args: argparse.Namespace, rulebook: Rulebook, tally: Tally, *, fmt: str, show: bool) -> None:
    """Clean the inputs into one file per page in --output-dir (`cleaner.page_files`), each named
    after its input. Raises OSError when a file cannot be written."""
    files = PageFiles(Path(args.output_dir), fmt=fmt, trace=args.trace, force=args.force)
    names: deque[str] = deque()  # the names of the pages read, not yet written: records come in input order

    def pages() -> Iterator[RawPage | Result]:
        limits, fields = _limits(args), _fields(args)
        for name, item in iter_named_raw_pages(
            args.inputs, limits=limits, fields=fields, skipped=tally.skipped, url=args.url
        ):
            names.append(name)
            yield item

    total = count_pages(args.inputs) if show else None
    for result in tally.count(_results(args, rulebook, pages()), sys.stderr if show else None, total):
        files.write(names.popleft(), result)
        _say_failed(result, show)


def _say_failed(result: Result, show: bool) -> None:
    """A failed page's line on stderr (its record says it too); the progress summary counts them instead."""
    if not result.ok and not show and result.error is not None:
        print(f"cleaner: {result.source}: {result.error['kind']}: {result.error['message']}", file=sys.stderr)


def _clean_on_ray(args: argparse.Namespace) -> int:
    if problem := ray_problem(args):
        print(f"cleaner: {problem}", file=sys.stderr)
        return exit_codes.USAGE
    from cleaner.distributed import clean_with_ray, learn_with_ray

    learned: dict[str, Learned] = {}
    if args.learn:  # a first pass on the cluster: the pages grouped by site, each site learned where they meet
        learned = learn_with_ray(
            args.inputs,
            rule_dirs=args.rules,
            min_pages=args.min_pages,
            limits=_limits(args),
            fields=_fields(args),
            address=args.ray_address,
        )
        if (failed := _keep_learned(args, learned)) is not None:
            return failed
    rows = clean_with_ray(
        args.inputs,
        args.output,
        rule_dirs=args.rules,
        profile=args.profile,
        limits=_limits(args),
        fields=_fields(args),
        address=args.ray_address,
        markdown=args.markdown,
        comments=args.comments,
        trace=args.trace,
        learned={site: profile.yaml for site, profile in learned.items()},
    )
    records, failed = sum(r["records"] for r in rows), sum(r["failed"] for r in rows)
    print(f"cleaner: {len(rows)} files, {records} records, {failed} failed, shards in {args.output}", file=sys.stderr)
    return exit_codes.FAILED if failed else exit_codes.OK


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(
        timeout=args.timeout or None,
        max_bytes=int(args.max_size * 1e6) or None,
        max_memory=int(args.max_memory * 1e6) or None,
    )


def _fields(args: argparse.Namespace) -> Fields:
    chosen = {f: (getattr(args, f"{f}_field"),) for f in ("url", "html", "text", "id") if getattr(args, f"{f}_field")}
    return replace(Fields(), **chosen)


def _results(args: argparse.Namespace, rulebook: Rulebook, pages: Iterable[RawPage | Result]) -> Iterator[Result]:
    """The pages cleaned as the options say (--format markdown implies --markdown)."""
    yield from clean_all(
        pages,
        rulebook,
        rule_dirs=args.rules,
        profile=args.profile,
        limits=_limits(args),
        jobs=args.jobs,
        markdown=args.markdown or args.format == "markdown",
        comments=args.comments,
    )
