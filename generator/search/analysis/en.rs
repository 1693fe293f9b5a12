//! English: stop words and the Porter stemmer.
//!
//! The original Porter algorithm (M. F. Porter, "An algorithm for suffix stripping", 1980),
//! written from the paper's rules: small enough to mirror in the browser, and it brings
//! `renew`, `renewal`, `renewing`, `renewed` and `renews` to one stem. Porter's "Snowball
//! English" refines it, at twice the size. Only words of ASCII letters longer than two
//! letters are stemmed.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Function words dropped from the index and from complete query words. Month names stay
/// (`may` is not here) because event pages are searched by month. Mirrored in the JavaScript
/// as `EN_STOP`.
pub(super) const STOP_WORDS: &str = "
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me might more most must my myself nor not now of off on once only or other
our ours ourselves out over own same shall she should so some such than that the their
theirs them themselves then there these they this those through to too under until up upon
very was we were what when where which while who whom why will with within without would
you your yours yourself yourselves
";

pub(super) fn is_stop_word(word: &str) -> bool {
    static STOP: OnceLock<HashSet<&str>> = OnceLock::new();
    STOP.get_or_init(|| STOP_WORDS.split_whitespace().collect())
        .contains(word)
}

pub(super) fn stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w = Word(word.as_bytes().to_vec());
    w.step1a();
    w.step1b();
    w.step1c();
    w.step2();
    w.step3();
    w.step4();
    w.step5();
    String::from_utf8(w.0).expect("ASCII in, ASCII out")
}

/// The word being stemmed, as ASCII bytes. `stem_len` arguments are the length of the part
/// before a suffix, whose measure the rules test.
struct Word(Vec<u8>);

impl Word {
    /// Porter's consonant: not a vowel, and `y` only after a vowel or at the start.
    fn is_consonant(&self, i: usize) -> bool {
        match self.0[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !self.is_consonant(i - 1),
            _ => true,
        }
    }

    /// m in [C](VC)^m[V] for the first `len` letters.
    fn measure(&self, len: usize) -> usize {
        let mut m = 0;
        let mut i = 0;
        while i < len && self.is_consonant(i) {
            i += 1;
        }
        loop {
            while i < len && !self.is_consonant(i) {
                i += 1;
            }
            if i >= len {
                return m;
            }
            while i < len && self.is_consonant(i) {
                i += 1;
            }
            m += 1;
        }
    }

    fn has_vowel(&self, len: usize) -> bool {
        (0..len).any(|i| !self.is_consonant(i))
    }

    /// *d: the first `len` letters end with a double consonant.
    fn double_consonant(&self, len: usize) -> bool {
        len >= 2 && self.0[len - 1] == self.0[len - 2] && self.is_consonant(len - 1)
    }

    /// *o: the first `len` letters end consonant-vowel-consonant, the last not w, x or y.
    fn cvc(&self, len: usize) -> bool {
        len >= 3
            && self.is_consonant(len - 3)
            && !self.is_consonant(len - 2)
            && self.is_consonant(len - 1)
            && !matches!(self.0[len - 1], b'w' | b'x' | b'y')
    }

    fn ends(&self, suffix: &str) -> bool {
        self.0.ends_with(suffix.as_bytes())
    }

    /// Replaces the last `suffix_len` letters with `with`.
    fn replace(&mut self, suffix_len: usize, with: &str) {
        let keep = self.0.len() - suffix_len;
        self.0.truncate(keep);
        self.0.extend_from_slice(with.as_bytes());
    }

    /// Applies the rule with the longest matching suffix, if the stem before it has a measure
    /// above `min_measure`; as in the paper, no shorter rule is tried when it does not.
    fn rule_list(&mut self, rules: &[(&str, &str)], min_measure: usize) {
        let matching = rules.iter().filter(|(s, _)| self.ends(s));
        if let Some(&(suffix, with)) = matching.max_by_key(|(s, _)| s.len()) {
            let stem_len = self.0.len() - suffix.len();
            if self.measure(stem_len) > min_measure {
                self.replace(suffix.len(), with);
            }
        }
    }

    fn step1a(&mut self) {
        if self.ends("sses") || self.ends("ies") {
            self.replace(2, "");
        } else if self.ends("s") && !self.ends("ss") {
            self.replace(1, "");
        }
    }

    fn step1b(&mut self) {
        let len = self.0.len();
        if self.ends("eed") {
            if self.measure(len - 3) > 0 {
                self.replace(1, "");
            }
            return;
        }
        let cut = if self.ends("ed") && self.has_vowel(len - 2) {
            2
        } else if self.ends("ing") && self.has_vowel(len - 3) {
            3
        } else {
            return;
        };
        self.replace(cut, "");
        let len = self.0.len();
        if self.ends("at") || self.ends("bl") || self.ends("iz") {
            self.0.push(b'e');
        } else if self.double_consonant(len) && !matches!(self.0[len - 1], b'l' | b's' | b'z') {
            self.0.pop();
        } else if self.measure(len) == 1 && self.cvc(len) {
            self.0.push(b'e');
        }
    }

    fn step1c(&mut self) {
        let len = self.0.len();
        if self.ends("y") && self.has_vowel(len - 1) {
            self.replace(1, "i");
        }
    }

    fn step2(&mut self) {
        self.rule_list(
            &[
                ("ational", "ate"),
                ("tional", "tion"),
                ("enci", "ence"),
                ("anci", "ance"),
                ("izer", "ize"),
                ("abli", "able"),
                ("alli", "al"),
                ("entli", "ent"),
                ("eli", "e"),
                ("ousli", "ous"),
                ("ization", "ize"),
                ("ation", "ate"),
                ("ator", "ate"),
                ("alism", "al"),
                ("iveness", "ive"),
                ("fulness", "ful"),
                ("ousness", "ous"),
                ("aliti", "al"),
                ("iviti", "ive"),
                ("biliti", "ble"),
            ],
            0,
        );
    }

    fn step3(&mut self) {
        self.rule_list(
            &[
                ("icate", "ic"),
                ("ative", ""),
                ("alize", "al"),
                ("iciti", "ic"),
                ("ical", "ic"),
                ("ful", ""),
                ("ness", ""),
            ],
            0,
        );
    }

    fn step4(&mut self) {
        const SUFFIXES: [&str; 19] = [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
            "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];
        // The longest matching suffix decides; `ement` before `ment` before `ent`.
        let Some(suffix) = SUFFIXES
            .iter()
            .filter(|s| self.ends(s))
            .max_by_key(|s| s.len())
        else {
            return;
        };
        let stem_len = self.0.len() - suffix.len();
        if self.measure(stem_len) <= 1 {
            return;
        }
        if *suffix == "ion" && !matches!(self.0.get(stem_len.wrapping_sub(1)), Some(b's' | b't')) {
            return;
        }
        self.replace(suffix.len(), "");
    }

    fn step5(&mut self) {
        let len = self.0.len();
        if self.ends("e") {
            let m = self.measure(len - 1);
            if m > 1 || (m == 1 && !self.cvc(len - 1)) {
                self.0.pop();
            }
        }
        let len = self.0.len();
        if self.measure(len) > 1 && self.double_consonant(len) && self.0[len - 1] == b'l' {
            self.0.pop();
        }
    }
}
