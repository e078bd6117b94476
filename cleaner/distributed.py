"""The same cleaning on a Ray cluster, for dumps that outgrow one machine.

Ray Data lists and reads the input files (local folders, or any filesystem Ray reads through
pyarrow: s3://, gs://, …); each file is cleaned by an actor that loaded the profiles once,
with the very readers and watched worker processes the command line uses, and written as one JSON Lines
shard per input file into the output folder (same filesystems). N records in, N out: each
shard holds its file's records in order, error records included.

With `--learn`, a first pass learns the sites' profiles on the cluster: each file's pages are read
where the file is (`learn.read_sample`), brought together by site (URL host; the pages without a
URL all together, to be grouped by the lines they share) and learned where they meet; the second
pass cleans every file with them, shipped to the actors as profile texts (no shared folder needed).

    cleaner clean --engine ray dumps/ -o out/ [--ray-address auto] [--learn]
    learned = learn_with_ray(inputs)                            # {site: Learned}, as learn_sites
    clean_with_ray(inputs, out, learned={s: p.yaml for s, p in learned.items()})
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from cleaner.dumps.jsonl import Fields
from cleaner.learn import Learned, read_sample
from cleaner.learn.inline import learn_sites
from cleaner.learn.propose import MIN_PAGES
from cleaner.learn.writer import write_profile
from cleaner.limits import Limits
from cleaner.output import dumps
from cleaner.page import Page
from cleaner.parallel import WorkerPool, WorkerSettings
from cleaner.profiles import load_rulebook, profile_file
from cleaner.readers import iter_pages, iter_raw_pages

if TYPE_CHECKING:
    import numpy as np
    from ray.data.block import DataBatch


@dataclass(frozen=True)
class RecordOptions:
    """What each shard's records hold beside the fields: Markdown, comments, how much trace."""

    markdown: bool = False
    comments: bool = False
    trace: str = "full"


class _FileCleaner:
    """A Ray actor: profiles loaded once; each call cleans one input file into one shard."""

    def __init__(
        self,
        rule_dirs: tuple[str, ...],
        profile: str | None,
        limits: Limits,
        fields: Fields,
        out: str,
        record: RecordOptions,
        learned: dict[str, str],
    ):
        if learned:  # the learned profiles, in a folder of this node's own, searched first
            self.learned = tempfile.TemporaryDirectory(prefix="cleaner-learned-")
            for site, text in learned.items():
                write_profile(profile_file(self.learned.name, site), text)
            rule_dirs = (self.learned.name, *rule_dirs)
        # An actor runs calls off its main thread, where no alarm can stop a page: the pages are
        # cleaned in a watched worker process of its own (spawned: an actor holds threads).
        settings = WorkerSettings(rule_dirs, profile, limits, markdown=record.markdown, comments=record.comments)
        self.pool = WorkerPool(1, settings, "spawn")
        self.limits, self.fields, self.out, self.trace = limits, fields, out, record.trace

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        import pyarrow.fs

        source = row["path"]
        name = PurePosixPath(source).name
        lines, failed = [], 0
        with tempfile.TemporaryDirectory() as tmp:
            local = Path(tmp, name)
            local.write_bytes(row["bytes"])
            for result in self.pool.run(iter_raw_pages([str(local)], limits=self.limits, fields=self.fields)):
                result = replace(result, source=result.source.replace(str(local), source, 1))
                failed += not result.ok
                lines.append(dumps(result, trace=self.trace) + "\n")
        digest = hashlib.sha1(source.encode()).hexdigest()[:10]
        filesystem, root = pyarrow.fs.FileSystem.from_uri(self.out)
        with filesystem.open_output_stream(f"{root}/{name}.{digest}.jsonl") as shard:
            shard.write("".join(lines).encode("utf-8"))
        return {"path": source, "records": len(lines), "failed": failed}


def clean_with_ray(
    inputs: Sequence[str],
    output_dir: str,
    *,
    rule_dirs: Sequence[str] = (),
    profile: str | None = None,
    limits: Limits = Limits(),
    fields: Fields = Fields(),
    address: str | None = None,
    actors: int | None = None,
    markdown: bool = False,
    comments: bool = False,
    trace: str = "full",
    learned: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Clean every input file on Ray; returns one summary row per file (path, records, failed).
    `markdown`, `comments` as in `cleaner.clean`; `trace` as in `cleaner.output.record`.

    `address`: a running cluster (`auto`, `ray://host:10001`); None starts a local one.
    `learned`: profile texts by site (`learn_with_ray`), searched before `rule_dirs`.
    """
    import pyarrow.fs
    import ray

    load_rulebook(rule_dirs)  # a bad profile fails here, before any worker starts
    _connect(address)
    filesystem, root = pyarrow.fs.FileSystem.from_uri(
        output_dir if "://" in output_dir else str(Path(output_dir).resolve())
    )
    filesystem.create_dir(root, recursive=True)
    out = output_dir if "://" in output_dir else str(Path(output_dir).resolve())
    files = ray.data.read_binary_files(list(inputs), include_paths=True)
    cluster_resources: Callable[[], dict[str, float]] = ray.cluster_resources  # (unannotated in Ray)
    workers = actors or max(1, int(cluster_resources().get("CPU", 1)))
    # Ray's annotation of `map` names only a function; a class (its docs' other form) is built on
    # each actor from `fn_constructor_args`, and its instances are such a function.
    file_cleaner = cast("Callable[[dict[str, Any]], dict[str, Any]]", _FileCleaner)
    cleaned = files.map(
        file_cleaner,
        fn_constructor_args=(
            tuple(rule_dirs),
            profile,
            limits,
            fields,
            out,
            RecordOptions(markdown, comments, trace),
            dict(learned or {}),
        ),
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),  # room left for the read tasks
    )
    return sorted(cleaned.take_all(), key=lambda row: row["path"])


def learn_with_ray(
    inputs: Sequence[str],
    *,
    rule_dirs: Sequence[str] = (),
    min_pages: int = MIN_PAGES,
    limits: Limits = Limits(),
    fields: Fields = Fields(),
    address: str | None = None,
) -> dict[str, Learned]:
    """`clean --learn`'s first pass on Ray: the profiles `learn_sites` learns from the inputs.

    Each file's pages are read where the file is read; what learning needs of each (its site,
    lines and blocks) is grouped by site, and each site is learned in one task: its pages in
    input order (file, then place in the file), so that the profiles are those of a local run.
    The pages without a URL are one group, split into sites by the lines they share."""
    import ray

    load_rulebook(rule_dirs)  # a bad profile fails here, before any worker starts
    _connect(address)
    files = ray.data.read_binary_files(list(inputs), include_paths=True)
    samples = files.flat_map(functools.partial(_file_samples, rule_dirs=tuple(rule_dirs), limits=limits, fields=fields))
    # Ray's annotation wants a function of any batch format; batch_format="numpy" gives this one
    # a dict of arrays only.
    learn_site = cast(
        "Callable[[DataBatch], DataBatch]",
        functools.partial(_learn_site, rule_dirs=tuple(rule_dirs), min_pages=min_pages),
    )
    learned = samples.groupby("site").map_groups(learn_site, batch_format="numpy")
    rows = sorted(learned.take_all(), key=lambda row: row["site"])
    return {row["site"]: pickle.loads(row["learned"]) for row in rows}


def _file_samples(
    row: dict[str, Any], rule_dirs: tuple[str, ...], limits: Limits, fields: Fields
) -> list[dict[str, Any]]:
    """One input file's pages as learning reads them, a row each: site ("" without a URL), order, sample."""
    rulebook = load_rulebook(rule_dirs)
    source = row["path"]
    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp, PurePosixPath(source).name)
        local.write_bytes(row["bytes"])
        pages = [page for page in iter_pages([str(local)], limits=limits, fields=fields) if isinstance(page, Page)]
    rows = []
    for number, page in enumerate(pages):
        sample = read_sample(page, rulebook)
        rows.append({"site": sample.host or "", "order": f"{source}\x00{number:012d}", "sample": pickle.dumps(sample)})
    return rows


def _learn_site(batch: dict[str, np.ndarray], rule_dirs: tuple[str, ...], min_pages: int) -> dict[str, np.ndarray]:
    """One site's pages (or all pages without a URL) learned: a row per profile, pickled."""
    import numpy as np

    rulebook = load_rulebook(rule_dirs)
    order = sorted(range(len(batch["order"])), key=lambda n: batch["order"][n])
    samples = [pickle.loads(batch["sample"][n]) for n in order]
    learned = learn_sites(samples, rulebook, min_pages=min_pages)
    sites = np.array(list(learned), dtype=object)
    return {"site": sites, "learned": np.array([pickle.dumps(p) for p in learned.values()], dtype=object)}


def _connect(address: str | None) -> None:
    """Join the cluster at `address` (None: start a local one), unless this process has already."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
