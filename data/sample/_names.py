"""Innovation names per urusan for the synthetic sample data: "ACRONYM (Expansion)" or plain names.

Several names carry characters that exist in Windows-1252 but not in ASCII ("é", "–"), so the
cp1252 CSV of 2021 exercises the decoder.
"""

from __future__ import annotations

from _vocabulary import ADMINDUK, KOPERASI, PENUNJANG, PMD, TRANTIB

NAMES: dict[str, tuple[str, ...]] = {
    "Kesehatan": (
        "SIPANDU (Sistem Informasi Pelayanan Terpadu)", "Posyandu Remaja", "Posyandu Lansia Ceria",
        "GEMAS (Gerakan Masyarakat Sadar Gizi)", "SIAGA BUNDA (Siap Antar Jaga Ibu Bersalin)",
        "Rumah Tunggu Kelahiran", "SEHATI (Sehat Hati Ibu dan Anak)", "PANDAI (Pantau Diare dan ISPA)",
        "TOSS TBC (Temukan, Obati Sampai Sembuh Tuberkulosis)", "Kantin Sehat Sekolah",
        "SI CEPAT (Sistem Cepat Antrean Pasien Terpadu)", "Ambulans Desa",
        "GERBANG SEHAT (Gerakan Bersama Anti Narkoba dan Hidup Sehat)", "Posbindu PTM Keliling",
        "SAKTI (Sayangi Anak Kita dengan Imunisasi)", "Jemput Bola Imunisasi", "Pojok Laktasi",
        "Apotek Hidup Keluarga", "SIDAK STUNTING (Sistem Deteksi Dini Anak Stunting)", "Bidan Goes to School",
        "Rekam Medis Elektronik Puskesmas", "POLINDES SIAGA (Pondok Bersalin Desa Siap Antar Jaga)",
        "Senam Hamil Bersama", "Skrining Hipertensi di Pasar", "Layanan Kesehatan Tradisional Terpadu",
        "PENA EMAS (Pencegahan Anemia Remaja Putri dengan Tablet Tambah Darah)", "SMS Gateway Jadwal Posyandu",
        "Klinik Sanitasi", "TABULIN (Tabungan Ibu Bersalin)", "Antrean Online Rawat Jalan",
        "SIRANAP (Sistem Informasi Ketersediaan Tempat Tidur)", "LOTAR (Layanan Obat Antar Rumah)",
        "Posyandu Remaja – Generasi Sehat Bebas Stunting", "Kelas Ibu Balita", "Dokter Kecil Sekolah",
    ),
    "Pendidikan": (
        "GELIS (Gerakan Literasi Sekolah)", "Sekolah Ramah Anak",
        "SIMPATIK (Sistem Informasi Manajemen Pendataan Tenaga Pendidik)", "Guru Kunjung",
        "Kelas Inspirasi Muara Enim", "PPDB Daring (Penerimaan Peserta Didik Baru)", "Satu Guru Satu Buku",
        "BERANI SEKOLAH (Bersama Anak Indonesia Kembali Sekolah)", "Sekolah Adiwiyata Mandiri",
        "Kantin Kejujuran", "Les Sore Gratis", "Taman Baca Sekolah", "SIBISA (Sistem Informasi Beasiswa Siswa)",
        "Magrib Mengaji", "Bus Sekolah Gratis", "Ujian Berbasis Komputer Bersama", "Sekolah Lapang Guru",
        "E-Rapor Terpadu", "KKG Daring (Kelompok Kerja Guru Daring)", "Pendidikan Inklusif Terpadu",
        "Rumah Belajar Desa", "SAHABAT GURU (Sarana Bimbingan dan Pendampingan Guru)",
    ),
    "Kebudayaan": ("Festival Budaya Semende", "Sanggar Seni Sekolah", "Kampung Budaya", "Digitalisasi Naskah Kuno"),
    ADMINDUK: (
        "BELAH DADOKU (Begitu Lahir Dapat Dokumen Kependudukan)",
        "SAKPOLE (Satu Kali Pelayanan Langsung Selesai)", "Jemput Bola Perekaman KTP-el",
        "PAKET CERIA (Pelayanan Akta Kelahiran Terintegrasi Rumah Sakit)", "KIA Goes to School",
        "SI DUKUN (Sistem Dukcapil Untuk Nikah)", "Akta Kematian Langsung Jadi",
        "PELITA (Pelayanan Dokumen Kependudukan Tanpa Antre)", "Layanan Adminduk di Kecamatan",
        "Mobil Keliling Dukcapil", "Anjungan Dukcapil Mandiri", "KTP-el Lansia dan Disabilitas Antar Rumah",
        "SIAK Terpusat di Desa", "Dukcapil Go Digital",
    ),
    PMD: (
        "SISKEUDES Online (Sistem Keuangan Desa)", "Desa Mandiri Sampah", "BUMDes Bangkit", "Sekolah Kader Desa",
        "SIDEKA (Sistem Informasi Desa dan Kawasan)", "Pasar Desa Digital",
        "GERBANG DESA (Gerakan Bersama Membangun Desa)", "Klinik Konsultasi Dana Desa", "Profil Desa Online",
        "Pendamping Desa Bergerak", "Rumah Data Desa", "Lumbung Desa",
        "TEPAT (Tertib Pelaporan Dana Desa Tepat Waktu)", "Posyandu Remaja Desa",
    ),
    "Komunikasi dan Informatika": (
        "Muara Enim Smart City", "SIMPEL (Sistem Informasi Pengaduan Masyarakat Elektronik)", "Wifi Desa",
        "Website Desa Terpadu", "SP4N LAPOR Muara Enim", "Radio Komunitas Desa", "E-Office Pemkab",
        "SIGAP (Sistem Informasi Gawat dan Pengaduan)", "Media Center Kabupaten", "Call Center 112",
        "Kampung Informasi",
    ),
    "Statistik": ("Satu Data Muara Enim", "Portal Open Data", "Desa Cantik (Cinta Statistik)",
                  "Dashboard Statistik Sektoral"),
    PENUNJANG: (
        "PATEN (Pelayanan Administrasi Terpadu Kecamatan)", "Camat Menyapa", "Kecamatan Tanpa Antre",
        "Layanan Surat Online Kecamatan", "Rembug Warga Kecamatan", "E-Aspirasi DPRD", "Reses Online",
        "SIMPATI (Sistem Informasi Pengawasan Terpadu)", "Klinik Konsultasi Pengawasan", "Whistleblowing System",
        "E-Kinerja Terpadu", "JDIH Online (Jaringan Dokumentasi dan Informasi Hukum)", "Lapor Camat",
        "SIPADU (Sistem Pelayanan Terpadu Kecamatan)", "Pelayanan Malam Hari", "Sekolah Kebangsaan",
        "Forum Kewaspadaan Dini Masyarakat", "SIPANDAI (Sistem Pelayanan Administrasi Desa dan Kelurahan)",
    ),
    "Energi dan Sumber Daya Mineral": ("Forum CSR Tambang", "Peta Digital Izin Tambang Rakyat",
                                       "Desa Mandiri Energi", "Monitoring Reklamasi Pascatambang"),
    "Pertanahan": ("Sertifikat Tanah Warga Miskin", "Peta Bidang Tanah Desa"),
    "Perencanaan": ("E-Musrenbang", "SIPPD (Sistem Informasi Perencanaan Pembangunan Daerah)", "Musrenbang Anak",
                    "Musrenbang Perempuan", "Bappeda Menjawab", "Dashboard Capaian RPJMD"),
    "Penelitian dan Pengembangan": ("Bursa Inovasi Daerah", "Kompetisi Inovasi Pelajar", "Klinik Inovasi OPD",
                                    "Database Penelitian Daerah", "Rumah Inovasi Muara Enim"),
    "Kepegawaian": ("SIMPEG Online", "Kenaikan Pangkat Tanpa Antre", "E-Absensi ASN", "Pensiun Tepat Waktu",
                    "Layanan Kepegawaian Jemput Bola"),
    "Pendidikan dan Pelatihan": ("Diklat Berbasis E-Learning", "Coaching Clinic ASN"),
    "Keuangan": ("SIPKD (Sistem Informasi Pengelolaan Keuangan Daerah)", "Bayar PBB Lewat Bank Desa",
                 "E-Retribusi Pasar", "Pajak Daerah Online", "PBB Jemput Bola", "Transaksi Non Tunai Daerah",
                 "E-BPHTB (Bea Perolehan Hak atas Tanah dan Bangunan)", "E-Katalog Lokal"),
    TRANTIB: ("Satpol PP Sahabat Warga", "Patroli Malam Terpadu", "Desa Tangguh Bencana",
              "Siaga Banjir Berbasis SMS", "Pemadam Kebakaran Cepat Tanggap", "Posko Ronda Kampung",
              "Sekolah Siaga Bencana", "Tim Reaksi Cepat Bencana"),
    "Sosial": ("Rumah Singgah Anak Jalanan", "PKH Peduli", "Basis Data Terpadu Online", "Layanan Sosial Keliling",
               "Lansia Bahagia", "Kampung Ramah Disabilitas", "Dapur Umum Siaga"),
    "Tenaga Kerja": ("Bursa Kerja Online", "Kartu Kuning Online", "Job Fair Muara Enim",
                     "Pelatihan Kerja Berbasis Kompetensi"),
    "Pemberdayaan Perempuan dan Pelindungan Anak": (
        "Rumah Aman Perempuan", "PUSPAGA (Pusat Pembelajaran Keluarga)", "Forum Anak Desa",
        "Telepon Sahabat Anak", "PATBM (Perlindungan Anak Terpadu Berbasis Masyarakat)"),
    "Pangan": ("Lumbung Pangan Masyarakat", "Pekarangan Pangan Lestari", "Toko Tani Muara Enim",
               "Diversifikasi Pangan Lokal", "Cadangan Pangan Desa", "Pasar Murah Keliling"),
    "Lingkungan Hidup": ("Bank Sampah Sekolah", "Kampung Iklim", "Sedekah Sampah", "Izin Lingkungan Online",
                         "Uji Emisi Gratis", "Biopori Sejuta Lubang"),
    "Pekerjaan Umum dan Penataan Ruang": ("SIMBG (Sistem Informasi Manajemen Bangunan Gedung)", "Lapor Jalan Rusak",
                                          "Peta Tata Ruang Online", "Jalan Desa Padat Karya", "Irigasi Partisipatif"),
    "Perumahan Rakyat dan Kawasan Permukiman": (
        "Bedah Rumah Swadaya", "Air Bersih Desa", "SANIMAS (Sanitasi Berbasis Masyarakat)",
        "Kampung Tanpa Kumuh", "Penerangan Jalan Tenaga Surya", "Rumah Layak Huni"),
    "Pengendalian Penduduk dan Keluarga Berencana": (
        "Kampung KB", "Pelayanan KB Keliling", "Bina Keluarga Remaja", "GenRe (Generasi Berencana)",
        "Posyandu KB Pria"),
    "Perhubungan": ("Uji KIR Tepat Waktu", "Angkutan Pelajar Gratis", "Zona Selamat Sekolah",
                    "Terminal Ramah Penumpang", "Parkir Elektronik", "Rambu Pintar"),
    KOPERASI: ("Klinik UMKM – Naik Kelas", "Pasar Online UMKM", "Rumah Kemasan", "Koperasi Sekolah Modern",
               "IUMK di Kecamatan (Izin Usaha Mikro Kecil)", "Kredit Usaha Lunak Tanpa Agunan"),
    "Penanaman Modal": ("Izin Online Satu Pintu", "Mal Pelayanan Publik", "Layanan Perizinan Keliling",
                        "SIMPONI (Sistem Informasi Perizinan Online)", "Perizinan Antar Jemput",
                        "Potensi Investasi Online"),
    "Kepemudaan dan Olah Raga": ("Pemuda Pelopor Desa", "Liga Sepak Bola Antar Desa", "Wirausaha Muda",
                                 "Sport Center Rakyat"),
    "Perpustakaan": ("Pojok Baca Desa", "Perpustakaan Keliling", "Pustaka Kampung", "Perpustakaan Digital",
                     "Taman Baca Masyarakat", "Café Literasi Desa"),
    "Kearsipan": ("Arsip Digital Desa", "E-Arsip Terpadu", "Sadar Arsip"),
    "Kelautan dan Perikanan": ("BUDIKDAMBER (Budidaya Ikan dalam Ember)", "Kolam Terpal Keluarga",
                               "GEMARIKAN (Gerakan Memasyarakatkan Makan Ikan)", "Benih Ikan Unggul Desa"),
    "Pariwisata": ("Desa Wisata Semende", "Paket Wisata Air Terjun Bedegung",
                   "Festival Kopi Semende – Citarasa Dunia", "Homestay Desa", "Pokdarwis Kreatif"),
    "Pertanian": ("Sekolah Lapang Petani", "Kartu Tani", "Klinik Tanaman", "Kopi Semende Organik",
                  "Pupuk Organik Desa", "Poskeswan Keliling (Pos Kesehatan Hewan)", "Inseminasi Buatan Jemput Bola",
                  "Peremajaan Karet Rakyat", "Sawit Rakyat Berkelanjutan", "Penyuluhan Pertanian Online",
                  "Brigade Alsintan", "Kebun Bibit Desa"),
    "Perdagangan": ("Pasar Rakyat Bersih", "Tera Ulang Keliling", "Harga Pasar Online", "Pasar Murah Ramadan"),
    "Perindustrian": ("Sentra Kerajinan Tenun", "Rumah Produksi Bersama", "Klinik Desain Kemasan"),
}

# Names with characters outside ASCII but inside cp1252, forced into the 2021 CSV: (agency, name).
CP1252_NAMES = (
    ("Dinas Perpustakaan dan Kearsipan", "Café Literasi Desa"),
    ("Dinas Kesehatan", "Posyandu Remaja – Generasi Sehat Bebas Stunting"),
    ("Dinas Koperasi dan UKM", "Klinik UMKM – Naik Kelas"),
    ("Dinas Pariwisata", "Festival Kopi Semende – Citarasa Dunia"),
)

# How hand-made recaps write some urusan (aliases in data/reference/sectors.csv).
SECTOR_SPELLINGS = {
    "Komunikasi dan Informatika": ("Kominfo",), ADMINDUK: ("Adminduk", "Kependudukan dan Pencatatan Sipil"),
    PMD: ("PMD", "Pemberdayaan Masyarakat Desa"), "Pengendalian Penduduk dan Keluarga Berencana": ("KB",),
    TRANTIB: ("Trantibum",), "Pekerjaan Umum dan Penataan Ruang": ("PUPR", "Pekerjaan Umum"),
    "Perumahan Rakyat dan Kawasan Permukiman": ("Perkim",),
    KOPERASI: ("Koperasi dan UKM", "UMKM"), "Pangan": ("Ketahanan Pangan",), PENUNJANG: ("Penunjang Lainnya",),
    "Kepemudaan dan Olah Raga": ("Pemuda dan Olahraga",), "Kelautan dan Perikanan": ("Perikanan",),
}
