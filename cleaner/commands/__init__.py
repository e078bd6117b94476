"""The subcommands, one module each: its arguments, what it prints and the exit code it returns.
The work is done by the packages they call (`cleaner.engine` through `cleaner.parallel`,
`cleaner.learn`, `cleaner.check`, `cleaner.explain`, `cleaner.scaffold`); `cleaner.cli` only
parses and dispatches.
"""

from __future__ import annotations

import argparse

from cleaner.commands import check, clean, explain, learn, profiles, profiles_new


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], rules: argparse.ArgumentParser) -> None:
    """Register every subcommand under `sub`; `rules` is the parent parser of those that take --rules."""
    clean.register(sub, rules)
    profiles_new.register(profiles.register(sub, rules))
    check.register(sub)
    explain.register(sub, rules)
    learn.register(sub, rules)
