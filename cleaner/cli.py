"""The `cleaner` command line: it parses the arguments and hands them to the subcommand's module
(`cleaner.commands`), loading the profiles first for those that use them."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence

from cleaner import __version__, exit_codes
from cleaner.commands import add_commands
from cleaner.errors import ProfileError
from cleaner.profiles import errors_of, load_rulebook


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = _parse(parser, argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")  # text that is no Unicode never stops a run
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return exit_codes.USAGE
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
        return exit_codes.USAGE
    except BrokenPipeError:
        sys.stderr.close()  # `cleaner clean … | head`: the reader left, nothing to report
        return exit_codes.OK
    except KeyboardInterrupt:
        print("cleaner: interrupted; a JSON Lines -o FILE continues with --resume", file=sys.stderr)
        return exit_codes.INTERRUPTED


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

    add_commands(sub, rules)
    _own_parsers(parser)
    return parser
