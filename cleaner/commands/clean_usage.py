"""`cleaner clean`: what is wrong with how it was asked to run, found before any page is read
(each answer is one line on stderr and exit 2)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from cleaner.dumps.jsonl import is_jsonl
from cleaner.dumps.warc import is_warc
from cleaner.output import DOCUMENT_FORMATS, output_clash
from cleaner.page_files import folder_problem
from cleaner.readers import STDIN
from cleaner.urls import host_of


def learn_problem(args: argparse.Namespace) -> str | None:
    """Why --learn cannot run as asked (before any page is read); None if it can."""
    if not args.learn:
        return "--learn-dir needs --learn" if args.learn_dir else None
    if STDIN in args.inputs:
        return "--learn reads the inputs twice (to learn, then to clean): cannot read stdin twice, give a file"
    if args.resume:
        return "--learn does not work with --resume (yet)"
    return None


def one_page(inputs: Sequence[str]) -> bool:
    """Whether the inputs are one page: standard input or a file that is no dump."""
    if len(inputs) != 1:
        return False
    path = Path(inputs[0])
    return inputs[0] == STDIN or (path.is_file() and not is_jsonl(path) and not is_warc(path))


def usage_problem(args: argparse.Namespace, fmt: str, *, single: bool) -> str | None:
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


def output_dir_problem(args: argparse.Namespace, fmt: str) -> str | None:
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


def ray_problem(args: argparse.Namespace) -> str | None:
    """What --engine ray cannot do (it writes JSON Lines shards of full records), or None."""
    if not args.output or args.output == "-":
        return "--engine ray needs -o DIR (a folder, local or on a filesystem Ray reads)"
    if args.output_dir or args.format not in (None, "jsonl") or args.url:
        used = "--output-dir" if args.output_dir else f"--format {args.format}" if args.format else "--url"
        return f"--engine ray writes one JSON Lines shard per input file into -o DIR: {used} does not apply"
    return None
