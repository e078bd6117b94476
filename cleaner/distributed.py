"""The same cleaning on a Ray cluster, for dumps that outgrow one machine.

Ray Data lists and reads the input files (local folders, or any filesystem Ray reads through
pyarrow: s3://, gs://, …); each file is cleaned by an actor that loaded the profiles once,
with the very readers and watched worker processes the command line uses, and written as one JSON Lines
shard per input file into the output folder (same filesystems). N records in, N out: each
shard holds its file's records in order, error records included.

    cleaner clean --engine ray dumps/ -o out/ [--ray-address auto]
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from cleaner.dumps.jsonl import Fields
from cleaner.limits import Limits
from cleaner.output import dumps
from cleaner.parallel import WorkerPool, WorkerSettings
from cleaner.profiles import load_rulebook
from cleaner.readers import iter_raw_pages


class _FileCleaner:
    """A Ray actor: profiles loaded once; each call cleans one input file into one shard."""

    def __init__(
        self, rule_dirs: tuple[str, ...], profile: str | None, limits: Limits, fields: Fields, out: str, markdown: bool
    ):
        # An actor runs calls off its main thread, where no alarm can stop a page: the pages are
        # cleaned in a watched worker process of its own (spawned: an actor holds threads).
        self.pool = WorkerPool(1, WorkerSettings(rule_dirs, profile, limits, markdown=markdown), "spawn")
        self.limits, self.fields, self.out = limits, fields, out

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
                lines.append(dumps(result) + "\n")
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
) -> list[dict[str, Any]]:
    """Clean every input file on Ray; returns one summary row per file (path, records, failed).

    `address`: a running cluster (`auto`, `ray://host:10001`); None starts a local one.
    """
    import pyarrow.fs
    import ray

    load_rulebook(rule_dirs)  # a bad profile fails here, before any worker starts
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    filesystem, root = pyarrow.fs.FileSystem.from_uri(
        output_dir if "://" in output_dir else str(Path(output_dir).resolve())
    )
    filesystem.create_dir(root, recursive=True)
    out = output_dir if "://" in output_dir else str(Path(output_dir).resolve())
    files = ray.data.read_binary_files(list(inputs), include_paths=True)
    workers = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    cleaned = files.map(
        _FileCleaner,
        fn_constructor_args=(tuple(rule_dirs), profile, limits, fields, out, markdown),
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),  # room left for the read tasks
    )
    return sorted(cleaned.take_all(), key=lambda row: row["path"])
