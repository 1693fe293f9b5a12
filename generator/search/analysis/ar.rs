//! Arabic: letter normalisation, stop words and a light stemmer.
//!
//! Readers type Arabic without vowel signs and often without hamza, so tokens are normalised
//! the way Arabic search engines do: vowel signs, Quranic marks and the tatweel go; `أ إ آ ٱ`
//! become `ا`, `ة` becomes `ه`, `ى` becomes `ي` (and the Persian-keyboard `ی ک` become
//! `ي ك`). Latin words inside Arabic text are folded as in Indonesian and English.
//!
//! The stemmer is "light" in the sense of Larkey, Ballesteros and Connell's light10: it
//! removes the conjunction `و`, the article `ال` with its attached prepositions (`وال بال كال
//! فال لل`), then one attached pronoun and a fixed list of endings, and does not try to find
//! the triliteral root, which conflates too much for search. Three changes make inflections
//! meet more often: the article may be removed a second time (normalisation turns `إلكتروني`
//! into `الكتروني`, so `الإلكتروني` must lose two); a `و` after the article goes too
//! (`الوثيقة` meets `وثيقة`, whose `و` is taken for the conjunction); and a ta marbuta that a
//! pronoun turned into `ت` is restored (`تأشيرتك` meets `تأشيرة`).

use std::collections::HashSet;
use std::sync::OnceLock;

/// Function words, in normalised spelling. Mirrored in the JavaScript as `AR_STOP`.
pub(super) const STOP_WORDS: &str = "
اذ اذا الا التي الذي الذين الي اليه ام اما ان انا انت انتم انه انها او اي ايضا اين بعد بعض
بل به بها بين تكون تلك ثم حتي ذات ذلك ذو عليه عليها علي عن عند غير فيه فيها في قبل قد كان
كانت كل كما كيف لا لكن لم لماذا لن له لها لهم ما متي مع من منذ منه منها نحن هذا هذه هل هم
هنا هناك هو هي و وفي ولا ومن وقد وان يجب يكون يمكن
";

pub(super) fn is_stop_word(word: &str) -> bool {
    static STOP: OnceLock<HashSet<&str>> = OnceLock::new();
    STOP.get_or_init(|| STOP_WORDS.split_whitespace().collect())
        .contains(word)
}

/// Normalises one lowercased word (see the module documentation).
pub(super) fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{0640}' => {}
            c if super::is_mark(c) => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' | 'ی' => out.push('ي'),
            'ک' => out.push('ك'),
            c => super::fold_latin_char(&mut out, c),
        }
    }
    out
}

/// Articles with their attached particles, longest first.
const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

/// Attached pronouns, of which one is removed: `ها هم كم ك`. (`ه` is one too, but after
/// normalisation it is also the feminine ending, so it is treated as an ending.)
const PRONOUNS: [&str; 4] = ["ها", "هم", "كم", "ك"];

/// Then plural and dual endings, then the adjective and feminine endings, each removed at
/// most once and in this order, so that `خدماتها` → `خدمات` → `خدم` and `الإلكترونية` →
/// `الكترونيه` → `الكتروني` → `الكترون`. With each, the letters that must remain: most roots
/// have three, but `ان ون ين` also end common words whose stem would be shorter than four
/// (`قانون`, `عنوان`, `تأمين`), while the sound plurals they mark are built on longer stems
/// (`مواطنون`, `موظفين`).
const ENDINGS: [(&str, usize); 7] = [
    ("ات", 3),
    ("ان", 4),
    ("ون", 4),
    ("ين", 4),
    ("يه", 3),
    ("ه", 3),
    ("ي", 3),
];

pub(super) fn stem(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    if !w.iter().all(|c| ('\u{0621}'..='\u{064A}').contains(c)) {
        return word.to_string();
    }
    strip_prefixes(&mut w);
    if PRONOUNS.iter().any(|s| strip_suffix(&mut w, s, 3)) {
        // A pronoun turns a final ة back into ت (`تأشيرة` + `ك` = `تأشيرتك`); restore it so
        // that the feminine ending goes as it does without the pronoun. `ات` is a plural.
        let n = w.len();
        if n > 3 && w[n - 1] == 'ت' && w[n - 2] != 'ا' {
            w[n - 1] = 'ه';
        }
    }
    for (suffix, keep) in ENDINGS {
        strip_suffix(&mut w, suffix, keep);
    }
    w.into_iter().collect()
}

/// Removes `suffix` if at least `keep` letters remain; tells whether it did.
fn strip_suffix(w: &mut Vec<char>, suffix: &str, keep: usize) -> bool {
    let s: Vec<char> = suffix.chars().collect();
    if w.len() >= s.len() + keep && w.ends_with(&s) {
        w.truncate(w.len() - s.len());
        true
    } else {
        false
    }
}

/// Removes up to three leading particles: an article (any of [`ARTICLES`] the first time,
/// only `ال` after that) leaving at least two letters, or `و` leaving at least three.
fn strip_prefixes(w: &mut Vec<char>) {
    let mut had_article = false;
    for _ in 0..3 {
        let article = ARTICLES.iter().find_map(|a| {
            let a: Vec<char> = a.chars().collect();
            let ok = (!had_article || a.len() == 2 && a[0] == 'ا')
                && w.len() >= a.len() + 2
                && w.starts_with(&a);
            ok.then_some(a.len())
        });
        if let Some(len) = article {
            w.drain(..len);
            had_article = true;
        } else if w.len() >= 4 && w[0] == 'و' {
            w.remove(0);
        } else {
            return;
        }
    }
}
