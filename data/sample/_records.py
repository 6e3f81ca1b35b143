"""The synthetic innovations themselves, before any file format: one `Innovation` per row.

Every random draw goes through the one `random.Random` passed in, in a fixed order, so the same
seed gives the same innovations.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from _names import NAMES
from _prose import WORD_LIMITS, context, narrative_text, over_limit_text, section_text
from _vocabulary import (
    AGENCIES, AGENCY_BY_NAME, DEFAULT_TARGET, FIRST_NAMES, KOPERASI, LAST_NAMES, PENUNJANG, PMD,
    SDG_NAMES, SECTOR_SDGS, TARGETS, TITLES, TRANTIB, VILLAGES,
)

PROPOSAL_SECTIONS = tuple(WORD_LIMITS)
NARRATIVE_FIELDS = ("Deskripsi", "Tujuan", "Manfaat", "Hasil")
OTHER_SECTORS = (PMD, "Kesehatan", "Pendidikan", KOPERASI, TRANTIB, "Sosial", "Komunikasi dan Informatika",
                 "Administrasi Kependudukan dan Pencatatan Sipil", PENUNJANG, "Lingkungan Hidup", "Pariwisata",
                 "Pemberdayaan Perempuan dan Pelindungan Anak")


@dataclass
class Slot:
    """A place for one innovation: whose it is, and (optionally) a spelling or name forced on it."""

    agency: str
    unit: str | None = None
    raw: str | None = None
    name: str | None = None


@dataclass
class Innovation:
    """One synthetic innovation, in canonical values; the writers decide how each is spelled in a file."""

    year: int
    agency: str
    unit: str | None
    name: str
    sector: str
    stage: str = "Penerapan"
    trial: date | None = None
    launch: date | None = None
    raw: str | None = None
    status: str = ""
    texts: dict = field(default_factory=dict)
    decree: str = ""
    regulation: str = ""
    video: str = ""
    sdgs: str = ""
    awards: str = ""
    scenario: str = ""
    # national-index fields
    others: tuple = ()
    kind: str = ""
    form: str = ""
    initiator: str = ""
    innovator: str = ""
    maturity: int | None = None
    input_date: date | None = None
    development: date | None = None
    coordinates: str = ""


def eligible(agency, era: str) -> bool:
    return not (era == "old" and agency.old is None)


def plan_slots(rng, total: int, era: str, p_agency: float, p_kec: float, forced=(), must=()) -> list[Slot]:
    """Which agencies innovate this year and how many rows each gets (every participant at least one)."""
    slots = [Slot(agency, unit, raw, name) for raw, agency, unit, name in forced]
    chosen = {s.agency for s in slots} | set(must)
    for agency in AGENCIES:
        p = p_kec if agency.name.startswith("Kecamatan") else p_agency
        if eligible(agency, era) and (agency.weight >= 4 or rng.random() < p):
            chosen.add(agency.name)
    order = [a for a in AGENCIES if a.name in chosen]
    slots += [Slot(a.name) for a in order if a.name not in {s.agency for s in slots}]
    rest = total - len(slots)
    if rest < 0:
        raise ValueError(f"{len(slots)} agencies for {total} innovations")
    for agency in rng.choices(order, weights=[a.weight for a in order], k=rest):
        slots.append(Slot(agency.name))
    for slot in slots:
        agency = AGENCY_BY_NAME[slot.agency]
        if slot.unit is None and slot.raw is None and agency.units and rng.random() < agency.unit_share:
            slot.unit = rng.choice(agency.units)[0]
    return slots


def pick_sector(rng, slot: Slot) -> str:
    agency = AGENCY_BY_NAME[slot.agency]
    own = dict(agency.units).get(slot.unit)
    return own or rng.choice(agency.sectors)


# Names that only make sense for one kind of agency: word in the name → agency name prefix.
NAME_OWNERS = {"Camat": "Kecamatan", "Kecamatan": "Kecamatan", "DPRD": "Sekretariat DPRD",
               "Reses": "Sekretariat DPRD", "Pengawasan": "Inspektorat", "RSUD": "Rumah Sakit"}


def fits(name: str, agency: str) -> bool:
    words = set(re.findall(r"\w+", name))
    return all(agency.startswith(owner) for word, owner in NAME_OWNERS.items() if word in words)


def pick_name(rng, sector: str, agency: str, taken: set) -> str:
    """A name from the urusan's pool not yet used by this agency; else one made unique by a village."""
    pool = [n for n in NAMES[sector] if fits(n, agency)] or list(NAMES[sector])
    free = [n for n in pool if n not in taken]
    name = rng.choice(free) if free else None
    while name is None or name in taken:
        base = rng.choice(pool)
        name = f"{base} {rng.choice(VILLAGES)}" if base.endswith("Desa") else f"{base} Desa {rng.choice(VILLAGES)}"
    taken.add(name)
    return name


def random_date(rng, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def person(rng) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}{rng.choice(TITLES)}"


def youtube(rng) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    video_id = "".join(rng.choice(alphabet) for _ in range(11))
    return rng.choice(("https://www.youtube.com/watch?v=", "https://youtu.be/")) + video_id


def recap_dates(rng, inv: Innovation) -> None:
    """Stage and dates of a 2015–2017 recap row: launched mostly in its year, some the year before."""
    inv.stage = rng.choices(("Penerapan", "Uji Coba", "Inisiatif"), (75, 20, 5))[0]
    y = inv.year
    if inv.stage == "Penerapan":
        start = date(y - 1, 7, 1) if rng.random() < 0.2 else date(y, 1, 2)
        inv.launch = random_date(rng, start, date(y, 12, 15))
        inv.trial = inv.launch - timedelta(days=rng.randrange(30, 200)) if rng.random() < 0.7 else None
    elif inv.stage == "Uji Coba":
        inv.trial = random_date(rng, date(y, 1, 2), date(y, 11, 30))


def make_year(rng, year: int, slots: list[Slot], used: dict) -> list[Innovation]:
    """Innovations of one year; `used` maps agency → names it already has (kept across years if shared)."""
    rows = []
    for slot in slots:
        taken = used.setdefault(slot.agency, set())
        sector = pick_sector(rng, slot)
        if slot.name:
            taken.add(slot.name)
            sector = AGENCY_BY_NAME[slot.agency].sectors[0]
        name = slot.name or pick_name(rng, sector, slot.agency, taken)
        rows.append(Innovation(year, slot.agency, slot.unit, name, sector, raw=slot.raw))
    return rows


def regulation_for(rng, inv: Innovation) -> tuple[str, str]:
    """(decree naming the innovator/team, strongest regulation level as written)."""
    number = f"{rng.randrange(100, 999)}/{rng.randrange(10, 999)}"
    year = (inv.launch or date(inv.year, 1, 1)).year
    level = rng.choices(("SK Kepala PD", "SK Bupati", "Perbup", "Perda"), (55, 25, 15, 5))[0]
    if level == "SK Kepala PD":
        head = "Camat" + inv.agency.removeprefix("Kecamatan") if inv.agency.startswith("Kecamatan") else \
            f"Kepala {inv.agency}"
        return f"SK {head} No. {number}/{year}", rng.choice(("SK Kepala PD", "SK Kepala Dinas", "SK Kepala OPD"))
    return f"SK Bupati Muara Enim No. {number}/KPTS/{year}", level


def sdgs_for(rng, sector: str) -> str:
    numbers = SECTOR_SDGS[sector][: rng.choice((1, 2, 2))]
    if rng.random() < 0.35:
        return "; ".join(SDG_NAMES[n - 1] for n in numbers)
    return "; ".join(str(n) for n in numbers)


def add_proposal(rng, inv: Innovation) -> dict:
    """Fill every proposal field: the eight sections, narrative, SK, video, SDGs, status, regulation."""
    inv.decree, inv.regulation = regulation_for(rng, inv)
    target = TARGETS.get(inv.sector, DEFAULT_TARGET)
    year = (inv.launch or inv.trial or date(inv.year, 1, 1)).year
    ctx = context(rng, inv.name, inv.agency, target, year, inv.regulation)
    inv.texts = {f: narrative_text(rng, f, ctx) for f in NARRATIVE_FIELDS}
    inv.texts.update({s: section_text(rng, s, ctx) for s in PROPOSAL_SECTIONS})
    inv.video = youtube(rng)
    inv.sdgs = sdgs_for(rng, inv.sector)
    inv.status = inv.status or "Berjalan"
    return ctx


# KIPP 2018 readiness mix of the 2017 recap (DOMAIN.md §7): scenario → how many rows.
SCENARIOS_2017 = (
    ("siap", 13), ("over_ringkasan", 1), ("over_signifikansi", 1), ("no_video", 1), ("no_sk", 1),
    ("no_adaptabilitas", 1), ("too_young", 1), ("uji_coba", 1), ("berhenti", 1), ("top40", 1), ("top99_twice", 1),
)


def apply_scenarios_2017(rng, rows: list[Innovation]) -> None:
    """Give about a third of the 2017 rows complete proposal fields, each bent by one scenario."""
    names = [name for name, count in SCENARIOS_2017 for _ in range(count)]
    picks = sorted(rng.sample(range(len(rows)), len(names)))
    for index, scenario in zip(picks, names):
        inv = rows[index]
        inv.scenario, inv.stage, inv.status = scenario, "Penerapan", "Berjalan"
        inv.launch = random_date(rng, date(2015, 1, 5), date(2016, 12, 20))
        inv.trial = inv.launch - timedelta(days=rng.randrange(60, 180))
        ctx = add_proposal(rng, inv)
        bend(rng, inv, scenario, ctx)
    for count, index in enumerate(i for i, inv in enumerate(rows) if inv.scenario == "siap"):
        if count < 3:
            rows[index].awards = "2017: Top 99"


def bend(rng, inv: Innovation, scenario: str, ctx: dict) -> None:
    """The one thing that keeps a complete proposal from being ready (or makes it a special case)."""
    if scenario.startswith("over_"):
        section = "Ringkasan" if scenario == "over_ringkasan" else "Signifikansi"
        inv.texts[section] = over_limit_text(section, ctx)
    elif scenario == "no_video":
        inv.video = ""
    elif scenario == "no_sk":
        inv.decree = ""
    elif scenario == "no_adaptabilitas":
        inv.texts["Adaptabilitas"] = ""
    elif scenario == "too_young":
        inv.launch = random_date(rng, date(2017, 4, 3), date(2017, 9, 29))
        inv.trial = inv.launch - timedelta(days=45)
    elif scenario == "uji_coba":
        inv.stage, inv.launch = "Uji Coba", None
    elif scenario == "berhenti":
        inv.status = "Berhenti"
    elif scenario == "top40":
        inv.awards = "2016: Top 40"
    elif scenario == "top99_twice":
        inv.awards = "2015: Top 99; 2016: Top 99"
