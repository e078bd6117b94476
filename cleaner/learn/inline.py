"""`cleaner clean --learn`: learn the profiles of the input's sites, then clean with them.

learned = learn_sites(pages, rulebook)          # {site: Learned}, sites without a profile only
write_profiles(learned, folder)                 # ordinary profile files: load_rulebook([folder, ...])
load_rulebook([folder, ...])                    # pages without a URL: by the learned `match.lines`
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cleaner.learn import Learned, Sample, learn_samples, read_sample
from cleaner.learn.propose import MIN_PAGES
from cleaner.learn.writer import write_profile
from cleaner.page import Page
from cleaner.profiles import Rulebook, profile_file
from cleaner.urls import is_host_name

__all__ = ["has_profile", "learn_sites", "write_profiles"]


def learn_sites(
    pages: Iterable[Page] | Iterable[Sample], rulebook: Rulebook, *, min_pages: int = MIN_PAGES
) -> dict[str, Learned]:
    """A learned profile for each site (URL host) with `min_pages` pages or more that no profile
    of `rulebook` covers: a hand-written profile knows the site better than a learned one, a site
    seen on too few pages would give rules that stand on nothing, and a host that is no host name
    (`..`, `::1`) names no profile file. `cleaner learn`'s defaults
    otherwise, so that learning inside `clean` gives the profiles `cleaner learn` writes. Text
    dumps without a URL are grouped by the chrome they share, each group a site `unnamed-…`.
    The pages may be read already (`Sample`s: one site's, brought together elsewhere)."""
    samples = (page if isinstance(page, Sample) else read_sample(page, rulebook) for page in pages)
    learned = learn_samples(samples, min_pages=min_pages, rulebook=rulebook, unnamed=True)
    return {
        site: profile
        for site, profile in learned.items()
        if profile.pages >= min_pages and (profile.members or (is_host_name(site) and not has_profile(site, rulebook)))
    }


def has_profile(site: str, rulebook: Rulebook) -> bool:
    """Whether a profile of `rulebook` is named after `site` or matches it or a parent domain, as
    `Rulebook.select` matches a page's host: a learned profile must never shadow it."""
    if site in rulebook.profiles:
        return True
    labels = site.split(".")
    domains = {".".join(labels[cut:]) for cut in range(len(labels) - 1)} | {site}
    return any(domains & set(profile.domains) for profile in rulebook.profiles.values() if not profile.is_base)


def write_profiles(learned: dict[str, Learned], folder: Path) -> list[Path]:
    """Write each learned profile as `<site>.yaml` in `folder`, so that it loads as any other
    profile does (its rules then carry the site's name in records and traces)."""
    return [write_profile(profile_file(folder, site), profile.yaml) for site, profile in learned.items()]
