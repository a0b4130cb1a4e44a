//! Dates and durations for people, written out here (no date crate): a NumericDate as ISO-8601 UTC, and a distance
//! such as "3 h 12 min".

/// Largest |seconds| formatted as a date: about ±31 million years, far beyond any real token.
const MAX_SECONDS: f64 = 1e15;

/// Year, month, day of the proleptic Gregorian calendar for a count of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `seconds` since the epoch as ISO-8601 UTC, e.g. `2023-11-14T22:13:20Z` (milliseconds shown when present).
/// Years outside 0–9999 use the expanded form (`+55800-…`). `None` for non-finite or absurd values.
#[must_use]
pub fn iso8601(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || seconds.abs() > MAX_SECONDS {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let millis_total = (seconds * 1000.0).round() as i64;
    let secs = millis_total.div_euclid(1000);
    let millis = millis_total.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let year = if (0..=9999).contains(&year) { format!("{year:04}") } else { format!("{year:+}") };
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let fraction = if millis == 0 { String::new() } else { format!(".{millis:03}") };
    Some(format!("{year}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}{fraction}Z"))
}

/// A distance in seconds for people: the two largest units, e.g. `3 h 12 min`, `45 s`, `2 d 3 h`; years beyond a
/// year.
#[must_use]
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return "an unknown time".to_owned();
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let total = seconds.abs().round().min(9.0e15) as u64;
    let (d, h, m, s) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60, total % 60);
    if d >= 365 {
        let years = d / 365;
        return if years == 1 { "1 year".to_owned() } else { format!("{years} years") };
    }
    let pair =
        |a: u64, ua: &str, b: u64, ub: &str| if b == 0 { format!("{a} {ua}") } else { format!("{a} {ua} {b} {ub}") };
    if d > 0 {
        pair(d, "d", h, "h")
    } else if h > 0 {
        pair(h, "h", m, "min")
    } else if m > 0 {
        pair(m, "min", s, "s")
    } else {
        format!("{s} s")
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Reads a time as services write it in error messages, as seconds since the epoch (UTC): ISO-8601
/// (`2024-01-02T10:00:00Z`, `2024-01-02 10:00:00.123`, with `Z` or `+00:00`), .NET's invariant culture
/// (`01/02/2024 10:00:00`, month first), or a NumericDate in seconds or milliseconds. `None` for anything else.
#[must_use]
pub fn parse(text: &str) -> Option<f64> {
    let text = text.trim().trim_matches(|c| c == '\'' || c == '"');
    if !text.is_empty() && text.len() <= 16 && text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        // Integer arithmetic only: a float parser would add kilobytes to the page's module.
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let n: u64 = whole.parse().ok()?;
        let digits = fraction.get(..fraction.len().min(3)).unwrap_or_default();
        let millis: u64 = if digits.is_empty() {
            0
        } else {
            digits.parse::<u64>().ok()? * 10u64.pow(3 - u32::try_from(digits.len()).unwrap_or(3))
        };
        #[allow(clippy::cast_precision_loss)]
        let seconds = n as f64 + millis as f64 / 1000.0;
        return Some(if n >= 1_000_000_000_000 { seconds / 1000.0 } else { seconds });
    }
    let numbers: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let num = |i: usize| numbers.get(i).and_then(|n| n.parse::<i64>().ok());
    let (year, month, day) = match text.as_bytes().get(2) {
        Some(b'/') => (num(2)?, num(0)?, num(1)?),
        _ if text.as_bytes().get(4) == Some(&b'-') => (num(0)?, num(1)?, num(2)?),
        _ => return None,
    };
    let (h, m, s) = (num(3).unwrap_or(0), num(4).unwrap_or(0), num(5).unwrap_or(0));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let fraction = text.split_once(['.', ',']).filter(|(head, _)| head.len() >= 19).map_or(0.0, |(_, tail)| {
        let digits: String = tail.chars().take_while(char::is_ascii_digit).take(3).collect();
        let millis: u32 = digits.parse().unwrap_or(0) * 10u32.pow(3 - u32::try_from(digits.len()).unwrap_or(3));
        f64::from(millis) / 1000.0
    });
    #[allow(clippy::cast_precision_loss)]
    let seconds = (days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s) as f64;
    Some(seconds + fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(iso8601(0.0).unwrap(), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_700_000_000.0).unwrap(), "2023-11-14T22:13:20Z");
        assert_eq!(iso8601(951_782_400.0).unwrap(), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_709_164_800.5).unwrap(), "2024-02-29T00:00:00.500Z");
        assert_eq!(iso8601(-1.0).unwrap(), "1969-12-31T23:59:59Z");
        assert_eq!(iso8601(253_402_300_799.0).unwrap(), "9999-12-31T23:59:59Z");
        assert_eq!(iso8601(1_700_000_000_000.0).unwrap(), "+55840-11-08T22:13:20Z");
        assert_eq!(iso8601(f64::NAN), None);
    }

    #[test]
    fn parsed_times() {
        assert_eq!(parse("2023-11-14T22:13:20Z"), Some(1_700_000_000.0));
        assert_eq!(parse("2023-11-14 22:13:20.5"), Some(1_700_000_000.5));
        assert_eq!(parse("'11/14/2023 22:13:20'"), Some(1_700_000_000.0));
        assert_eq!(parse("1700000000"), Some(1_700_000_000.0));
        assert_eq!(parse("1700000000000"), Some(1_700_000_000.0));
        assert_eq!(parse("2024-02-29T00:00:00Z"), Some(1_709_164_800.0));
        assert_eq!(parse("[PII of type 'System.DateTime' is hidden]"), None);
        assert_eq!(parse("13/40/2023 22:13:20"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn durations() {
        assert_eq!(duration(0.0), "0 s");
        assert_eq!(duration(45.0), "45 s");
        assert_eq!(duration(-600.0), "10 min");
        assert_eq!(duration(3.0 * 3600.0 + 12.0 * 60.0 + 7.0), "3 h 12 min");
        assert_eq!(duration(2.0 * 86_400.0 + 3600.0), "2 d 1 h");
        assert_eq!(duration(86_400.0), "1 d");
        assert_eq!(duration(3.0 * 365.0 * 86_400.0), "3 years");
    }
}
