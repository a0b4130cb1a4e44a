//! The matcher: linear in the text. Anchors are found in one pass with a two-byte prefilter; each anchor's template
//! is matched forwards with captures bounded in length and confined to their line, and each pattern is tried after
//! at most [`MAX_ATTEMPTS`] anchors, so no input makes the work grow faster than its length.

use super::Entry;
use super::catalogue::ENTRIES;

/// Longest value a capture takes, in bytes.
const MAX_CAPTURE: usize = 512;
/// Longest message slot considered, in bytes.
const MAX_SLOT: usize = 4096;
/// Anchors tried per pattern before the pattern is given up for this text.
const MAX_ATTEMPTS: usize = 256;
/// Raw matches collected before the rest of the text is ignored.
const MAX_RAW: usize = 256;
/// Messages reported per text.
const MAX_MATCHES: usize = 32;

/// One recognised message.
#[derive(Debug, Clone)]
pub struct Match {
    /// The catalogue entry.
    pub entry: &'static Entry,
    /// Byte offsets of the message in the scanned text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The values the message carries, by capture name (`expected`, `kid`, `exp`…), as written.
    pub values: Vec<(String, String)>,
    /// Other emitters whose message has the same wording, when the envelope does not tell them apart.
    pub also_from: Vec<&'static str>,
    /// The emitter's code, with captured digits filled in (`AADSTS50013`).
    pub code: Option<String>,
}

enum Piece<'p> {
    Lit(&'p str),
    Cap(&'p str),
}

/// A template's pieces: literal text and `{name}` captures.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        if let Some(open) = rest.find("{{").filter(|o| rest.find('{') == Some(*o)) {
            if open > 0 {
                out.push(Piece::Lit(rest.get(..open).unwrap_or_default()));
            }
            out.push(Piece::Lit("{"));
            rest = rest.get(open + 2..).unwrap_or_default();
            continue;
        }
        match rest
            .find('{')
            .and_then(|open| rest.get(open..).and_then(|r| r.find('}')).map(|close| (open, open + close)))
        {
            Some((open, close)) => {
                if open > 0 {
                    out.push(Piece::Lit(rest.get(..open).unwrap_or_default()));
                }
                out.push(Piece::Cap(rest.get(open + 1..close).unwrap_or_default()));
                rest = rest.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push(Piece::Lit(rest));
                break;
            }
        }
    }
    out
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where a final capture stops: a quote, a line break, or an escaped quote or line break of JSON text.
fn value_end(window: &str) -> usize {
    let bytes = window.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\n' | b'\r' => return i,
            b'\\' if matches!(bytes.get(i + 1), Some(b'"' | b'n' | b'r')) => return i,
            _ => i += 1,
        }
    }
    i
}

/// Matches `pieces` at `pos`, within `bound`: the end of the match and the captures.
fn match_at<'t>(
    text: &'t str,
    pos: usize,
    pieces: &[Piece<'_>],
    bound: usize,
) -> Option<(usize, Vec<(String, &'t str)>)> {
    let mut i = pos;
    let mut captures = Vec::new();
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Lit(lit) => {
                let rest = text.get(i..bound)?;
                if !rest.starts_with(lit) {
                    return None;
                }
                i += lit.len();
            }
            Piece::Cap(name) => {
                let limit = floor_boundary(text, (i + MAX_CAPTURE).min(bound));
                let window = text.get(i..limit)?;
                let line = window.find('\n').map_or(window, |nl| window.get(..nl).unwrap_or_default());
                let len = match pieces.get(k + 1) {
                    Some(Piece::Lit(next)) => line.find(next)?,
                    _ => {
                        let raw = line.get(..value_end(line)).unwrap_or_default();
                        raw.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';')).len()
                    }
                };
                let value = text.get(i..i + len)?;
                if *name == "code" && (value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit())) {
                    return None;
                }
                captures.push(((*name).to_owned(), value));
                i += len;
            }
        }
    }
    Some((i, captures))
}

struct Raw<'t> {
    entry: usize,
    start: usize,
    end: usize,
    values: Vec<(String, &'t str)>,
}

/// Finds every catalogue message in `text`.
#[must_use]
pub fn scan(text: &str) -> Vec<Match> {
    let mut raw = Vec::new();
    anywhere(text, &mut raw);
    whole(text, &mut raw);
    resolve(text, raw)
}

/// The catalogue prepared for matching, once per process: every template split into pieces, the anchors of the
/// entries matched anywhere (sorted by their first two bytes, with a bit table of those two-byte keys), and the
/// entries that count only as a whole slot with the set of their first bytes. Building it is most of the cost of a
/// scan of a short paste (a third of an `inspect` of a bare token when it was rebuilt on every call).
struct Compiled {
    /// Per entry, per pattern: the pieces.
    parsed: Vec<Vec<Vec<Piece<'static>>>>,
    /// (first two bytes of the anchor, entry, pattern), sorted.
    anchors: Vec<(u16, usize, usize)>,
    /// Bit `key` is set when some anchor starts with the two bytes `key`.
    table: Vec<u64>,
    /// The entries matched only as a whole slot.
    whole: Vec<usize>,
    /// Bytes that start some whole-slot pattern.
    first: [bool; 256],
}

fn compiled() -> &'static Compiled {
    static COMPILED: std::sync::OnceLock<Compiled> = std::sync::OnceLock::new();
    COMPILED.get_or_init(|| {
        let mut anchors = Vec::new();
        let mut table = vec![0u64; 1024];
        let mut first = [false; 256];
        for (e, entry) in ENTRIES.iter().enumerate() {
            for (p, pattern) in entry.patterns.iter().enumerate() {
                if entry.whole {
                    if let Some(b) = pattern.bytes().next().and_then(|b| first.get_mut(usize::from(b))) {
                        *b = true;
                    }
                } else if let [a, b, ..] = pattern.as_bytes() {
                    let key = u16::from(*a) << 8 | u16::from(*b);
                    anchors.push((key, e, p));
                    if let Some(word) = table.get_mut(usize::from(key >> 6)) {
                        *word |= 1 << (key & 63);
                    }
                }
            }
        }
        sort_by_key(&mut anchors, |a| *a);
        Compiled {
            parsed: ENTRIES.iter().map(|e| e.patterns.iter().map(|p| pieces(p)).collect()).collect(),
            anchors,
            table,
            whole: ENTRIES.iter().enumerate().filter(|(_, e)| e.whole).map(|(i, _)| i).collect(),
            first,
        }
    })
}

/// Entries matched anywhere: a two-byte prefilter over the text finds the anchors.
fn anywhere<'t>(text: &'t str, raw: &mut Vec<Raw<'t>>) {
    let bytes = text.as_bytes();
    let Compiled { parsed, anchors, table, .. } = compiled();
    let mut attempts = vec![0usize; anchors.len()];
    for i in 0..bytes.len().saturating_sub(1) {
        let (Some(&a), Some(&b)) = (bytes.get(i), bytes.get(i + 1)) else { break };
        let key = u16::from(a) << 8 | u16::from(b);
        if table.get(usize::from(key >> 6)).is_none_or(|w| w & (1 << (key & 63)) == 0) || !text.is_char_boundary(i) {
            continue;
        }
        let from = anchors.partition_point(|(k, _, _)| *k < key);
        for (slot, &(k, e, p)) in anchors.iter().enumerate().skip(from) {
            if k != key || raw.len() >= MAX_RAW {
                break;
            }
            let Some(pattern) = parsed.get(e).and_then(|ps| ps.get(p)) else { continue };
            let Some(count) = attempts.get_mut(slot) else { continue };
            if *count >= MAX_ATTEMPTS
                || !matches!(pattern.first(), Some(Piece::Lit(l)) if text.get(i..).is_some_and(|r| r.starts_with(l)))
            {
                continue;
            }
            *count += 1;
            if let Some((end, values)) = match_at(text, i, pattern, text.len()) {
                raw.push(Raw { entry: e, start: i, end, values });
            }
        }
    }
}

/// A message slot: a span of text that is one whole message, and the JSON member or parameter it is the value of.
struct Slot<'t> {
    start: usize,
    end: usize,
    key: Option<&'t str>,
}

/// Every slot: trimmed lines and what follows an `Error:`-like prefix in them, JSON string members, and header
/// parameters (`error_description="…"`).
fn slots(text: &str) -> Vec<Slot<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        let (start, end) = (offset + lead, offset + content.len());
        if end > start && end - start <= MAX_SLOT {
            out.push(Slot { start, end, key: None });
            for (at, _) in content.match_indices(": ").take(4) {
                out.push(Slot { start: offset + at + 2, end, key: None });
            }
        }
        offset += line.len();
    }
    json_members(text, &mut out);
    header_params(text, &mut out);
    out
}

/// The end of a JSON string starting after the quote at `from`: the closing quote's offset, within a line and
/// [`MAX_SLOT`].
fn string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() && i - from <= MAX_SLOT {
        match bytes.get(i)? {
            b'"' => return Some(i),
            b'\\' => i += 2,
            b'\n' => return None,
            _ => i += 1,
        }
    }
    None
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| *b == b' ' || *b == b'\t') {
        i += 1;
    }
    i
}

/// `"key": "value"` members of JSON text, wherever they are.
fn json_members<'t>(text: &'t str, out: &mut Vec<Slot<'t>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = bytes.get(i..).and_then(|r| r.iter().position(|b| *b == b'"')) {
        let open = i + at;
        let Some(close) = string_end(bytes, open + 1) else {
            i = open + 1;
            continue;
        };
        let colon = skip_spaces(bytes, close + 1);
        if bytes.get(colon) == Some(&b':') {
            let value = skip_spaces(bytes, colon + 1);
            if bytes.get(value) == Some(&b'"')
                && let Some(value_close) = string_end(bytes, value + 1)
            {
                out.push(Slot { start: value + 1, end: value_close, key: text.get(open + 1..close) });
                i = value_close + 1;
                continue;
            }
        }
        i = close + 1;
    }
}

/// `name="value"` parameters (RFC 6750 challenges), wherever they are.
fn header_params<'t>(text: &'t str, out: &mut Vec<Slot<'t>>) {
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices("=\"") {
        let name_start = bytes
            .get(..at)
            .map_or(at, |b| at - b.iter().rev().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count());
        if name_start == at {
            continue;
        }
        if let Some(close) = string_end(bytes, at + 2) {
            out.push(Slot { start: at + 2, end: close, key: text.get(name_start..at) });
        }
    }
}

/// Entries that count only as a whole slot.
fn whole<'t>(text: &'t str, raw: &mut Vec<Raw<'t>>) {
    let Compiled { parsed, whole: entries, first, .. } = compiled();
    for slot in slots(text) {
        let lead = text.as_bytes().get(slot.start).copied().unwrap_or_default();
        if !first.get(usize::from(lead)).copied().unwrap_or(false) {
            continue;
        }
        for &index in entries {
            let (Some(entry), Some(patterns)) = (ENTRIES.get(index), parsed.get(index)) else { continue };
            if entry.key.is_some_and(|k| !slot.key.is_some_and(|s| s.eq_ignore_ascii_case(k))) {
                continue;
            }
            for pattern in patterns {
                let Some((end, values)) = match_at(text, slot.start, pattern, slot.end) else { continue };
                let rest = text.get(end..slot.end).unwrap_or_default();
                if rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!')).is_empty()
                    && raw.len() < MAX_RAW
                    && !raw.iter().any(|r| r.entry == index && r.start == slot.start)
                {
                    raw.push(Raw { entry: index, start: slot.start, end, values });
                    break;
                }
            }
        }
    }
}

/// From raw matches to messages: same-span alternatives decided by the envelope's markers, overlaps resolved in
/// favour of the longer message, duplicates dropped, and a generic challenge folded into the specific message
/// that explains it.
fn resolve(text: &str, mut raw: Vec<Raw<'_>>) -> Vec<Match> {
    // The envelope in lower case, made only when a marker is to be looked for.
    let lower = std::cell::OnceCell::new();
    let marked = |entry: &Entry| {
        !entry.markers.is_empty() && {
            let lower: &String = lower.get_or_init(|| text.to_ascii_lowercase());
            entry.markers.iter().any(|m| lower.contains(m))
        }
    };
    // One entry's patterns matching at one place: the one with the most values, spanning the longest text.
    sort_by_key(&mut raw, |r| (r.entry, r.start, usize::MAX - r.values.len()));
    raw.dedup_by(|later, first| {
        let same = later.entry == first.entry && later.start == first.start;
        if same {
            first.end = first.end.max(later.end);
        }
        same
    });
    sort_by_key(&mut raw, |r| {
        (ENTRIES.get(r.entry).is_some_and(|e| e.generic), usize::MAX - (r.end - r.start), r.start, r.entry)
    });
    let mut kept: Vec<Match> = Vec::new();
    let mut i = 0;
    while let Some(first) = raw.get(i) {
        let generic = ENTRIES.get(first.entry).is_some_and(|e| e.generic);
        let same: Vec<&Raw<'_>> = raw
            .iter()
            .skip(i)
            .take_while(|r| {
                r.start == first.start
                    && r.end == first.end
                    && ENTRIES.get(r.entry).is_some_and(|e| e.generic) == generic
            })
            .collect();
        i += same.len();
        let overlaps = kept.iter().any(|k| k.start < first.end && first.start < k.end);
        let entries: Vec<&'static Entry> = same.iter().filter_map(|r| ENTRIES.get(r.entry)).collect();
        let chosen = same.iter().position(|r| ENTRIES.get(r.entry).is_some_and(marked)).unwrap_or(0);
        let (Some(winner), Some(entry)) = (same.get(chosen), entries.get(chosen).copied()) else { continue };
        if overlaps || kept.iter().any(|k| k.entry.id == entry.id) {
            continue;
        }
        let mut also_from: Vec<&'static str> = Vec::new();
        for other in &entries {
            if other.source.name != entry.source.name && !also_from.contains(&other.source.name) {
                also_from.push(other.source.name);
            }
        }
        let values: Vec<(String, String)> = winner.values.iter().map(|(n, v)| (n.clone(), (*v).to_owned())).collect();
        let mut m = Match { entry, start: winner.start, end: winner.end, values, also_from, code: None };
        if entry.params {
            m.values.extend(line_params(text, m.start));
        }
        m.code = entry.code.map(|c| c.replace("{code}", value(&m.values, "code").unwrap_or_default()));
        kept.push(m);
    }
    sort_by_key(&mut kept, |m| m.start);
    fold_generic(kept)
}

/// Whether a generic entry is an OAuth protocol code (`invalid_token`), weaker than any emitter's own message.
fn protocol(m: &Match) -> bool {
    m.entry.generic && m.entry.source.name.starts_with("OAuth 2.0")
}

/// A generic challenge is dropped when a specific message explains it (an OAuth code also when an emitter's own
/// generic message does); its code and parameters go to that message.
fn fold_generic(kept: Vec<Match>) -> Vec<Match> {
    let weak: fn(&Match) -> bool =
        if kept.iter().all(|m| m.entry.generic) { protocol } else { |m: &Match| m.entry.generic };
    if kept.iter().all(weak) {
        return kept.into_iter().take(MAX_MATCHES).collect();
    }
    let (generic, mut specific): (Vec<Match>, Vec<Match>) = kept.into_iter().partition(weak);
    if let Some(first) = specific.first_mut() {
        for g in generic {
            if first.code.is_none() {
                first.code.clone_from(&g.code);
            }
            for (name, v) in g.values {
                if value(&first.values, &name).is_none() {
                    first.values.push((name, v));
                }
            }
        }
    }
    specific.truncate(MAX_MATCHES);
    specific
}

/// The `name="value"` parameters on the line of `at` (a challenge's `scope`, `error_description`, `realm`).
fn line_params(text: &str, at: usize) -> Vec<(String, String)> {
    let start = text.get(..at).and_then(|b| b.rfind('\n')).map_or(0, |nl| nl + 1);
    let end = text.get(at..).and_then(|r| r.find('\n')).map_or(text.len(), |nl| at + nl);
    let line = text.get(start..floor_boundary(text, end.min(start + MAX_SLOT))).unwrap_or_default();
    let mut out = Vec::new();
    let mut slots = Vec::new();
    header_params(line, &mut slots);
    for slot in slots {
        if let (Some(key), Some(v)) = (slot.key, line.get(slot.start..slot.end))
            && matches!(key, "scope" | "error_description" | "realm" | "error_uri" | "resource_metadata")
        {
            out.push((key.to_owned(), v.to_owned()));
        }
    }
    out
}

/// Insertion sort, stable: the lists here are short (a few hundred at most), and each of core's sorts would add
/// kilobytes per key type to the page's module.
fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && matches!((items.get(j - 1), items.get(j)), (Some(a), Some(b)) if key(b) < key(a)) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The value captured as `name`.
#[must_use]
pub fn value<'v>(values: &'v [(String, String)], name: &str) -> Option<&'v str> {
    values.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        scan(text).into_iter().map(|m| (m.entry.id, text[m.start..m.end].to_owned())).collect()
    }

    #[test]
    fn templates_capture_values_and_stop_at_their_line() {
        let m = scan("JsonWebTokenError: jwt audience invalid. expected: api://a or api://b\n    at verify.js:1");
        assert_eq!(m.len(), 1);
        assert_eq!(value(&m[0].values, "expected"), Some("api://a or api://b"));
        // A capture never crosses a line break: the closing literal on the next line does not count.
        let m = scan(
            "IDX10214: Audience validation failed. Audiences: 'x\n'. Did not match: validationParameters.ValidAudience: 'y' or",
        );
        assert!(m.iter().all(|m| value(&m.values, "aud").is_none()), "{m:?}");
        // A final capture stops at the JSON string's end, escaped or not.
        let m = scan(r#"{"message":"jwt issuer invalid. expected: https://i/\"}"#);
        assert_eq!(value(&m[0].values, "expected"), Some("https://i/"));
    }

    #[test]
    fn short_wordings_count_only_as_a_whole_slot() {
        assert_eq!(found("Jwt is expired"), [("ENVOY-EXPIRED", "Jwt is expired".to_owned())]);
        assert_eq!(found(r#"{"message": "Jwt is expired"}"#).len(), 1);
        assert_eq!(found(r#"WWW-Authenticate: Bearer error_description="Jwt is expired""#).len(), 1);
        assert_eq!(found("Error: Jwt is expired.").len(), 1);
        assert!(found("We log 'Jwt is expired' when a token is old").is_empty());
        assert!(found("The Jwt is expired token case").is_empty());
    }

    #[test]
    fn codes_from_captured_digits() {
        let m = scan("AADSTS7000222: The provided client secret keys are expired.");
        assert_eq!((m[0].entry.id, m[0].code.as_deref()), ("AAD", Some("AADSTS7000222")));
        assert!(scan("AADSTSx: no digits").is_empty());
    }

    #[test]
    fn a_generic_challenge_folds_into_its_description() {
        let m = scan(
            r#"WWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was not found""#,
        );
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].entry.id, m[0].code.as_deref()), ("ASP-SIGKEY", Some("invalid_token")));
        let m = scan(r#"WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="a b""#);
        assert_eq!((m[0].entry.id, value(&m[0].values, "scope")), ("RFC-INSUFFICIENT-SCOPE", Some("a b")));
    }

    #[test]
    fn pieces_read_escaped_braces() {
        let p = pieces("a{{b}{c}d");
        assert!(matches!(
            p.as_slice(),
            [Piece::Lit("a"), Piece::Lit("{"), Piece::Lit("b}"), Piece::Cap("c"), Piece::Lit("d")]
        ));
    }
}
