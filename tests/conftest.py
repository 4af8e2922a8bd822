from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from rolecompare.facts.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEED = {
    "000": "000_22965af89e6f7745.txt",
    "001": "001_ab6d71d0de38f037.txt",
    "002": "002_468d1e68ab3c4fd7.txt",
    "003": "003_f238aaacc82e3e21.txt",
    "004": "004_a6663551ef9087c7.txt",
}


@pytest.fixture(scope="session")
def seed_processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/raw ingested once per test session into a temporary folder."""
    out = tmp_path_factory.mktemp("processed")
    ingest(RAW, out)
    return out


@pytest.fixture(scope="session")
def seed_facts(seed_processed: Path) -> pd.DataFrame:
    from rolecompare import load_facts

    return load_facts(seed_processed)


@pytest.fixture(scope="session")
def seed_conflicts(seed_processed: Path) -> pd.DataFrame:
    from rolecompare import load_conflicts

    return load_conflicts(seed_processed)
