"""The KIPP readiness statuses and their labels.

The checks' messages and the rules' names are in the language catalog (i18n/catalog_kipp.py).
"""

from __future__ import annotations

STATUSES = ("Siap", "Hampir siap", "Belum memenuhi syarat", "Jalur khusus")
STATUS_LABELS = {
    "Siap": {"id": "Siap", "en": "Ready"},
    "Hampir siap": {"id": "Hampir siap", "en": "Almost ready"},
    "Belum memenuhi syarat": {"id": "Belum memenuhi syarat", "en": "Not eligible yet"},
    "Jalur khusus": {"id": "Jalur khusus", "en": "Special track"},
}


def status_label(status: str, lang: str = "id") -> str:
    return STATUS_LABELS.get(status, {}).get(lang, status)
