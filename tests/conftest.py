"""Shared fixtures: the project root, the bundled rulebook, and a folder of throwaway profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
# The seed as the project received it, beside the clone; a lone clone has its copy in samples/
# (test_seed checks that the two are the same file wherever both are there).
SHARED_SEED = ROOT.parent / "shared" / "seed" / "washingtontimes-2017-08-17.txt"
SAMPLE_SEED = SAMPLES / "washingtontimes.com" / "2017-08-17-north-korea.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else SAMPLE_SEED
SAMPLE_SUFFIXES = (".txt", ".html")


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*") if p.suffix in SAMPLE_SUFFIXES)


def sample_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.fixture(scope="session")
def rulebook() -> cleaner.Rulebook:
    return cleaner.load_rulebook()


@pytest.fixture
def profile_dir(tmp_path: Path):
    """Write profiles into a temporary rules folder: `write(name, yaml_text) -> Path`."""
    folder = tmp_path / "rules"
    folder.mkdir()

    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    write.folder = folder  # type: ignore[attr-defined]
    return write
