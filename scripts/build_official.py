"""Build the packaged form 10-a figures (chapter 33 УК РФ, 2013-2021) from the official workbooks.

The Judicial Department's workbooks are large old-format Excel files that a user's clone does not
carry; milcourt needs only the chapter-33 rows of each. This script reads them once with the same
parser `milcourt official load DIR` uses and writes one CSV row per (year, article, part), keeping
where each number was printed (file, sheet, row). tests/test_reference_data.py re-reads the
workbooks when ../shared is present and fails if the packaged file differs.

Run: .venv/bin/python scripts/build_official.py [DIR]   (default: ../shared/data/judicial-department)
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO / "src"))
    from milcourt.paths import shared_dir
    from milcourt.reference import OFFICIAL_FORM10A, write_official_csv
    from milcourt.stats.official import read_directory

    folder = Path(argv[0]) if argv else shared_dir() / "data" / "judicial-department"
    forms, errors = read_directory(folder)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    rows = [row for form in forms for row in form.rows]
    write_official_csv(OFFICIAL_FORM10A, [row.as_dict() for row in rows])
    print(f"wrote {len(rows)} rows from {len(forms)} workbooks to {OFFICIAL_FORM10A.relative_to(REPO)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
