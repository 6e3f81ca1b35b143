"""`python app.py proposal ID [--edition YEAR] [--data PATH...] -o OUT.docx`: a KIPP proposal draft."""

from __future__ import annotations

import sys

from cli.common import (add_lang_argument, add_page_arguments, add_source_arguments, check_suffix,
                        load_edition_and_frame)
from i18n import t


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("proposal", help=t("cli.help.proposal", lang))
    parser.add_argument("innovation_id", metavar="ID", help=t("cli.help.proposal.id", lang))
    add_page_arguments(parser, "proposal", lang)
    add_source_arguments(parser, lang)
    parser.add_argument("-o", "--output", required=True, metavar="OUT.docx", help=t("cli.help.proposal.output", lang))
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from analytics.kipp.readiness import UnknownInnovation, evaluate
    from exports.proposal_docx import proposal_document
    from i18n import format_int, t

    output = check_suffix(args, (".docx",))
    loaded = load_edition_and_frame(args)
    if isinstance(loaded, int):
        return loaded
    edition, frame, _ = loaded
    readiness = evaluate(frame, edition)
    try:
        document = proposal_document(frame, readiness, args.innovation_id, args.lang)
    except UnknownInnovation:
        print(t("cli.proposal.unknown", args.lang, id=args.innovation_id, count=format_int(len(frame), args.lang)),
              file=sys.stderr)
        return 1
    temporary = output.with_name(f".{output.name}.tmp")
    document.save(str(temporary))
    temporary.replace(output)  # atomic: a failed write never leaves half a file behind
    status = readiness.table.iloc[readiness.position(args.innovation_id)]["status"]
    print(f"{edition.label}: {status} → {output}")
    return 0
