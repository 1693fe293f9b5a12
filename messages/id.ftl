# Pesan Suluh untuk penyunting, dalam bahasa Indonesia. Setiap pesan di sini juga ada di en.ftl, dengan
# `$nilai` yang sama (sebuah tes memeriksa keduanya). Pakai kata sederhana: "daftar", "teks", "baris
# `nama: isi`"; jangan istilah parser. Pesan menyebut apa yang salah; saran (hint-…) menyebut apa yang
# harus ditulis atau dilakukan.

## Bagian bersama

totals = { $errors } kesalahan, { $warnings } peringatan
help = saran: { $hint }
in-path = { $what } di `{ $path }`
hint-did-you-mean = mungkin maksud Anda `{ $suggestion }`?

## YAML (site.yaml, front matter, data/, i18n/)

unknown-key = isian `{ $key }` tidak dikenal
hint-remove-key = hapus baris ini
hint-allowed-keys = isian yang boleh di sini: { $keys }
missing-key = isian wajib `{ $key }` belum ada
hint-add-key = tambahkan baris `{ $key }: …`
wrong-type = isian `{ $key }` di sini berupa { $found }
wrong-type-here = nilai ini berupa { $found }
kind-text = teks
kind-list = daftar
kind-lines = baris-baris `nama: isi`
kind-whole-number = bilangan bulat
kind-number = angka
kind-yes-no = ya/tidak (`true` atau `false`)
kind-empty = kosong
kind-other = jenis nilai lain
hint-write-text-quoted = tulis sebagai teks biasa, diapit tanda kutip jika diawali `{ $bracket }`
hint-write-text = tulis sebagai teks biasa
hint-write-list = tulis sebagai daftar: satu baris per butir, masing-masing diawali `- `
hint-write-lines = tulis sebagai baris-baris `nama: isi`, menjorok ke dalam di bawah isian ini
hint-write-whole-number = tulis sebagai bilangan bulat, misalnya `3`
hint-write-number = tulis sebagai angka, misalnya `1.5`
hint-write-yes-no = tulis `true` (ya) atau `false` (tidak)
hint-write-other = periksa di dokumentasi nilai apa yang diterima isian ini
unknown-value = nilai `{ $value }` tidak dikenal
hint-use-one-of = gunakan salah satu dari: { $values }
bad-date = `{ $value }` bukan tanggal yang benar
hint-bad-date = tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-11-01
bad-event-time = `{ $value }` bukan tanggal atau waktu acara yang benar
hint-bad-event-time = tulis `2031-03-14`, `2031-03-14T09:00` (zona waktu situs) atau `2031-03-14T09:00:00+07:00`
negative-amount = `{ $value }` adalah jumlah negatif
hint-negative-amount = tulis biaya sebagai bilangan bulat dalam rupiah, misalnya 350000
not-whole-amount = `{ $value }` bukan jumlah bulat
hint-not-whole-amount = tulis biaya sebagai bilangan bulat tanpa titik atau koma, misalnya 350000
tariff-and-amount = biaya ini menyebut tarif `{ $tariff }` sekaligus item atau jumlah
hint-tariff-and-amount = pertahankan `tariff: { $tariff }` (item dan jumlahnya diambil dari data/tariffs.yaml), lalu hapus `item`, `amount` dan `currency`
yaml-syntax = YAML di sini tidak dapat dibaca: { $problem }
yaml-syntax-tab = ada tab yang dipakai untuk menjorokkan baris
yaml-syntax-colon = ada `: ` di dalam sebuah nilai
yaml-syntax-indent = ada baris yang menjoroknya berbeda dari baris di sekitarnya
yaml-syntax-quote = ada tanda kutip yang dibuka tetapi tidak ditutup
yaml-syntax-bracket = ada `[` atau `{"{"}` yang dibuka tetapi tidak ditutup
yaml-syntax-alias = ada nilai yang diawali `*` atau `&`
yaml-syntax-other = baris-baris ini bukan baris `nama: isi` dan bukan daftar
hint-yaml-syntax = periksa jarak menjoroknya (pakai spasi, bukan tab), dan apit dengan tanda kutip teks yang memuat `: ` atau `#`, atau yang diawali tanda kutip, `*`, `&`, `[` atau `{"{"}`
yaml-too-deep = daftar dan baris `nama: isi` bersarang terlalu dalam
hint-yaml-too-deep = kurangi tingkat sarang daftar dan baris `nama: isi`
yaml-too-many-aliases = nilai berulang (`*nama`) menghasilkan terlalu banyak nilai
hint-yaml-too-many-aliases = tulis nilainya satu per satu, jangan mengulang jangkar (`*nama`) di dalam jangkar lain
yaml-other = YAML di sini tidak dapat dipakai: { $problem }
hint-yaml-other = periksa YAML di tempat ini sesuai dokumentasi isiannya

## Berkas dan folder

io-not-found = berkas atau folder itu tidak ada
io-permission-denied = Anda tidak punya izin
io-already-exists = berkas atau folder itu sudah ada
io-storage-full = disk sudah penuh
io-read-only = disk hanya bisa dibaca
io-is-a-folder = itu sebuah folder, bukan berkas
io-not-a-folder = sebagian jalurnya adalah berkas, bukan folder
io-other = { $error }

## site.yaml

site-yaml-is-folder = `site.yaml` adalah folder, bukan berkas
hint-site-yaml-is-folder = hapus folder itu dan tulis pengaturan situs ke dalam berkas bernama site.yaml
no-site-yaml = tidak ada `site.yaml` di { $folder }
hint-no-site-yaml = jalankan Suluh di folder situs, beri --root FOLDER, atau buat situs dengan `suluh init FOLDER`
bad-base-url = `base_url` bukan alamat web yang diawali http:// atau https://: `{ $url }`
hint-bad-base-url = tulis alamat tempat situs akan diterbitkan, misalnya `https://imigrasi-lampung.example`
bad-language-code = `{ $code }` bukan kode bahasa
hint-bad-language-code = pakai kode ISO 639 berhuruf kecil seperti `id`, `en` atau `ar`
unknown-default-language = kode bahasa `{ $code }` di `default_language` tidak dikenal
hint-add-default-language = tambahkan `{ $code }` di bawah `languages`, atau pakai salah satu dari: { $codes }
unknown-time-zone = zona waktu `{ $zone }` tidak dikenal
hint-unknown-time-zone = pakai nama zona waktu IANA seperti `Asia/Jakarta`, `Asia/Makassar` atau `Asia/Jayapura`
bad-theme-name = `{ $theme }` bukan nama folder tema
hint-bad-theme-name = tulis nama sebuah folder di dalam `themes/`, misalnya `default`

## Membangun situs

cannot-replace-output = folder hasil { $folder } tidak dapat diganti: { $reason }
hint-cannot-replace-output = pastikan tidak ada program lain yang sedang membuka folder itu dan folder itu boleh ditulisi
cannot-create-staging = folder kerja di samping { $folder } tidak dapat dibuat: { $reason }
hint-cannot-create-staging = pastikan folder induk tempat hasil ditulis ada dan boleh ditulisi

## Berkas konten

no-content-folder = tidak ada folder `content/` di { $folder }
hint-no-content-folder = jalankan Suluh di folder situs (yang berisi site.yaml dan content/), atau beri --root FOLDER
cannot-read = `{ $path }` tidak dapat dibaca: { $reason }
hint-cannot-read = pastikan itu berkas yang boleh Anda baca
file-too-large = berkas ini terlalu besar: { $size } MiB, batasnya { $limit } MiB
hint-file-too-large = pecah menjadi beberapa halaman yang lebih kecil (panduan sepanjang ini sulit dibaca di ponsel)
not-utf8 = berkas ini tidak disimpan sebagai teks UTF-8
hint-not-utf8 = simpan berkas dengan pengodean UTF-8 (kebanyakan penyunting teks menyediakannya di "Save as"/"Simpan sebagai")
bad-folder-name = nama folder di `{ $path }` tidak dapat dipakai di alamat web
hint-bad-folder-name = ganti nama folder dengan huruf, angka dan `-`
bad-file-name = nama berkas `{ $file }` tidak dapat dipakai di alamat web
hint-bad-file-name = ganti nama berkas dengan huruf, angka dan `-`
unknown-language-suffix = kode bahasa `{ $code }` pada nama berkas tidak dikenal
hint-language-suffix-near = mungkin maksud Anda `.{ $suggestion }.md`? Jika tidak, tambahkan `{ $code }` di bawah `languages` di site.yaml
hint-language-suffix = tambahkan `{ $code }` di bawah `languages` di site.yaml, atau ganti nama berkas (bahasa situs: { $codes })
hint-site-languages = bahasa situs ini: { $codes }
too-deep = ada unsur yang bersarang lebih dari { $levels } tingkat
hint-too-deep = tutup unsur HTML (atau daftar dan kutipan) yang dibuka di atasnya, atau kurangi tingkat sarangnya
paginate-by-zero = `paginate_by` harus paling sedikit 1
hint-paginate-by-zero = hapus `paginate_by` agar semua halaman tampil dalam satu halaman
empty-file = berkas ini kosong
no-front-matter = berkas ini tidak diawali front matter (bagian isian di antara dua baris `---`)
hint-no-front-matter = awali berkas dengan baris `---`, lalu `title: …`, lalu satu baris `---` lagi
front-matter-not-closed = front matter belum ditutup
hint-front-matter-not-closed = tambahkan baris yang hanya berisi `---` setelah baris terakhir front matter
bad-slug = `slug` tidak dapat dipakai di alamat web: `{ $slug }`
hint-bad-slug = tulis satu kata atau beberapa kata yang disambung `-`, tanpa `/`, `..` atau spasi di awal dan akhir
empty-tag = label `{ $tag }` tidak memuat huruf atau angka, jadi tidak dipakai
hint-empty-tag = pakai sebuah kata sebagai label
unsafe-link = tautan tidak aman `{ $link }` dihapus
hint-unsafe-link = tautan boleh memakai http, https, mailto atau tel, atau menunjuk ke halaman lain

## Tautan

link-escape = tautan `{ $link }` menunjuk ke luar folder content
hint-link-escape = tautkan ke berkas Markdown di dalam content/, relatif terhadap berkas ini
link-to-draft = tautan ke halaman draf: `{ $link }`
hint-link-to-draft = terbitkan halaman itu (hapus `draft: true`), bangun dengan --drafts, atau hapus tautannya
broken-link = tautan rusak: `{ $link }`
hint-broken-link-near = tidak ada berkas `{ $path }`; mungkin maksud Anda `{ $suggestion }`?
hint-broken-link = tidak ada berkas `{ $path }`; periksa jalurnya, relatif terhadap berkas ini
broken-anchor = tautan ke judul bagian rusak: `#{ $anchor }` bukan judul bagian di `{ $link }`
hint-no-headings = halaman tujuan tidak punya judul bagian; hapus bagian `#…`
hint-headings-there = judul bagian di sana: { $headings }

## Tarif (data/tariffs.yaml)

unknown-tariff = tarif `{ $tariff }` tidak dikenal
hint-add-tariff = tambahkan `{ $tariff }:` beserta item, jumlah dan dasar hukumnya ke { $file }
hint-unknown-tariff = pakai id dari { $file } (misalnya `{ $example }`), atau tambahkan `{ $tariff }` di sana
expired-tariff = tarif `{ $tariff }` tidak berlaku lagi: berakhir pada { $until }
hint-expired-tariff = sebutkan tarif penggantinya, atau perbarui `{ $tariff }` di { $file }
unknown-language-in-tariff = kode bahasa `{ $code }` pada item tarif `{ $tariff }` tidak dikenal
tariff-ends-before-start = tarif `{ $tariff }` berakhir ({ $until }) sebelum mulai berlaku ({ $from })
hint-tariff-ends-before-start = periksa tanggalnya: `valid_until` adalah hari terakhir tarif itu dipungut
empty-legal-basis = dasar hukum tarif `{ $tariff }` kosong
hint-empty-legal-basis = sebutkan peraturan yang menetapkan biaya itu, misalnya `PP 45/2024`

## check: menulis untuk pembaca

image-without-alt = gambar tanpa teks alternatif
hint-image-without-alt = jelaskan isi gambar di antara kurung siku, misalnya `![Denah loket layanan](denah.png)`
heading-level-1 = judul tingkat 1 `{ $heading }` di dalam isi halaman
hint-heading-level-1 = judul halaman sudah menjadi judul tingkat 1; awali bagian-bagian dengan `##`
heading-skips-level = judul bagian `{ $heading }` melompat dari tingkat { $from } ke tingkat { $to }
hint-heading-skips-level = pakai { $marks } di sini, agar pengguna pembaca layar dapat mengikuti susunan halaman
empty-link = tautan tanpa teks
hint-empty-link = tulis kata yang diklik pembaca di antara kurung siku: `[biaya paspor](biaya.md)`
no-description = halaman tanpa deskripsi
hint-no-description = tambahkan `description:` berisi satu atau dua kalimat sederhana: kalimat itu muncul di hasil pencarian, pratinjau tautan dan leaflet
no-fees = prosedur tanpa biaya
hint-no-fees = tambahkan `fees:`; untuk layanan gratis tulis `- { "{" } item: …, amount: 0 { "}" }` agar pembaca tahu layanan itu gratis
no-requirements = prosedur tanpa persyaratan
hint-no-requirements = tambahkan `requirements:`, yaitu dokumen yang harus dibawa, satu per baris
no-date = halaman tanpa tanggal di bagian yang diurutkan menurut tanggal
hint-no-date = tambahkan `date: TTTT-BB-HH` (atau `event:` dengan `start`-nya) agar halaman ini tampil di urutan yang benar
duplicate-title = judul `{ $title }` juga dipakai oleh { $other }
hint-duplicate-title = beri setiap panduan judul yang menunjukkan perbedaannya
placeholder = teks sementara `{ $placeholder }` di { $what }: `{ $value }`
placeholder-in-event = { $key } acara
placeholder-in-fee-note = catatan biaya
placeholder-in-contact = { $key } kontak
hint-placeholder = ganti dengan nilai yang sebenarnya sebelum diterbitkan (`placeholders:` di site.yaml menyebut apa saja yang dianggap teks sementara)
not-reviewed = prosedur ini belum pernah ditinjau
hint-not-reviewed = cocokkan panduan dengan sumbernya (biaya, persyaratan, langkah), lalu tambahkan `reviewed: TTTT-BB-HH` berisi tanggal pemeriksaan itu
review-overdue = terakhir ditinjau pada { $date }, lebih dari { $months } bulan yang lalu
hint-review-overdue = cocokkan lagi panduan dengan sumbernya, lalu isi `reviewed:` dengan tanggal pemeriksaan itu
untranslated = belum diterjemahkan ke: { $languages }
hint-untranslated = pembaca melihat teks ini dengan pemberitahuan "belum tersedia"; tambahkan { $files }
missing-ui-strings = { $count } teks antarmuka belum ada di `{ $lang }`: { $keys }{ $more ->
    [0] {""}
   *[other] {" "}dan { $more } lainnya
}
hint-missing-ui-strings = tambahkan isian-isian ini ke i18n/{ $lang }.yaml; sampai saat itu teks bahasa utama yang ditampilkan

## check --external

external-moved = tautan luar `{ $link }` sudah pindah secara permanen ({ $status })
hint-external-moved = perbarui tautan ke { $to }
external-broken = tautan luar `{ $link }` rusak: { $status }
hint-external-gone = halamannya sudah tidak ada: cari alamat barunya, tautkan ke sumber lain, atau hapus tautannya
hint-external-refused = situs itu menolak pemeriksaan otomatis atau meminta login: buka tautannya di peramban untuk memastikan
hint-external-slow-down = situs itu meminta kami memperlambat: periksa lagi nanti
hint-external-open = buka tautannya di peramban; jika tetap rusak, tautkan ke sumber lain
external-timed-out = tautan luar `{ $link }` tidak menjawab dalam { $seconds } detik
hint-external-timed-out = situs itu mungkin sedang mati atau lambat; periksa lagi nanti atau buka tautannya di peramban
external-dns = tautan luar `{ $link }`: nama domain alamatnya tidak ditemukan
hint-external-dns = periksa ejaan alamatnya; domain itu mungkin sudah tidak ada
external-failed = tautan luar `{ $link }` tidak dapat diperiksa: { $reason }

## Hasil

path-empty = jalurnya kosong
path-absolute = jalurnya jalur absolut
path-goes-up = jalurnya naik keluar dari folder hasil (`..`)
path-unsafe-segment = jalurnya memuat bagian yang kosong atau tidak aman
output-escape = jalur hasil `{ $path }` tidak dapat dipakai: { $reason }
hint-output-escape = pakai nama relatif yang sederhana, tanpa `..`, tanpa `/` di awal, dan tanpa karakter khusus
output-conflict = dua hasil akan ditulis ke `{ $path }`: dari { $first } dan { $second }
hint-output-conflict = beri salah satunya `slug` atau alias yang lain
cannot-write-output = hasil untuk `{ $path }` tidak dapat ditulis: { $reason }
hint-cannot-write-output = pastikan folder hasil boleh ditulisi dan disk belum penuh
icon-missing = tema ini tidak punya icons/icon.svg
icon-unknown = tidak ada ikon bernama { $name }
icon-not-svg = ikon ini bukan gambar SVG yang dapat dibaca ({ $reason })
icon-size = ikon ini tidak dapat digambar pada ukurannya
icon-png = ikon ini tidak dapat disimpan sebagai PNG ({ $reason })
hint-icon = simpan logo sebagai berkas SVG yang benar (sebuah gambar, bukan teks)
internal-copy-job = kesalahan internal: tugas penyalinan terkirim ke pembuat templat
hint-report-bug = ini kesalahan di Suluh, bukan di tulisan Anda: mohon laporkan

## Tema dan templat

unknown-theme = tema `{ $theme }` tidak ditemukan: tidak ada folder `themes/{ $theme }/`
hint-unknown-theme = buat folder `themes/{ $theme }/`, atau pakai `theme: default`
missing-template = templat `{ $name }` tidak ada
hint-template-near = mungkin maksud Anda `{ $suggestion }`? Jika tidak, buat templates/{ $name }
hint-missing-template = buat templates/{ $name } di situs, atau hapus isian `template`
template-error = kesalahan templat: { $detail }
hint-template-named = perbaiki templat yang disebut di atas
hint-template-variable = periksa nama variabelnya, atau lindungi dengan `{"{"}% if … %{"}"}`
hint-template-not-found = buat templat itu di templates/, atau perbaiki namanya di `extends`/`include`
hint-template-syntax = perbaiki penulisan templat di posisi ini
template-not-utf8 = templat ini tidak disimpan sebagai teks UTF-8
hint-template-not-utf8 = simpan templat dengan pengodean UTF-8
cannot-read-template = templat tidak dapat dibaca: { $reason }

## Leaflet

unknown-page = tidak ada halaman `{ $page }`
hint-unknown-page = tulis jalur halaman di bawah content/ tanpa `.md`, misalnya `paspor/paspor-baru`
unknown-language = kode bahasa `{ $code }` tidak dikenal
leaflet-untranslated = `{ $page }` belum ada dalam versi { $language }
hint-leaflet-untranslated = terjemahkan dulu (content/{ $page }.{ $code }.md), atau pilih --lang yang lain
leaflet-fonts = tema ini tidak punya fon untuk leaflet
hint-leaflet-fonts = taruh fon .ttf yang mencakup bahasa-bahasa situs di folder fonts/ tema
logo-not-utf8 = logo ini bukan berkas teks SVG
hint-logo-not-utf8 = simpan logo sebagai SVG (teks), atau hapus static/logo.svg
cannot-read-logo = logo tidak dapat dibaca: { $reason }
missing-leaflet-template = templat leaflet `leaflets/{ $name }.typ` tidak ada
hint-missing-leaflet-template = tambahkan leaflets/{ $name }.typ ke tema, atau pilih tata letak lain
leaflet-template = kesalahan templat leaflet: { $detail }
hint-leaflet-typst = { $detail }
hint-leaflet-template = perbaiki templat leaflet di posisi ini
missing-card-template = templat kartu berbagi `cards/card.typ` tidak ada
hint-missing-card-template = tambahkan cards/card.typ (Typst, UTF-8) ke tema
alias-escape = alias `{ $alias }` bukan jalur di dalam situs
hint-alias-escape = tulis jalur alamat web yang lama, misalnya `/paspor/lama/`, tanpa `..` dan tanpa nama domain
hint-i18n-file = berkas i18n berisi baris-baris `nama: teks`; apit dengan tanda kutip teks yang memuat `:` atau `#`

## suluh new dan suluh init

bad-page-path = `{ $target }` bukan BAGIAN/NAMA-HALAMAN
hint-bad-page-path = tulis folder bagian dan nama halamannya, misalnya `suluh new paspor/paspor-dinas`
file-exists = `{ $file }` sudah ada
hint-file-exists = pilih nama halaman lain, atau sunting berkas yang sudah ada
cannot-create-folder-for = folder untuk `{ $file }` tidak dapat dibuat: { $reason }
cannot-create = `{ $file }` tidak dapat dibuat: { $reason }
cannot-write = `{ $file }` tidak dapat ditulis: { $reason }
hint-check-permissions = pastikan Anda boleh menulis ke folder itu
hint-check-disk = pastikan disk belum penuh
not-a-folder = `{ $folder }` adalah berkas, bukan folder
hint-not-a-folder = beri jalur folder yang baru atau kosong, misalnya `suluh init situs-saya`
hint-cannot-read-folder = pastikan folder itu ada dan boleh Anda baca
folder-not-empty = `{ $folder }` tidak kosong (berisi { $files })
hint-folder-not-empty = pilih nama folder baru (folder itu akan dibuatkan) atau kosongkan folder ini; `suluh init` tidak pernah menimpa berkas
hint-cannot-create-folder = pastikan folder induknya ada dan boleh Anda tulisi

## serve

internal-the-site = situs
internal-files = { $files }
internal-rebuild = kesalahan internal saat membangun ulang { $files }; mohon laporkan ({ $detail })
hint-internal-rebuild = ini kesalahan di Suluh, bukan di tulisan Anda: versi terakhir yang baik tetap ditampilkan; simpan lagi untuk mencoba ulang, dan laporkan pesan ini ke pelacak masalah proyek
server-address = alamat server tidak dapat dibaca: { $reason }
cannot-watch = perubahan di { $folder } tidak dapat dipantau: { $reason }
hint-cannot-watch = di Linux, naikkan fs.inotify.max_user_watches (sysctl) atau tutup program lain yang memantau folder
cannot-start-server = server tidak dapat dijalankan: { $reason }
cannot-start-watcher = pemantauan perubahan tidak dapat dimulai: { $reason }
server-stopped = server berhenti: { $reason }
port-in-use = port { $port } di { $interface } sudah dipakai (oleh `suluh serve` lain atau server lain?)
hint-port-in-use = hentikan program lain itu, atau pakai port lain: suluh serve --port { $next }
not-an-address-here = { $interface } bukan alamat komputer ini
hint-not-an-address-here = jalankan hanya untuk komputer ini dengan --interface 127.0.0.1 (bawaan)
port-not-allowed = tidak diizinkan memakai port { $port } di { $interface }
hint-port-not-allowed = port di bawah 1024 memerlukan hak administrator; pakai port bawaan: --port 1111
cannot-listen = tidak dapat menerima sambungan di { $address }: { $reason }
hint-cannot-listen = coba port lain dengan --port, misalnya --port 1112
overlay-close = Tutup
overlay-title = Perubahan terakhir mengandung { $errors } kesalahan; yang tampil ini versi terakhir yang baik
icon-ico = ikon tidak dapat disimpan sebagai favicon.ico ({ $reason })
placeholder-in-source = sebuah sumber

## Kemajuan dan ringkasan

stage-pages = halaman
stage-search = pencarian
stage-leaflets = leaflet
build-waiting = menunggu pembangunan lain untuk { $folder } selesai…
build-failed = Pembangunan gagal; { $folder } tidak diubah.
build-done = { $files } berkas dibangun ke { $folder } dalam { $ms } md.
check-no-problems = Tidak ada masalah.
leaflet-written = { $file } ditulis ({ $kb } KB)
new-created = { $file } dibuat
init-done = Situs baru dibuat di { $folder } ({ $files } berkas): satu prosedur, satu halaman hak, dan satu acara, dalam bahasa Indonesia dan Inggris.

    Langkah berikutnya:
      1. Isi judul, alamat dan kontak kantor Anda di { $root }/site.yaml.
      2. Lihat pratinjau situs selagi Anda menyuntingnya (buka http://127.0.0.1:1111/):
           suluh serve --root { $root }
      3. Tambahkan halaman:
           suluh new layanan/visa --root { $root }
      4. Temukan kesalahan dan terjemahan yang belum ada, lalu bangun situs ke { $root }/dist:
           suluh check --root { $root }
           suluh build --root { $root }

## serve di terminal

serve-serving = Menampilkan { $folder } di { $address }
serve-watching = Memantau perubahan; tekan Ctrl+C untuk berhenti.
serve-stopped = Berhenti.
serve-no-temporary-folder = peringatan: folder sementara tidak dapat dibuat ({ $reason }); situs disimpan di memori
serve-cannot-spill = peringatan: { $folder } tidak dapat ditulisi ({ $reason }); situs disimpan di memori
serve-first-build-failed = Situs ini mengandung kesalahan; peramban menampilkannya sampai diperbaiki.
serve-rebuild-failed = Pembangunan ulang gagal dalam { $ms } md; versi terakhir yang baik tetap ditampilkan (peramban menampilkan kesalahannya).
serve-first-build = { $files } berkas dibangun dalam { $ms } md (disajikan dari memori dan folder sementara, tidak pernah dari dist/).
serve-rebuilt = { $what ->
    [search] Indeks pencarian dibangun ulang
   *[all] Dibangun ulang
} dalam { $ms } md: { $count } berkas berubah{ $count ->
    [0] {""}
   *[other] : { $files }
} ({ $prepare ->
    [none] {""}
   *[other] membaca, memuat dan menautkan { $prepare } md;{" "}
}{ $rendered } dari { $jobs } hasil dibuat)

## check: tabel ringkasan

table-translations = Terjemahan yang belum ada
table-pages-of = { $count } dari { $total } halaman dan bagian
table-ui-strings = { $count } teks antarmuka
table-ui-strings-label = Teks antarmuka (i18n/{ $lang }.yaml):
table-home = (beranda)
table-more = … dan { $count } lainnya
table-translations-footer =
    {"  "}Tambahkan `<halaman>.<bahasa>.md` di samping aslinya dan isian-isiannya ke `i18n/<bahasa>.yaml`;
    {"  "}halaman yang belum diterjemahkan ditampilkan dalam bahasa utama dengan pemberitahuan.
    {"  "}`--format json` mencantumkan semuanya beserta berkasnya.
table-review = Panduan yang perlu ditinjau
table-never-reviewed = { $count } belum pernah ditinjau
table-overdue = { $count } sudah lewat waktu
table-never-reviewed-label = belum pernah ditinjau
table-overdue-label = lewat waktu
table-review-footer =
    {"  "}Cocokkan masing-masing dengan sumbernya, lalu isi `reviewed: TTTT-BB-HH`.
    {"  "}`--format json` mencantumkan semuanya beserta berkasnya.
totals-about-translations = ({ $translations } di antaranya tentang terjemahan yang belum ada)
totals-about-reviews = ({ $reviews } di antaranya tentang peninjauan)
totals-about-both = ({ $translations } di antaranya tentang terjemahan yang belum ada, { $reviews } tentang peninjauan)

## Halaman yang ditulis `suluh new` (front matter dengan komentar, lalu isi)

new-page-template =
    ---
    title: { $title }
    # Satu atau dua kalimat sederhana: tampil di hasil pencarian, pratinjau tautan dan leaflet.
    description: ""
    date: { $today }
    updated: { $today }
    # weight: 10                 # urutan di dalam bagian (yang lebih kecil lebih dulu)
    # tags: [paspor]
    # draft: true                # tidak diterbitkan sampai baris ini Anda hapus
    #
    # Untuk prosedur (hapus yang tidak perlu):
    # requirements:
    #   - KTP (kartu tanda penduduk) asli
    # fees:
    #   - { "{" } item: Paspor biasa 48 halaman, amount: 350000 { "}" }   # mata uangnya IDR bila tidak disebut
    #   - tariff: paspor-elektronik  # atau biaya dari data/tariffs.yaml, lengkap dengan dasar hukumnya
    # processing_time: 4 hari kerja
    # sources:                     # peraturan dan halaman resmi yang menjadi dasar panduan
    #   - Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian
    # reviewed: { $today }           # hari panduan ini dicocokkan dengan sumbernya
    # leaflet: true              # atau { "{" } layout: booklet { "}" }: PDF siap cetak untuk penyuluhan
    #
    # Tautkan panduan lain lewat berkas Markdown-nya, misalnya [paspor baru](../paspor/paspor-baru.md)
    #
    # Untuk acara (waktu tanpa zona waktu memakai { $timezone }):
    # event:
    #   start: { $today }T09:00
    #   end: { $today }T12:00
    #   location: Aula kantor
    #   address: ""
    ---

    Tulis panduan di sini. Sapa pembaca secara langsung, dengan kalimat pendek.

    ## Langkah-langkah

    1. Daftar bernomor pertama adalah daftar langkah.
    2. Setiap langkah berupa satu kalimat pendek.

## Komentar di situs yang ditulis `suluh init`

init-comment-site-intro = Pengaturan situs. Hanya title, base_url, default_language dan languages yang wajib.
init-comment-base-url = Alamat tempat situs akan diterbitkan; tautan di feed, peta situs dan kode QR leaflet memakainya.
init-comment-arabic-1 = Untuk menambah bahasa Arab (ditulis dari kanan ke kiri; arahnya mengikuti kodenya), hapus tanda # di baris berikut,
init-comment-arabic-2 = lalu terjemahkan halaman sebagai `<slug>.ar.md` di samping aslinya. `suluh check` menyebut apa yang masih perlu dikerjakan.
init-comment-timezone = Waktu acara yang ditulis tanpa zona waktu memakai zona waktu IANA ini.
init-comment-theme = Tema bawaan. Ganti salah satu berkasnya dengan menaruh berkas Anda sendiri di templates/ atau static/.
init-comment-contact = Tampil di setiap halaman dan leaflet, kecuali bila bagian atau halaman punya `contact:` sendiri.
init-comment-event = Sebuah acara: waktu tanpa zona waktu memakai zona waktu situs.
init-comment-reviewed = hari panduan ini dicocokkan dengan sumbernya; `suluh check` meminta peninjauan lagi setelah 12 bulan
init-comment-procedure = Sebuah prosedur: apa yang dibawa, berapa biayanya, berapa lama prosesnya. Daftar bernomor pertama di bawah adalah daftar langkah.
init-comment-currency = mata uangnya IDR bila tidak disebut
init-comment-leaflet = PDF siap cetak untuk penyuluhan: dist/leaflets/<lang>/layanan/paspor-baru.pdf
external-not-an-address = alamatnya tidak benar ({ $reason })
external-redirect-nowhere = tautan itu dialihkan ({ $status }) tanpa menyebut tujuannya
external-redirect-invalid = tautan itu dialihkan ke alamat yang tidak benar `{ $to }`
external-redirect-not-web = tautan itu dialihkan ke `{ $to }`, yang bukan alamat web
external-too-many-redirects = tautan itu dialihkan lebih dari { $count } kali
external-refused = situs itu menolak sambungan
external-connection-failed = tidak dapat tersambung ke situs itu

## Bahasa yang jelas (`suluh check`)

plain-long-sentence = kalimat ini terdiri dari { $words } kata (lebih dari { $limit })
hint-plain-long-sentence = pecah menjadi kalimat-kalimat pendek, satu gagasan per kalimat; pindahkan rinciannya ke dalam daftar
plain-unexplained-acronym = `{ $acronym }` dipakai sebelum dijelaskan
hint-plain-unexplained-acronym = tulis kepanjangannya saat pertama kali dipakai, misalnya `nama lengkap ({ $acronym })`, atau tambahkan `{ $acronym }` ke data/glossary.yaml
plain-passive-paragraph = { $passive } dari { $total } kalimat di sini berbentuk pasif
hint-plain-passive-id = sebutkan siapa melakukan apa: `Petugas memeriksa berkas Anda`, bukan `Berkas diperiksa`
hint-plain-passive-en = sebutkan siapa melakukan apa: `the officer checks your papers`, bukan `your papers are checked`
plain-word = `{ $word }` adalah istilah resmi yang mungkin tidak dikenal pembaca
hint-plain-word = tulis `{ $instead }` sebagai gantinya
plain-sentence-words-zero = `sentence_words` paling sedikit 1
hint-plain-sentence-words = 25 kata adalah batas yang umum untuk kalimat yang jelas
plain-passive-share = `passive_share` harus lebih dari 0 dan paling banyak 1, bukan { $value }
hint-plain-passive-share = 0.5 menandai paragraf yang sebagian besar kalimatnya pasif
plain-words-unknown-language = kode bahasa `{ $code }` di `plain_words` tidak dikenal
hint-plain-words-language = tulis `kata: kata yang lebih jelas`, atau kelompokkan kata di bawah salah satu bahasa situs ({ $languages })

## Glosarium (data/glossary.yaml)

glossary-empty-term = ada istilah glosarium yang kosong
hint-glossary-empty-term = tulis istilahnya seperti tertulis di panduan, misalnya `ITAS:`
glossary-link-not-markdown = tautan istilah `{ $term }` bukan berkas Markdown: `{ $link }`
hint-glossary-link = sebutkan panduan yang menjelaskan istilah ini, relatif terhadap content/, misalnya `izin-tinggal/itas.md`
glossary-link-list = tautan istilah `{ $term }` berupa daftar
hint-glossary-link-list = tulis satu panduan saja, misalnya `link: izin-tinggal/itas.md`
glossary-explanation-list = penjelasan `{ $code }` untuk istilah `{ $term }` berupa daftar
hint-glossary-explanation-list = tulis penjelasannya sebagai satu teks: satu atau dua kalimat sederhana
glossary-unknown-key = isian `{ $key }` di istilah glosarium `{ $term }` tidak dikenal
hint-glossary-unknown-key = tulis penjelasan di bawah salah satu bahasa situs ({ $languages }), atau pakai `link:` atau `aliases:`
glossary-no-explanation = istilah glosarium `{ $term }` belum punya penjelasan dalam `{ $code }`
hint-glossary-no-explanation = tambahkan `{ $code }:` berisi satu atau dua kalimat sederhana; bahasa lain memakai penjelasan ini bila belum ada
glossary-same-anchor = istilah glosarium `{ $first }` dan `{ $term }` akan memakai jangkar yang sama, `#{ $anchor }`
hint-glossary-same-anchor = simpan salah satunya dan tulis yang lain di bawah `aliases` istilah itu
glossary-broken-link = tautan rusak di istilah glosarium `{ $term }`: `{ $link }`
hint-glossary-broken-link = berkas `{ $path }` tidak ada; tulis jalurnya relatif terhadap content/

## Poster, paket acara dan gambar berbagi

unknown-handout = materi `{ $path }` bukan halaman situs ini
handout-is-section = materi `{ $path }` adalah bagian, bukan panduan
hint-unknown-handout = sebutkan berkas Markdown sebuah panduan, relatif terhadap berkas ini (misalnya `../paspor/paspor-baru.md`)
missing-image = gambar `{ $src }` bukan berkas di folder halaman ini
hint-missing-image-bundle = taruh gambarnya di content/{ $folder }/ lalu tulis namanya di sini
hint-missing-image-no-bundle = jadikan halaman ini sebuah folder (`<slug>/index.md`) dan taruh gambarnya di sampingnya
share-image-without-alt = gambar berbagi belum punya teks alternatif
hint-share-image-without-alt = jelaskan gambarnya di `alt`, misalnya `alt: Loket layanan paspor`
missing-print-template = templat `leaflets/{ $name }.typ` tidak ada
hint-missing-print-template = tambahkan leaflets/{ $name }.typ ke tema
