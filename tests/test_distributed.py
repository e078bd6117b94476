"""The Ray engine on a local Ray cluster: the same records as the local command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.cli import main
from tests.test_dumps import PROSE, RECORDS, WARC_RECORDS, jsonl, warc


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
