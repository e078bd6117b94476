"""The command line: `cleaner clean|profiles`. Thin: each subcommand calls the library."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import itertools
import json
import math
import os
import shlex
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from tempfile import TemporaryDirectory

from cleaner import __version__
from cleaner.commands import add_commands
from cleaner.dumps.jsonl import Fields, is_jsonl
from cleaner.dumps.warc import is_warc
from cleaner.errors import ProfileError
from cleaner.kinds.docs import reference
from cleaner.learn.propose import MIN_PAGES, MIN_SHARE
from cleaner.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Limits
from cleaner.output import DOCUMENT_FORMATS, FORMATS, TRACES, OutputError, open_records, output_clash, write
from cleaner.page_files import PageFiles, folder_problem
from cleaner.pages import RawPage, host_of, is_host_name
from cleaner.parallel import clean_all, default_jobs
from cleaner.profiles import Rulebook, errors_of, load_rulebook
from cleaner.profiles.schema import profile_schema
from cleaner.progress import Tally
from cleaner.readers import PAGE_SUFFIXES, STDIN, count_pages, iter_named_raw_pages, iter_pages, iter_raw_pages
from cleaner.result import Result

EXIT_OK, EXIT_PAGE_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a run stopped by Ctrl-C


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = _parse(parser, argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")  # text that is no Unicode never stops a run
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if getattr(args, "loads_own_rules", False):  # check, profiles new: they load and report profiles themselves
        return int(args.run(args, None))
    try:
        rulebook = load_rulebook(args.rules)
        if getattr(args, "profile", None):
            rulebook.get(args.profile)
        return int(args.run(args, rulebook))
    except ProfileError as exc:  # every error of the profile folders, a line each
        for error in errors_of(exc):
            print(f"cleaner: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()  # `cleaner clean … | head`: the reader left, nothing to report
        return EXIT_OK
    except KeyboardInterrupt:
        print("cleaner: interrupted; a JSON Lines -o FILE continues with --resume", file=sys.stderr)
        return EXIT_INTERRUPTED


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; unknown ones are reported by the subcommand given them, with what was meant."""
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        own = getattr(args, "command_parser", parser)
        own.error(f"unrecognized arguments: {' '.join(unknown)}{_did_you_mean(unknown, own)}")
    return args


def _did_you_mean(unknown: Sequence[str], parser: argparse.ArgumentParser) -> str:
    """` (did you mean --output?)` for a misspelt option of `parser`, or ""."""
    options = [option for action in parser._actions for option in action.option_strings if option.startswith("--")]
    for word in unknown:
        if word.startswith("-") and (close := difflib.get_close_matches(word.split("=")[0], options, n=1, cutoff=0.75)):
            return f" (did you mean {close[0]}?)"
    return ""


def _own_parsers(parser: argparse.ArgumentParser) -> None:
    """Let every subcommand's parser name itself in the arguments it parses (`command_parser`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                child.set_defaults(command_parser=child)
                _own_parsers(child)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleaner", description="Strip the chrome from scraped news pages.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command")
    rules = argparse.ArgumentParser(add_help=False)
    rules.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of profiles searched before the bundled ones (repeatable)",
    )

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
        type=_workers,
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
        type=_limit,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"per-page time limit; a slower page becomes a `timeout` error record "
        f"(default {DEFAULT_TIMEOUT:g}; 0: none)",
    )
    clean.add_argument(
        "--max-size",
        type=_limit,
        default=DEFAULT_MAX_BYTES / 1e6,
        metavar="MB",
        help=f"per-page size limit; a larger page becomes a `too-large` error record "
        f"(default {DEFAULT_MAX_BYTES / 1e6:g}; 0: none)",
    )
    clean.add_argument(
        "--max-memory",
        type=_limit,
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
        "sites by the head and tail lines they share (unnamed-…). Reads the inputs twice: no stdin, --resume or ray",
    )
    clean.add_argument(
        "--min-pages",
        type=_pages,
        default=MIN_PAGES,
        metavar="N",
        help=f"--learn: pages a site needs to be learned, and a line to become a rule (default {MIN_PAGES})",
    )
    clean.add_argument("--learn-dir", metavar="DIR", help="--learn: also write the learned profiles here to review")
    clean.set_defaults(run=_clean)

    profiles = sub.add_parser("profiles", help="list, show or document profiles")
    what = profiles.add_subparsers(dest="action", required=True)
    for name, about, run in (
        ("list", "every profile, its file and what it extends", _list),
        ("schema", "the profile JSON Schema, for editors", _schema),
        ("kinds", "the rule kinds' reference (Markdown)", _kinds),
    ):
        what.add_parser(name, parents=[rules], help=about, description=f"Print {about}.").set_defaults(run=run)
    show = what.add_parser(
        "show",
        parents=[rules],
        help="a profile's resolved rules",
        description="Print the profile NAME as the engine applies it: its `extends` chain resolved, each rule "
        "with the file that set it.",
    )
    show.add_argument("name", metavar="NAME", help="a profile's name (`cleaner profiles list`)")
    show.set_defaults(run=_show)
    add_commands(sub, what, rules)  # check, explain, profiles new

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
        type=_pages,
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
    learn.set_defaults(run=_learn)
    _own_parsers(parser)
    return parser


def _at_least(convert: type[int] | type[float], lowest: int, what: str) -> Callable[[str], int | float]:
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


_limit = _at_least(float, 0, "0: no limit")  # --timeout, --max-size, --max-memory: nan, inf and -1 fail every page
_workers = _at_least(int, 1, "worker processes")
_pages = _at_least(int, 1, "pages")


def _clean(args: argparse.Namespace, rulebook: Rulebook) -> int:
    if problem := _learn_problem(args):
        print(f"cleaner: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.engine == "ray":
        return _clean_on_ray(args)
    single = _one_page(args.inputs)
    fmt = args.format or ("json" if single or args.output_dir else "jsonl")
    tally = Tally()
    show = args.progress or sys.stderr.isatty()
    if problem := _usage_problem(args, fmt, single=single) or _output_dir_problem(args, fmt):
        print(f"cleaner: {problem}", file=sys.stderr)
        return EXIT_USAGE
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
        return EXIT_PAGE_FAILED
    return EXIT_PAGE_FAILED if tally.failed else EXIT_OK


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
        return EXIT_USAGE


def _learn_problem(args: argparse.Namespace) -> str | None:
    """Why --learn cannot run as asked (before any page is read); None if it can."""
    if not args.learn:
        return "--learn-dir needs --learn" if args.learn_dir else None
    if STDIN in args.inputs:
        return "--learn reads the inputs twice (to learn, then to clean): cannot read stdin twice, give a file"
    if args.resume or args.engine == "ray":
        return f"--learn does not work with {'--resume' if args.resume else '--engine ray'} (yet)"
    return None


def _clean_learning(args: argparse.Namespace, rulebook: Rulebook) -> int:
    """`clean --learn`: learn the sites' profiles in a first pass over the inputs, then clean with
    them as ordinary profiles from a temporary folder searched first (workers load it as any --rules)."""
    from cleaner.learn.inline import learn_sites, with_groups, write_profiles

    read = iter_pages(args.inputs, limits=_limits(args), fields=_fields(args), url=args.url)  # too large: not learned
    pages = (item for item in read if not isinstance(item, Result))
    learned = learn_sites(pages, rulebook, min_pages=args.min_pages)
    if args.learn_dir:
        files = {site: Path(args.learn_dir) / f"{site}.yaml" for site in learned}
        if existing := [path for path in files.values() if path.exists()]:  # it may be reviewed already
            print(f"cleaner: --learn-dir: {existing[0]} exists", file=sys.stderr)
            return EXIT_USAGE
        write_profiles(learned, Path(args.learn_dir))
    for site, profile in learned.items():
        seen = f"{profile.pages} pages{' without a URL' if profile.members else ''}"
        print(f"cleaner: learned {site} from {seen} ({len(profile.proposals)} rules)", file=sys.stderr)
    with TemporaryDirectory(prefix="cleaner-learned-") as folder:
        write_profiles(learned, Path(folder))
        dirs = [folder, *args.rules]
        learned_args = argparse.Namespace(**{**vars(args), "learn": False, "learn_dir": None, "rules": dirs})
        return _clean(learned_args, with_groups(load_rulebook(dirs), learned))


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
        return EXIT_USAGE
    except OSError as exc:  # a missing folder, a directory, a read-only place: before any page
        print(f"cleaner: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
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


def _one_page(inputs: Sequence[str]) -> bool:
    """Whether the inputs are one page: standard input or a file that is no dump."""
    if len(inputs) != 1:
        return False
    path = Path(inputs[0])
    return inputs[0] == STDIN or (path.is_file() and not is_jsonl(path) and not is_warc(path))


def _usage_problem(args: argparse.Namespace, fmt: str, *, single: bool) -> str | None:
    """What is wrong with how `clean` was asked to run, found before any page; None if nothing."""
    if args.resume and (not args.output or args.output == "-" or fmt != "jsonl"):
        return "--resume needs -o FILE and JSON Lines output"
    if args.url is not None and (problem := _url_problem(args.url, single)):
        return problem
    if fmt in DOCUMENT_FORMATS and not single and not args.output_dir:
        return f"--format {fmt} writes a document per page: give --output-dir DIR (or one page)"
    if args.ray_address:
        return "--ray-address needs --engine ray"
    if urls := [name for name in args.inputs if name.lower().startswith(("http://", "https://"))]:
        return f"{urls[0]}: URLs are not fetched (cleaning never touches the network): give a file"
    if args.output == "":
        return "-o needs a file name (or - for standard output)"
    if args.output and args.output != "-" and os.path.isdir(args.output):
        return f"-o {args.output} is a folder: name a file (--engine ray writes shards into a folder)"
    if clash := output_clash(args.output, args.inputs):
        return f"-o {args.output} {clash}: name another output"
    return None


def _url_problem(url: str, single: bool) -> str | None:
    """Why `--url` cannot be used as given, or None."""
    if not single:
        return "--url is the URL of one page: give one file (no dump, no folder) or - for standard input"
    if not url.lower().startswith(("http://", "https://")) or not host_of(url):
        return f"--url {url!r}: give an absolute http(s) URL, as https://example.com/news/story"
    return None


def _output_dir_problem(args: argparse.Namespace, fmt: str) -> str | None:
    """What is wrong with --output-dir (or --force) as asked, found before any page; None if nothing."""
    if not args.output_dir:
        return "--force needs --output-dir (-o replaces its file when the run is complete)" if args.force else None
    if args.output:
        return "give -o FILE (one stream of records) or --output-dir DIR (a file per page), not both"
    if fmt == "jsonl":
        return "--output-dir writes a file per page: --format json, markdown or text"
    if args.resume:
        return "--resume continues a JSON Lines -o FILE; --output-dir cannot be resumed"
    return folder_problem(args.output_dir, args.inputs, force=args.force)


def _ray_problem(args: argparse.Namespace) -> str | None:
    """What --engine ray cannot do (it writes JSON Lines shards of full records), or None."""
    if not args.output or args.output == "-":
        return "--engine ray needs -o DIR (a folder, local or on a filesystem Ray reads)"
    if args.output_dir or args.format not in (None, "jsonl") or args.url:
        used = "--output-dir" if args.output_dir else f"--format {args.format}" if args.format else "--url"
        return f"--engine ray writes one JSON Lines shard per input file into -o DIR: {used} does not apply"
    if args.trace != "full":
        return "--engine ray writes full traces (--trace does not reach its shards yet)"
    return None


def _clean_on_ray(args: argparse.Namespace) -> int:
    if problem := _ray_problem(args):
        print(f"cleaner: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from cleaner.distributed import clean_with_ray

    rows = clean_with_ray(
        args.inputs,
        args.output,
        rule_dirs=args.rules,
        profile=args.profile,
        limits=_limits(args),
        fields=_fields(args),
        address=args.ray_address,
        markdown=args.markdown,
    )
    records, failed = sum(r["records"] for r in rows), sum(r["failed"] for r in rows)
    print(f"cleaner: {len(rows)} files, {records} records, {failed} failed, shards in {args.output}", file=sys.stderr)
    return EXIT_PAGE_FAILED if failed else EXIT_OK


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
    )


def _list(args: argparse.Namespace, rulebook: Rulebook) -> int:
    for profile in sorted(rulebook.profiles.values(), key=lambda p: p.name):
        bases = " < ".join(profile.chain[1:]) or "-"
        print(f"{profile.name}\t{len(profile.rules)} rules\textends {bases}\t{profile.file}")
    return EXIT_OK


def _show(args: argparse.Namespace, rulebook: Rulebook) -> int:
    profile = rulebook.get(args.name)
    print(f"{profile.name} ({profile.file}), extends: {' < '.join(profile.chain[1:]) or '-'}")
    if profile.domains:
        print(f"domains: {', '.join(profile.domains)}")
    for rule in profile.rules:
        print(f"  {rule.id:24} {rule.kind.NAME:11} from {rule.profile}")
    return EXIT_OK


def _schema(args: argparse.Namespace, rulebook: Rulebook) -> int:
    print(json.dumps(profile_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _learn(args: argparse.Namespace, rulebook: Rulebook) -> int:
    from cleaner.learn import learn_profiles

    pages = (item for item in iter_pages(args.inputs) if not isinstance(item, Result))
    learned = learn_profiles(
        pages, site=args.site, min_pages=args.min_pages, min_share=args.min_share, rulebook=rulebook
    )
    if not learned:
        print("cleaner: no pages with a known site: give --site DOMAIN", file=sys.stderr)
        return EXIT_USAGE
    for site, profile in learned.items():
        print(f"cleaner: {site}: {len(profile.proposals)} rules from {profile.pages} pages", file=sys.stderr)
    if not args.output or args.output == "-":
        sys.stdout.write("---\n".join(profile.yaml for profile in learned.values()))
        return EXIT_OK
    target = Path(args.output)
    if target.suffix in (".yaml", ".yml"):
        if len(learned) > 1:
            print(f"cleaner: {len(learned)} sites learned: give -o a folder, not {target.name}", file=sys.stderr)
            return EXIT_USAGE
        files = {site: target for site in learned}
        if target.stem not in learned:
            print(
                f"cleaner: a profile file is named by its site: {next(iter(learned))}.yaml, not {target.name}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    else:
        files = {site: target / f"{site}.yaml" for site in learned}
    if problem := _learned_files_problem(files, force=args.force):
        print(f"cleaner: {problem}", file=sys.stderr)
        return EXIT_USAGE
    for site, path in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(learned[site].yaml, encoding="utf-8")
    folders = " ".join(f"--rules {shlex.quote(str(folder))}" for folder in sorted({p.parent for p in files.values()}))
    print(f"cleaner: review the rules, then: cleaner check {folders}", file=sys.stderr)
    return EXIT_OK


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


def _kinds(args: argparse.Namespace, rulebook: Rulebook) -> int:
    print(reference())
    return EXIT_OK
