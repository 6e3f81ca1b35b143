"""`python app.py iid [--edition YEAR] [--evidence PATH...] [SOURCE] [--json]`: the Indeks Inovasi Daerah.

The regency's innovations of the edition's year, scored from the evidence: the evidence entered in the
dashboard (read from the store; it wins), then the evidence sheets given (loaders/iid_evidence.py), then
what the innovations' own columns show; on the sample data, the synthetic sheet data/iid_sample/bukti_iid.csv. Prints the index and predikat, each innovation's
computed SID beside the export's Kematangan, and the what-if list. Default edition: the latest in
data/reference/iid_editions.toml that the regency's rows reach (a newer one has no innovations yet).
"""

from __future__ import annotations

import json
import sys

from cli.common import add_dataset_arguments, cut_text, load_dataset
from i18n import t

WHAT_IF = 10


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("iid", help=t("cli.help.iid", lang))
    parser.add_argument("--edition", type=int, metavar="YEAR", help=t("cli.help.iid.edition", lang))
    parser.add_argument("--evidence", nargs="+", metavar="PATH", help=t("cli.help.iid.evidence", lang))
    add_dataset_arguments(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from analytics.iid.editions import IIDEditionError, load_editions
    from analytics.iid.evidence import default_evidence
    from analytics.iid.scoring import assess_with_sheets, default_edition, what_if

    editions = load_editions()
    try:
        edition = editions.get(args.edition) if args.edition is not None else None
    except IIDEditionError as err:
        print(f"python app.py iid: error: {err.message(args.lang)}", file=sys.stderr)
        return 2
    dataset = load_dataset(args)
    if dataset is None:
        return 1
    edition = edition or default_edition(dataset.frame, editions)
    paths = args.evidence or default_evidence(dataset.source_label)
    assessment, issues = assess_with_sheets(dataset.frame, edition, paths, args.lang, dataset.iid_evidence)
    for issue in issues:
        print(issue.to_line(), file=sys.stderr)
    if any(issue.severity == "error" for issue in issues):
        return 1
    moves = what_if(assessment, WHAT_IF)
    if args.json:
        json.dump(to_json(assessment, moves, [str(p) for p in paths], args.lang), sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
    else:
        print_text(assessment, moves, bool(paths) or bool(dataset.iid_evidence), args.lang)
    return 0


def to_json(assessment, moves, evidence: list[str], lang: str) -> dict:
    from analytics.iid.editions import edition_facts
    from analytics.iid.evidence import tier_source
    from analytics.iid.scoring import describe_move

    edition = assessment.edition
    table = assessment.innovations

    def number(value):
        return None if value != value else round(float(value), 2)

    return {
        "edition": edition.year, "label": edition.label, "index": assessment.result.index,
        "predikat": assessment.result.band.key, "predikat_label": assessment.result.band.label(lang),
        "parts": {**assessment.result.to_dict(lang), "max_total": edition.max_total}, "evidence": evidence,
        "spd": [{"indicator": i.key, "number": i.number, "label": i.label(lang),
                 "tier": assessment.spd_tiers[i.key], "score": i.score(assessment.spd_tiers[i.key]),
                 "source": tier_source(assessment.evidence, i.key, assessment.spd_tiers[i.key])}
                for i in edition.spd],
        "innovations": [{"id": r.id, "name": r.name, "agency": r.agency, "stage": r.stage,
                         "assessed": bool(r.assessed), "sid": number(r.sid), "maturity": number(r.maturity),
                         "difference": number(r.difference), "sources": sid_sources(assessment, r.id)}
                        for r in table.itertuples()],
        "what_if": [{"indicator": m.indicator, "number": edition.indicator(m.indicator).number, "tier": m.tier,
                     "documents": m.documents, "ids": list(m.ids), "points": round(m.points, 4),
                     "index": m.index, "text": describe_move(m, edition, lang)} for m in moves],
        "facts": edition_facts(edition, lang),
    }


def sid_sources(assessment, innovation: str) -> dict:
    """Indicator key -> where the innovation's tier comes from ("entered", "sheet" or "data"), for the
    indicators with any evidence."""
    from analytics.iid.evidence import tier_source

    tiers = assessment.sid_tiers.loc[innovation]
    sources = {key: tier_source(assessment.evidence, (innovation, key), int(tier)) for key, tier in tiers.items()}
    return {key: source["source"] for key, source in sources.items() if source}


def print_text(assessment, moves, with_evidence: bool, lang: str) -> None:
    from analytics.iid.editions import edition_facts
    from analytics.iid.scoring import describe_move
    from i18n import format_int, format_number, printable, t

    edition, result = assessment.edition, assessment.result
    print(t("iid.ui.headline", lang, edition=edition.label, index=format_number(result.index, lang, 2),
            band=result.band.label(lang)))
    print(t("iid.ui.parts", lang, spd=format_number(result.spd, lang, 2),
            sid_sum=format_number(result.sid_sum, lang, 2), divisor=format_int(result.divisor, lang),
            sid_average=format_number(result.sid_average, lang, 2),
            count_score=format_number(result.count_score, lang, 2), total=format_number(result.total, lang, 2),
            max_total=format_number(edition.max_total, lang, 0), n=format_int(result.n, lang)))
    print(t("iid.ui.bands", lang, bands=", ".join(f"{b.label(lang)} ≥ {format_number(b.start.value, lang, 2)}"
                                                  for b in edition.bands)))
    facts = edition_facts(edition, lang)
    print(t("iid.ui.unverified", lang, count=format_int(sum(not f["verified"] for f in facts), lang),
            total=format_int(len(facts), lang)))
    if not with_evidence:
        print(t("iid.ui.no_evidence", lang))
    entered = sum(source["source"] == "entered" for source in (assessment.evidence.sources.values()
                                                               if assessment.evidence else ()))
    if entered:
        print(t("iid.source.cli", lang, count=format_int(entered, lang)))
    print()
    print(t("iid.ui.whatif", lang))
    for move in moves:
        print("  " + describe_move(move, edition, lang))
    if not moves:
        print("  " + t("iid.ui.no_moves", lang))
    print()
    table = assessment.innovations
    if table.empty:
        print(t("iid.ui.none", lang, year=edition.year))
        return
    columns = ("id", "sid", "maturity", "difference", "assessed", "agency", "name")
    headers = [t(f"iid.ui.col.{c}", lang) for c in columns]
    yes, no = t("iid.ui.yes", lang), t("iid.ui.no", lang)
    rows = [(r.id, format_number(r.sid, lang, 0), format_number(r.maturity, lang, 0),
             format_number(r.difference, lang, 0), yes if r.assessed else no, cut_text(r.agency, 28), cut_text(r.name, 44))
            for r in table.itertuples()]
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    for line in [headers, *rows]:
        print(printable("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip()))

