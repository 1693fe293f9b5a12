//! Unit tests of each analyser: what readers expect, whatever the algorithm. The golden
//! vectors (`vectors.rs`) pin the exact output; these say why it must be so.

use super::*;

/// Whether a search for `query` would find `text`: some query term matches some index term,
/// exactly or, for the word being typed, as a prefix (as the search client does).
fn finds(a: Analyzer, text: &str, query: &str, typing: bool) -> bool {
    let index = a.index_terms(text);
    a.query_terms(query, typing).iter().any(|q| {
        index.iter().any(|t| {
            if q.prefix {
                t.starts_with(&q.term)
            } else {
                *t == q.term
            }
        })
    })
}

/// Asserts that the words of each group share one stem and that no two groups share one.
fn assert_groups(a: Analyzer, groups: &[&str]) {
    let mut seen: Vec<(String, &str)> = Vec::new();
    let mut problems = Vec::new();
    for group in groups {
        let stems: Vec<(String, &str)> = group.split_whitespace().map(|w| (a.stem(w), w)).collect();
        let first = &stems[0].0;
        if stems.iter().any(|(s, _)| s != first) {
            problems.push(format!("group does not meet: {stems:?}"));
        }
        if let Some((_, other)) = seen.iter().find(|(s, _)| s == first) {
            problems.push(format!("`{group}` and `{other}` share the stem `{first}`"));
        }
        seen.push((first.clone(), group));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Inflection groups from the guides: each line is one word in its forms.
pub(super) const ID_GROUPS: &[&str] = &[
    "perpanjang memperpanjang diperpanjang perpanjangan memperpanjangnya diperpanjangnya",
    "adu mengadu pengaduan diadukan aduan pengadu mengadukan pengaduannya",
    "lapor melapor pelaporan dilaporkan laporan melaporkan pelapor laporkan",
    "biaya pembiayaan dibiayai membiayai biayanya",
    "tinggal meninggalkan ketinggalan tertinggal peninggalan ditinggalkan",
    "paspor paspornya",
    "izin perizinan mengizinkan diizinkan berizin izinnya",
    "mohon memohon permohonan pemohon dimohon permohonannya",
    "periksa memeriksa pemeriksaan diperiksa pemeriksa",
    "daftar mendaftar pendaftaran terdaftar didaftarkan mendaftarkan",
    "bayar membayar pembayaran dibayar dibayarkan",
    "syarat persyaratan bersyarat mensyaratkan",
    "lindung melindungi perlindungan dilindungi pelindungan terlindungi",
    "ganti mengganti penggantian diganti pengganti menggantikan",
    "ambil mengambil pengambilan diambil",
    "aju mengajukan pengajuan diajukan ajukan",
    "urus mengurus pengurusan diurus urusan pengurus",
    "terbit menerbitkan penerbitan diterbitkan",
    "terima menerima penerimaan diterima penerima",
    "kirim mengirim pengiriman dikirim kiriman",
    "kunjung mengunjungi kunjungan berkunjung pengunjung dikunjungi",
    "setuju menyetujui persetujuan disetujui",
    "tuju tujuan bertujuan ditujukan",
    "tanya bertanya pertanyaan menanyakan ditanyakan",
    "wajib kewajiban mewajibkan diwajibkan",
    "hubung menghubungi hubungan dihubungi hubungi berhubungan",
    "ikut mengikuti ikuti diikuti",
    "jalan perjalanan berjalan menjalani dijalankan",
    "datang kedatangan mendatangi pendatang datangi",
    "angkat berangkat keberangkatan",
    "hilang kehilangan menghilangkan",
    "ubah mengubah perubahan diubah berubah",
    "tetap menetap penetapan ditetapkan",
    "tulis menulis ditulis penulisan tertulis",
    "milik memiliki pemilik kepemilikan dimiliki",
    "minta meminta permintaan diminta",
    "nikah menikah pernikahan",
    "mulai memulai dimulai",
    "nilai menilai penilaian dinilai",
    "pakai memakai pemakaian dipakai",
    "kerja bekerja pekerja pekerjaan mengerjakan dipekerjakan mempekerjakan",
    "sampai menyampaikan disampaikan penyampaian",
    "selesai menyelesaikan penyelesaian diselesaikan selesaikan",
    "sesuai menyesuaikan penyesuaian disesuaikan",
    "kena dikenakan mengenai pengenaan",
    "tunggu menunggu",
    "buat membuat pembuatan dibuat",
    "beri memberi memberikan pemberian diberikan berikan",
    "cetak mencetak pencetakan dicetak cetakannya",
    "rekam merekam perekaman direkam",
    "wawancara mewawancarai diwawancarai",
    "unggah mengunggah diunggah",
    "unduh mengunduh diunduh",
    "isi mengisi pengisian diisi berisi",
    "lengkap melengkapi kelengkapan dilengkapi",
    "batas membatasi pembatasan dibatasi terbatas",
    "awas mengawasi pengawasan diawasi pengawas",
    "tangkap menangkap penangkapan ditangkap",
    "tahan menahan penahanan ditahan",
    "deportasi mendeportasi dideportasi",
    "tindak menindak tindakan ditindak",
    "guna menggunakan penggunaan digunakan pengguna",
    "lanjut melanjutkan lanjutan dilanjutkan",
    "layan melayani pelayanan layanan dilayani",
    "terang keterangan menerangkan",
    "berat keberatan memberatkan",
    "sebar menyebarkan penyebaran",
    "keluarga keluarganya",
    "kembali mengembalikan pengembalian dikembalikan",
    "sah mengesahkan pengesahan disahkan",
    "imigrasi keimigrasian",
    "verifikasi diverifikasi",
    "warganegara kewarganegaraan pewarganegaraan",
    "tinggi ketinggian",
];

#[test]
fn indonesian_inflections_meet() {
    assert_groups(Analyzer::Indonesian, ID_GROUPS);
}

#[test]
fn indonesian_examples_from_the_brief() {
    let a = Analyzer::Indonesian;
    for word in [
        "perpanjang",
        "memperpanjang",
        "diperpanjang",
        "perpanjangan",
    ] {
        assert_eq!(a.stem(word), "panjang", "{word}");
    }
    for word in ["adu", "mengadu", "pengaduan"] {
        assert_eq!(a.stem(word), "adu", "{word}");
    }
    assert!(finds(
        a,
        "Perpanjangan paspor",
        "memperpanjang paspor",
        false
    ));
    assert!(finds(a, "Biaya pembiayaan", "biaya", false));
    assert!(finds(a, "pelaporan orang asing", "lapor diri", false));
}

#[test]
fn indonesian_prefix_while_typing_finds_the_word_as_written() {
    let a = Analyzer::Indonesian;
    assert!(finds(a, "Layanan pengaduan masyarakat", "pengad", true));
    assert!(finds(a, "Paspor elektronik", "pasp", true));
    assert!(finds(a, "Cara memperpanjang izin tinggal", "memperp", true));
    // The stem of the partial word is not a prefix of the stem: without the surface form in
    // the index these would fail.
    assert_eq!(a.stem("pengaduan"), "adu");
    assert!(!"adu".starts_with("pengad"));
    // A finished word without a trailing space already reaches every inflection.
    assert!(finds(a, "pengaduan", "mengadu", true));
    // Not typing, or after a space, the word is complete: no prefix match.
    assert!(!finds(a, "Layanan pengaduan", "pengad", false));
    assert!(!finds(a, "Layanan pengaduan", "pengad ", true));
}

#[test]
fn indonesian_index_terms_keep_stem_and_surface() {
    let a = Analyzer::Indonesian;
    assert_eq!(
        a.index_terms("Memperpanjang paspor di kantor"),
        ["panjang", "memperpanjang", "paspor", "kantor"]
    );
}

#[test]
fn indonesian_stop_words() {
    let a = Analyzer::Indonesian;
    for word in ["yang", "dan", "di", "ke", "dari", "untuk", "anda"] {
        assert!(a.is_stop_word(word), "{word}");
    }
    for word in ["paspor", "visa", "izin", "wajib", "biaya", "baru"] {
        assert!(!a.is_stop_word(word), "{word}");
    }
}

#[test]
fn indonesian_leaves_non_words_alone() {
    let a = Analyzer::Indonesian;
    for word in ["350000", "kp2mi", "ditjenim2", "عربي", "rp"] {
        assert_eq!(a.stem(word), word);
    }
}

#[test]
fn english_inflections_meet() {
    assert_groups(
        Analyzer::English,
        &[
            "renew renewal renewing renewed renews",
            "passport passports",
            "apply applies applied applying",
            "requirement requirements",
            "extend extended extending extends",
            "complaint complaints",
            "report reported reporting reports",
            "fee fees",
            "permit permits permitted",
        ],
    );
}

#[test]
fn english_porter_reference_cases() {
    // Outputs of the original Porter algorithm.
    let cases = [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("cats", "cat"),
        ("agreed", "agre"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("generalizations", "gener"),
        ("oscillators", "oscil"),
        ("hopefulness", "hope"),
        ("controlling", "control"),
        ("rolling", "roll"),
        ("probate", "probat"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("adjustment", "adjust"),
        ("adoption", "adopt"),
    ];
    for (word, stem) in cases {
        assert_eq!(Analyzer::English.stem(word), stem, "{word}");
    }
}

#[test]
fn english_stop_words_and_typing() {
    let a = Analyzer::English;
    assert!(a.is_stop_word("the") && a.is_stop_word("must") && !a.is_stop_word("may"));
    assert!(finds(a, "Renewing a passport", "renewal", false));
    assert!(finds(a, "Renewing a passport", "renewi", true));
    assert_eq!(
        a.query_terms("the passp", true),
        [QueryTerm {
            term: "passp".into(),
            prefix: true
        }]
    );
}

#[test]
fn arabic_normalisation() {
    let a = Analyzer::Arabic;
    assert_eq!(a.tokenize("أحمد إقامة آمن"), ["احمد", "اقامه", "امن"]);
    assert_eq!(a.tokenize("مستشفى"), ["مستشفي"]);
    assert_eq!(a.tokenize("جَوَازُ السَّفَرِ"), ["جواز", "السفر"]);
    assert_eq!(a.tokenize("جـــواز"), ["جواز"]);
    assert_eq!(a.tokenize("٣٥٠٬٠٠٠ روبية"), ["350000", "روبيه"]);
}

#[test]
fn arabic_light_stemmer_groups() {
    let a = Analyzer::Arabic;
    let normalised: Vec<String> = [
        "جواز الجواز بالجواز وبالجواز جوازات",
        "تجديد والتجديد تجديدها وتجديد",
        "تأشيرة التأشيرة التأشيرات تأشيرتك",
        "إلكتروني الإلكتروني الإلكترونية إلكترونية",
        "وثيقة الوثيقة والوثيقة",
        "مهاجر المهاجرين المهاجرون للمهاجرين",
        "خدمة الخدمة الخدمات خدماتها",
        "إقامة الإقامة",
    ]
    .iter()
    .map(|g| a.tokenize(g).join(" "))
    .collect();
    let groups: Vec<&str> = normalised.iter().map(String::as_str).collect();
    assert_groups(a, &groups);
    assert_eq!(a.stem("بالجواز"), "جواز");
    assert_eq!(a.stem("والتجديد"), "تجديد");
}

#[test]
fn arabic_stop_words_are_normalised() {
    let a = Analyzer::Arabic;
    for word in a.tokenize("في من إلى على أو هذه التي") {
        assert!(a.is_stop_word(&word), "{word}");
    }
    assert!(!a.is_stop_word("جواز"));
}

#[test]
fn plain_analyser_for_unknown_languages() {
    assert_eq!(analyzer_for("fr"), Analyzer::Plain);
    assert_eq!(analyzer_for(""), Analyzer::Plain);
    assert_eq!(analyzer_for("id-ID"), Analyzer::Indonesian);
    assert_eq!(analyzer_for("EN_gb"), Analyzer::English);
    assert_eq!(analyzer_for("ar"), Analyzer::Arabic);
    let a = Analyzer::Plain;
    assert_eq!(
        a.tokenize("Les Passeports, l'été"),
        ["les", "passeports", "lété"]
    );
    assert!(!a.is_stop_word("les"));
    assert_eq!(a.stem("passeports"), "passeports");
    assert_eq!(a.index_terms("Les passeports"), ["les", "passeports"]);
}

#[test]
fn tokenizer_rules() {
    let a = Analyzer::Indonesian;
    assert_eq!(a.tokenize("anak-anak"), ["anak", "anak"]);
    assert_eq!(
        a.tokenize("Rp 350.000,- per orang"),
        ["rp", "350000", "per", "orang"]
    );
    assert_eq!(a.tokenize("1.000, 2"), ["1000", "2"]);
    assert_eq!(a.tokenize("Jum'at, Jum’at"), ["jumat", "jumat"]);
    assert_eq!(a.tokenize("'kutip'"), ["kutip"]);
    assert_eq!(
        a.tokenize("pas\u{00AD}por para\u{200D}ph"),
        ["paspor", "paraph"]
    );
    assert_eq!(
        a.tokenize("Cafe\u{0301} café CAFÉ"),
        ["cafe", "cafe", "cafe"]
    );
    assert_eq!(a.tokenize("e-KTP (WNA)"), ["e", "ktp", "wna"]);
    // Per-character lowercasing: no context-dependent final sigma, İ keeps its dot in Plain.
    assert_eq!(Analyzer::Plain.tokenize("ΟΔΟΣ"), ["οδοσ"]);
    assert_eq!(Analyzer::Plain.tokenize("İ"), ["i\u{0307}"]);
    assert_eq!(a.tokenize("İzin"), ["izin"]);
    assert_eq!(a.tokenize("  "), Vec::<String>::new());
}

#[test]
fn query_terms_rules() {
    let a = Analyzer::Indonesian;
    let q = |term: &str, prefix: bool| QueryTerm {
        term: term.into(),
        prefix,
    };
    assert_eq!(
        a.query_terms("biaya perpanjangan", false),
        [q("biaya", false), q("panjang", false)]
    );
    assert_eq!(
        a.query_terms("biaya perpanjangan", true),
        [
            q("biaya", false),
            q("perpanjangan", true),
            q("panjang", false)
        ]
    );
    // The word being typed is never dropped as a stop word: `ke` may become `kewajiban`.
    assert_eq!(
        a.query_terms("paspor ke", true),
        [q("paspor", false), q("ke", true)]
    );
    assert_eq!(a.query_terms("paspor ke", false), [q("paspor", false)]);
    // One letter is too short to be a prefix: it counts as a complete word.
    assert_eq!(
        a.query_terms("visa k", true),
        [q("visa", false), q("k", false)]
    );
    // Duplicates go.
    assert_eq!(
        a.query_terms("lapor melapor pelaporan", false),
        [q("lapor", false)]
    );
    assert!(a.query_terms("", true).is_empty());
}
