"""The KIPP readiness statuses in one registry: each status's name, key, colour and badge, in order.

The order is the display order everywhere (summaries, stacked charts, tables, KPI cards): Siap first.
`name` is the status as judged and written (the readiness table, `readiness --json`); `key` names its
label and hint in the catalog (`kipp.status.<key>`, `kipp.status_hint.<key>`) and its element ids
(`kipp-count-<key>`). Colours are from the Okabe-Ito palette (colour-blind safe); `badge` is the
Bootstrap colour of its badge on the pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import t


@dataclass(frozen=True)
class Status:
    name: str
    key: str
    colour: str
    badge: str

    def label(self, lang: str = "id") -> str:
        return t(f"kipp.status.{self.key}", lang)

    def hint(self, lang: str = "id") -> str:
        """What the status means, in a few words (under the KPI cards of /kipp)."""
        return t(f"kipp.status_hint.{self.key}", lang)


REGISTRY: tuple[Status, ...] = (
    Status("Siap", "siap", "#009E73", "success"),                     # every hard check passes
    Status("Hampir siap", "hampir-siap", "#0072B2", "primary"),       # only information is missing
    Status("Belum memenuhi syarat", "belum", "#D55E00", "danger"),    # a rule fails on the facts
    Status("Jalur khusus", "khusus", "#CC79A7", "secondary"),         # a past winner: the special group
)
READY, ALMOST, NOT_ELIGIBLE, SPECIAL = REGISTRY
STATUSES: tuple[str, ...] = tuple(status.name for status in REGISTRY)
_BY_NAME = {status.name: status for status in REGISTRY}


def status_of(name: str) -> Status | None:
    """The registered status called `name` ("Siap"), or None."""
    return _BY_NAME.get(name)


def status_label(name: str, lang: str = "id") -> str:
    """The label of the status called `name` in `lang` (an unknown name is shown as it is)."""
    status = _BY_NAME.get(name)
    return status.label(lang) if status else name
