//! Editing a JSON object as text: the members signing adds (`alg`, `kid`, `typ`, `iat`, `exp`) are written into the
//! text the caller typed, in its style (compact or indented), and everything else stays byte for byte as it was —
//! the token's segments are the base64url of exactly these bytes.
//!
//! Only text that serde_json has already accepted as a JSON object is edited here, so the scanner can be small.

use std::ops::Range;

/// One top-level member of an object: its decoded name, where its name starts and where its value lies.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Member {
    name: String,
    name_start: usize,
    colon: Range<usize>,
    value: Range<usize>,
}

/// Where a new member goes when the object does not have it yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// Before the first member (`alg` opens a header, as every JOSE library writes it).
    First,
    /// After the last member.
    Last,
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// The index just past the string literal that starts at `at` (its opening quote).
fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'"' => return at + 1,
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    at
}

/// The index just past the JSON value that starts at `at`.
fn skip_value(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'"') => skip_string(bytes, at),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = at;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b'"' => {
                        i = skip_string(bytes, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i
        }
        _ => {
            let mut i = at;
            while bytes.get(i).is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                i += 1;
            }
            i
        }
    }
}

/// The object's opening brace and its top-level members, or `None` when the text is not an object.
fn members(text: &str) -> Option<(usize, Vec<Member>)> {
    let bytes = text.as_bytes();
    let open = skip_whitespace(bytes, 0);
    if bytes.get(open) != Some(&b'{') {
        return None;
    }
    let mut out = Vec::new();
    let mut at = skip_whitespace(bytes, open + 1);
    while bytes.get(at) == Some(&b'"') {
        let name_end = skip_string(bytes, at);
        let name = serde_json::from_str::<String>(text.get(at..name_end)?).ok()?;
        let colon_start = skip_whitespace(bytes, name_end);
        let value_start = skip_whitespace(bytes, colon_start + 1);
        let value_end = skip_value(bytes, value_start);
        out.push(Member { name, name_start: at, colon: name_end..value_start, value: value_start..value_end });
        at = skip_whitespace(bytes, value_end);
        if bytes.get(at) == Some(&b',') {
            at = skip_whitespace(bytes, at + 1);
        }
    }
    Some((open, out))
}

/// `text` with the member `name` set to `value` (JSON text): the value of an existing member is replaced in place (the
/// last one, which `JSON.parse` and serde read, when the name repeats); a new member goes first or last, written
/// like the first member (its indentation and the spacing around its colon). `None` when `text` is not an object.
pub(super) fn set_member(text: &str, name: &str, value: &str, place: Place) -> Option<String> {
    let (open, members) = members(text)?;
    if let Some(existing) = members.iter().rev().find(|m| m.name == name) {
        return Some(format!("{}{value}{}", text.get(..existing.value.start)?, text.get(existing.value.end..)?));
    }
    let quoted = serde_json::to_string(name).ok()?;
    let Some(first) = members.first() else {
        // `{}`, `{ }`: the member goes right after the brace.
        return Some(format!("{}{quoted}:{value}{}", text.get(..=open)?, text.get(open + 1..)?));
    };
    let indent = text.get(open + 1..first.name_start)?;
    let colon = text.get(first.colon.clone())?;
    let member = format!("{quoted}{colon}{value}");
    Some(match place {
        Place::First => {
            format!("{}{member},{indent}{}", text.get(..first.name_start)?, text.get(first.name_start..)?)
        }
        Place::Last => {
            let end = members.last().map_or(first.value.end, |m| m.value.end);
            format!("{},{indent}{member}{}", text.get(..end)?, text.get(end..)?)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_members_follow_the_style_of_the_text() {
        let set = |text: &str, place| set_member(text, "alg", "\"HS256\"", place).unwrap();
        assert_eq!(set("{}", Place::First), r#"{"alg":"HS256"}"#);
        assert_eq!(set(" { } ", Place::Last), r#" {"alg":"HS256" } "#);
        assert_eq!(set(r#"{"typ":"JWT"}"#, Place::First), r#"{"alg":"HS256","typ":"JWT"}"#);
        assert_eq!(set(r#"{"typ":"JWT"}"#, Place::Last), r#"{"typ":"JWT","alg":"HS256"}"#);
        assert_eq!(set("{\n  \"typ\": \"JWT\"\n}", Place::First), "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}");
        assert_eq!(
            set("{\n  \"a\": {\"b\": [1, \"}\"]},\n  \"c\": 2\n}\n", Place::Last),
            "{\n  \"a\": {\"b\": [1, \"}\"]},\n  \"c\": 2,\n  \"alg\": \"HS256\"\n}\n"
        );
        assert_eq!(set("{ \"x\" : true }", Place::Last), "{ \"x\" : true, \"alg\" : \"HS256\" }");
    }

    #[test]
    fn existing_members_are_replaced_in_place() {
        let text = "{\"iat\": 1,\r\n \"sub\":\"a\\\"b\", \"iat\" :2}";
        assert_eq!(
            set_member(text, "iat", "99", Place::Last).unwrap(),
            "{\"iat\": 1,\r\n \"sub\":\"a\\\"b\", \"iat\" :99}"
        );
        assert_eq!(set_member(r#"{"\u0069at":[1,2]}"#, "iat", "3", Place::Last).unwrap(), r#"{"\u0069at":3}"#);
        assert_eq!(set_member("[1]", "iat", "3", Place::Last), None);
    }
}
