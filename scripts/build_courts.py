"""Build the packaged courts registry from the Dataout.org court list in ../shared/data/courts.

The shipped file is a derived copy (CC BY-SA 4.0, credit Dataout.org): one record per court with
the region name resolved and the "(Region)" suffix kept apart from the name. Parents are not
stored here: milcourt.courts.registry derives them, so the rule lives in tested code.

Run: .venv/bin/python scripts/build_courts.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "milcourt" / "courts" / "data" / "courts.json"
SUFFIX = re.compile(r"\s*\(([^()]*)\)\s*$")


def build(source: Path) -> dict:
    websites = json.loads((source / "sudrf_websites.json").read_text(encoding="utf-8"))
    regions = json.loads((source / "rf_region_codes.json").read_text(encoding="utf-8"))
    courts = []
    for region_code, entries in websites.items():
        for entry in entries:
            name = entry["court_name"].strip()
            match = SUFFIX.search(name)
            if match:
                name = name[: match.start()].strip()
            courts.append(
                {
                    "code": entry["court_id"],
                    "name": re.sub(r"\s+", " ", name),
                    "region_code": region_code,
                    "region": regions.get(region_code),
                    "website": entry["court_website"].rstrip("/"),
                    "srv": entry.get("srv") or [],
                }
            )
    courts.sort(key=lambda c: c["code"])
    return {
        "source": "dataout-org/sudrfparser courts_info (scraped 2023-11-18)",
        "licence": "CC BY-SA 4.0",
        "credit": "Court list © Dataout.org (https://dataout.org), CC BY-SA 4.0; derived by milcourt.",
        "courts": courts,
    }


def main() -> int:
    sys.path.insert(0, str(REPO / "src"))
    from milcourt.paths import shared_dir

    data = build(shared_dir() / "data" / "courts")
    records = data.pop("courts")
    courts = ",\n".join(json.dumps(c, ensure_ascii=False) for c in records)
    head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
    OUT.write_text(f'{head},\n "courts": [\n{courts}\n]}}\n', encoding="utf-8")
    print(f"wrote {len(records)} courts to {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
