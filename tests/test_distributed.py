"""The Ray engine on a local Ray cluster: the same records as the local command line."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.distributed import clean_with_ray, learn_with_ray
from cleaner.learn.inline import learn_sites
from cleaner.page import Page
from cleaner.profiles import load_rulebook
from cleaner.readers import iter_pages
from tests.test_dumps import PROSE, RECORDS, WARC_RECORDS, jsonl, warc
from tests.test_learn_groups import harbor_ledger, lone_page, prairie_courier


@pytest.fixture(scope="module")
def local_ray():
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_engine_gives_the_local_records(tmp_path: Path, capsys, local_ray) -> None:
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    (dumps / "a.jsonl").write_text(jsonl(RECORDS))
    (dumps / "b.warc.gz").write_bytes(warc(WARC_RECORDS))

    assert main(["clean", str(dumps), "--jobs", "1"]) == 1
    local = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    out = tmp_path / "out"
    assert main(["clean", str(dumps), "--engine", "ray", "-o", str(out)]) == 1
    shards = sorted(out.glob("*.jsonl"))
    assert len(shards) == 2  # one shard per input file
    distributed = [json.loads(line) for shard in shards for line in shard.read_text(encoding="utf-8").splitlines()]
    assert sorted(distributed, key=lambda r: r["source"]) == sorted(local, key=lambda r: r["source"])
    assert "2 files, 7 records, 3 failed" in capsys.readouterr().err


def test_ray_engine_needs_an_output_folder(capsys) -> None:
    assert main(["clean", "samples", "--engine", "ray"]) == 2
    assert "--engine ray needs -o DIR" in capsys.readouterr().err


def test_ray_engine_stops_a_page_stuck_in_c_code(tmp_path: Path, capsys, local_ray) -> None:
    from tests.test_worker_limits import stuck_site

    rules, stuck, fine = stuck_site(tmp_path)
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    for page in (stuck, fine):
        page.rename(dumps / page.name)
    out = tmp_path / "out"
    args = ["clean", str(dumps), "--engine", "ray", "-o", str(out), "--rules", str(rules), "--profile", "slow"]
    assert main([*args, "--timeout", "6"]) == 1
    records = {
        Path(r["source"]).name: r
        for shard in out.glob("*.jsonl")
        for r in map(json.loads, shard.read_text().splitlines())
    }
    assert records["a-stuck.html"]["error"]["kind"] == "timeout"
    assert "error" not in records["b-fine.html"] and PROSE in records["b-fine.html"]["text"]


def test_learning_on_ray_gives_the_profiles_and_records_of_a_local_learn(tmp_path: Path, capsys, local_ray) -> None:
    """`clean --learn` on Ray: the pages grouped by site on the cluster (a URL host; the pages
    without a URL grouped by the lines they share), each site learned where its pages meet, then
    every file cleaned with the learned profiles: the profiles and records of a local run."""
    rng = random.Random(15)
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    for n, text in enumerate([*harbor_ledger(5, rng), *prairie_courier(5, rng), lone_page(rng)]):
        (dumps / f"page-{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    hosted = [{"url": f"https://courier.example/{n}", "text": text} for n, text in enumerate(prairie_courier(4, rng))]
    (dumps / "hosted.jsonl").write_text(jsonl(hosted), encoding="utf-8")

    assert main(["clean", str(dumps), "--learn", "--jobs", "1"]) == 0
    local = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    pages = [p for p in iter_pages([str(dumps)]) if isinstance(p, Page)]
    expected = {site: p.yaml for site, p in learn_sites(pages, load_rulebook()).items()}

    learned = learn_with_ray([str(dumps)])
    assert {site: p.yaml for site, p in learned.items()} == expected
    assert "courier.example" in learned and sum(site.startswith("unnamed-") for site in learned) == 2

    out = tmp_path / "out"
    rows = clean_with_ray([str(dumps)], str(out), learned={site: p.yaml for site, p in learned.items()})
    assert sum(row["records"] for row in rows) == 15 and not any(row["failed"] for row in rows)
    distributed = [json.loads(line) for shard in sorted(out.glob("*.jsonl")) for line in shard.read_text().splitlines()]
    assert sorted(distributed, key=lambda r: r["source"]) == sorted(local, key=lambda r: r["source"])
    assert {r["profile"] for r in distributed} >= {"courier.example", "_generic"}


def test_clean_learn_on_ray_gives_the_records_of_a_local_learn(tmp_path: Path, capsys, local_ray) -> None:
    rng = random.Random(16)
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    for n, text in enumerate([*harbor_ledger(5, rng), *prairie_courier(5, rng), lone_page(rng)]):
        (dumps / f"page-{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["clean", str(dumps), "--learn", "--jobs", "1"]) == 0
    local = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    out, review = tmp_path / "out", tmp_path / "review"
    assert main(["clean", str(dumps), "--learn", "--engine", "ray", "-o", str(out), "--learn-dir", str(review)]) == 0
    distributed = [json.loads(line) for shard in out.glob("*.jsonl") for line in shard.read_text().splitlines()]
    assert sorted(distributed, key=lambda r: r["source"]) == sorted(local, key=lambda r: r["source"])
    assert len(list(review.glob("unnamed-*.yaml"))) == 2


def test_ray_shards_carry_the_record_options(tmp_path: Path, capsys, local_ray) -> None:
    """--trace, --markdown and --comments reach the shards as they reach a local run's records."""
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    (dumps / "a.jsonl").write_text(jsonl(RECORDS))
    options = ["--trace", "summary", "--markdown", "--comments"]
    assert main(["clean", str(dumps), "--jobs", "1", *options]) == 1  # RECORDS hold pages that fail
    local = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    out = tmp_path / "out"
    assert main(["clean", str(dumps), "--engine", "ray", "-o", str(out), *options]) == 1
    distributed = [json.loads(line) for shard in out.glob("*.jsonl") for line in shard.read_text().splitlines()]
    assert sorted(distributed, key=lambda r: r["source"]) == sorted(local, key=lambda r: r["source"])
    cleaned = [record for record in distributed if "error" not in record]
    assert cleaned and all("removed_lines" in record["trace"] and "markdown" in record for record in cleaned)
