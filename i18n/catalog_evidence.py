"""The words of the IID evidence entered in the dashboard (issue 14): the store's refusals
(`store.iid_evidence_*`, store/iid_evidence.py), where a tier comes from (`iid.source.*`) and the editors
on the workspace page and /iid (`iid.entry.*`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the store's refusals -------------------------------------------------------------------
    "store.iid_evidence_bad_indicator": ("'{indicator}' bukan kunci indikator IID (mis. spd-02a atau sid-16).",
                                         "'{indicator}' is not an IID indicator key (e.g. spd-02a or sid-16)."),
    "store.iid_evidence_wrong_subject": ("Indikator {indicator}: indikator SPD (1-15) dinilai untuk pemerintah "
                                         "daerah, indikator SID (16-35) untuk satu inovasi.",
                                         "Indicator {indicator}: SPD indicators (1-15) are scored for the "
                                         "government, SID indicators (16-35) for one innovation."),
    "store.iid_evidence_bad_tier": ("Tingkat '{tier}' tidak valid: pilih 0, 1, 2 atau 3 (atau kosong).",
                                    "Tier '{tier}' is not valid: choose 0, 1, 2 or 3 (or none)."),
    "store.iid_evidence_too_long": ("Keterangan bukti terlalu panjang: paling banyak {limit} karakter.",
                                    "The evidence's document is too long: at most {limit} characters."),
    "store.iid_evidence_no_region": ("Bukti tanpa pemerintah daerah tidak bisa disimpan.",
                                     "Evidence without a government cannot be saved."),
    "store.iid_evidence_unknown_change": ("Perubahan bukti #{change} tidak ada di riwayat.",
                                          "Evidence change #{change} is not in the history."),
    # --- KIPP's replication group (analytics/kipp/replication.py) -------------------------------
    "kipp.rule.replication": ("Kelompok replikasi", "Replication group"),
    "kipp.msg.replication.none": ("Tidak ditandai sebagai replikasi inovasi daerah lain.",
                                  "Not marked as a replication of another region's innovation."),
    "kipp.msg.replication.ok": ("Replikasi dari {origin} ({region}): dinilai dengan aturan kelompok replikasi "
                                "{edition} (umur minimal {months} bulan).",
                                "Replicates {origin} ({region}): judged by the rules of the {edition} replication "
                                "group (at least {months} months old)."),
    "kipp.msg.replication.ok_no_region": ("Replikasi dari {origin}: dinilai dengan aturan kelompok replikasi {edition} (umur "
                                          "minimal {months} bulan); daerah asalnya belum dicatat.",
                                          "Replicates {origin}: judged by the rules of the {edition} replication group (at "
                                          "least {months} months old); the region it came from is not recorded."),
    "kipp.msg.replication.no_region": ("Replikasi dari {origin}: catat daerah asal inovasi yang direplikasi (kelompok "
                                       "replikasi {edition} untuk inovasi yang diadopsi dari daerah lain).",
                                       "Replicates {origin}: record the region it came from (the {edition} "
                                       "replication group is for innovations adopted from another region)."),
    "kipp.msg.replication.own_region": ("Replikasi dari {origin} ({region}): itu daerah ini sendiri, padahal kelompok "
                                        "replikasi untuk inovasi yang diadopsi dari daerah lain.",
                                        "Replicates {origin} ({region}): that is this regency itself, and the "
                                        "replication group is for innovations adopted from another region."),
    "kipp.msg.replication.no_group": ("Ditandai replikasi dari {origin}, tetapi {edition} tidak punya kelompok "
                                      "replikasi: dinilai dengan aturan kelompok umum.",
                                      "Marked as replicating {origin}, but {edition} has no replication group: "
                                      "judged by the general group's rules."),
    "kipp.msg.replication.past_winner": ("Replikasi dari {origin}, tetapi riwayat penghargaannya mengarahkannya ke "
                                         "kelompok lain (lihat Riwayat penghargaan).",
                                         "Replicates {origin}, but its award history routes it to another group "
                                         "(see Award history)."),
    "kipp.fact.origin": ("{group}: asal replikasi", "{group}: origin of the replication"),
    "kipp.fact.origin_value": ("inovasi dan daerah asalnya disebut", "the innovation and its region are named"),
    "kipp.fact.origin_free": ("tidak wajib disebut", "need not be named"),
    "column.replicated_from": ("Replikasi dari (inovasi)", "Replicates (innovation)"),
    "column.replicated_from_region": ("Daerah asal replikasi", "Region it came from"),
    "workspace.ui.replication": ("Replikasi dari daerah lain", "Adopted from another region"),
    "workspace.ui.replication_hint": ("Bila inovasi ini mengadopsi inovasi daerah lain, sebut inovasi itu dan "
                                      "daerahnya: usulannya dinilai di kelompok replikasi.",
                                      "If this innovation adopts another region's, name that innovation and its "
                                      "region: the proposal is judged in the replication group."),
    "workspace.ui.replication_library": ("Cari di pustaka replikasi", "Search the replication library"),
    # --- where a tier comes from ----------------------------------------------------------------
    "iid.source.entered": ("diisi {by}, {at}", "entered by {by}, {at}"),
    "iid.source.sheet": ("lembar {file} baris {row}", "sheet {file} row {row}"),
    "iid.source.data": ("terbaca dari data inovasi", "read from the innovation data"),
    "iid.source.none": ("belum ada bukti", "no evidence yet"),
    "iid.source.rule": ("Bukti yang diisi di dasbor menang atas lembar bukti, dan lembar bukti atas yang terbaca "
                        "dari data inovasi.",
                        "Evidence entered in the dashboard wins over the evidence sheets, and the sheets over "
                        "what the innovation data shows."),
    "iid.source.cli": ("Bukti yang diisi di dasbor: {count} (menang atas lembar bukti).",
                       "Evidence entered in the dashboard: {count} (wins over the evidence sheets)."),
    # --- the editors ----------------------------------------------------------------------------
    "iid.entry.spd_heading": ("Bukti tingkat pemerintah daerah (SPD)", "Government-level evidence (SPD)"),
    "iid.entry.sid_heading": ("Bukti Indeks Inovasi Daerah (indikator SID)",
                              "Regional innovation index evidence (SID indicators)"),
    "iid.entry.sid_score": ("SID inovasi ini di {edition}: {score} dari {max}.",
                            "This innovation's SID in {edition}: {score} of {max}."),
    "iid.entry.not_assessed": ("Inovasi ini tidak tercatat pada tahun {year}, jadi tidak dihitung di indeks {edition}.",
                               "This innovation is not recorded in {year}, so it does not count in the {edition} "
                               "index."),
    "iid.entry.indicator": ("{number}. {label} (bobot {weight})", "{number}. {label} (weight {weight})"),
    "iid.entry.current": ("Tingkat {tier} — {source}", "Tier {tier} — {source}"),
    "iid.entry.document": ("Dokumen bukti", "Evidence document"),
    "iid.entry.not_entered": ("— tidak diisi (pakai lembar bukti atau data)", "— not entered (sheets or data count)"),
    "iid.entry.tier_option": ("{tier}: {text}", "{tier}: {text}"),
    "iid.entry.tier_zero": ("0: tidak ada bukti", "0: no evidence"),
    "iid.entry.save": ("Simpan bukti", "Save evidence"),
    "iid.entry.saved": ("{count} bukti tersimpan.", "{count} evidence entries saved."),
    "iid.entry.nothing": ("Tidak ada bukti yang berubah.", "No evidence changed."),
    "iid.entry.conflict": ("{indicator}: {by} menyimpan bukti lain pada {at}; isian Anda yang berlaku, isian "
                           "mereka ada di riwayat.",
                           "{indicator}: {by} saved other evidence at {at}; yours now counts, theirs is in the "
                           "history."),
    "iid.entry.refused": ("Hanya editor yang dapat mengisi bukti.", "Only editors can enter evidence."),
    "iid.entry.read_only": ("Hanya editor yang dapat mengubah bukti.", "Only editors can change the evidence."),
    # --- the history of the entered evidence (editors only) ----------------------------------------
    "iid.history.heading": ("Riwayat bukti", "Evidence history"),
    "iid.history.line": ("{indicator} · {by} · {at}", "{indicator} · {by} · {at}"),
    "iid.history.change": ("{before} → {after}", "{before} → {after}"),
    "iid.history.tier": ("tingkat {tier}", "tier {tier}"),
    "iid.history.document": ("{value} ({document})", "{value} ({document})"),
    "iid.history.not_entered": ("tidak diisi", "not entered"),
    "iid.history.kind.save": ("disimpan", "saved"),
    "iid.history.kind.revert": ("dipulihkan", "reverted"),
    "iid.history.conflict": ("bentrok: menimpa isian penyunting lain", "conflict: replaced another editor's entry"),
    "iid.history.revert": ("Pulihkan yang sebelumnya", "Restore the previous"),
    "iid.history.reverted": ("{indicator}: dipulihkan ke {value}.", "{indicator}: restored to {value}."),
    "iid.history.none": ("Belum ada perubahan.", "No change yet."),
    "iid.entry.no_store": ("Bukti hanya bisa diisi bila dasbor membaca penyimpanan (bukan --data).",
                           "Evidence can be entered only when the dashboard reads the store (not --data)."),
}
