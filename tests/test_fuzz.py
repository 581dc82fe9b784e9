"""A short run of the fuzz target (bench/fuzz.py; ``make fuzz`` runs 10 000 inputs).

A few hundred mutated pages and acts go through the page parser, the act readers and ingest;
only the named errors are allowed, no input may run past the per-item limit.
"""

from __future__ import annotations

from pathlib import Path

from bench.fuzz import Tally, fuzz


def test_short_fuzz_run_meets_only_named_errors(tmp_path: Path) -> None:
    tally = fuzz(240, Tally(), store_dir=tmp_path)
    assert tally.total() == 240
    assert not tally.unexpected, "\n".join(tally.unexpected[:3])
    assert tally.hangs == 0
    targets = {key.split(":")[0] for key in tally.outcomes}
    assert targets == {"parse_page", "read_act_bytes", "ingest_page"}
