//! JSON of headers and payloads: parsed, with the exact text kept, and with the problems a debugger must show —
//! invalid UTF-8 (which byte), invalid JSON (which line and column, what was expected), duplicate member names
//! (parsers disagree on which one wins, so an attacker can hide a claim) and values that are not objects. JSON is
//! measured ([`Shape`], one linear pass) before it is parsed, and not parsed beyond the [`Limits`].

use std::borrow::Cow;
use std::collections::HashSet;

use serde_json::Value;

use crate::codes::JsonCode;
use crate::finding::{Finding, Location, Part};
use crate::limits::{Limit, Limits, count};
use crate::spanned::{Spanned, SpannedChar};

/// The outcome of reading one decoded segment as JSON.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The text, when the bytes are UTF-8.
    pub text: Option<String>,
    /// The parsed value, when the text is valid JSON (for duplicates, the last value wins, as in `JSON.parse`).
    pub value: Option<Value>,
    /// What was wrong.
    pub findings: Vec<Finding>,
}

/// Reads `bytes` as a JSON object. `name` names the segment in messages; JSON beyond `limits` (members of one
/// object, nesting depth) is not parsed, with a finding saying which limit.
#[must_use]
pub fn parse_object(bytes: &[u8], part: Part, name: &str, limits: &Limits) -> Parsed {
    let mut parsed = parse(bytes, part, name, limits);
    if let Some(value) = &parsed.value
        && !value.is_object()
    {
        parsed.findings.push(
            Finding::new(
                JsonCode::NotObject,
                format!("The {name} is JSON {}, but it must be a JSON object.", kind(value)),
            )
            .fix("A JWT's header and claims are always objects ({ … }). The issuer produced something else.")
            .at(Location::part(part)),
        );
    }
    parsed
}

/// Reads `bytes` as JSON of any kind, within `limits`.
#[must_use]
pub fn parse(bytes: &[u8], part: Part, name: &str, limits: &Limits) -> Parsed {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let byte = bytes.get(at).copied().unwrap_or(0);
            return Parsed {
                text: None,
                value: None,
                findings: vec![
                    Finding::new(
                        JsonCode::NotUtf8,
                        format!("The {name} is not UTF-8 text: byte {at} of the decoded {name} is 0x{byte:02x}."),
                    )
                    .fix("JOSE requires UTF-8 JSON. The segment may be binary or encoded with another charset.")
                    .at(Location::part(part)),
                ],
            };
        }
    };
    let mut parsed = Parsed { text: Some(text.to_owned()), value: None, findings: Vec::new() };
    let shape = Shape::of(text, limits);
    if let Some(finding) = shape.over_limits(limits, &format!("The {name}")) {
        parsed.findings.push(finding.at(Location::part(part)));
        return parsed;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            for (path, line, column) in shape.duplicates {
                parsed.findings.push(
                    Finding::new(JsonCode::DuplicateMember, format!("The {name} has the member \"{path}\" more than once (line {line}, column {column})."))
                        .fix("Parsers disagree on which value wins, so a checker and a server may read different claims. RFC 7515 §4 and RFC 7519 §4 require rejecting such tokens; fix the issuer.")
                        .at(Location { line: Some(line), column: Some(column), member: Some(path), ..Location::part(part) }),
                );
            }
            parsed.value = Some(value);
        }
        Err(e) => {
            let message = e.to_string();
            let what = message.split(" at line ").next().unwrap_or(&message);
            parsed.findings.push(
                Finding::new(
                    JsonCode::Invalid,
                    format!("The {name} is not valid JSON: {what} at line {}, column {}.", e.line(), e.column()),
                )
                .fix("The token was probably edited or truncated. Copy it again from its source.")
                .at(Location {
                    line: Some(e.line()),
                    column: Some(e.column()),
                    ..Location::part(part)
                }),
            );
        }
    }
    parsed
}

/// Parses `text` as JSON when it is within `limits`: `Ok(None)` when it is not valid JSON, `Err` with the limit's
/// finding (naming the text `what`, e.g. "The key text") when it is beyond them.
///
/// # Errors
/// The finding of the first limit the text is beyond.
#[allow(clippy::result_large_err, reason = "made at most once per text, never in a loop")]
pub fn parse_within(text: &str, limits: &Limits, what: &str) -> Result<Option<Value>, Finding> {
    let shape = Shape::of(text, limits);
    match shape.over_limits(limits, what) {
        Some(finding) => Err(finding),
        None => Ok(serde_json::from_str(text).ok()),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Every member of the JSON `text` (already known to be valid) whose value is a string, at any depth and in order:
/// the member name and the value, both decoded, the value's characters each with the offset in the original input
/// where its source starts (for an escape such as `\u0041`, the backslash). Tokens and keys inside JSON keep their
/// place in the input this way, so findings point at the right bytes.
pub(crate) fn string_members(text: &Spanned) -> Vec<(String, Spanned)> {
    let chars = text.chars();
    let mut out = Vec::new();
    let mut pending_key: Option<String> = None;
    let mut i = 0;
    while let Some(&(c, _)) = chars.get(i) {
        if c != '"' {
            if !c.is_whitespace() && c != ':' {
                // A value that is no string (number, object, array, literal): the pending member is not one.
                pending_key = None;
            }
            i += 1;
            continue;
        }
        let (decoded, next) = string_literal(chars, i + 1);
        let followed_by = chars.get(next..).unwrap_or_default().iter().map(|&(c, _)| c).find(|c| !c.is_whitespace());
        if followed_by == Some(':') {
            pending_key = Some(decoded.iter().map(|&(c, _)| c).collect());
        } else if let Some(key) = pending_key.take() {
            out.push((key, Spanned::from_chars(decoded)));
        }
        i = next;
    }
    out
}

/// The value of the first member of `members` from index `next` on named `name` whose value is `value`; `next` moves
/// past it, so that repeated names (the entries of a JWS general serialization) are found in order. A value taken from
/// the same text by a JSON parser is always there; were it not, its characters would all point at the first member's
/// value.
pub(crate) fn member_value(members: &[(String, Spanned)], name: &str, value: &str, next: &mut usize) -> Spanned {
    let found = members
        .iter()
        .enumerate()
        .skip(*next)
        .find(|(_, (key, v))| key == name && v.chars().iter().map(|&(c, _)| c).eq(value.chars()));
    match found {
        Some((index, (_, v))) => {
            *next = index + 1;
            v.clone()
        }
        None => {
            let start = members.first().map_or(0, |(_, v)| v.start_or(0));
            Spanned::from_chars(value.chars().map(|c| (c, start)).collect())
        }
    }
}

/// Decodes the JSON string literal whose content starts at character `from` of `chars`: each decoded character with
/// the input offset its source starts at, and the index after the closing quote.
fn string_literal(chars: &[SpannedChar], from: usize) -> (Vec<SpannedChar>, usize) {
    let at = |i: usize| chars.get(i).map(|&(c, _)| c);
    let hex = |i: usize| -> Option<u32> {
        let digits: String = chars.get(i..i + 4)?.iter().map(|&(c, _)| c).collect();
        u32::from_str_radix(&digits, 16).ok()
    };
    let mut out = Vec::new();
    let mut i = from;
    while let Some(&(c, offset)) = chars.get(i) {
        let (decoded, len) = match c {
            '"' => return (out, i + 1),
            '\\' => match at(i + 1) {
                Some('u') => match hex(i + 2) {
                    Some(high @ 0xD800..=0xDBFF) => {
                        let low = (at(i + 6) == Some('\\') && at(i + 7) == Some('u'))
                            .then(|| hex(i + 8))
                            .flatten()
                            .filter(|l| (0xDC00..=0xDFFF).contains(l));
                        match low {
                            Some(low) => (char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)), 12),
                            None => (None, 6),
                        }
                    }
                    Some(unit) => (char::from_u32(unit), 6),
                    None => (None, 2),
                },
                Some('b') => (Some('\u{8}'), 2),
                Some('f') => (Some('\u{c}'), 2),
                Some('n') => (Some('\n'), 2),
                Some('r') => (Some('\r'), 2),
                Some('t') => (Some('\t'), 2),
                other => (other, 2),
            },
            c => (Some(c), 1),
        };
        out.push((decoded.unwrap_or(char::REPLACEMENT_CHARACTER), offset));
        i += len;
    }
    (out, i)
}

/// What one pass over a JSON text measures, without parsing it: how deep it nests, the most members one object has,
/// and the member names that repeat within one object. Linear in the text: names are compared by hashing, and once
/// the text is beyond a limit only the counting goes on (no frame is kept deeper than the depth limit, no name of an
/// object beyond the member limit), so hostile text costs no memory beyond the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    /// The deepest nesting of objects and arrays (`{}` is 1).
    pub depth: usize,
    /// The most members of one object (objects within the depth limit).
    pub members: usize,
    /// Repeated member names: the name (prefixed by its parent names, `a.b`) and the 1-based line and column of its
    /// first repeat; each path once. Meaningful only for valid JSON within the limits.
    pub duplicates: Vec<(String, usize, usize)>,
}

/// One open object or array while scanning.
struct Frame<'a> {
    /// Member names as written, or decoded when they hold escapes: no copy of the usual name.
    names: HashSet<Cow<'a, str>>,
    members: usize,
    object: bool,
    expect_key: bool,
    /// The member name this object or array is the value of.
    name: Option<Cow<'a, str>>,
}

impl Shape {
    /// Measures `text` (any text: invalid JSON is measured as far as its brackets and quotes go).
    #[must_use]
    pub fn of(text: &str, limits: &Limits) -> Self {
        let max_depth = limits.count(Limit::Depth);
        let max_members = limits.count(Limit::Members);
        let mut shape = Self::default();
        let mut stack: Vec<Frame> = Vec::new();
        // Levels opened beyond the depth limit: counted, not kept.
        let mut beyond = 0usize;
        let mut over = false;
        let mut reported: HashSet<String> = HashSet::new();
        let mut pending_key: Option<Cow<'_, str>> = None;
        let bytes = text.as_bytes();
        let (mut line, mut col) = (1, 0);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            // Columns count characters: UTF-8 continuation bytes are not new characters.
            if b & 0xC0 != 0x80 {
                col += 1;
            }
            match b {
                b'\n' => {
                    line += 1;
                    col = 0;
                }
                b'{' | b'[' => {
                    let name = pending_key.take();
                    if stack.len() < max_depth && beyond == 0 {
                        stack.push(Frame {
                            names: HashSet::new(),
                            members: 0,
                            object: b == b'{',
                            expect_key: b == b'{',
                            name,
                        });
                    } else {
                        beyond += 1;
                        over = true;
                    }
                    shape.depth = shape.depth.max(stack.len() + beyond);
                }
                b'}' | b']' => {
                    if beyond > 0 {
                        beyond -= 1;
                    } else {
                        stack.pop();
                    }
                    pending_key = None;
                }
                b',' => {
                    if beyond == 0
                        && let Some(top) = stack.last_mut()
                    {
                        top.expect_key = top.object;
                    }
                    pending_key = None;
                }
                b':' => {
                    if beyond == 0
                        && let Some(top) = stack.last_mut()
                    {
                        top.expect_key = false;
                    }
                }
                b'"' => {
                    let (start_line, start_col) = (line, col);
                    let start = i;
                    let mut escaped = false;
                    while let Some(&c) = bytes.get(i) {
                        i += 1;
                        if c & 0xC0 != 0x80 {
                            col += 1;
                        }
                        match c {
                            b'"' => break,
                            b'\\' => {
                                escaped = true;
                                if bytes.get(i).is_some_and(|&e| e & 0xC0 != 0x80) {
                                    col += 1;
                                }
                                i += 1;
                            }
                            b'\n' => {
                                // Not valid inside a string; keep line counting honest for the error serde reports.
                                line += 1;
                                col = 0;
                            }
                            _ => {}
                        }
                    }
                    let Some(top) = stack.last_mut().filter(|t| beyond == 0 && t.object && t.expect_key) else {
                        pending_key = None;
                        continue;
                    };
                    top.members += 1;
                    shape.members = shape.members.max(top.members);
                    if top.members > max_members {
                        over = true;
                        top.names = HashSet::new();
                    }
                    if over {
                        // Beyond a limit the JSON is not parsed: only the counts matter from here on.
                        pending_key = None;
                        continue;
                    }
                    let raw = text.get(start..i.saturating_sub(1)).unwrap_or_default();
                    // Escapes are compared decoded: "\u0061lg" is "alg".
                    let key: Cow<'_, str> = if escaped {
                        Cow::Owned(
                            serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_owned()),
                        )
                    } else {
                        Cow::Borrowed(raw)
                    };
                    if top.names.contains(&key) {
                        let path: Vec<&str> = stack
                            .iter()
                            .filter_map(|f| f.name.as_deref())
                            .chain(std::iter::once(key.as_ref()))
                            .collect();
                        let path = path.join(".");
                        if reported.insert(path.clone()) {
                            shape.duplicates.push((path, start_line, start_col));
                        }
                    } else {
                        top.names.insert(key.clone());
                    }
                    pending_key = Some(key);
                }
                _ => {}
            }
        }
        shape
    }

    /// The finding of the first limit this shape is beyond (`what` names the text: "The payload").
    #[must_use]
    pub fn over_limits(&self, limits: &Limits, what: &str) -> Option<Finding> {
        if limits.exceeded(Limit::Depth, self.depth) {
            return Some(limits.finding(
                Limit::Depth,
                &format!("{what} nests objects and arrays {} levels deep", count(self.depth)),
                "it was not parsed (nesting this deep may well be valid JSON, but no real token or key needs it)",
            ));
        }
        if limits.exceeded(Limit::Members, self.members) {
            return Some(limits.finding(
                Limit::Members,
                &format!("{what} has an object with {} members", count(self.members)),
                "it was not parsed",
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_and_order() {
        let p = parse_object(br#"{"z":1,"a":1.50}"#, Part::Payload, "payload", &Limits::default());
        assert_eq!(p.text.as_deref(), Some(r#"{"z":1,"a":1.50}"#));
        let keys: Vec<_> = p.value.unwrap().as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["z", "a"]);
        assert!(p.findings.is_empty());
    }

    #[test]
    fn invalid_json_has_line_and_column() {
        let p = parse_object(b"{\"a\":1,\n \"b\" 2}", Part::Payload, "payload", &Limits::default());
        let f = &p.findings[0];
        assert_eq!(f.code(), "JSON_INVALID");
        let loc = f.location.as_ref().unwrap();
        assert_eq!((loc.line, loc.column), (Some(2), Some(6)));
        assert!(f.message.contains("expected `:`"), "{}", f.message);
    }

    #[test]
    fn duplicates_found_at_any_depth() {
        let text = br#"{"a":{"x":1,"x":2},"b":[{"y":1}, {"y":2}],"a":3,"c":"a"}"#;
        let p = parse_object(text, Part::Payload, "payload", &Limits::default());
        let dups: Vec<_> = p.findings.iter().map(|f| f.location.as_ref().unwrap().member.clone().unwrap()).collect();
        assert_eq!(dups, ["a.x", "a"]);
    }

    #[test]
    fn escaped_duplicate_is_found() {
        let p = parse_object(br#"{"alg":"RS256","\u0061lg":"none"}"#, Part::Header, "header", &Limits::default());
        assert_eq!(p.findings[0].code(), "JSON_DUPLICATE_MEMBER");
    }

    #[test]
    fn string_members_keep_their_input_offsets() {
        // The text as paste hygiene hands it over: here with its own offsets from 10 on.
        let input = r#"{"a":{"k":"x\u0041y"},"n":1,"k":"\ud83d\ude00!","e\u0078":"v"}"#;
        let text = Spanned::at(input, 10);
        let members = string_members(&text);
        let names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["k", "k", "ex"]);
        assert_eq!(members[0].1.text(), "xAy");
        let offsets: Vec<usize> = members[0].1.chars().iter().map(|&(_, o)| o - 10).collect();
        let x = input.find("x\\").unwrap_or_default();
        assert_eq!(offsets, [x, x + 1, x + 7], "each character at its source, an escape at its backslash");
        assert_eq!(members[1].1.text(), "\u{1f600}!");
        // Found in order: the second "k" is the one after the first.
        let mut next = 0;
        assert_eq!(member_value(&members, "k", "xAy", &mut next).start_or(0) - 10, x);
        let second = member_value(&members, "k", "\u{1f600}!", &mut next);
        assert_eq!(second.start_or(0) - 10, input.find("\\ud83d").unwrap_or_default());
        assert_eq!(next, 2);
    }

    /// Nesting and member counts are measured before parsing; beyond the limits the JSON is not parsed, and JSON
    /// nested beyond serde_json's recursion limit is reported as deep, not invalid.
    #[test]
    fn limits_are_measured_before_parsing() {
        let deep = |n: usize| format!("{{\"a\":{}1{}}}", "[".repeat(n - 1), "]".repeat(n - 1));
        let limits = Limits::default();
        assert_eq!(Shape::of(&deep(32), &limits).depth, 32);
        assert!(parse_object(deep(32).as_bytes(), Part::Payload, "payload", &limits).findings.is_empty());
        let p = parse_object(deep(33).as_bytes(), Part::Payload, "payload", &limits);
        assert_eq!(p.findings[0].code(), "LIMIT_DEPTH");
        assert!(p.value.is_none() && p.text.is_some());
        assert!(p.findings[0].message.contains("33 levels deep"), "{}", p.findings[0].message);
        // Raised to the most the parser allows: 127 levels parse, 128 are a limit (never "invalid").
        let raised = Limits { depth: 1_000, ..Limits::default() };
        assert!(parse_object(deep(127).as_bytes(), Part::Payload, "payload", &raised).value.is_some());
        let p = parse_object(deep(128).as_bytes(), Part::Payload, "payload", &raised);
        assert_eq!(p.findings[0].code(), "LIMIT_DEPTH");
        // A million levels are measured without keeping a frame per level.
        assert_eq!(Shape::of(&"[".repeat(1_000_000), &limits).depth, 1_000_000);
        let wide = format!("{{{}}}", (0..1_001).map(|i| format!("\"m{i}\":{i}")).collect::<Vec<_>>().join(","));
        let p = parse_object(wide.as_bytes(), Part::Payload, "payload", &limits);
        assert_eq!(p.findings[0].code(), "LIMIT_MEMBERS");
        assert!(p.findings[0].message.contains("1,001 members"), "{}", p.findings[0].message);
        let p = parse_object(wide.as_bytes(), Part::Payload, "payload", &Limits { members: 1_001, ..limits });
        assert!(p.findings.is_empty() && p.value.is_some());
    }

    /// Each repeated path is reported once, at its first repeat.
    #[test]
    fn duplicates_are_reported_once_per_path() {
        let p = parse_object(
            br#"{"a":1,"a":2,"a":3,"b":[{"c":1,"c":1},{"c":1,"c":1}]}"#,
            Part::Payload,
            "payload",
            &Limits::default(),
        );
        let dups: Vec<_> = p.findings.iter().map(|f| f.location.as_ref().unwrap().member.clone().unwrap()).collect();
        assert_eq!(dups, ["a", "b.c"]);
        assert_eq!(p.findings[0].location.as_ref().unwrap().column, Some(8));
    }

    #[test]
    fn not_utf8_and_not_object() {
        assert_eq!(
            parse_object(&[b'"', 0xff, b'"'], Part::Header, "header", &Limits::default()).findings[0].code(),
            "JSON_NOT_UTF8"
        );
        assert_eq!(
            parse_object(b"[1]", Part::Header, "header", &Limits::default()).findings[0].code(),
            "JSON_NOT_OBJECT"
        );
    }
}
