//! The crate's one percent-decoder, for link targets written in content and for request paths in `serve`.
//! Decoding works on bytes and never slices text, so no input (a `%` before a multi-byte letter, a `%` at the
//! end) can split a character.

use std::borrow::Cow;

/// Decodes `%XX` escapes; an escape that is not two hex digits stays as written, and bytes that do not form
/// UTF-8 become U+FFFD. For link targets, which are then looked up as files.
pub fn decode_lossy(text: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy()
}

/// Decodes `%XX` escapes; `None` for an escape that is not two hex digits or decoded bytes that are not
/// UTF-8. For request paths, where such a path is a bad request.
pub fn decode_strict(text: &str) -> Option<Cow<'_, str>> {
    let bytes = text.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_next_to_multibyte_letters() {
        assert_eq!(decode_lossy("%aé.md"), "%aé.md");
        assert_eq!(decode_lossy("%é"), "%é");
        assert_eq!(decode_lossy("a%"), "a%");
        assert_eq!(decode_lossy("a%2"), "a%2");
        assert_eq!(decode_lossy("visa%20kunjungan.md"), "visa kunjungan.md");
        assert_eq!(decode_lossy("%C3%A9"), "é");
        assert_eq!(decode_lossy("%FF"), "\u{FFFD}");
        assert_eq!(decode_strict("%FF"), None);
        assert_eq!(decode_strict("/%zz"), None);
        assert_eq!(decode_strict("/a%2"), None);
        assert_eq!(decode_strict("/é%"), None);
        assert_eq!(decode_strict("/a%20b/").as_deref(), Some("/a b/"));
    }
}
