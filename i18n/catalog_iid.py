"""Indeks Inovasi Daerah and replication words (catalog part `iid.*`, plus the evidence sheets' loader
codes `loader.iid_*`): the editions file's problems (`iid.file.*`, analytics/iid/editions.py), evidence
rows that do not apply (`iid.evidence.*`), the edition's rules as rows (`iid.fact.*`), the index, the
what-if and the replication library as the command line and the pages say them (`iid.ui.*`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the editions file (data/reference/iid_editions.toml)
    "iid.file.unreadable": ("{file} tidak bisa dibaca: {detail}", "{file} cannot be read: {detail}"),
    "iid.file.unknown_edition": ("Edisi IID {year} tidak ada di data/reference/{file} (tersedia: {known}).",
                                 "IID edition {year} is not in data/reference/{file} (available: {known})."),
    "iid.file.not_fact": ("{file}: {where}: harus berupa tabel dengan 'verified' dan 'source'.",
                          "{file}: {where}: must be a table with 'verified' and 'source'."),
    "iid.file.missing_key": ("{file}: {where}: '{key}' tidak ada atau kosong.",
                             "{file}: {where}: '{key}' is missing or empty."),
    "iid.file.verified_bool": ("{file}: {where}: 'verified' harus true atau false.",
                               "{file}: {where}: 'verified' must be true or false."),
    "iid.file.bad_source": ("{file}: {where}: harus tabel {{ id = \"…\", en = \"…\" }}: sumber dalam Bahasa "
                            "Indonesia dan Inggris.",
                            "{file}: {where}: must be a table {{ id = \"…\", en = \"…\" }}: the source in "
                            "Indonesian and English."),
    "iid.file.unknown_source": ("{file}: {where}: sumber '{source}' tidak ada di [sources].",
                                "{file}: {where}: source '{source}' is not in [sources]."),
    "iid.file.bad_number": ("{file}: {where}: {value} bukan angka ≥ {minimum} yang sah.",
                            "{file}: {where}: {value} is not a valid number ≥ {minimum}."),
    "iid.file.no_edition": ("{file}: {where}: tidak ada satu edisi pun.", "{file}: {where}: no edition at all."),
    "iid.file.duplicate_year": ("{file}: {where}: tahun ini muncul dua kali.",
                                "{file}: {where}: this year appears twice."),
    "iid.file.bad_year": ("{file}: {where}: 'year' harus bilangan bulat, bukan {value}.",
                          "{file}: {where}: 'year' must be a whole number, not {value}."),
    "iid.file.unknown_set": ("{file}: {where}: set indikator '{name}' tidak ada di [indicator_sets].",
                             "{file}: {where}: indicator set '{name}' is not in [indicator_sets]."),
    "iid.file.duplicate_indicator": ("{file}: {where}: kunci indikator ini muncul dua kali.",
                                     "{file}: {where}: this indicator key appears twice."),
    "iid.file.no_aspect": ("{file}: {where}: tidak ada indikator aspek '{aspect}'.",
                           "{file}: {where}: no indicator of aspect '{aspect}'."),
    "iid.file.bad_choice": ("{file}: {where}: '{value}' tidak dikenal; pilih salah satu dari: {choices}.",
                            "{file}: {where}: '{value}' is unknown; choose one of: {choices}."),
    "iid.file.bad_tiers": ("{file}: {where}: harus daftar {count} teks (parameter 1 sampai {count}).",
                           "{file}: {where}: must be a list of {count} texts (parameters 1 to {count})."),
    "iid.file.duplicate_start": ("{file}: {where}: dua predikat mulai dari nilai yang sama.",
                                 "{file}: {where}: two bands start at the same value."),
    "iid.file.no_zero_band": ("{file}: {where}: satu predikat harus mulai dari 0 (Tidak Dapat Dinilai).",
                              "{file}: {where}: one band must start at 0 (cannot be assessed)."),
    "iid.file.total_mismatch": ("{file}: {where}: tertulis {declared}, tetapi bobot indikator memberi {computed}; "
                                "periksa bobotnya.",
                                "{file}: {where}: {declared} is written, but the indicator weights give "
                                "{computed}; check the weights."),
    # evidence rows that do not apply to the edition (warnings; the row is left out)
    "iid.evidence.unknown_indicator": ("Indikator '{value}' tidak ada di {edition}; baris ini diabaikan.",
                                       "Indicator '{value}' is not in {edition}; the row is left out."),
    "iid.evidence.spd_with_id": ("Indikator {indicator} dinilai untuk pemerintah daerah, bukan per inovasi: "
                                 "kosongkan id-nya.",
                                 "Indicator {indicator} is scored for the government, not per innovation: leave "
                                 "the id empty."),
    "iid.evidence.sid_without_id": ("Indikator {indicator} dinilai per inovasi: isi id inovasinya.",
                                    "Indicator {indicator} is scored per innovation: fill in the innovation's id."),
    "iid.evidence.unknown_id": ("Tidak ada inovasi ber-id '{id}' di {edition}; baris ini diabaikan.",
                                "No innovation with id '{id}' in {edition}; the row is left out."),
    # evidence sheets as files (loaders/iid_evidence.py)
    "loader.iid_no_rows": ("Lembar bukti IID kosong.", "The IID evidence sheet is empty."),
    "loader.iid_missing_columns": ("Kolom wajib tidak ada di baris judul: {columns}. Baris pertama harus memuat "
                                   "tahun, id, indikator, tingkat, bukti.",
                                   "Required columns missing from the header: {columns}. The first row must hold "
                                   "tahun, id, indikator, tingkat, bukti."),
    "loader.iid_bad_tier": ("Tingkat '{value}' tidak sah: tulis 0, 1, 2 atau 3.",
                            "Tier '{value}' is not valid: write 0, 1, 2 or 3."),
    "loader.iid_bad_year": ("Tahun '{value}' tidak sah: tulis tahun edisi IID (mis. 2025) atau kosongkan.",
                            "Year '{value}' is not valid: write the IID edition's year (e.g. 2025) or leave it "
                            "empty."),
    "loader.iid_no_indicator": ("Indikator kosong: tulis nomornya (1-35) atau kuncinya (mis. sid-16).",
                                "Indicator is empty: write its number (1-35) or key (e.g. sid-16)."),
    # the edition's rules as rows
    "iid.fact.divisor": ("Pembagi minimal SID (MAX(x, n))", "Smallest SID divisor (MAX(x, n))"),
    "iid.fact.count": ("Skor jumlah inovasi", "Score of the number of innovations"),
    "iid.fact.count_value": ("{per} per inovasi, paling banyak {cap} inovasi", "{per} per innovation, up to {cap}"),
    "iid.fact.sid_max": ("Skor SID (kematangan) maksimal", "Highest SID (maturity) score"),
    "iid.fact.spd_share": ("Porsi SPD dari skor total maksimal", "SPD share of the highest total"),
    "iid.fact.stages": ("Tahapan yang dinilai", "Stages assessed"),
    "iid.fact.band": ("Predikat {band} mulai", "{band} from"),
    "iid.fact.weight": ("bobot {weight}", "weight {weight}"),
    # the index as the command line and the pages say it
    "nav.iid": ("Indeks Inovasi", "Innovation index"),
    "iid.ui.heading": ("Indeks Inovasi Daerah", "Regional innovation index (IID)"),
    "replikasi.filters_ignored": ("Filter tidak berlaku di halaman ini: pencarian meliputi seluruh inovasi kabupaten "
                                  "dan pustaka daerah lain.",
                                  "The filters do not apply on this page: the search covers all of the regency's "
                                  "innovations and the other regions' library."),
    "iid.ui.filters_ignored": ("Filter tidak berlaku di halaman ini: indeks dihitung dari seluruh inovasi kabupaten "
                               "pada tahun edisinya.",
                               "The filters do not apply on this page: the index is computed from all of the "
                               "regency's innovations of the edition's year."),
    "iid.ui.edition": ("Edisi:", "Edition:"),
    "iid.ui.table_heading": ("SID per inovasi dan Kematangan ekspor IID",
                             "SID per innovation and the IID export's maturity"),
    "iid.ui.headline": ("{edition}: indeks {index} — {band}", "{edition}: index {index} — {band}"),
    "iid.ui.parts": ("SPD {spd} + SID {sid_sum}/{divisor} = {sid_average} + skor jumlah inovasi {count_score} "
                     "= {total} dari {max_total}; {n} inovasi dinilai.",
                     "SPD {spd} + SID {sid_sum}/{divisor} = {sid_average} + number-of-innovations score "
                     "{count_score} = {total} of {max_total}; {n} innovations assessed."),
    "iid.ui.bands": ("Predikat: {bands}", "Bands: {bands}"),
    "iid.ui.unverified": ("{count} dari {total} nilai aturan edisi ini belum terverifikasi (lihat "
                          "data/reference/iid_editions.toml).",
                          "{count} of the {total} rule values of this edition are unverified (see "
                          "data/reference/iid_editions.toml)."),
    "iid.ui.no_evidence": ("Tanpa lembar bukti: hanya bukti yang terbaca dari data inovasi (SK, video, tanggal, "
                           "replikasi) yang dihitung; tambahkan --evidence BERKAS.",
                           "No evidence sheet: only the evidence the innovation data shows (decree, video, dates, "
                           "replication) is counted; add --evidence FILE."),
    "iid.ui.whatif": ("Tambahan bukti termurah (poin indeks per dokumen):",
                      "Cheapest evidence additions (index points per document):"),
    "iid.ui.move_sid": ("{indicator}: tingkat {tier} ({tier_text}) untuk {count} inovasi: +{points}",
                        "{indicator}: tier {tier} ({tier_text}) for {count} innovations: +{points}"),
    "iid.ui.move_spd": ("{indicator}: tingkat {tier} ({tier_text}) untuk pemerintah daerah: +{points}",
                        "{indicator}: tier {tier} ({tier_text}) for the government: +{points}"),
    "iid.ui.no_moves": ("Tidak ada tambahan bukti yang menaikkan indeks.", "No evidence addition raises the index."),
    "iid.ui.col.id": ("ID", "ID"),
    "iid.ui.col.name": ("Nama inovasi", "Innovation"),
    "iid.ui.col.agency": ("Perangkat daerah", "Agency"),
    "iid.ui.col.sid": ("SID dihitung", "SID computed"),
    "iid.ui.col.maturity": ("Kematangan ekspor", "Export's maturity"),
    "iid.ui.col.difference": ("Selisih", "Difference"),
    "iid.ui.col.assessed": ("Dinilai", "Assessed"),
    "iid.ui.yes": ("ya", "yes"),
    "iid.ui.no": ("tidak", "no"),
    "iid.ui.none": ("Tidak ada inovasi {year} milik daerah ini di data.",
                    "No innovation of this regency for {year} in the data."),
    # the replication library and similar innovations
    "iid.similar.unknown": ("Inovasi dengan id '{id}' tidak ada di data ({count} inovasi dibaca); lihat id-nya "
                            "dengan `python app.py iid` atau di /inovasi.",
                            "No innovation with id '{id}' in the data ({count} innovations read); list the ids "
                            "with `python app.py iid` or on /inovasi."),
    "iid.similar.title": ("Mirip dengan: {name} ({agency}, {year})", "Similar to: {name} ({agency}, {year})"),
    "iid.similar.ours": ("Di daerah ini (kemungkinan duplikat):", "In this regency (possible duplicates):"),
    "iid.similar.others": ("Di daerah lain (calon replikasi):", "In other regions (to replicate):"),
    "iid.similar.nothing": ("  (tidak ada yang cukup mirip)", "  (nothing similar enough)"),
    "iid.similar.library": ("Pustaka replikasi: {count} inovasi dari {regions} daerah lain.",
                            "Replication library: {count} innovations from {regions} other regions."),
    "nav.replikasi": ("Replikasi", "Replication"),
    "iid.search.heading": ("Pustaka replikasi", "Replication library"),
    "iid.search.library": ("{count} inovasi dari {regions} daerah lain.",
                           "{count} innovations from {regions} other regions."),
    "iid.search.prompt": ("Tulis kata di kotak pencarian untuk melihat inovasi yang mirip, di daerah lain dan "
                          "di daerah ini.",
                          "Type words in the search box to see similar innovations, in other regions and in "
                          "this regency."),
    "iid.search.placeholder": ("Cari inovasi: kata dalam nama, deskripsi atau urusan (mis. posyandu lansia)",
                               "Search innovations: words of a name, description or sector (e.g. posyandu lansia)"),
    "iid.gaps.title": ("Urusan yang belum kita punya, tetapi banyak di daerah lain:",
                       "Sectors where we have none and others have many:"),
    "iid.gaps.row": ("{sector}: {count} inovasi di {regions} daerah lain",
                     "{sector}: {count} innovations in {regions} other regions"),
}
