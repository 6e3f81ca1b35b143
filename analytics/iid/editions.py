"""IID editions as data: data/reference/iid_editions.toml, loaded and validated once per process.

Every rule value is a `Fact` (value, verified, source) as in the KIPP editions, so the product can say
which numbers were read in a source and which are best guesses. Adding an edition is editing the TOML
file only; a malformed file raises `IIDEditionError`, whose message (catalog `iid.file.*`) names the
place in the file and what is wrong.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analytics.editions_file import bilingual_source, read_toml
from analytics.kipp.editions import Fact
from i18n import Bilingual, t

EDITIONS_PATH = Path(__file__).resolve().parents[2] / "data" / "reference" / "iid_editions.toml"
ASPECTS = ("spd", "sid")
KINDS = ("document", "statistic")   # raised by a document, or measured
TIERS = 3                  # every indicator has parameters 1, 2 and 3
NOT_ASSESSED = 0           # the band that starts at 0: "Tidak Dapat Dinilai"


class IIDEditionError(ValueError):
    """The editions file is malformed, or an edition was asked for that it does not hold."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(t(f"iid.file.{code}", "en", **params))

    def message(self, lang: str = "id") -> str:
        return t(f"iid.file.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Indicator:
    key: str                  # "spd-02a", "sid-16"
    number: str               # the guide's number: "2a", "16"
    aspect: str               # "spd" | "sid"
    variable: str             # key of [variables]
    label_id: str
    label_en: str
    weight: Fact
    tiers: tuple[str, ...]    # what counts as evidence for parameters 1..3 (the guide's wording)
    required: bool = False
    derive: str | None = None  # how a tier is read from an innovation's own columns (analytics/iid/evidence.py)
    kind: str = "document"     # "statistic": measured, no document raises it (left out of the what-if)

    def label(self, lang: str = "id") -> str:
        return Bilingual(self.label_id, self.label_en).pick(lang)

    @property
    def max_score(self) -> float:
        return float(self.weight.value) * TIERS

    def score(self, tier: int) -> float:
        return float(self.weight.value) * tier


@dataclass(frozen=True)
class Band:
    key: str
    label_id: str
    label_en: str
    start: Fact              # value: the lowest index (2 decimals) of the band

    def label(self, lang: str = "id") -> str:
        return Bilingual(self.label_id, self.label_en).pick(lang)


@dataclass(frozen=True)
class Edition:
    year: int
    label: str
    indicators: tuple[Indicator, ...]
    indicators_fact: Fact          # value: the set's name
    divisor_min: Fact              # SID is divided by MAX(divisor_min, n)
    count_per_innovation: float    # the score of the number of innovations: per innovation ...
    count_cap: int                 # ... counted up to this many
    count_fact: Fact
    assessed_stages: Fact          # value: tuple of stages (enums.csv)
    bands: tuple[Band, ...]        # highest first
    sid_max_fact: Fact
    spd_share_fact: Fact
    variables: dict[str, Bilingual] = field(default_factory=dict)

    @property
    def spd(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.aspect == "spd")

    @property
    def sid(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.aspect == "sid")

    @property
    def spd_max(self) -> float:
        return sum(i.max_score for i in self.spd)

    @property
    def sid_max(self) -> float:
        return sum(i.max_score for i in self.sid)

    @property
    def count_max(self) -> float:
        return self.count_per_innovation * self.count_cap

    @property
    def max_total(self) -> float:
        return self.spd_max + self.sid_max + self.count_max

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)

    def band(self, index: float) -> Band:
        """The predikat of an index: the band with the highest start not above it (2 decimals)."""
        rounded = round(float(index), 2)
        return next(b for b in self.bands if rounded >= b.start.value)


@dataclass(frozen=True)
class Editions:
    by_year: dict[int, Edition]
    sources: dict[str, Bilingual] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted(self.by_year)

    @property
    def latest(self) -> Edition:
        return self.by_year[self.years[-1]]

    def reached(self, years) -> Edition:
        """The default edition for data holding innovations of `years`: the latest edition whose year the
        data reaches (an edition assesses the innovations reported in its year, so a newer one would be
        empty), else the latest."""
        known = {int(y) for y in years if y == y}
        reached = [y for y in self.years if y <= max(known, default=0)]
        return self.by_year[reached[-1]] if reached else self.latest

    def get(self, year: int | None = None) -> Edition:
        """The edition of `year` (the latest when None); IIDEditionError names the ones that exist."""
        if year is None:
            return self.latest
        try:
            return self.by_year[int(year)]
        except (KeyError, ValueError):
            raise IIDEditionError("unknown_edition", year=year, file=EDITIONS_PATH.name,
                                  known=", ".join(str(y) for y in self.years)) from None


@functools.lru_cache(maxsize=4)
def load_editions(path: Path = EDITIONS_PATH) -> Editions:
    """Read and validate the editions file (cached per process and path)."""
    path = Path(path)
    return _Parser(path.name, read_toml(path, IIDEditionError)).editions()


class _Parser:
    """Turns the TOML document into frozen dataclasses, naming the place of every problem."""

    def __init__(self, filename: str, data: dict):
        self.filename, self.data = filename, data
        self.sources: dict[str, Bilingual] = {key: self.source(key, raw)
                                              for key, raw in data.get("sources", {}).items()}
        self.variables = {key: Bilingual(v.get("label_id", key), v.get("label_en", key))
                          for key, v in data.get("variables", {}).items()}

    def fail(self, where: str, code: str, **params):
        raise IIDEditionError(code, file=self.filename, where=where, **params)

    def source(self, key: str, raw: Any) -> Bilingual:
        """A [sources] entry: {id = "...", en = "..."}, the words shown in each language."""
        words = bilingual_source(raw)
        if words is None:
            self.fail(f"[sources].{key}", "bad_source")
        return words

    def fact(self, where: str, raw: Any, value_key: str | None = "value") -> Fact:
        if not isinstance(raw, dict) or "verified" not in raw or "source" not in raw:
            self.fail(where, "not_fact")
        if value_key and value_key not in raw:
            self.fail(where, "missing_key", key=value_key)
        if not isinstance(raw["verified"], bool):
            self.fail(where, "verified_bool")
        if raw["source"] not in self.sources:
            self.fail(where, "unknown_source", source=raw["source"])
        return Fact(raw.get(value_key) if value_key else None, raw["verified"], raw["source"],
                    self.sources[raw["source"]])

    def number(self, where: str, fact: Fact, minimum: float = 0, integer: bool = False) -> Fact:
        value = fact.value
        kind_ok = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not kind_ok or value < minimum:
            self.fail(where, "bad_number", value=value, minimum=minimum)
        return fact

    def editions(self) -> Editions:
        entries = self.data.get("edition") or []
        if not entries:
            self.fail("[[edition]]", "no_edition")
        by_year: dict[int, Edition] = {}
        for entry in entries:
            edition = self.edition(entry)
            if edition.year in by_year:
                self.fail(f"edition {edition.year}", "duplicate_year")
            by_year[edition.year] = edition
        return Editions(by_year, dict(self.sources))

    def edition(self, entry: dict) -> Edition:
        year = entry.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            self.fail("[[edition]]", "bad_year", value=year)
        where = f"edition {year}"
        indicators_fact = self.fact(f"{where}.indicators", entry.get("indicators"), "set")
        indicators = self.indicator_set(f"{where}.indicators", indicators_fact.value)
        count = entry.get("count_score")
        count_fact = self.fact(f"{where}.count_score", count, None)
        per = self.number(f"{where}.count_score.per_innovation", Fact(count.get("per_innovation"), False, "")).value
        cap = self.number(f"{where}.count_score.cap", Fact(count.get("cap"), False, ""), 1, integer=True).value
        stages = self.fact(f"{where}.assessed_stages", entry.get("assessed_stages"))
        self.check_stages(f"{where}.assessed_stages", stages.value)
        edition = Edition(
            year=year,
            label=str(entry.get("label") or f"IID {year}"),
            indicators=indicators,
            indicators_fact=indicators_fact,
            divisor_min=self.number(f"{where}.divisor_min", self.fact(f"{where}.divisor_min",
                                                                        entry.get("divisor_min")), 1, integer=True),
            count_per_innovation=float(per),
            count_cap=cap,
            count_fact=count_fact,
            assessed_stages=Fact(tuple(stages.value), stages.verified, stages.source, stages.source_text),
            bands=self.bands(where, entry.get("predikat")),
            sid_max_fact=self.fact(f"{where}.sid_max", entry.get("sid_max")),
            spd_share_fact=self.fact(f"{where}.spd_share", entry.get("spd_share")),
            variables=self.variables,
        )
        self.check_totals(where, edition)
        return edition

    def indicator_set(self, where: str, name: str) -> tuple[Indicator, ...]:
        spec = self.data.get("indicator_sets", {}).get(name)
        if spec is None:
            self.fail(where, "unknown_set", name=name)
        indicators, keys = [], set()
        for raw in spec.get("indicators", []):
            indicator = self.indicator(f"indicator_sets.{name}", raw)
            if indicator.key in keys:
                self.fail(f"indicator_sets.{name}.{indicator.key}", "duplicate_indicator")
            keys.add(indicator.key)
            indicators.append(indicator)
        for aspect in ASPECTS:
            if not any(i.aspect == aspect for i in indicators):
                self.fail(f"indicator_sets.{name}", "no_aspect", aspect=aspect)
        return tuple(indicators)

    def indicator(self, where: str, raw: dict) -> Indicator:
        from analytics.iid.evidence import DERIVE_RULES

        key = raw.get("key")
        place = f"{where}.{key}"
        if not isinstance(key, str) or not key:
            self.fail(where, "missing_key", key="key")
        for name in ("number", "label_id", "label_en"):
            if not isinstance(raw.get(name), str) or not raw[name].strip():
                self.fail(place, "missing_key", key=name)
        if raw.get("aspect") not in ASPECTS:
            self.fail(f"{place}.aspect", "bad_choice", value=raw.get("aspect"), choices=", ".join(ASPECTS))
        if raw.get("variable") not in self.variables:
            self.fail(f"{place}.variable", "bad_choice", value=raw.get("variable"),
                      choices=", ".join(self.variables))
        tiers = raw.get("tiers")
        if not isinstance(tiers, list) or len(tiers) != TIERS or not all(isinstance(x, str) and x for x in tiers):
            self.fail(f"{place}.tiers", "bad_tiers", count=TIERS)
        derive = raw.get("derive")
        if derive is not None and derive not in DERIVE_RULES:
            self.fail(f"{place}.derive", "bad_choice", value=derive, choices=", ".join(DERIVE_RULES))
        kind = raw.get("kind", KINDS[0])
        if kind not in KINDS:
            self.fail(f"{place}.kind", "bad_choice", value=kind, choices=", ".join(KINDS))
        weight = self.number(f"{place}.weight", self.fact(f"{place}.weight", raw.get("weight")))
        return Indicator(key, raw["number"], raw["aspect"], raw["variable"], raw["label_id"], raw["label_en"],
                         weight, tuple(tiers), bool(raw.get("required", False)), derive, kind)

    def check_stages(self, where: str, stages) -> None:
        from loaders.reference import load_reference

        known = load_reference().enum_labels.get("stage", {})
        if not isinstance(stages, list) or not stages or any(s not in known for s in stages):
            self.fail(where, "bad_choice", value=stages, choices=", ".join(known))

    def bands(self, where: str, raw) -> tuple[Band, ...]:
        labels = self.data.get("predikat", {})
        if not isinstance(raw, list) or not raw:
            self.fail(f"{where}.predikat", "missing_key", key="predikat")
        bands = []
        for item in raw:
            key = item.get("key") if isinstance(item, dict) else None
            if key not in labels:
                self.fail(f"{where}.predikat", "bad_choice", value=key, choices=", ".join(labels))
            start = self.number(f"{where}.predikat.{key}.from",
                                self.fact(f"{where}.predikat.{key}.from", item.get("from")))
            if start.value > 100:
                self.fail(f"{where}.predikat.{key}.from", "bad_number", value=start.value, minimum=0)
            bands.append(Band(key, labels[key]["label_id"], labels[key]["label_en"], start))
        starts = [b.start.value for b in bands]
        if len(set(starts)) != len(starts):
            self.fail(f"{where}.predikat", "duplicate_start")
        if NOT_ASSESSED not in starts:
            self.fail(f"{where}.predikat", "no_zero_band")
        return tuple(sorted(bands, key=lambda b: b.start.value, reverse=True))

    def check_totals(self, where: str, edition: Edition) -> None:
        """The published totals must agree with the indicator weights: the SID maximum (an export's
        Kematangan out of 111) and the SPD share of the maximum total score."""
        if abs(edition.sid_max - float(edition.sid_max_fact.value)) > 1e-9:
            self.fail(f"{where}.sid_max", "total_mismatch", declared=edition.sid_max_fact.value,
                      computed=round(edition.sid_max, 2))
        share = round(edition.spd_max / edition.max_total * 100, 1)
        if abs(share - float(edition.spd_share_fact.value)) > 0.05:
            self.fail(f"{where}.spd_share", "total_mismatch", declared=edition.spd_share_fact.value,
                      computed=share)


def edition_facts(edition: Edition, lang: str = "id") -> list[dict]:
    """The edition's rules as rows {rule, value, verified, source} for pages and the CLI."""
    from i18n import format_number

    rows = [(t("iid.fact.divisor", lang), str(edition.divisor_min.value), edition.divisor_min),
            (t("iid.fact.count", lang), t("iid.fact.count_value", lang, per=format_number(
                edition.count_per_innovation, lang), cap=edition.count_cap), edition.count_fact),
            (t("iid.fact.sid_max", lang), format_number(edition.sid_max, lang), edition.sid_max_fact),
            (t("iid.fact.spd_share", lang), f"{format_number(edition.spd_share_fact.value, lang)}%",
             edition.spd_share_fact),
            (t("iid.fact.stages", lang), ", ".join(edition.assessed_stages.value), edition.assessed_stages)]
    for band in edition.bands:
        rows.append((t("iid.fact.band", lang, band=band.label(lang)), format_number(band.start.value, lang),
                     band.start))
    for indicator in edition.indicators:
        rows.append((f"{indicator.number}. {indicator.label(lang)}",
                     t("iid.fact.weight", lang, weight=format_number(indicator.weight.value, lang)),
                     indicator.weight))
    return [{"rule": rule, "value": value, "verified": fact.verified,
             "source": fact.source_text.pick(lang) if fact.source_text else fact.source} for rule, value, fact in rows]
