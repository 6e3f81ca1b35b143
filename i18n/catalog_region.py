"""The provincial view's words (catalog part `region.*`, with its charts' titles and columns): /provinsi,
where regions are compared by innovations, trend, urusan coverage and Indeks Inovasi Daerah
(analytics/regions.py, charts/region_views.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.provinsi": ("Provinsi", "Province"),
    "region.heading": ("Perbandingan daerah", "Regions compared"),
    "region.intro": ("{count} daerah tersimpan: kabupaten ini dan daerah lain dari berkas yang memuat kolom Pemda "
                     "serta pustaka replikasi. Filter di atas berlaku untuk semua daerah; pilih daerah yang "
                     "dibandingkan di sini (tidak ada yang dipilih: semua).",
                     "{count} regions stored: this regency and other regions from files with a Pemda column and "
                     "the replication library. The filters above apply to every region; choose the regions "
                     "compared here (none chosen: all of them)."),
    "region.choose": ("Daerah yang dibandingkan", "Regions compared"),
    "region.option": ("{region} ({count})", "{region} ({count})"),
    "region.all": ("Semua daerah", "All regions"),
    "region.caption_all": ("Daerah: semua ({count})", "Regions: all ({count})"),
    "region.index_caption": ("indeks tiap daerah dari buktinya, untuk seluruh inovasinya: filter tidak berlaku",
                             "each region's index from its evidence, over all its innovations: the filters do "
                             "not apply"),
    "region.no_evidence": ("Belum ada bukti", "No evidence yet"),
    "region.index_note": ("Bukti IID hanya tersimpan untuk {home} (lembar bukti dan kolom inovasinya); indikator "
                          "pemerintah daerah (SPD) daerah lain tidak tersimpan, jadi indeksnya tidak dihitung.",
                          "IID evidence is stored only for {home} (its evidence sheets and its innovations' "
                          "columns); other regions' government (SPD) indicators are not stored, so their index "
                          "is not computed."),
    "region.edition": ("IID {year}", "IID {year}"),
    "region.report_off": ("Laporan PDF/Word merangkum tampilan biasa, bukan perbandingan ini: unduh datanya (Unduh "
                          "data) atau tiap grafik (Unduh grafik).",
                          "The PDF/Word report covers the normal view, not this comparison: download its data "
                          "(Download data) or each chart (Download chart)."),
    "region.drawn": ("{count} daerah, {what}: {figures}", "{count} regions, {what}: {figures}"),
    "region.drawn_count": ("inovasi {years}", "innovations {years}"),
    "region.drawn_sectors": ("urusan {years} (dari {total})", "urusan {years} (of {total})"),
    "region.drawn_index": ("indeks IID {edition}", "IID {edition} index"),
    "title.region_count": ("{region} mencatat inovasi terbanyak: {count} pada {years} (tahun data bersama "
                           "{regions} daerah)",
                           "{region} recorded the most innovations: {count} in {years} (the years all {regions} "
                           "regions have data for)"),
    "title.region_count_one": ("{region}: {count} inovasi pada {years}", "{region}: {count} innovations in {years}"),
    "title.region_count_apart": ("{count} daerah ini tidak punya satu tahun data pun yang sama",
                                 "These {count} regions share no year of data"),
    "title.region_trend": ("Tahun {year}: {region} terbanyak ({count} inovasi)",
                           "In {year}: {region} recorded the most ({count} innovations)"),
    "title.region_sector": ("{region} menjangkau urusan terbanyak pada {years}: {count} dari {total}",
                            "{region} covers the most urusan in {years}: {count} of {total}"),
    "title.region_index": ("{region}: indeks {index} ({band}) pada IID {edition}",
                           "{region}: index {index} ({band}) in IID {edition}"),
    "title.region_index_none": ("{count} daerah ini belum punya bukti IID", "These {count} regions have no IID "
                                                                          "evidence yet"),
    "title.region_index_without": ("{title}; {count} daerah belum punya bukti",
                                   "{title}; {count} regions have no evidence yet"),
    "column.region_name": ("Daerah", "Region"),
    "column.region_count": ("Inovasi {years}", "Innovations {years}"),
    "column.region_total": ("Inovasi semua tahun", "Innovations, all years"),
    "column.region_years": ("Tahun data", "Years of data"),
    "column.region_first": ("Tahun pertama", "First year"),
    "column.region_last": ("Tahun terakhir", "Last year"),
    "column.region_sectors": ("Urusan {years}", "Urusan {years}"),
    "column.region_top_sector": ("Urusan terbanyak", "Top urusan"),
    "column.predikat": ("Predikat", "Rating"),
    "column.assessed": ("Inovasi dinilai", "Innovations assessed"),
    "axis.edition": ("Edisi IID", "IID edition"),
    "axis.index": ("Indeks", "Index"),
}
