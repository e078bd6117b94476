"""Every error of a profile load, gathered: one run names each broken file, not the first only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from cleaner.errors import ProfileError

T = TypeVar("T")


class ProfileErrors(ProfileError):
    """Several profile errors at once: each in `errors`, one line each in the message.

    A ProfileError, so whoever stops on a bad profile stops on these too; its file, line and key
    are the first error's.
    """

    def __init__(self, errors: Sequence[ProfileError]):
        first = errors[0]
        super().__init__(first.detail, file=first.file, line=first.line, key=first.key)
        self.errors = list(errors)
        self.args = ("\n".join(map(str, self.errors)),)

    def __reduce__(self) -> tuple[Any, ...]:
        """Rebuilt from its errors when it crosses a process boundary (a worker's load)."""
        return type(self), (self.errors,)


def errors_of(error: ProfileError) -> list[ProfileError]:
    """The single errors `error` stands for: each one of a ProfileErrors, else `error` itself."""
    return list(error.errors) if isinstance(error, ProfileErrors) else [error]


@dataclass
class Problems:
    """The errors found so far in one load, each once (a base's bad rule is met again in every
    profile that extends it)."""

    errors: list[ProfileError] = field(default_factory=list)

    def add(self, error: ProfileError) -> None:
        for single in errors_of(error):
            if all(str(single) != str(known) for known in self.errors):
                self.errors.append(single)

    def attempt(self, work: Callable[..., T], *args: Any) -> T | None:
        """`work(*args)`, or None once the ProfileError it raised is recorded."""
        try:
            return work(*args)
        except ProfileError as exc:
            self.add(exc)
            return None

    def raise_any(self) -> None:
        """Raise the one error found, or a ProfileErrors with all of them in file and line order
        (the order they were found in mixes the stages of the load); nothing if none."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ProfileErrors(sorted(self.errors, key=lambda e: (e.file, e.line or 0)))
