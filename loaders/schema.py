"""The canonical record: one row per innovation, the same columns whatever the source.

DOMAIN.md §4 describes each column. Code speaks English; labels for the UI live in
data/reference/columns.csv. Multi-valued fields (sectors_other, sdgs, replicated_by, awards)
are stored as text joined by LIST_SEPARATOR, because canonical names contain commas but never
semicolons, and plain text survives CSV, XLSX and SQL unchanged.
"""

LIST_SEPARATOR = "; "
MIN_YEAR = 1945   # the earliest year an innovation may have (the Republic's)

IDENTITY = ["id", "name", "year", "year_source", "agency", "agency_raw", "agency_known", "unit", "region"]
CLASSIFICATION = ["sector", "sector_raw", "sectors_other", "stage", "initiator", "innovator", "kind", "form"]
# Every date column has a companion "<name>_precision": "day", "month" or "year" (None when missing).
DATES = ["trial_date", "launch_date", "input_date", "development_date"]
NARRATIVE = ["description", "goal", "benefit", "result"]
# The KIPP proposal sections (DOMAIN.md §7), in the 2023 form's order.
KIPP_SECTIONS = [
    "summary", "background", "novelty", "implementation",
    "significance", "adaptability", "resources", "sustainability",
]
EVIDENCE = [
    "status", "replicated_by", "video_url", "decree", "regulation_level", "budget", "sop",
    "evaluation", "sdgs", "awards", "maturity", "asta_cipta", "coordinates",
]
PROVENANCE = ["source_file", "source_sheet", "source_row"]
# Added after the first release (migration 0005): a source's own identifier (a LAN Lab Inovasi code
# such as "15 LI SS04 PUR 001") and the progress in percent. Appended, so that a store upgraded by
# the migration has its columns in the same order as a new one.
ADDED = ["code", "progress"]

DATE_PRECISION = [f"{column}_precision" for column in DATES]

CANONICAL_COLUMNS = (
    IDENTITY + CLASSIFICATION + DATES + DATE_PRECISION + NARRATIVE + KIPP_SECTIONS + EVIDENCE
    + PROVENANCE + ADDED
)

# Columns that a source may supply (the others are derived by the loaders).
SOURCE_COLUMNS = [
    "name", "year", "agency", "unit", "region", "sector", "sectors_other", "stage", "initiator",
    "innovator", "kind", "form", *DATES, *NARRATIVE, *KIPP_SECTIONS, *EVIDENCE, *ADDED,
]

INTEGER_COLUMNS = ["year", "source_row"]
FLOAT_COLUMNS = ["maturity", "progress"]
BOOL_COLUMNS = ["agency_known"]
DATETIME_COLUMNS = DATES
TEXT_COLUMNS = [c for c in CANONICAL_COLUMNS
                if c not in {*INTEGER_COLUMNS, *FLOAT_COLUMNS, *BOOL_COLUMNS, *DATETIME_COLUMNS}]
