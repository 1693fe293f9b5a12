//! Content fingerprints: 128-bit hashes that tell whether two texts or outputs are the same without keeping
//! both. `serve` keeps fingerprints of its Markdown sources and its outputs where it would otherwise keep
//! their bytes.

use std::hash::Hasher;

use siphasher::sip128::{Hasher128, SipHasher13};

/// The fingerprint of `bytes`. The keys are fixed so the same bytes give the same fingerprint in every run;
/// fingerprints are only compared, never shown or stored.
pub fn of(bytes: &[u8]) -> u128 {
    let mut hasher = SipHasher13::new_with_keys(0x5375_6c75_6820_7365, 0x7276_6520_6f75_7470);
    hasher.write(bytes);
    hasher.finish128().as_u128()
}

/// The fingerprint of several byte strings in order; their boundaries count (`["ab", "c"]` differs from
/// `["a", "bc"]`).
pub fn of_parts(parts: &[&[u8]]) -> u128 {
    let mut hasher = SipHasher13::new_with_keys(0x5375_6c75_6820_7365, 0x7276_6520_6f75_7470);
    for part in parts {
        hasher.write_usize(part.len());
        hasher.write(part);
    }
    hasher.finish128().as_u128()
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_bytes_same_fingerprint() {
        assert_eq!(super::of(b"Paspor Baru"), super::of(b"Paspor Baru"));
        assert_ne!(super::of(b"Paspor Baru"), super::of(b"Paspor baru"));
        assert_ne!(super::of(b""), super::of(b"\0"));
    }
}
