"""Pages without a URL grouped by site: by the chrome lines they share at their head and tail.

groups = group_pages(pages_lines, generic_profile)   # [Group(name, members, shared)], pages by index

A page's signature is the set of shapes of its first and last `EDGE` non-blank lines, less what
cannot tell one site from another: lines the shared profiles (`_base`, `_generic`) remove anyway
("Advertisement", "Share this", a copyright line), sentence-like lines (the article's own, a
teaser's) and lines without a letter. Two pages are of one site when their signatures share at
least `MIN_SHARED` distinct lines and at least `MIN_OVERLAP` of the smaller one: a generic line or
two never joins two sites. Linked pages form a group; a group is then looked at again without the
lines that most of its pages carry, the most widespread first (a wrapper's chrome: an archive's
toolbar around every page of every site; a section menu of common words, "News", "Sports",
"Weather", that many small sites carry and that chains them together pair by pair), and split when
most of its pages then fall into several linked groups of `SPLIT_PART` pages or more: lines that
stand across several such groups are no site's. A page that shares nothing with the others stays
alone. Linking is indexed by line (near-linear in the pages: see `_linked`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from cleaner.engine import mark
from cleaner.learn.propose import EDGE, _sentence
from cleaner.learn.shapes import shape, unique_name
from cleaner.lines import Lines
from cleaner.profiles import Profile

MIN_SHARED = 3  # distinct chrome lines two pages of one site share at least
MIN_OVERLAP = 0.5  # ...and at least this share of the smaller page's signature
WRAPPER_SHARES = (0.9, 0.8, 0.7, 0.6, 0.5)  # lines on this share of a group's pages may be a wrapper's or
# common words (a section menu) that other sites carry too: tried most widespread first
SPLIT_KEEPS = 0.75  # a split must keep this share of a group's pages in parts of SPLIT_PART: else it is one site
SPLIT_PART = 3  # pages of a part that counts as a site of its own (fewer: a section's pair, not a site)
MARK_SPREAD = 3  # a line shared so by more groups (of 2 pages or more) is common ("Contact Us", an archive's
# wrapper): no mark of a group's pages (a site's two layouts, or a section and the site, share their lines)
NAME_WORDS = 4  # words of the group's most telling line in its name
PREFIX = "unnamed-"  # a group's name: `unnamed-lakeview-tribune`, never a host name (no dot)


@dataclass(frozen=True)
class Group:
    """Pages of one site, by their index in the input, with the lines that made them one."""

    name: str
    members: tuple[int, ...]
    shared: tuple[str, ...]  # lines on at least half its pages, most telling first
    marks: tuple[str, ...] = ()  # of those, the ones that tell its pages: `match.lines` of its profile

    @property
    def at_least(self) -> int:
        """How many of its marks a page must carry to be the group's site: as many as two pages
        of one site share (`MIN_SHARED`, and half of them)."""
        return _needed(len(self.marks))


def page_key(lines: Sequence[str]) -> str:
    """A digest of a page's non-blank lines: a page read twice is one page (and a group's members)."""
    return hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def signature(lines: Sequence[str], generic: Profile) -> frozenset[str]:
    """The shapes of a page's head and tail lines that can tell its site from others."""
    page = Lines(tuple(lines))
    chrome = {i for edit in mark(generic, page) for i in range(edit.start, edit.end + 1)}
    ends = sorted(set(range(min(EDGE, len(lines)))) | set(range(max(0, len(lines) - EDGE), len(lines))))
    return frozenset(
        shape(lines[i])
        for i in ends
        if i not in chrome and not _sentence(lines[i]) and any(c.isalpha() for c in lines[i])
    )


def group_pages(
    pages: Sequence[Sequence[str]], generic: Profile, *, taken: AbstractSet[str] = frozenset()
) -> list[Group]:
    """The pages (each its non-blank lines) in groups of one site each, in the order of their first
    page; a page alone is a group of one. Names are unique and none is in `taken`."""
    signatures = [signature(lines, generic) for lines in pages]
    found = [part for component in _linked(range(len(pages)), signatures) for part in _split(component, signatures)]
    found.sort(key=min)
    cores = [_core(members, signatures) for members in found]
    spread = Counter(line for core in cores for line in core)  # a line in many groups' cores tells little
    grouped = Counter(line for members, core in zip(found, cores, strict=True) if len(members) >= 2 for line in core)
    names, groups = set(taken), []
    for members, core in zip(found, cores, strict=True):
        position = {line: n for n, line in enumerate(_ordered(members, pages, signatures))}
        seen = Counter(line for m in members for line in signatures[m])
        telling = sorted(core, key=lambda line: (spread[line], -seen[line], position.get(line, len(position)), line))
        marks = tuple(line for line in telling if grouped[line] <= MARK_SPREAD)
        marks = marks if len(marks) >= MIN_SHARED else tuple(telling[:MIN_SHARED])
        groups.append(Group(_name(telling, names), tuple(sorted(members)), tuple(telling), marks))
    return groups


def _linked(members: Sequence[int], signatures: Sequence[frozenset[str]]) -> list[list[int]]:
    """The members joined wherever two share enough lines (connected components).

    Near-linear in the pages rather than in their pairs: pages whose shared lines and signature
    size are the same are one node (a site's pages that differ only in their own headline), and
    two nodes are compared only when they share one of the rarer lines of the smaller one (two
    signatures that share `_needed` lines share one of the smaller's `size - needed + 1` rarest
    lines), never through the lines held by nearly every page alone."""
    counts = Counter(line for m in members for line in signatures[m])
    nodes: dict[tuple[frozenset[str], int, int], list[int]] = defaultdict(list)
    for m in members:
        lines, size = frozenset(line for line in signatures[m] if counts[line] > 1), len(signatures[m])
        alone = -1 if len(lines) >= _needed(size) else m  # pages that share too little to link are not one
        nodes[(lines, size, alone)].append(m)
    keys = list(nodes)
    parent = list(range(len(keys)))
    holders: dict[str, list[int]] = defaultdict(list)
    for n, (lines, _, _) in enumerate(keys):
        for line in lines:
            holders[line].append(n)
    for n, (lines, size, _) in enumerate(keys):
        needed = _needed(size)
        rarest = sorted(lines, key=lambda line: (counts[line], line))[: max(0, len(lines) - needed + 1)]
        for other in {o for line in rarest for o in holders[line]}:
            # (a smaller node is compared from its own side; the pages of one node are linked already)
            apart = keys[other][1] >= size and _root(parent, other) != _root(parent, n)
            if apart and len(lines & keys[other][0]) >= needed:
                parent[_root(parent, other)] = _root(parent, n)
    components: dict[int, list[int]] = defaultdict(list)
    for n, key in enumerate(keys):
        components[_root(parent, n)].extend(nodes[key])
    return [sorted(component) for component in components.values()]


def _root(parent: list[int], n: int) -> int:
    """The representative of `n`'s component (union-find, with path halving)."""
    while parent[n] != n:
        parent[n] = parent[parent[n]]
        n = parent[n]
    return n


def _needed(size: int) -> int:
    """Lines a page of `size` signature lines must share with a page no smaller to be its site's."""
    return max(MIN_SHARED, math.ceil(MIN_OVERLAP * size))


def _split(members: list[int], signatures: Sequence[frozenset[str]]) -> list[list[int]]:
    """A group as it stands, or the groups it falls into without the lines most of its pages carry
    (a wrapper's chrome, or a section menu of common words that chained several sites together),
    when most of its pages then link to others; pages that link to none stay alone. The most
    widespread lines are tried first. (Without its own chrome, one site's pages share little: most
    would be alone, and it stays one group.)"""
    if len(members) < 4:
        return [members]
    counts = Counter(line for m in members for line in signatures[m])
    tried: set[str] = set()
    for share in WRAPPER_SHARES:
        wrapper = {line for line, n in counts.items() if n >= share * len(members)}
        if wrapper == tried:
            continue
        tried = wrapper
        rest = {m: signatures[m] - wrapper for m in members}
        parts = _linked(members, [rest.get(m, frozenset()) for m in range(max(members) + 1)])
        kept = [part for part in parts if len(part) >= SPLIT_PART]
        if len(kept) >= 2 and sum(map(len, kept)) >= SPLIT_KEEPS * len(members):
            return [group for part in parts for group in (_split(part, signatures) if len(part) >= 2 else [part])]
    return [members]


def _core(members: Sequence[int], signatures: Sequence[frozenset[str]]) -> set[str]:
    counts = Counter(line for m in members for line in signatures[m])
    return {line for line, n in counts.items() if n * 2 >= len(members)}


def _ordered(members: Sequence[int], pages: Sequence[Sequence[str]], signatures: Sequence[frozenset[str]]) -> list[str]:
    """The group's first page's signature lines in page order (head first)."""
    first = min(members)
    return [s for s in dict.fromkeys(shape(line) for line in pages[first]) if s in signatures[first]]


def _name(telling: Sequence[str], taken: set[str]) -> str:
    """`unnamed-lakeview-tribune`: from the group's most telling line (one no other group has),
    else `unnamed-1`; unique among `taken`, which it joins."""
    words = []
    for line in telling:
        words = re.findall(r"[a-z0-9]+", re.sub("\x00[A-Z]+\x00", " ", line).casefold())[:NAME_WORDS]
        if words:
            break
    return unique_name(PREFIX + ("-".join(words) if words else "site"), taken)
