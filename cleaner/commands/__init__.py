"""The subcommands other than `clean` and `learn`, one module each: its arguments, and what it
prints and returns as the exit code. The work is done by the packages they call (`cleaner.check`,
`cleaner.explain`, `cleaner.scaffold`); `cleaner.cli` only parses and dispatches.
"""

from __future__ import annotations

import argparse

from cleaner.commands import check, explain, profiles_new


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    profiles: argparse._SubParsersAction[argparse.ArgumentParser],
    rules: argparse.ArgumentParser,
) -> None:
    """Register `check` and `explain` under `sub`, and `new` under `profiles`."""
    check.register(sub)
    explain.register(sub, rules)
    profiles_new.register(profiles)
