"""Official statistics: the Judicial Department's form 10-a, chapter 33 УК РФ (2013-2021).

`read_form_10a(path)` reads one workbook without any database; `load_official(engine, rows)`
upserts the rows into the store's `official_convictions` table (the engine of a migrated store); `load_packaged(engine)` loads the rows
milcourt ships (derived from the 2013-2021 workbooks); `official_rows` and `official_by_year`
read them back. See docs/official.md for what the figures count.
"""

from milcourt.stats.official.errors import Form10aError
from milcourt.stats.official.form10a import (
    Form10a,
    OfficialRow,
    parse_form_10a,
    read_directory,
    read_form_10a,
)
from milcourt.stats.official.labels import CHAPTER_TOTAL
from milcourt.stats.official.table import (
    StoreNotMigrated,
    load_directory,
    load_official,
    load_packaged,
    official_by_year,
    official_convictions,
    official_rows,
)

__all__ = [
    "CHAPTER_TOTAL",
    "Form10a",
    "Form10aError",
    "OfficialRow",
    "StoreNotMigrated",
    "load_directory",
    "load_official",
    "load_packaged",
    "official_by_year",
    "official_convictions",
    "official_rows",
    "parse_form_10a",
    "read_directory",
    "read_form_10a",
]
