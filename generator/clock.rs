//! "Now", from one place: `SOURCE_DATE_EPOCH` (seconds since 1970, as reproducible-build tools set it)
//! when it is set and valid, else the system clock. Every command that needs today's date asks here, so a
//! build, a new page and a new site agree on the date and tests never depend on the real one.

/// The current instant, or the one `SOURCE_DATE_EPOCH` fixes.
pub fn now() -> jiff::Timestamp {
    from_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
        .unwrap_or_else(jiff::Timestamp::now)
}

/// The instant a `SOURCE_DATE_EPOCH` value names, if it is a whole number of seconds in jiff's range.
fn from_epoch(value: Option<&str>) -> Option<jiff::Timestamp> {
    let seconds = value?.trim().parse::<i64>().ok()?;
    jiff::Timestamp::from_second(seconds).ok()
}

#[cfg(test)]
mod tests {
    use super::from_epoch;

    #[test]
    fn epoch_values() {
        assert_eq!(
            from_epoch(Some(" 1795392000 ")).map(|t| t.as_second()),
            Some(1_795_392_000)
        );
        assert_eq!(from_epoch(Some("soon")), None);
        assert_eq!(from_epoch(Some("99999999999999999")), None);
        assert_eq!(from_epoch(None), None);
    }
}
