"""The bundled sample: registry records (JSON) and the Excel annex of a decision, made by make_dataset.py."""

from __future__ import annotations

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SAMPLE_PATH = DATA_DIR / "registry_sample.json"
ANNEX_PATH = DATA_DIR / "annex_3120_QD-UBND_ha_tinh_2026.xlsx"
# The decision the annex belongs to, as the import command is told it.
ANNEX_DECISION = {"number": "3120/QĐ-UBND", "date": "2026-10-20", "issuer": "UBND tỉnh Hà Tĩnh",
                  "issuer_level": "province"}


def load_records(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return data["records"] if isinstance(data, dict) else data


def load_sample_records() -> list[dict]:
    return load_records(SAMPLE_PATH)
