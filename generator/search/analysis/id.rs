//! Indonesian: stop words and a confix-stripping stemmer.
//!
//! The stemmer follows the shape of Nazief–Adriani and its "enhanced confix stripping"
//! successors: inflectional particles (`-lah`, `-kah`, `-tah`, `-pun`) and the possessive
//! `-nya`, then one derivational suffix (`-kan`, `-an`, `-i`), then up to three derivational
//! prefixes (`di-`, `ke-`, `se-`, `me(N)-`, `pe(N)-`, `per-`, `ber-`, `ter-`) with their sound
//! changes undone (`menulis` → `tulis`, `memeriksa` → `periksa`, `menyusun` → `susun`).
//! Those algorithms look every candidate up in a dictionary of 30,000 roots, which is too big
//! for a phone. Here every analysis of a word is enumerated in a fixed order and:
//!
//! 1. the first candidate found in [`ROOTS`], about two hundred roots that the rules alone would
//!    get wrong (roots that look affixed, roots starting with `m`, `n`, `k`, `r`, whose sound
//!    change is ambiguous, and roots ending in `-i`), wins;
//! 2. otherwise, the rules decide alone: the reading that removes the most affixes while
//!    leaving a stem of two vowels, with a suffix only where its prefix allows it (no
//!    `ke-…-kan`, no `di-…-an`, …); ties are broken as `stem` explains.
//!
//! What matters for search is that every inflection of a word reaches the same stem, not that
//! the stem is the dictionary root: `periksa` and `pemeriksaan` would both become `iksa`
//! without the root list, which is fine, while `pemohon` (default `pohon`) and `permohonan`
//! (`mohon`) would not meet, which is what the list is for. The possessives `-ku` and `-mu`
//! are not stripped: guides address the reader as *Anda*, and roots such as `buku`, `tamu`,
//! `ilmu`, `waktu` end in them.
//!
//! Only words of ASCII letters are stemmed; anything else is returned unchanged.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Function words dropped from the index and from complete query words. Mirrored in the
/// JavaScript as `ID_STOP`; the vector test checks the two lists are identical.
pub(super) const STOP_WORDS: &str = "
ada adalah adanya agar akan aku anda antara apa apabila apakah atas atau bagaimana bagi
bahkan bahwa banyak begitu beberapa belum bisa boleh bukan dalam dan dapat dari daripada
demikian dengan di dia hal hanya harus hingga ia ialah ini itu jika juga kalau kami kamu
karena ke kemudian kepada ketika kita lagi lalu maka masih maupun melainkan melalui mereka namun oleh
pada para per pun saat saja sangat sebagai sebelum sebuah secara sedang sehingga sejak
selama semua seperti serta sesudah setelah setiap siapa suatu sudah supaya tanpa telah tentang
terhadap tersebut tetapi tidak untuk yaitu yakni yang
";

/// Roots the rules alone would stem wrongly or inconsistently with their derived forms.
/// Own data, chosen from the guides' vocabulary. Mirrored in the JavaScript as `ID_ROOTS`.
pub(super) const ROOTS: &str = "
awas badai baik bank batas beras beri berita beritahu berkas bijak capai cek cerai cetak damai
datang didik digital diploma direktorat direktur disiplin diskusi fotokopi gerak hadap hak
hindar hubung ikut industri intai istilah jarak kabar kabul kait kaji kalah kali kantor kasih
kategori kawal kawin kecewa kecil kecuali kejar kejut kelamin kelola kelompok keluar keluarga
keluh kemarin kemas kembali kembang kena kenal kenang kendali kendara kepala kerah keras kering
kerja ketik kira kirim koleksi komentar konfirmasi konsultasi konsumsi kontak kontrol
koordinasi koreksi kosong kotor kuasa kuat kubur kukuh kumpul kunci kunjung kupas kurang kurung
kutip lantai layan lengkap letak majikan maju makan malu mandi manfaat marah masak masalah
masuk masyarakat materi mati menang menteri merdeka metode milik mimpi minta minum mitra mohon
muat muda mudah mukim mulai mulia muncul mundur mungkin murah musim musyawarah mutu nafkah naik
nama nanti nasihat negeri nikah nilai nomor nyaman nyanyi nyata olah paham pajak pakai pantai
partai patuh pedoman penjara penuh perangkat perempuan pergi periksa perilaku perintah perlu
persen pertama pesawat peserta pos punya ragam ramah ramai rangkai rangkum rantau rasa rawat
rekam rekrut rencana resmi rinci rujuk rumah rupa rusak sah sampai santai sebut sedia segera
sejarah sekarang sekolah sekretariat sekretaris selesai sembilan sementara semester seminar
sendiri serah serta sertifikat sesuai setuju tandatangan tangan tanya teknologi temu terima
ternak terus tes tindak tolak urai waspada
";

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

pub(super) fn is_stop_word(word: &str) -> bool {
    static STOP: OnceLock<HashSet<&str>> = OnceLock::new();
    STOP.get_or_init(|| set(STOP_WORDS)).contains(word)
}

fn is_root(word: &str) -> bool {
    static ROOT_SET: OnceLock<HashSet<&str>> = OnceLock::new();
    ROOT_SET.get_or_init(|| set(ROOTS)).contains(word)
}

/// Derivational prefixes, by family; allomorphs (`mem-`, `meng-`, …) share one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    Di,
    Ke,
    Se,
    Me,
    Pe,
    Per,
    Ber,
    Ter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    Kan,
    An,
    I,
    None,
}

/// One way to read a word: the stem left after removing a chain of prefixes.
struct Node {
    stem: String,
    /// The outermost prefix, which decides which suffixes may go with it.
    first: Option<Prefix>,
    depth: usize,
}

pub(super) fn stem(word: &str) -> String {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) || is_root(word) {
        return word.to_string();
    }
    let readings = readings(word);
    // Pass 1: the first reading, in search order, that reaches a known root.
    for reading in &readings {
        for node in &reading.nodes {
            if is_root(&node.stem) && confix_allowed(node.first, reading.suffix) {
                return node.stem.clone();
            }
        }
    }
    // Pass 2: the rules alone. The plausible reading that removes the most affixes wins. On a
    // tie: a prefix and suffix that form a confix (`ke-…-an` in `keterangan`, not `ke-ter-` +
    // `angan`), then `-nya` removed (`berkas-nya`, not `ber-` + `kasnya`), then more prefixes
    // (`ber-` + `jalan`, not `berjal` + `-an`; `ber-` + `salah`, not `bersa` + `-lah`: roots
    // end in `-lah` and `-kah` more often than prefixed words take those particles), then the
    // first in search order.
    let mut best: Option<(Score, &str)> = None;
    for reading in &readings {
        for node in reading
            .nodes
            .iter()
            .filter(|node| rule_allows(reading, node))
        {
            let score = score(reading, node);
            if best.is_none_or(|(top, _)| score > top) {
                best = Some((score, &node.stem));
            }
        }
    }
    best.map_or_else(|| word.to_string(), |(_, stem)| stem.to_string())
}

/// How much a reading removes, compared in this order: affixes in all, whether a prefix and
/// a suffix form a confix, whether `-nya` went, prefixes.
type Score = (usize, bool, bool, usize);

fn score(reading: &Reading, node: &Node) -> Score {
    let has_suffix = reading.suffix != Suffix::None;
    let removed = reading.inflections + usize::from(has_suffix) + node.depth;
    (
        removed,
        has_suffix && node.depth > 0,
        reading.without_nya,
        node.depth,
    )
}

/// One reading of a word's end: how many inflections went, which derivational suffix, and
/// every prefix chain of what is left.
struct Reading {
    inflections: usize,
    /// The possessive `-nya` was removed.
    without_nya: bool,
    suffix: Suffix,
    /// The stem before `suffix` was removed ends in `s` (for the `-si` rule).
    base_ends_in_s: bool,
    nodes: Vec<Node>,
}

/// Every reading of `word`, in search order: inflections stripped first, then the longest
/// suffix first, each with its prefix chains in depth-first order.
fn readings(word: &str) -> Vec<Reading> {
    let mut out = Vec::new();
    for (inflections, without_nya, base) in inflection_variants(word) {
        for (suffix, rest) in suffix_variants(&base) {
            let mut nodes = vec![Node {
                stem: rest.clone(),
                first: None,
                depth: 0,
            }];
            walk_prefixes(&rest, &mut Vec::new(), &mut nodes);
            out.push(Reading {
                inflections,
                without_nya,
                suffix,
                base_ends_in_s: rest.ends_with('s'),
                nodes,
            });
        }
    }
    out
}

/// The word without its particle and `-nya` (most stripped first), then the word itself: how
/// many inflections went, whether `-nya` was one, and what is left.
fn inflection_variants(word: &str) -> Vec<(usize, bool, String)> {
    let mut variants = vec![(0, false, word.to_string())];
    let mut current = word;
    if let Some(rest) = ["lah", "kah", "tah", "pun"]
        .iter()
        .find_map(|p| current.strip_suffix(p))
    {
        current = rest;
        variants.push((1, false, current.to_string()));
    }
    if let Some(rest) = current.strip_suffix("nya") {
        variants.push((variants.len(), true, rest.to_string()));
    }
    variants.retain(|(_, _, v)| v.len() >= 3);
    variants.reverse();
    variants
}

/// The derivational suffix readings of a word, longest suffix first, then none.
fn suffix_variants(word: &str) -> Vec<(Suffix, String)> {
    let mut out = Vec::new();
    if let Some(rest) = word.strip_suffix("kan") {
        out.push((Suffix::Kan, rest.to_string()));
    }
    if let Some(rest) = word.strip_suffix("an") {
        out.push((Suffix::An, rest.to_string()));
    } else if let Some(rest) = word.strip_suffix('i') {
        out.push((Suffix::I, rest.to_string()));
    }
    out.retain(|(_, rest)| rest.len() >= 2);
    out.push((Suffix::None, word.to_string()));
    out
}

/// Depth-first: each prefix removal of `word` is a node, followed by its own removals.
fn walk_prefixes(word: &str, used: &mut Vec<Prefix>, out: &mut Vec<Node>) {
    if used.len() == 3 {
        return;
    }
    for (prefix, rest) in prefix_options(word, used) {
        if rest.len() < 2 {
            continue;
        }
        used.push(prefix);
        out.push(Node {
            stem: rest.clone(),
            first: used.first().copied(),
            depth: used.len(),
        });
        walk_prefixes(&rest, used, out);
        used.pop();
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The prefix removals that apply to the start of `word`, the usual sound change first.
/// `me-` and `di-` only open a word; the others may follow (`memper-`, `diper-`, `keber-`,
/// `persetujuan`), each kind once.
fn prefix_options(word: &str, used: &[Prefix]) -> Vec<(Prefix, String)> {
    let b = word.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let tail = |i: usize| word.get(i..).unwrap_or("").to_string();
    let with = |letters: &str, i: usize| format!("{letters}{}", tail(i));
    let mut out: Vec<(Prefix, String)> = Vec::new();
    let allowed = |p: Prefix| {
        if used.is_empty() {
            true
        } else {
            !matches!(p, Prefix::Di | Prefix::Me) && !used.contains(&p)
        }
    };
    if word.starts_with("di") && allowed(Prefix::Di) {
        out.push((Prefix::Di, tail(2)));
    }
    if word.starts_with("ke") && allowed(Prefix::Ke) {
        out.push((Prefix::Ke, tail(2)));
    }
    if word.starts_with("se") && allowed(Prefix::Se) {
        out.push((Prefix::Se, tail(2)));
    }
    if word.starts_with("me") && allowed(Prefix::Me) {
        nasal_options(Prefix::Me, word, &mut out);
        if matches!(at(2), b'l' | b'r' | b'w' | b'y') {
            out.push((Prefix::Me, tail(2)));
        }
    }
    if word.starts_with("pe") {
        if allowed(Prefix::Pe) {
            nasal_options(Prefix::Pe, word, &mut out);
        }
        if word.starts_with("per") {
            if allowed(Prefix::Per) {
                out.push((Prefix::Per, tail(3)));
            }
            if is_vowel(at(3)) && allowed(Prefix::Pe) {
                out.push((Prefix::Pe, with("r", 3)));
            }
        } else if word.starts_with("pelajar") && allowed(Prefix::Pe) {
            out.push((Prefix::Pe, tail(3)));
        } else if !is_vowel(at(2)) && !matches!(at(2), b'm' | b'n' | b'r') && allowed(Prefix::Pe) {
            out.push((Prefix::Pe, tail(2)));
            if word.get(3..5) == Some("er") && allowed(Prefix::Per) {
                // per- before a first syllable in -er, as be- is: pekerjakan, peternakan.
                out.push((Prefix::Per, tail(2)));
            }
        }
    }
    if allowed(Prefix::Ber) {
        if word.starts_with("ber") {
            out.push((Prefix::Ber, tail(3)));
            if is_vowel(at(3)) {
                out.push((Prefix::Ber, with("r", 3)));
            }
        } else if word.starts_with("belajar") {
            out.push((Prefix::Ber, tail(3)));
        } else if word.starts_with("be") && !is_vowel(at(2)) && word.get(3..5) == Some("er") {
            // be- before a first syllable in -er: bekerja, beserta, beternak.
            out.push((Prefix::Ber, tail(2)));
        }
    }
    if word.starts_with("ter") && allowed(Prefix::Ter) {
        out.push((Prefix::Ter, tail(3)));
        if is_vowel(at(3)) {
            out.push((Prefix::Ter, with("r", 3)));
        }
    }
    out
}

/// The nasal allomorphs of `me-` and `pe-`: `meng-`, `meny-`, `men-`, `mem-`. A vowel after
/// the nasal hides the root's first consonant: `meng` + vowel may be a vowel-initial root
/// (`mengadu`) or a `k` root (`mengirim`); `men` + vowel a `t` root (`menulis`) or an `n` root
/// (`menikah`); `mem` + vowel a `p` root (`memeriksa`) or an `m` root (`memohon`); `meny` an
/// `s` root (`menyusun`) or an `ny` root (`menyatakan`). The likelier reading comes first.
fn nasal_options(prefix: Prefix, word: &str, out: &mut Vec<(Prefix, String)>) {
    let b = word.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let tail = |i: usize| word.get(i..).unwrap_or("").to_string();
    let with = |letters: &str, i: usize| format!("{letters}{}", tail(i));
    match (at(2), at(3)) {
        (b'n', b'g') => {
            if is_vowel(at(4)) {
                out.push((prefix, tail(4)));
                out.push((prefix, with("k", 4)));
                if at(4) == b'e' {
                    // menge- before one-syllable roots: mengecek.
                    out.push((prefix, tail(5)));
                }
            } else if matches!(at(4), b'g' | b'h' | b'k') {
                out.push((prefix, tail(4)));
            }
        }
        (b'n', b'y') if is_vowel(at(4)) => {
            out.push((prefix, with("s", 4)));
            out.push((prefix, with("ny", 4)));
        }
        (b'n', c) if is_vowel(c) => {
            out.push((prefix, with("t", 3)));
            out.push((prefix, with("n", 3)));
        }
        (b'n', b'c' | b'd' | b'j' | b's' | b't' | b'z') => out.push((prefix, tail(3))),
        (b'm', b'b' | b'f' | b'p' | b'v') => out.push((prefix, tail(3))),
        (b'm', c) if is_vowel(c) => {
            out.push((prefix, with("p", 3)));
            out.push((prefix, with("m", 3)));
        }
        _ => {}
    }
}

/// Prefix and suffix pairs that Indonesian does not combine, after Nazief–Adriani:
/// `ber-…-i`, `di-…-an`, `ke-…-i`, `ke-…-kan`, `me-…-an`, `se-…-i`, `se-…-kan`, `ter-…-an`,
/// and `pe(N)-…-kan` / `pe(N)-…-i` (nouns take `-an`; `per-` also makes verbs: `perhatikan`).
fn confix_allowed(first: Option<Prefix>, suffix: Suffix) -> bool {
    use Prefix::*;
    use Suffix::*;
    !matches!(
        (first, suffix),
        (Some(Ber), I)
            | (Some(Di), An)
            | (Some(Ke), I | Kan)
            | (Some(Me), An)
            | (Some(Se), I | Kan)
            | (Some(Ter), An)
            | (Some(Pe), I | Kan)
    )
}

/// A stem long enough to be a root: three letters and two vowels (two syllables), which keeps
/// the rules off most short roots (`jalan` is not `jal` + `-an`, `kerja` not `ke-` + `rja`).
fn plausible(stem: &str) -> bool {
    stem.len() >= 3 && stem.bytes().filter(|&b| is_vowel(b)).count() >= 2
}

/// Whether the rules accept a reading: a plausible stem, a suffix its prefix may take, and
/// `-i` only after a prefix (roots end in `-i` far more often than bare verbs do) and not
/// after `s`, where loanwords end in `-si` (`imigrasi`, `diverifikasi`).
fn rule_allows(reading: &Reading, node: &Node) -> bool {
    plausible(&node.stem)
        && confix_allowed(node.first, reading.suffix)
        && (reading.suffix != Suffix::I || (node.depth > 0 && !reading.base_ends_in_s))
}
