//! Golden vectors shared with the JavaScript analyser.
//!
//! For each language, the inputs below (words and sentences from the guides in `content/`
//! and the benchmark corpus, inflection groups, every stop word and root, and strings that
//! exercise the tokenizer) are run through the analyser and written to
//! `tests/search-vectors/<lang>.json`. This test fails when the file differs from what the
//! analyser produces now; `tests/js/analysis.test.mjs` runs `analysis.js` on the same file
//! and must reproduce every value. After a deliberate change, regenerate and review the diff:
//!
//! ```text
//! SULUH_UPDATE_VECTORS=1 cargo test search::analysis
//! ```

use super::tests::ID_GROUPS;
use super::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The inputs of one vector file.
struct VectorSet {
    lang: &'static str,
    /// Whitespace-separated words, each a single token once normalised.
    words: &'static str,
    /// More words: the inflection groups, stop words and roots are added automatically.
    extra_words: fn() -> Vec<&'static str>,
    texts: &'static [&'static str],
    queries: &'static [(&'static str, bool)],
}

const SETS: [VectorSet; 3] = [
    VectorSet {
        lang: "id",
        words: ID_WORDS,
        extra_words: || {
            let mut words: Vec<&str> = ID_GROUPS
                .iter()
                .flat_map(|g| g.split_whitespace())
                .collect();
            words.extend(id::ROOTS.split_whitespace());
            words.extend(id::STOP_WORDS.split_whitespace());
            words
        },
        texts: ID_TEXTS,
        queries: ID_QUERIES,
    },
    VectorSet {
        lang: "en",
        words: EN_WORDS,
        extra_words: || en::STOP_WORDS.split_whitespace().collect(),
        texts: EN_TEXTS,
        queries: EN_QUERIES,
    },
    VectorSet {
        lang: "ar",
        words: AR_WORDS,
        extra_words: || ar::STOP_WORDS.split_whitespace().collect(),
        texts: AR_TEXTS,
        queries: AR_QUERIES,
    },
];

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search-vectors")
}

#[test]
fn golden_vectors_are_up_to_date() {
    let update = std::env::var("SULUH_UPDATE_VECTORS").is_ok_and(|v| v == "1");
    let mut problems = Vec::new();
    for set in &SETS {
        let path = vectors_dir().join(format!("{}.json", set.lang));
        let rendered = render(set);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == rendered {
            continue;
        }
        if update {
            std::fs::create_dir_all(vectors_dir()).expect("create tests/search-vectors");
            std::fs::write(&path, &rendered).expect("write the vector file");
            continue;
        }
        let line = current
            .lines()
            .zip(rendered.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| current.lines().count().min(rendered.lines().count()));
        problems.push(format!(
            "{}:{}: the analyser now gives\n    {}\n  where the file has\n    {}",
            path.display(),
            line + 1,
            rendered.lines().nth(line).unwrap_or("(end of file)"),
            current.lines().nth(line).unwrap_or("(end of file)"),
        ));
    }
    assert!(
        problems.is_empty(),
        "{}\nIf the change is intended, regenerate with SULUH_UPDATE_VECTORS=1 cargo test \
         search::analysis, review the diff, and check that node --test tests/js/ still passes.",
        problems.join("\n")
    );
}

#[test]
fn vector_words_are_single_tokens() {
    for set in &SETS {
        let a = analyzer_for(set.lang);
        for word in words(set) {
            assert_eq!(a.tokenize(word).len(), 1, "{}: `{word}`", set.lang);
        }
    }
}

/// The data the JavaScript mirrors must be the same lists, not merely give the same results
/// on the vectors.
#[test]
fn javascript_data_matches() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search/analysis.js");
    let js = std::fs::read_to_string(&path).expect("read analysis.js");
    let lists = [
        ("ID_STOP", id::STOP_WORDS),
        ("ID_ROOTS", id::ROOTS),
        ("EN_STOP", en::STOP_WORDS),
        ("AR_STOP", ar::STOP_WORDS),
        ("LATIN1_FOLD", LATIN1_FOLD),
        ("LATIN_EXT_A_FOLD", LATIN_EXT_A_FOLD),
    ];
    for (name, rust) in lists {
        let js_value = js_string_const(&js, name)
            .unwrap_or_else(|| panic!("{}: no string constant {name}", path.display()));
        let rust_words: Vec<&str> = rust.split_whitespace().collect();
        let js_words: Vec<&str> = js_value.split_whitespace().collect();
        assert_eq!(
            js_words, rust_words,
            "{name} differs between Rust and JavaScript"
        );
    }
}

/// The text of `const NAME = "…"` (or a template literal) in JavaScript source.
fn js_string_const<'a>(js: &'a str, name: &str) -> Option<&'a str> {
    let start = js.find(&format!("const {name} = "))? + name.len() + 9;
    let rest = &js[start..];
    let quote = rest.chars().next()?;
    let body = &rest[quote.len_utf8()..];
    Some(&body[..body.find(quote)?])
}

/// The set's words, then its extra words, each once, in that order.
fn words(set: &VectorSet) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for word in set.words.split_whitespace().chain((set.extra_words)()) {
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

fn stop_words(a: Analyzer) -> Vec<&'static str> {
    let list = match a {
        Analyzer::Indonesian => id::STOP_WORDS,
        Analyzer::English => en::STOP_WORDS,
        Analyzer::Arabic => ar::STOP_WORDS,
        Analyzer::Plain => "",
    };
    let mut words: Vec<&str> = list.split_whitespace().collect();
    words.sort_unstable();
    words
}

/// The vector file: JSON written by hand, one entry per line, so that a change shows as a
/// readable diff.
fn render(set: &VectorSet) -> String {
    let a = analyzer_for(set.lang);
    let mut out = String::from("{\n");
    let _ = writeln!(out, "  \"lang\": {},", json(set.lang));
    let _ = writeln!(out, "  \"analyzer\": {},", json(a.name()));
    let _ = writeln!(out, "  \"stop_words\": {},", json_list(&stop_words(a)));
    out.push_str("  \"words\": [\n");
    let entries: Vec<String> = words(set)
        .into_iter()
        .map(|word| {
            let token = a.tokenize(word).concat();
            format!(
                "    {{\"word\": {}, \"token\": {}, \"stop\": {}, \"stem\": {}}}",
                json(word),
                json(&token),
                a.is_stop_word(&token),
                json(&a.stem(&token)),
            )
        })
        .collect();
    out.push_str(&entries.join(",\n"));
    out.push_str("\n  ],\n  \"texts\": [\n");
    let entries: Vec<String> = set
        .texts
        .iter()
        .map(|text| {
            format!(
                "    {{\"text\": {},\n     \"tokens\": {},\n     \"index_terms\": {}}}",
                json(text),
                json_list(&a.tokenize(text)),
                json_list(&a.index_terms(text)),
            )
        })
        .collect();
    out.push_str(&entries.join(",\n"));
    out.push_str("\n  ],\n  \"queries\": [\n");
    let entries: Vec<String> = set
        .queries
        .iter()
        .map(|&(query, typing)| {
            let terms: Vec<String> = a
                .query_terms(query, typing)
                .iter()
                .map(|t| format!("{{\"term\": {}, \"prefix\": {}}}", json(&t.term), t.prefix))
                .collect();
            format!(
                "    {{\"query\": {}, \"typing\": {}, \"terms\": [{}]}}",
                json(query),
                typing,
                terms.join(", ")
            )
        })
        .collect();
    out.push_str(&entries.join(",\n"));
    out.push_str("\n  ]\n}\n");
    out
}

fn json_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| json(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// A JSON string literal. Invisible and combining characters are escaped so that the file
/// shows what the test feeds in.
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20
                || is_invisible(c)
                || c == '\u{200B}'
                || ('\u{0300}'..='\u{036F}').contains(&c) =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Words and sentences from the Indonesian guides (most frequent first) and the benchmark
/// corpus.
const ID_WORDS: &str = "
perpanjang memperpanjang diperpanjang perpanjangan memperpanjangnya diperpanjangnya adu mengadu
pengaduan diadukan aduan pengadu mengadukan pengaduannya lapor melapor pelaporan dilaporkan
laporan melaporkan pelapor laporkan biaya pembiayaan dibiayai membiayai biayanya tinggal
meninggalkan ketinggalan tertinggal peninggalan ditinggalkan paspor paspornya izin perizinan
mengizinkan diizinkan berizin izinnya mohon memohon permohonan pemohon dimohon permohonannya
periksa memeriksa pemeriksaan diperiksa pemeriksa daftar mendaftar pendaftaran terdaftar
didaftarkan mendaftarkan bayar membayar pembayaran dibayar dibayarkan syarat persyaratan
bersyarat mensyaratkan lindung melindungi perlindungan dilindungi pelindungan terlindungi ganti
mengganti penggantian diganti pengganti menggantikan ambil mengambil pengambilan diambil aju
mengajukan pengajuan diajukan ajukan urus mengurus pengurusan diurus urusan pengurus terbit
menerbitkan penerbitan diterbitkan terima menerima penerimaan diterima penerima kirim mengirim
pengiriman dikirim kiriman kunjung mengunjungi kunjungan berkunjung pengunjung dikunjungi
setuju menyetujui persetujuan disetujui tuju tujuan bertujuan ditujukan tanya bertanya
pertanyaan menanyakan ditanyakan wajib kewajiban mewajibkan diwajibkan hubung menghubungi
hubungan dihubungi hubungi berhubungan ikut mengikuti ikuti diikuti jalan perjalanan berjalan
menjalani dijalankan datang kedatangan mendatangi pendatang datangi angkat berangkat
keberangkatan hilang kehilangan menghilangkan ubah mengubah perubahan diubah berubah tetap
menetap penetapan ditetapkan tulis menulis ditulis penulisan tertulis milik memiliki pemilik
kepemilikan dimiliki minta meminta permintaan diminta nikah menikah pernikahan mulai memulai
dimulai nilai menilai penilaian dinilai pakai memakai pemakaian dipakai kerja bekerja pekerja
pekerjaan mengerjakan dipekerjakan mempekerjakan sampai menyampaikan disampaikan penyampaian
selesai menyelesaikan penyelesaian diselesaikan selesaikan sesuai menyesuaikan penyesuaian
disesuaikan kena dikenakan mengenai pengenaan tunggu menunggu buat membuat pembuatan dibuat
beri memberi memberikan pemberian diberikan berikan cetak mencetak pencetakan dicetak
cetakannya rekam merekam perekaman direkam wawancara mewawancarai diwawancarai unggah
mengunggah diunggah unduh mengunduh diunduh isi mengisi pengisian diisi berisi lengkap
melengkapi kelengkapan dilengkapi batas membatasi pembatasan dibatasi terbatas awas mengawasi
pengawasan diawasi pengawas tangkap menangkap penangkapan ditangkap tahan menahan penahanan
ditahan deportasi mendeportasi dideportasi tindak menindak tindakan ditindak guna menggunakan
penggunaan digunakan pengguna lanjut melanjutkan lanjutan dilanjutkan layan melayani pelayanan
layanan dilayani terang keterangan menerangkan berat keberatan memberatkan sebar menyebarkan
penyebaran keluarga keluarganya kembali mengembalikan pengembalian dikembalikan sah mengesahkan
pengesahan disahkan imigrasi keimigrasian verifikasi diverifikasi warganegara kewarganegaraan
pewarganegaraan tinggi ketinggian dan di anda yang atau kantor untuk md jika tentang ke nomor
orang undang tahun asing tidak dapat hari visa indonesia melalui petugas negara dokumen dari
ini dengan sebelum lampung go id hak kami itas anak metro bawah ada surat peraturan tempat
kontak penjamin resmi warga lama cara halaman langkah berlaku www jadwal waktu hukum aplikasi
antrean baru adalah migran pemerintah desa bagi paling elektronik data pada lain luar dalam
perusahaan itu calo weight kepada perubahannya title description apa asli misalnya amount https
beserta jenis online item currency idr keliling itap bukti sama juga kabupaten setelah baca
pengungsi tanyakan kegiatan lebih foto tarif informasi dasar wilayah wna negeri jam non saat
rusak voa kota date simpan sudah serta updated tags bisa masuk perlu diri siapa secara tanggal
tengah saluran kelas tpi timur evisa tanda sekolah jangan prioritas ii ktp nama harus lihat
uang kode akta atas pnbp overstay wni setiap alamat akan pilih ingin daerah kecamatan boleh
status konfirmasi kartu bukan semua biasa fees disdukcapil tanpa tambahan bersama penyuluhan
lalu oleh sosialisasi bawa sanksi mendapat instansi tua satu unhcr loket peserta sebagai
terbaru hanya masih memerlukan leaflet dinas pindah sidik pelaksanaan masa lansia email menteri
yaitu
";

const ID_TEXTS: &[&str] = &[
    "Anak-anak WNI: Rp 350.000,- (tiga ratus lima puluh ribu rupiah) per paspor.",
    "Jum'at, 14/03/2031 pukul 09.00–12.00 WIB di Kanim Kelas II Non TPI Metro.",
    "e-Paspor, paspor-elektronik dan PERPANJANGAN PASPOR; pengaduan@imigrasi.go.id",
    "Memperpanjang, diperpanjang, perpanjangan: semua bentuk perpanjang.",
    "Mengadu, pengaduan, diadukan; melapor, pelaporan, dilaporkan; biaya, pembiayaan.",
    "Tinggal, meninggalkan, ketinggalan; izin tinggal terbatas (ITAS) dan tetap (ITAP).",
    "pas\u{00AD}por, café, Cafe\u{0301}, İzin, naïve, Æra",
    "Dalam keadaan tertentu, misalnya suami atau istri WNI, izin tinggal kunjungan dapat dialihkan menjadi ITAS di kantor imigrasi tanpa keluar dari Indonesia (alih status).",
    "Jangan memakai aplikasi lain, tautan kiriman orang tak dikenal, atau jasa calo yang menjual jadwal antrean.",
    "mendapat informasi yang benar tentang pekerjaan, tata cara penempatan dan kondisi kerja;",
    "Petugas datang ke kecamatan atau desa di wilayah kerja kami, dan ke Kabupaten Lampung Barat.",
    "Syarat dan langkahnya sama dengan paspor biasa; yang berbeda hanya jenis paspor yang Anda pilih dan biayanya.",
    "Calo adalah perantara yang menawarkan \"jalur cepat\", kuota antrean, atau pengurusan dokumen dengan imbalan uang.",
    "Ikuti pendaftaran dan wawancara UNHCR, lalu simpan dokumen yang Anda terima.",
    "Saat tiba di kantor, beri tahu petugas keamanan atau petugas informasi bahwa Anda memerlukan layanan prioritas.",
    "Konvensi Wina 1963 tentang Hubungan Konsuler, yang mengatur hak warga negara asing untuk berhubungan dengan perwakilan negaranya.",
    "pekerjaan, termasuk pindah pemberi kerja atau jabatan;",
    "Paspor elektronik biasanya selesai dalam 4 hari kerja setelah foto dan wawancara, atau di hari yang sama dengan layanan percepatan.",
    "Isilah dengan jujur; nilai rendah tidak akan memengaruhi permohonan Anda.",
    "Jika Anda baru pindah dari daerah lain, urus dulu pindah alamat; baca kewajiban lapor diri.",
    "Sebelum mengajukan atau datang ke kantor, periksa informasi terbaru di evisa.imigrasi.go.id atau www.imigrasi.go.id, atau tanyakan melalui kontak kantor di bawah.",
];

const ID_QUERIES: &[(&str, bool)] = &[
    ("pengad", true),
    ("pasp", true),
    ("memperp", true),
    ("perpanjang paspor", false),
    ("perpanjang paspor", true),
    ("perpanjang paspor ", true),
    ("Biaya visa", false),
    ("lapor diri", false),
    ("lapor d", true),
    ("lapor di", true),
    ("yang di", true),
    ("yang di", false),
    ("ke", true),
    ("k", true),
    ("izin tinggal terbatas", false),
    ("ITAS hilang", false),
    ("Rp 350.000", false),
    ("anak-anak", false),
    ("cara memperpanjang paspor yang hilang", true),
    ("kewajiban lapor", true),
    ("pengaduan layanan", false),
    ("mengadukan calo", false),
    ("ketinggalan pesawat", false),
    ("pembiayaan", true),
    ("e-paspor", true),
    ("", true),
    ("   ", false),
];

const EN_WORDS: &str = "
renew renewal renewing renewed renews passport passports apply applies applied applying
application applicant requirement requirements extend extension extended complaint complaints
report reported reporting the and of to you for or your office in on is immigration an if md
service at are stay number with go permit can not metro imigrasi that who contact paspor
through lampung before id it visa from ask itas documents time law come foreigners undang below
as indonesia fees work do officer official date days non change this be have by check workers
how what tentang regulation www indonesian must information lapor foreign sponsor rights online
nomor tahun government letter app kantor services electronic page our visit description amount
pay may fee migrant weight example registration state payment title original idr https card
item data currency keep read itap working officers legal their certificate village queue
updated new about family people day limited after address abroad see its mobile one area child
also we voa tags identity where when basis need travel processing up hak tengah steps layanan
evisa photo interview tinggal choose has confirm izin tpi timur pengaduan lost damaged code
valid proof refugees keimigrasian bring hours children pnbp tax revenue kelas kota other
session within marriage district citizens ii overstay permits live kewajiban school first money
register public every so nationals same opening regency want protection ktp company free get
priority amendments ordinary residents national status disdukcapil tariffs document channels
schedule duties receive leave amended will phone birth true name place action appointment
supervision them still book take give then without only administrative checks unhcr right asks
extra head which old receipt companies they implementing usually entry calo using wait leaflet
arrive account person no minister human email latest show obligations changes asked type know
police foreigner help pages billing civil another fingerprints parents required arrival
prospective use hall brokers illegal country list cannot ready event visas start antrean longer
permanent population does during agency sanctions under years treasury than students each
broker penyuluhan rules kabupaten any counter regional disnaker written all placement there
make limit while these carry end tariff manpower barat baru questions pekerja migran send
detention long happens yourself out activities home peraturan biometrics wni once shown more
complete short elderly disabilities women perpanjangan main agencies schools examination fill
find
";

const EN_TEXTS: &[&str] = &[
    "Renewing your passport: what's new in 2031?",
    "The applicant’s spouse may renew the holder's e-Passport.",
    "Don't pay brokers (\"calo\"); fees are IDR 350,000 per person.",
    "Renewal, renewing, renewed, renews: all forms of renew.",
    "Résumé, naïve café, and İstanbul.",
    "Foreign nationals who will come several times a year for business or family.",
    "Ask for your embassy, family, guarantor or legal adviser to be contacted.",
    "Your sponsor creates an account at evisa.imigrasi.go.id and applies for a limited stay visa (e-Visa) for your purpose.",
    "You can complain through the website www.lapor.go.id or the LAPOR!",
    "Procedure: the order of steps from registration until you receive the result.",
    "The passport is usually ready 4 working days after your photo and interview.",
    "Law Number 6 of 2011 on Immigration (Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian), as amended.",
    "Apply for a visa only through the official website.",
    "Come to the Metro Immigration Office (Kantor Imigrasi Kelas II Non TPI Metro).",
    "Ask Disnaker for a letter of recommendation for your passport application.",
    "The online system usually opens the application only in that period.",
    "Foreign workers employed by a company or institution in Indonesia.",
    "How to report, the deadlines and the documents are explained on the page reporting duties of foreigners.",
    "Lampung Timur is one of the home regions of Indonesian migrant workers (Pekerja Migran Indonesia, PMI) in Lampung.",
];

const EN_QUERIES: &[(&str, bool)] = &[
    ("renewing", false),
    ("renewi", true),
    ("passport fees", false),
    ("the pass", true),
    ("how to apply for a visa", false),
    ("complain", true),
    ("stay permit", false),
    ("e-visa", false),
    ("report", true),
    ("lost passport ", true),
    ("a", true),
    ("may", false),
    ("", true),
];

const AR_WORDS: &str = "
جواز الجواز بالجواز وبالجواز جوازات تجديد والتجديد تجديدها تأشيرة التأشيرات تأشيرتك إقامة
الإقامة في أو من الهجرة أن إذن على إلى إذا مكتب عن imigrasi md إندونيسيا go id رقم itas قبل
لسنة بشأن التي عبر التأشيرة يومًا لا تصريح lapor يجب undang عند itap مدة nomor tahun الوصول
tentang الاتصال الإبلاغ المكتب بيانات أدناه غير الحكومية www مترو طلب evisa https اللائحة بعد
بالمكتب سفرك الخدمة الزيارة العمل الكفيل أي الطلب الموظف تمديد القانون هذه قد الشكاوى weight
خلال kantor مثل الذي اسأل ما شكواك خطاب الأجانب الإلكترونية مكان metro منك voa title
description كل المحدودة amount إقامتك سفر اقرأ حتى كنت يمكنك السفر item currency idr البيانات
انتهاء وأن خدمات لامبونغ الرسمية الشكوى كفيلك تغيير رسوم القانوني تأتي الرسوم ذلك تجاوز الزواج
يوم عمل صفحة keimigrasian peraturan وتعديلاتها أيضًا لم hak اللاجئين حقوق لك للأجانب منطقة دون
بطاقة شهادة tinggal آخر يمكن non الأساس الوثائق تجد تقديم مع عليك date updated tags izin السكان
kelas ii tpi lampung ورقم أنواع تتغير الخدمات خدمة أجانب البيومترية وقد والسجل المدني الذين
الجنسية الخطوات الدفع ولا وتعديلاته الصفحة الدخول المفوضية ساعات واحدة الإلكتروني الإنترنت
زيارة العامة pnbp الإيرادات الضريبية قدّم ومحافظة الهاتف تأكّد معلومات اطلب kewajiban اللجوء
visa المعلومات التفتيش والرسوم الدائمة سنة الهوية للهجرة هذا المستندات المطلوبة واحتفظ تذهب
التنفيذية للقانون pemerintah تقدّم الجديد لدى حقوقك أيام الموظفين التسجيل بعض الأصلي عقد fees
صالح processing time أشهر أين التغييرات واجبات الانتقال الأجنبي ماذا يحدث أثناء unhcr أخرى تحقق
pengaduan كان وطريقة الحصول وإذن وما والمتطلبات ساري المفعول وبطاقة الإندونيسي العمال ادفع
الفاتورة التمديد لمدة أكثر وقت إن جديد الأسرة مغادرة طُلب احتفظ روبية إجراء إداري الخارج راجع
كيف تسجيل شخص إجراءات أحد التعرفة calo خاصة شكوى القانونية الموقع وتصريح الإندونيسية أذونات
requirements الشركة السكن المواطن الأطفال الإذن disdukcapil التقديم الدولة بإثبات احضر مدينة
kota الوسطى tengah الشرقية timur العنوان لائحة وزير الإنسان المطبقة هي جهة وثيقة نفسه leaflet
true صحيحة كانت عقوبات overstay بياناتك نوع صورة الموعد فأبلغ تدفع بها شكاوى تطبيق المتعلقة
والإجراءات الاحتجاز احتجاز تصاريح أجنبي عنه يمكنه الوطني ktp الكفيلة sktt زوج زوجته دفتر الجهة
الميلاد سنوات نحو وبالإندونيسية معينة الأقل إذنك يقدّم عادةً خزينة وبصمات أصابعك القرار عودة
المقيمين diri وحقوق وأذونات وتعرفة التغيير أسرتك هو كفيل استلام الواجبات العودة saat تاريخ وإذا
إلا يحتاج قائمة السن الإعاقة ذات الأولوية مالًا تحصل تكون أطول المطار الرد
";

const AR_TEXTS: &[&str] = &[
    "جَوازُ السَّفَرِ الإلكترونيّ والتأشيرة الإلكترونية",
    "الرسوم: ٣٥٠٬٠٠٠ روبية أو 350,000 روبية، و۱۲۳",
    "تأشيرة ـ الزيارة، تـــأشيرتك، التأشيرات",
    "بالجواز وبالجواز والجواز للجواز؛ تجديد والتجديد وتجديدها",
    "إلى مكتب الهجرة في لامبونغ — مُقَدِّم الطلب ی ک",
    "Kantor Imigrasi Metro: e-Visa و ITAS",
    "اللائحة الحكومية رقم ٣١ لسنة ٢٠١٣ بشأن اللائحة التنفيذية للقانون رقم ٦ لسنة ٢٠١١ (Peraturan Pemerintah Nomor 31 Tahun 2013) وتعديلاتها.",
    "وقد تكون بعض الأنواع، مثل أنواع خاصة ببعض المستثمرين، صالحة مدة أطول.",
    "خلال هذه الإجراءات تبقى لك حقوقك، ومنها أن تعرف سبب أي إجراء، وأن تحصل على مترجم، وأن تتصل بسفارتك.",
    "القانون رقم ٦ لسنة ٢٠١١ بشأن الهجرة (Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian) وتعديلاته.",
    "سجّل تاريخ انتهاء إذنك وقدّم طلب تمديد إذن ITAS في الوقت المناسب.",
    "يقدّم الكفيل الطلب، ويتحمل المسؤولية عن وجودك وأنشطتك، ويجب عليه الإبلاغ عن أي تغيير في أوضاعك.",
    "وإذا تأخرت، تُعَدّ متجاوزًا لمدة الإقامة، وقد تُفرض عليك رسوم أو إجراءات إدارية.",
    "اطلب أن تُبلَّغ أسرتك أو كفيلك، خاصة إذا وُضعت في الاحتجاز.",
    "لا تدفع أكثر من التعرفة الرسمية، وإذا طلب منك أحد مالًا إضافيًا، فأبلغ عن السمسار.",
    "اطلب من كفيلك أن يكتب خطاب إبلاغ أو طلب، وأن يوقّع خطاب الكفالة إذا لزم.",
    "وإذا نقص شيء، يُبلَّغ الكفيل عبر الحساب أو البريد الإلكتروني.",
    "قد تتغير الإجراءات؛ تأكّد من المكتب باستخدام بيانات الاتصال أدناه.",
    "قدّم طلب التمديد في موعد لا يسبق انتهاء الإذن بأكثر من ٣ أشهر، ولا يتأخر عن آخر يوم عمل قبل انتهائه.",
    "إذا لم تدفع، يمكن أن تُرحَّل (أي تُخرَج من إندونيسيا) وأن يُدرج اسمك في قائمة المنع من الدخول (penangkalan)، أي حظر دخولك إلى إندونيسيا.",
];

const AR_QUERIES: &[(&str, bool)] = &[
    ("جواز", false),
    ("تجديد جواز السفر", false),
    ("تجد", true),
    ("بالجواز", true),
    ("الإقامة", false),
    ("شكو", true),
    ("في", true),
    ("في", false),
    ("التأشيرة الإلكترونية", false),
    ("تأشيرتك", false),
    ("رسوم ٣٥٠٬٠٠٠", false),
    ("الهج", true),
    ("", true),
];
