"""`python app.py proposal ID [--edition YEAR] [--data PATH...] -o OUT.docx`: a KIPP proposal draft."""

from __future__ import annotations

import sys
from pathlib import Path

from cli.common import (UsageError, add_lang_argument, add_page_arguments, add_source_arguments,
                        load_edition_and_frame)


def register(subparsers) -> None:
    parser = subparsers.add_parser("proposal", help="draf proposal KIPP (.docx) untuk satu inovasi")
    parser.add_argument("innovation_id", metavar="ID", help="id inovasi (lihat `readiness`)")
    add_page_arguments(parser, "proposal")
    add_source_arguments(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="berkas Word yang ditulis")
    add_lang_argument(parser)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from analytics.kipp.readiness import UnknownInnovation, evaluate
    from exports.proposal_docx import proposal_document

    output = Path(args.output)
    if output.suffix.lower() != ".docx":
        raise UsageError(f"-o harus berakhiran .docx: {output.name}")
    loaded = load_edition_and_frame(args)
    if isinstance(loaded, int):
        return loaded
    edition, frame = loaded
    readiness = evaluate(frame, edition)
    try:
        document = proposal_document(frame, readiness, args.innovation_id, args.lang)
    except UnknownInnovation:
        message = (f"Inovasi dengan id '{args.innovation_id}' tidak ada di data ({len(frame)} inovasi dibaca); "
                   "lihat id-nya dengan `python app.py readiness`."
                   if args.lang == "id" else
                   f"No innovation with id '{args.innovation_id}' in the data ({len(frame)} innovations read); "
                   "list the ids with `python app.py readiness`.")
        print(message, file=sys.stderr)
        return 1
    temporary = output.with_name(f".{output.name}.tmp")
    document.save(str(temporary))
    temporary.replace(output)  # atomic: a failed write never leaves half a file behind
    status = readiness.table.iloc[readiness.position(args.innovation_id)]["status"]
    print(f"{edition.label}: {status} → {output}")
    return 0
