"""KIPP editions as data: data/reference/kipp_editions.toml, loaded and validated once per process.

Every rule value is a `Fact` (value, verified, source), so the product can say which of the rules it
applies were read in a source and which are best guesses (DOMAIN.md §7). Adding an edition is editing
the TOML file only.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analytics.editions_file import bilingual_source, read_toml
from i18n import Bilingual, format_date, format_int, t
from loaders.schema import CANONICAL_COLUMNS, KIPP_SECTIONS
from loaders.text import text_key

EDITIONS_PATH = Path(__file__).resolve().parents[2] / "data" / "reference" / "kipp_editions.toml"
ATTACHMENT_KINDS = ("text", "sdgs")
VIDEO_LIMITS = ("max_minutes", "min_resolution", "language", "platform")  # worded by the catalog's kipp.video.*
ASSUMED = "assumed"  # the source of a rule no source was found for (worded by the catalog's kipp.fact.assumed)


class EditionError(ValueError):
    """The editions file is malformed, or an edition was asked for that it does not hold; `message(lang)`
    says which and where (the catalog's kipp.file.<code>)."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(t(f"kipp.file.{code}", "en", **params))

    def message(self, lang: str = "id") -> str:
        return t(f"kipp.file.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Fact:
    """One rule value with where it comes from."""

    value: Any
    verified: bool
    source: str          # key of [sources]
    source_text: Bilingual | None = None   # the source in words, in each language


@dataclass(frozen=True)
class Section:
    key: str             # canonical column holding the text
    label_id: str
    label_en: str
    weight: Fact
    max_words: Fact
    must_contain_id: str
    must_contain_en: str
    draft_from: tuple[str, ...] = ()

    def label(self, lang: str = "id") -> str:
        return Bilingual(self.label_id, self.label_en).pick(lang)

    def must_contain(self, lang: str = "id") -> str:
        return Bilingual(self.must_contain_id, self.must_contain_en).pick(lang)


@dataclass(frozen=True)
class Group:
    key: str
    label_id: str
    label_en: str
    min_age_months: Fact
    cap: Fact | None = None   # None: no cap known
    origin_required: Fact | None = None   # replication: the adopted innovation's region must be named

    def label(self, lang: str = "id") -> str:
        return Bilingual(self.label_id, self.label_en).pick(lang)


@dataclass(frozen=True)
class Exclusion:
    """Award history that keeps an innovation out of the general group."""

    results: tuple[str, ...]   # e.g. ("Top 40", "Top Terpuji"), compared by `award_key`
    min_count: int
    years: tuple[int, ...]     # only awards of these years count; () = any year before the edition
    fact: Fact


@dataclass(frozen=True)
class Attachment:
    key: str
    label_id: str
    label_en: str
    required: Fact
    columns: tuple[str, ...] = ()  # canonical columns showing it exists; () = checklist only
    kind: str | None = None

    def label(self, lang: str = "id") -> str:
        return Bilingual(self.label_id, self.label_en).pick(lang)


@dataclass(frozen=True)
class Terms:
    """The words the readiness rules look for in the data ([terms] of the editions file)."""

    proposable_stage: str         # the stage (enums.csv) an innovation must be at to be proposed
    running_status: str           # the status (enums.csv) of an innovation that still runs
    stopped_status: str           # ... and of one that has stopped
    past_winner_group: str        # the group (of [groups]) a past winner is routed to
    award_prefix: str             # award names in histories: "Top 40", "TOP-99", "Top Terpuji"
    award_names: tuple[str, ...]  # ranks named by a word instead of a number ("terpuji")
    replication_group: str = "replikasi"   # the group (of [groups]) an innovation adopted from another region enters

    @functools.cached_property
    def award_pattern(self) -> re.Pattern:
        """An award in a `text_key`-normalised history; group 1 is its rank ("40", "terpuji")."""
        ranks = "|".join([r"\d+", *(re.escape(name) for name in self.award_names)])
        return re.compile(rf"\b{re.escape(self.award_prefix)}\s*({ranks})\b")

    def award_key(self, text: str) -> str | None:
        """'TOP 40' / 'Top-40 KIPP' -> 'top 40'; 'Top Terpuji' -> 'top terpuji'; anything else None."""
        match = self.award_pattern.search(text_key(text))
        return f"{self.award_prefix} {match.group(1)}" if match else None


@dataclass(frozen=True)
class Edition:
    year: int
    label: str
    closes: Fact                       # value: datetime.date
    default_group: str
    groups: tuple[Group, ...]
    exclusions: tuple[Exclusion, ...]
    sections: tuple[Section, ...]
    sections_fact: Fact                # value: the section set's name
    attachments: tuple[Attachment, ...]
    video: dict                        # limits (max_minutes, min_resolution, ...) + fact
    video_fact: Fact
    categories: tuple[str, ...]
    categories_fact: Fact              # value: the category scheme's name
    terms: Terms
    full_credit_share: float = 0.25

    @property
    def close_date(self) -> dt.date:
        return self.closes.value

    def group(self, key: str) -> Group | None:
        return next((group for group in self.groups if group.key == key), None)

    @property
    def checked_attachments(self) -> tuple[Attachment, ...]:
        """Required attachments that the data can show."""
        return tuple(a for a in self.attachments if a.columns and a.required.value)


@dataclass(frozen=True)
class Editions:
    by_year: dict[int, Edition]
    sources: dict[str, Bilingual] = field(default_factory=dict)
    result_awards: dict[str, str | None] = field(default_factory=dict)  # [results]: key → award text or None

    @property
    def years(self) -> list[int]:
        return sorted(self.by_year)

    @property
    def latest(self) -> Edition:
        return self.by_year[self.years[-1]]

    def get(self, year: int | None = None) -> Edition:
        """The edition of `year` (the latest when None); EditionError names the ones that exist."""
        if year is None:
            return self.latest
        try:
            return self.by_year[int(year)]
        except (KeyError, ValueError):
            known = ", ".join(str(y) for y in self.years)
            raise EditionError("unknown_edition", year=year, known=known) from None


@functools.lru_cache(maxsize=4)
def load_editions(path: Path = EDITIONS_PATH) -> Editions:
    """Read and validate the editions file (cached per process and path)."""
    path = Path(path)
    return _Parser(path.name, read_toml(path, EditionError)).editions()


class _Parser:
    """Turns the TOML document into frozen dataclasses, naming the place of every problem."""

    def __init__(self, filename: str, data: dict):
        self.filename, self.data = filename, data
        self.sources: dict[str, Bilingual] = {key: self.source(key, raw)
                                              for key, raw in data.get("sources", {}).items()}
        self.drafting: dict[str, list] = data.get("drafting", {})
        self.share = float(data.get("scoring", {}).get("full_credit_share", 0.25))
        self.terms = self.parse_terms(data.get("terms"))

    def fail(self, where: str, code: str, **params):
        raise EditionError(code, file=self.filename, where=where, **params)

    def source(self, key: str, raw: Any) -> Bilingual:
        """A [sources] entry: {id = "...", en = "..."}, the words shown in each language."""
        words = bilingual_source(raw)
        if words is None:
            self.fail(f"[sources].{key}", "bad_source")
        return words

    def fact(self, where: str, raw: Any, value_key: str = "value") -> Fact:
        if not isinstance(raw, dict) or "verified" not in raw or "source" not in raw:
            self.fail(where, "not_fact")
        if value_key and value_key not in raw:
            self.fail(where, "missing_key", item=value_key)
        if not isinstance(raw["verified"], bool):
            self.fail(where, "verified_bool")
        if raw["source"] not in self.sources:
            self.fail(where, "unknown_source", source=raw["source"])
        return Fact(raw.get(value_key), raw["verified"], raw["source"], self.sources[raw["source"]])

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
        return Editions(by_year, dict(self.sources), self.results())

    def results(self) -> dict[str, str | None]:
        """[results]: each proposal result's award text (None: the result adds no award)."""
        results = self.data.get("results", {})
        for key, spec in results.items():
            award = spec.get("award")
            if award is not None and (not isinstance(award, str) or self.terms.award_key(award) is None):
                self.fail(f"results.{key}.award", f"'{award}' tidak terbaca sebagai penghargaan "
                                                  f"('{self.terms.award_prefix} …')")
        return {key: spec.get("award") for key, spec in results.items()}

    def edition(self, entry: dict) -> Edition:
        year = entry.get("year")
        if not isinstance(year, int):
            self.fail("[[edition]]", "bad_year", value=repr(year))
        where = f"edition {year}"
        closes = self.fact(f"{where}.closes", entry.get("closes"))
        if not isinstance(closes.value, dt.date) or isinstance(closes.value, dt.datetime):
            self.fail(f"{where}.closes", "bad_date")
        groups = tuple(self.group(f"{where}.groups", raw) for raw in entry.get("groups", []))
        if entry.get("default_group") not in {g.key for g in groups}:
            self.fail(f"{where}.default_group", "bad_default_group", value=entry.get("default_group"))
        video = dict(entry.get("video", {}))
        unknown = [key for key in video if key not in (*VIDEO_LIMITS, "verified", "source")]
        if unknown:
            self.fail(f"{where}.video", "unknown_video", names=", ".join(unknown), known=", ".join(VIDEO_LIMITS))
        categories = dict(entry.get("categories", {}))
        return Edition(
            year=year,
            label=str(entry.get("label") or f"KIPP {year}"),
            closes=closes,
            default_group=entry["default_group"],
            groups=groups,
            exclusions=tuple(self.exclusion(f"{where}.exclusions", raw) for raw in entry.get("exclusions", [])),
            sections=self.sections(where, entry.get("sections")),
            sections_fact=self.fact(f"{where}.sections", entry.get("sections"), "set"),
            attachments=tuple(self.attachment(f"{where}.attachments", raw) for raw in entry.get("attachments", [])),
            video={k: v for k, v in video.items() if k not in ("verified", "source")},
            video_fact=self.fact(f"{where}.video", video, value_key=""),
            categories=tuple(categories.get("names", [])),
            categories_fact=self.fact(f"{where}.categories", categories, "scheme"),
            terms=self.terms,
            full_credit_share=self.share,
        )

    def parse_terms(self, raw: dict | None) -> Terms:
        """[terms]: every word present, the stage and statuses canonical values of enums.csv, the
        past winners' group one of [groups]."""
        from loaders.reference import load_reference

        raw = raw or {}
        texts = ("proposable_stage", "running_status", "stopped_status", "past_winner_group", "award_prefix")
        for key in texts:
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                self.fail(f"terms.{key}", "empty_text")
        names = raw.get("award_names", [])
        if not isinstance(names, list) or not all(isinstance(name, str) and name.strip() for name in names):
            self.fail("terms.award_names", "not_texts")
        enums = load_reference().enum_labels
        for key, field_name in (("proposable_stage", "stage"), ("running_status", "status"),
                                ("stopped_status", "status")):
            if raw[key] not in enums.get(field_name, {}):
                self.fail(f"terms.{key}", "not_enum", value=raw[key], field=field_name,
                          known=", ".join(enums.get(field_name, {})))
        for key in ("past_winner_group", "replication_group"):
            if key in raw and raw[key] not in self.data.get("groups", {}):
                self.fail(f"terms.{key}", "unknown_group", group=raw[key])
        return Terms(*(raw[key] for key in texts), tuple(name.lower() for name in names),
                     raw.get("replication_group", Terms.replication_group))

    def group(self, where: str, raw: dict) -> Group:
        key = raw.get("key")
        labels = self.data.get("groups", {}).get(key)
        if labels is None:
            self.fail(where, "unknown_group", group=key)
        months = self.fact(f"{where}.{key}.min_age_months", raw.get("min_age_months"))
        if not isinstance(months.value, int) or months.value < 0:
            self.fail(f"{where}.{key}.min_age_months", "bad_int", minimum=0)
        cap = self.fact(f"{where}.{key}.cap", raw["cap"]) if "cap" in raw else None
        if cap is not None and (not isinstance(cap.value, int) or cap.value < 1):
            self.fail(f"{where}.{key}.cap", "bad_int", minimum=1)
        origin = self.fact(f"{where}.{key}.origin_required", raw["origin_required"]) if "origin_required" in raw else None
        if origin is not None and not isinstance(origin.value, bool):
            self.fail(f"{where}.{key}.origin_required", "verified_bool")
        return Group(key, labels["label_id"], labels["label_en"], months, cap, origin)

    def exclusion(self, where: str, raw: dict) -> Exclusion:
        results = raw.get("results")
        if not results or not all(isinstance(r, str) for r in results):
            self.fail(where, "bad_results")
        count = raw.get("min_count", 1)
        if not isinstance(count, int) or count < 1:
            self.fail(f"{where}.min_count", "bad_int", minimum=1)
        return Exclusion(tuple(results), count, tuple(raw.get("years", ())), self.fact(where, raw, value_key=""))

    def sections(self, where: str, raw: dict | None) -> tuple[Section, ...]:
        name = (raw or {}).get("set")
        section_set = self.data.get("section_sets", {}).get(name)
        if section_set is None:
            self.fail(f"{where}.sections", "unknown_set", name=name)
        sections = []
        for item in section_set.get("sections", []):
            key = item.get("key")
            place = f"section_sets.{name}.{key}"
            if key not in KIPP_SECTIONS:
                self.fail(place, "not_section", item=key, known=", ".join(KIPP_SECTIONS))
            weight, max_words = self.fact(f"{place}.weight", item.get("weight")), self.fact(
                f"{place}.max_words", item.get("max_words"))
            if not isinstance(weight.value, (int, float)) or weight.value < 0:
                self.fail(f"{place}.weight", "bad_number", minimum=0)
            if not isinstance(max_words.value, int) or max_words.value < 1:
                self.fail(f"{place}.max_words", "bad_int", minimum=1)
            draft_from = tuple(self.drafting.get(key, ()))
            unknown = [c for c in draft_from if c not in CANONICAL_COLUMNS]
            if unknown:
                self.fail(f"drafting.{key}", "unknown_columns", names=", ".join(unknown))
            sections.append(Section(key, item["label_id"], item["label_en"], weight, max_words,
                                    item["must_contain_id"], item["must_contain_en"], draft_from))
        if not sections:
            self.fail(f"section_sets.{name}", "no_sections")
        return tuple(sections)

    def attachment(self, where: str, raw: dict) -> Attachment:
        key = raw.get("key")
        spec = self.data.get("attachments", {}).get(key)
        if spec is None:
            self.fail(where, "unknown_attachment", item=key)
        columns, kind = tuple(spec.get("columns", ())), spec.get("kind")
        unknown = [column for column in columns if column not in CANONICAL_COLUMNS]
        if unknown or (columns and kind not in ATTACHMENT_KINDS):
            self.fail(f"attachments.{key}", "bad_attachment", names=", ".join(unknown or columns), kind=kind)
        return Attachment(key, spec["label_id"], spec["label_en"],
                          self.fact(f"{where}.{key}.required", raw.get("required")), columns, kind)


def edition_facts(edition: Edition, lang: str = "id") -> list[dict]:
    """The edition's rules as rows {rule, value, verified, source} for pages, drafts and the CLI."""
    rows = [(t("kipp.fact.closes", lang), format_date(edition.close_date, "day", lang), edition.closes)]
    for group in edition.groups:
        rows.append((t("kipp.fact.min_age", lang, group=group.label(lang)),
                     t("kipp.fact.months", lang, months=format_int(group.min_age_months.value, lang)),
                     group.min_age_months))
        if group.cap is not None:
            rows.append((t("kipp.fact.cap", lang, group=group.label(lang)), format_int(group.cap.value, lang),
                         group.cap))
        if group.origin_required is not None:
            rows.append((t("kipp.fact.origin", lang, group=group.label(lang)),
                         t("kipp.fact.origin_value" if group.origin_required.value else "kipp.fact.origin_free", lang),
                         group.origin_required))
    for rule in edition.exclusions:
        times = f" ×{rule.min_count}" if rule.min_count > 1 else ""
        rows.append((t("kipp.fact.excluded", lang), ", ".join(rule.results) + times, rule.fact))
    for section in edition.sections:
        rows.append((section.label(lang), t("kipp.fact.section_limits", lang,
                                            max_words=format_int(section.max_words.value, lang),
                                            weight=section.weight.value), section.max_words))
    for attachment in edition.attachments:
        if attachment.required.value:
            rows.append((t("kipp.fact.attachment", lang), attachment.label(lang), attachment.required))
    if edition.video:
        rows.append((t("kipp.fact.video", lang), video_limits(edition, lang), edition.video_fact))
    return [{"rule": rule, "value": value, "verified": fact.verified, "source": source_words(fact, lang)}
            for rule, value, fact in rows]


def video_limits(edition: Edition, lang: str = "id") -> str:
    """The edition's video limits in words: "paling lama 5 menit, resolusi minimal 720p, dalam Bahasa Indonesia"."""
    return ", ".join(t(f"kipp.video.{key}", lang, value=value) for key, value in edition.video.items())


def source_words(fact: Fact, lang: str = "id") -> str:
    """Where a rule comes from: the cited source, or for a rule without one what to do about it."""
    if fact.source == ASSUMED:
        return t("kipp.fact.assumed", lang)
    return fact.source_text.pick(lang) if fact.source_text else fact.source
