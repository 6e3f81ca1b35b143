"""`python app.py history [--json]`: the batches in the store (DESIGN.md §3).

Also the helpers the store commands share (ingest, rollback, restore, adduser): open the store
and turn a refused operation into exit code 1 with its message, never a traceback.
"""

from __future__ import annotations

import json
import sys

from cli import add_lang_argument

STATUS_LABELS = {"active": ("aktif", "active"), "rolled_back": ("dibatalkan", "rolled back"),
                 "replaced": ("diganti", "replaced")}


def register(subparsers) -> None:
    parser = subparsers.add_parser("history", help="riwayat unggahan (batch) di penyimpanan")
    parser.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    add_lang_argument(parser)
    parser.set_defaults(handler=run)


def run_with_store(args, action) -> int:
    """Open the store ($DATABASE_URL or the embedded file), run `action(store)`, close it.

    A StoreError or an unreachable database prints its message in `args.lang` and returns 1.
    """
    import sqlalchemy as sa

    from i18n import t
    from store.database import open_store
    from store.errors import StoreError

    lang = getattr(args, "lang", "id")
    try:
        store = open_store()
    except (sa.exc.OperationalError, sa.exc.ArgumentError) as err:
        detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        print(t("store.store_unreachable", lang, detail=detail), file=sys.stderr)
        return 1
    try:
        return action(store)
    except StoreError as err:
        print(err.message(lang), file=sys.stderr)
        return 1
    finally:
        store.close()


def batch_line(batch: dict, lang: str) -> str:
    """One batch as a line: '#3  aktif  2025-01-31 10:02  budi  rekap.xlsx  202 inovasi  (2015: 79, ...)'."""
    english = lang == "en"
    status = STATUS_LABELS.get(batch["status"], (batch["status"],) * 2)[english]
    when = (batch["when"] or "")[:16].replace("T", " ")
    years = ", ".join(f"{year}: {count}" for year, count in batch["by_year"].items())
    records = "innovations" if english else "inovasi"
    visible = "" if batch["active_records"] == batch["records"] else (
        f", {batch['active_records']} " + ("shown" if english else "tampil"))
    return (f"#{batch['id']}  {status:<10}  {when}  {batch['who']}  {batch['file']}  "
            f"{batch['records']} {records}{visible}  ({years})")


def run(args) -> int:
    def show(store) -> int:
        batches = store.history()
        if args.json:
            print(json.dumps({"data_version": store.data_version(), "batches": batches},
                             ensure_ascii=False, indent=1))
            return 0
        if not batches:
            print("The store is empty." if args.lang == "en" else "Penyimpanan masih kosong.")
        for batch in batches:
            print(batch_line(batch, args.lang))
        return 0

    return run_with_store(args, show)
