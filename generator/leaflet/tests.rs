//! Renders fixture leaflets and checks the PDFs with poppler-utils (`pdfinfo`, `pdffonts`,
//! `pdftotext`, `pdftoppm`) and the QR code with `rqrr`. CI installs poppler-utils.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use super::*;

/// The default theme folder, found from this file so that the tests work both in the `suluh`
/// crate and in a scratch crate that includes this module by path.
fn theme_dir() -> PathBuf {
    let from_manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    if from_manifest.is_dir() {
        return from_manifest;
    }
    let here = Path::new(file!());
    here.ancestors()
        .nth(3)
        .unwrap_or(Path::new("."))
        .join("themes/default")
}

/// One engine for all tests, as in a build: fonts are parsed once.
fn engine() -> &'static LeafletEngine {
    static ENGINE: OnceLock<LeafletEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut fonts = Vec::new();
        let dir = theme_dir().join("fonts");
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "ttf" || ext == "otf")
            })
            .collect();
        entries.sort();
        for path in entries {
            fonts.push(std::fs::read(&path).expect("font file is readable"));
        }
        LeafletEngine::new(fonts)
    })
}

fn template(layout: Layout) -> Template {
    let name = match layout {
        Layout::Trifold => "trifold.typ",
        Layout::Booklet => "booklet.typ",
    };
    let path = theme_dir().join("leaflets").join(name);
    Template {
        path: format!("themes/default/leaflets/{name}"),
        source: std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display())),
        layout,
    }
}

fn plain(text: &str) -> Vec<Inline> {
    vec![Inline {
        text: text.into(),
        ..Inline::default()
    }]
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// What each fixture must show: (title, a fee amount, a step fragment, a word to find).
struct Expect {
    title: &'static str,
    fee: &'static str,
    step: &'static str,
}

fn fixture(lang: &str) -> (LeafletInput, Expect) {
    let base = "https://imigrasi-lampung.example";
    match lang {
        "id" => (
            LeafletInput {
                lang: "id".into(),
                dir: "ltr".into(),
                layout: Layout::Trifold,
                paper: "a4".into(),
                title: "Paspor Baru untuk Dewasa".into(),
                summary: "Cara mengajukan paspor biasa pertama kali di Kantor Imigrasi Metro, \
                          dari pendaftaran antrean hingga pengambilan paspor."
                    .into(),
                site_title: "Layanan Imigrasi Lampung".into(),
                office: Some("Kantor Imigrasi Kelas II Non TPI Metro".into()),
                logo_svg: None,
                steps: vec![
                    vec![
                        Inline {
                            text: "Daftar antrean ".into(),
                            ..Inline::default()
                        },
                        Inline {
                            text: "M-Paspor".into(),
                            strong: true,
                            ..Inline::default()
                        },
                        Inline {
                            text: " dan pilih jadwal kedatangan.".into(),
                            ..Inline::default()
                        },
                    ],
                    plain("Bayar PNBP di bank atau kantor pos dalam dua jam."),
                    plain("Datang sesuai jadwal dengan dokumen asli."),
                    plain("Wawancara, foto dan pengambilan sidik jari."),
                    plain("Ambil paspor setelah empat hari kerja."),
                ],
                requirements: vec![
                    plain("KTP elektronik"),
                    plain("Kartu Keluarga"),
                    plain("Akta kelahiran, buku nikah atau ijazah"),
                ],
                fees: vec![
                    FeeLine {
                        item: "Paspor biasa 48 halaman".into(),
                        amount: "Rp350.000".into(),
                        ..FeeLine::default()
                    },
                    FeeLine {
                        item: "Paspor elektronik".into(),
                        amount: "Rp650.000".into(),
                        legal_basis: Some("PP 45/2024".into()),
                        ..FeeLine::default()
                    },
                ],
                processing_time: Some("4 hari kerja".into()),
                contact: vec![
                    ContactLine {
                        label: "Telepon".into(),
                        value: "+62 000-0000-0000".into(),
                    },
                    ContactLine {
                        label: "Email".into(),
                        value: "layanan@imigrasi-lampung.example".into(),
                    },
                    ContactLine {
                        label: "Jam layanan".into(),
                        value: "Senin–Jumat 08.00–15.00".into(),
                    },
                ],
                updated: Some("1 Maret 2031".into()),
                url: format!("{base}/paspor/paspor-baru/"),
                event: None,
                sources: vec!["PP 45/2024 tentang PNBP".into()],
                sample: false,
                labels: labels(&[
                    ("steps", "Langkah"),
                    ("requirements", "Persyaratan"),
                    ("fees", "Biaya"),
                    ("processing_time", "Lama proses"),
                    ("contact", "Kontak"),
                    ("updated", "Diperbarui"),
                    ("scan_qr", "Pindai untuk versi daring"),
                    ("event", "Acara"),
                    ("what_to_bring", "Yang perlu dibawa"),
                    ("page", "Halaman"),
                    ("continued", "lanjutan"),
                    ("notes", "Catatan"),
                    ("event_when", "Waktu"),
                    ("event_where", "Tempat"),
                    ("event_address", "Alamat"),
                ]),
            },
            Expect {
                title: "Paspor Baru untuk Dewasa",
                fee: "Rp350.000",
                step: "Bayar PNBP di bank",
            },
        ),
        "en" => {
            let (mut input, _) = fixture("id");
            input.lang = "en".into();
            input.title = "New Passport for Adults".into();
            input.summary = "How to apply for a first ordinary passport at the Metro \
                             immigration office, from booking a queue slot to collecting it."
                .into();
            input.site_title = "Immigration Services Lampung".into();
            input.steps = vec![
                plain("Book a queue slot in the M-Paspor app."),
                plain("Pay the fee at a bank or post office within two hours."),
                plain("Come at your slot with the original documents."),
                plain("Interview, photo and fingerprints."),
                plain("Collect the passport after four working days."),
            ];
            input.requirements = vec![
                plain("Electronic identity card (KTP)"),
                plain("Family card"),
            ];
            input.fees[0].item = "Ordinary passport, 48 pages".into();
            input.fees[0].amount = "IDR 350,000".into();
            input.fees[1].item = "Electronic passport".into();
            input.fees[1].amount = "IDR 650,000".into();
            input.url = format!("{base}/en/paspor/paspor-baru/");
            input.labels = labels(&[
                ("steps", "Steps"),
                ("requirements", "Requirements"),
                ("fees", "Fees"),
                ("processing_time", "Processing time"),
                ("contact", "Contact"),
                ("updated", "Last updated"),
                ("scan_qr", "Scan for the online guide"),
                ("continued", "continued"),
                ("notes", "Notes"),
            ]);
            (
                input,
                Expect {
                    title: "New Passport for Adults",
                    fee: "IDR 350,000",
                    step: "Pay the fee at a bank",
                },
            )
        }
        _ => {
            let (mut input, _) = fixture("id");
            input.lang = "ar".into();
            input.dir = "rtl".into();
            input.title = "جواز سفر جديد للبالغين".into();
            input.summary = "كيفية التقدم بطلب للحصول على جواز سفر عادي لأول مرة في مكتب \
                             الهجرة في ميترو."
                .into();
            input.site_title = "خدمات الهجرة في لامبونج".into();
            input.steps = vec![
                plain("احجز موعدًا في تطبيق M-Paspor."),
                plain("ادفع الرسوم في البنك أو مكتب البريد خلال ساعتين."),
                plain("احضر في موعدك مع المستندات الأصلية."),
                plain("المقابلة والتصوير وأخذ البصمات."),
                plain("استلم الجواز بعد أربعة أيام عمل."),
            ];
            input.requirements = vec![plain("بطاقة الهوية الإلكترونية"), plain("بطاقة العائلة")];
            input.fees[0].item = "جواز سفر عادي، 48 صفحة".into();
            input.fees[0].amount = "350.000 روبية".into();
            input.fees[1].item = "جواز سفر إلكتروني".into();
            input.fees[1].amount = "650.000 روبية".into();
            input.processing_time = Some("4 أيام عمل".into());
            input.url = format!("{base}/ar/paspor/paspor-baru/");
            input.labels = labels(&[
                ("steps", "الخطوات"),
                ("requirements", "المتطلبات"),
                ("fees", "الرسوم"),
                ("processing_time", "مدة المعالجة"),
                ("contact", "الاتصال"),
                ("updated", "آخر تحديث"),
                ("scan_qr", "امسح الرمز للدليل على الإنترنت"),
                ("continued", "تابع"),
                ("notes", "ملاحظات"),
                ("event", "الفعالية"),
                ("what_to_bring", "ما يجب إحضاره"),
                ("event_when", "الموعد"),
                ("event_where", "المكان"),
                ("event_address", "العنوان"),
            ]);
            (
                input,
                Expect {
                    title: "جواز",
                    fee: "350.000",
                    step: "الرسوم",
                },
            )
        }
    }
}

fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run {name} (install poppler-utils): {err}"));
    assert!(
        output.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn render_to(dir: &Path, name: &str, input: &LeafletInput, layout: Layout) -> PathBuf {
    let pdf = engine()
        .render(input, &template(layout))
        .unwrap_or_else(|errors| panic!("{name}: {errors:#?}"));
    assert!(pdf.len() <= 300 * 1024, "{name}: {} bytes", pdf.len());
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("temp dir is writable");
    path
}

fn page_count(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap_or_default()]);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Page size in PostScript points, rounded, as pdfinfo reports it for page 1.
fn page_size(pdf: &Path) -> (u32, u32) {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap_or_default()]);
    let line = info
        .lines()
        .find_map(|line| line.strip_prefix("Page size:"))
        .unwrap_or_default();
    let numbers: Vec<f64> = line
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect();
    match numbers.as_slice() {
        [w, h, ..] => (w.round() as u32, h.round() as u32),
        _ => (0, 0),
    }
}

/// The PDF's text with line breaks and runs of spaces collapsed, so that a title wrapped over
/// two lines still matches.
fn text_of(pdf: &Path) -> String {
    let text = tool("pdftotext", &[pdf.to_str().unwrap_or_default(), "-"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_fonts_embedded(pdf: &Path) {
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap_or_default()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        // Columns: name type encoding emb sub uni object ID; `emb` is the 4th from the end.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.get(cols.len().saturating_sub(5)).copied();
        assert_eq!(emb, Some("yes"), "font not embedded: {row}");
    }
}

/// Renders every page at 150 dpi and returns what the QR codes found on them say.
fn qr_codes(pdf: &Path, dir: &Path) -> Vec<String> {
    let stem = pdf.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let prefix = dir.join(format!("{stem}-png"));
    tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            pdf.to_str().unwrap_or_default(),
            prefix.to_str().unwrap_or_default(),
        ],
    );
    let mut found = Vec::new();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("temp dir is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{stem}-png")) && n.ends_with(".png"))
        })
        .collect();
    pages.sort();
    for page in pages {
        let image = image::open(&page).expect("pdftoppm wrote a PNG").to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(image);
        for grid in prepared.detect_grids() {
            if let Ok((_, content)) = grid.decode() {
                found.push(content);
            }
        }
    }
    found
}

fn check_leaflet(lang: &str, layout: Layout, paper: &str) {
    let (mut input, expect) = fixture(lang);
    input.layout = layout;
    input.paper = paper.into();
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("{lang}-{layout:?}-{paper}");
    let pdf = render_to(dir.path(), &name, &input, layout);

    let (pages, size) = match (layout, paper) {
        (Layout::Trifold, _) | (Layout::Booklet, "a4") => (2, (842, 595)),
        _ => (4, (420, 595)),
    };
    assert_eq!(page_count(&pdf), pages, "{name}: page count");
    assert_eq!(page_size(&pdf), size, "{name}: page size");
    assert_fonts_embedded(&pdf);

    let text = text_of(&pdf);
    for needle in [expect.title, expect.fee, expect.step] {
        assert!(
            text.contains(needle),
            "{name}: {needle:?} missing from:\n{text}"
        );
    }
    if lang == "ar" {
        // Logical order: a word comes out as typed, not reversed by visual-order extraction.
        let reversed: String = "جواز".chars().rev().collect();
        assert!(
            text.contains("جواز") && !text.contains(&reversed),
            "{name}:\n{text}"
        );
        assert!(text.contains("المتطلبات"), "{name}:\n{text}");
    }

    let codes = qr_codes(&pdf, dir.path());
    assert!(
        codes.contains(&input.url),
        "{name}: QR codes found: {codes:?}"
    );
}

#[test]
fn trifold_id() {
    check_leaflet("id", Layout::Trifold, "a4");
}

#[test]
fn trifold_en() {
    check_leaflet("en", Layout::Trifold, "a4");
}

#[test]
fn trifold_ar() {
    check_leaflet("ar", Layout::Trifold, "a4");
}

#[test]
fn booklet_a5_id() {
    check_leaflet("id", Layout::Booklet, "a5");
}

#[test]
fn booklet_a5_en() {
    check_leaflet("en", Layout::Booklet, "a5");
}

#[test]
fn booklet_a5_ar() {
    check_leaflet("ar", Layout::Booklet, "a5");
}

#[test]
fn booklet_a4_imposed_id() {
    check_leaflet("id", Layout::Booklet, "a4");
}

#[test]
fn booklet_a4_imposed_ar() {
    check_leaflet("ar", Layout::Booklet, "a4");
}

fn overflowing(layout: Layout, paper: &str) -> (LeafletInput, String) {
    let (mut input, _) = fixture("id");
    input.layout = layout;
    input.paper = paper.into();
    input.steps = (1..=40)
        .map(|n| {
            plain(&format!(
                "Langkah nomor {n}: periksa kembali formulir permohonan, salinan dokumen \
                 pendukung, bukti pembayaran dan jadwal kedatangan sebelum menuju loket \
                 berikutnya, lalu tunggu panggilan petugas dengan tertib."
            ))
        })
        .collect();
    let last = "Langkah nomor 40:".to_owned();
    (input, last)
}

fn check_overflow(layout: Layout, paper: &str, intended: usize) {
    let (input, last) = overflowing(layout, paper);
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("overflow-{layout:?}-{paper}");
    let pdf = render_to(dir.path(), &name, &input, layout);
    let pages = page_count(&pdf);
    assert!(pages > intended, "{name}: {pages} pages");
    let text = text_of(&pdf);
    assert!(text.contains(&last), "{name}: last step cut:\n{text}");
    assert!(text.contains("Langkah nomor 1:"), "{name}");
    // The continued heading tells the reader where the steps carry on.
    assert!(text.contains("Langkah (lanjutan)"), "{name}");
}

#[test]
fn overflow_trifold_continues() {
    check_overflow(Layout::Trifold, "a4", 2);
}

#[test]
fn overflow_booklet_continues() {
    check_overflow(Layout::Booklet, "a5", 4);
}

#[test]
fn overflow_booklet_imposed_continues() {
    check_overflow(Layout::Booklet, "a4", 2);
}

/// A single step longer than a whole panel or page cannot be packed; the templates then let
/// Typst's own flow break it across columns and pages.
#[test]
fn oversized_step_is_not_cut() {
    for (layout, paper) in [
        (Layout::Trifold, "a4"),
        (Layout::Booklet, "a5"),
        (Layout::Booklet, "a4"),
    ] {
        let (mut input, _) = fixture("en");
        input.layout = layout;
        input.paper = paper.into();
        let long: Vec<String> = (1..=700).map(|n| format!("word{n}")).collect();
        input.steps[1] = plain(&long.join(" "));
        let dir = tempfile::tempdir().expect("temp dir");
        let name = format!("oversize-{layout:?}-{paper}");
        let pdf = render_to(dir.path(), &name, &input, layout);
        let text = text_of(&pdf);
        for needle in ["word1 ", "word700", "Collect the passport", "IDR 650,000"] {
            assert!(text.contains(needle), "{name}: {needle:?} missing");
        }
    }
}

#[test]
fn event_leaflet() {
    let (mut input, _) = fixture("id");
    input.title = "Sosialisasi Keimigrasian di Desa Mulyojati".into();
    input.event = Some(EventInfo {
        date: "Sabtu, 14 Maret 2031".into(),
        time: Some("09.00–12.00 WIB".into()),
        location: Some("Balai Desa Mulyojati".into()),
        address: Some("Jl. Merdeka No. 1, Metro Barat".into()),
    });
    input.url = "https://imigrasi-lampung.example/acara/sosialisasi-mulyojati/".into();
    for layout in [Layout::Trifold, Layout::Booklet] {
        input.layout = layout;
        input.paper = if layout == Layout::Booklet {
            "a5"
        } else {
            "a4"
        }
        .into();
        let dir = tempfile::tempdir().expect("temp dir");
        let pdf = render_to(dir.path(), &format!("event-{layout:?}"), &input, layout);
        let text = text_of(&pdf);
        for needle in [
            "Sabtu, 14 Maret 2031",
            "09.00–12.00 WIB",
            "Tempat",
            "Balai Desa Mulyojati",
            "Jl. Merdeka No. 1",
            "Yang perlu dibawa",
            "KTP elektronik",
        ] {
            assert!(
                text.contains(needle),
                "{layout:?}: {needle:?} missing:\n{text}"
            );
        }
        assert!(
            qr_codes(&pdf, dir.path()).contains(&input.url),
            "{layout:?}"
        );
    }
}

#[test]
fn same_input_same_bytes() {
    let (input, _) = fixture("en");
    let first = engine().render(&input, &template(Layout::Trifold));
    let second = engine().render(&input, &template(Layout::Trifold));
    assert!(first.is_ok());
    assert_eq!(first, second);
}

#[test]
fn user_text_is_never_markup() {
    let (mut input, _) = fixture("en");
    input.title = r#"#panic("x") ] [ $x$ <l> @r *b* _i_ // c"#.into();
    input.steps[0] = plain(r#"#{ panic() } \ `raw` = heading"#);
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = render_to(dir.path(), "markup", &input, Layout::Trifold);
    let text = text_of(&pdf);
    assert!(text.contains(r#"#panic("x")"#), "{text}");
    assert!(text.contains("#{ panic() }"), "{text}");
}

#[test]
fn logo_is_shown() {
    let (mut input, _) = fixture("id");
    input.logo_svg = Some(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#fc0"/></svg>"##
            .into(),
    );
    assert!(engine().render(&input, &template(Layout::Trifold)).is_ok());
    assert!(engine().render(&input, &template(Layout::Booklet)).is_ok());
}

#[test]
fn template_errors_point_into_the_template() {
    let (input, _) = fixture("id");
    let broken = Template {
        path: "themes/mine/leaflets/trifold.typ".into(),
        source: "#let data = json(\"/data.json\")\n\n#data.no_such_key\n".into(),
        layout: Layout::Trifold,
    };
    let errors = engine()
        .render(&input, &broken)
        .expect_err("the template is broken");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path, "themes/mine/leaflets/trifold.typ");
    assert_eq!((errors[0].line, errors[0].column), (3, 7), "{errors:#?}");
    assert!(errors[0].message.contains("no_such_key"), "{errors:#?}");
}

#[test]
fn engine_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<LeafletEngine>();
}

/// Every fixture variant (languages, layouts, papers, events, overflow) renders a PDF within the size
/// budget. The PDFs go to `$LEAFLET_SAMPLES` when it is set, to be looked at (`cargo test --release
/// leaflet::tests::samples -- --nocapture` also prints render times); otherwise to a temp dir.
#[test]
fn samples() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = std::env::var_os("LEAFLET_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&out).expect("samples dir");
    let started = std::time::Instant::now();
    let _ = engine();
    println!("fonts: {:?}", started.elapsed());
    let mut variants: Vec<(String, LeafletInput, Layout)> = Vec::new();
    for lang in ["id", "en", "ar"] {
        for (layout, paper) in [
            (Layout::Trifold, "a4"),
            (Layout::Booklet, "a5"),
            (Layout::Booklet, "a4"),
        ] {
            let (mut input, _) = fixture(lang);
            input.layout = layout;
            input.paper = paper.into();
            variants.push((format!("{lang}-{layout:?}-{paper}"), input, layout));
        }
    }
    for (layout, paper) in [(Layout::Trifold, "a4"), (Layout::Booklet, "a5")] {
        let (input, _) = overflowing(layout, paper);
        variants.push((format!("overflow-{layout:?}-{paper}"), input, layout));
        let (mut input, _) = fixture("ar");
        input.event = Some(EventInfo {
            date: "السبت 14 مارس 2031".into(),
            time: Some("09:00–12:00".into()),
            location: Some("قاعة قرية موليوجاتي".into()),
            address: None,
        });
        input.layout = layout;
        input.paper = paper.into();
        variants.push((format!("event-ar-{layout:?}-{paper}"), input, layout));
    }
    let (mut input, _) = fixture("en");
    let long: Vec<String> = (1..=700).map(|n| format!("word{n}")).collect();
    input.steps[1] = plain(&long.join(" "));
    variants.push(("oversize-Trifold-a4".into(), input, Layout::Trifold));
    for (name, input, layout) in &variants {
        let template = template(*layout);
        let started = std::time::Instant::now();
        let pdf = engine()
            .render(input, &template)
            .unwrap_or_else(|errors| panic!("{name}: {errors:#?}"));
        let took = started.elapsed();
        assert!(pdf.starts_with(b"%PDF-"), "{name}");
        assert!(pdf.len() <= 300 * 1024, "{name}: {} bytes", pdf.len());
        println!("{name}: {} bytes, {took:?}", pdf.len());
        std::fs::write(out.join(format!("{name}.pdf")), pdf).expect("samples dir");
    }
}

#[test]
fn fitting_skips_scales_that_cannot_fit() {
    // Three pages of a two-page tri-fold: two were filled, so 0.92 (1.69 pages) is worth a try.
    assert_eq!(next_attempt(0, 3, 2), 1);
    // Four pages: three filled; even 0.85 leaves 2.2 pages, so only the last attempt is left.
    assert_eq!(next_attempt(0, 4, 2), SCALES.len() - 1);
    // A booklet of eight A5 pages for four: straight to the last attempt.
    assert_eq!(next_attempt(0, 8, 4), SCALES.len() - 1);
    // From the second-to-last scale the next is always the last.
    assert_eq!(next_attempt(SCALES.len() - 2, 3, 2), SCALES.len() - 1);
}
