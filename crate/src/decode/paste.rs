//! Paste hygiene: find the token(s) in what a person actually pasted.
//!
//! People paste `Bearer` prefixes, whole `Authorization:` header lines, quoted strings, wrapped copies, token
//! responses and redirect URLs. Servers do not clean any of that up, so every cleanup is reported as a finding: the
//! token jwtlens shows is the one a server *would* see only after the cleanup the finding describes.

use serde_json::Value;

use super::http::{self, HttpPaste};
use crate::codes::{DpopCode, PasteCode};
use crate::finding::{Finding, Location, Part};
use crate::limits::Limits;
use crate::spanned::Spanned;

/// One token-like text found in the input.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Where it came from: a JSON field or URL parameter name, or `token 2` for the second of several.
    pub label: Option<String>,
    /// The cleaned text, each character mapped to the input.
    pub text: Spanned,
    /// True when the text is a JSON document (a JWS JSON serialization).
    pub json: bool,
}

/// What paste hygiene found: the candidates to decode and the cleanups made.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Token candidates, in input order.
    pub candidates: Vec<Candidate>,
    /// One finding per cleanup.
    pub findings: Vec<Finding>,
    /// The `Authorization` header value as the paste shows it, when the paste is one (`Bearer …`, a quoted or
    /// wrapped token, `Authorization: …`) or holds one (a curl command, a request dump).
    pub header_value: Option<String>,
    /// The DPoP headers and the request they belong to, when the paste holds any (`Authorization: DPoP`, `DPoP:`,
    /// `DPoP-Nonce:`, `WWW-Authenticate: DPoP`).
    pub http: Option<HttpPaste>,
}

/// Names of JSON fields and URL parameters that carry tokens.
const TOKEN_FIELDS: &[&str] = &[
    "id_token",
    "access_token",
    "refresh_token",
    "token",
    "jwt",
    "assertion",
    "client_assertion",
    "logout_token",
    "idToken",
    "accessToken",
    "refreshToken",
];

fn whole(input: &Spanned) -> Location {
    match input.range() {
        Some((s, e)) => Location::span(Part::Input, s, e),
        None => Location::part(Part::Input),
    }
}

/// Finds the token candidates in `input`. JSON beyond `limits` is not read for its fields (it becomes one candidate,
/// whose decoding reports the limit).
#[must_use]
pub fn extract(input: &str, limits: &Limits) -> Extraction {
    let mut out = Extraction::default();
    let mut text = Spanned::new(input);
    let trimmed = text.trim();
    if text.is_empty() {
        out.findings.push(
            Finding::new(PasteCode::Empty, "Nothing to inspect: the input is empty.")
                .fix("Paste a token, an Authorization header, a token response or a redirect URL."),
        );
        return out;
    }
    let found = http::scan(input);
    if found.is_dpop() {
        dpop_headers(found, &mut out);
        return out;
    }
    if trimmed > 0 {
        out.findings.push(
            Finding::new(
                PasteCode::SurroundingWhitespace,
                format!("Removed {trimmed} whitespace character(s) around the token."),
            )
            .fix("Send the token without leading or trailing spaces or line breaks: servers compare it byte for byte.")
            .at(Location::part(Part::Input)),
        );
    }
    unwrap_layers(&mut text, &mut out.findings);

    if text.first() == Some('{') {
        json_input(text, limits, &mut out);
    } else if looks_like_url(&text.text()) {
        url_input(&text, &mut out);
    } else {
        plain_input(text, &mut out);
    }
    out.header_value = header_value(input, &out);
    out.http = found.found_anything().then_some(found);
    for candidate in &mut out.candidates {
        if candidate.json {
            continue;
        }
        let escapes = candidate.text.percent_decode();
        if escapes > 0 {
            let label = candidate.label.as_deref().map(|l| format!(" in {l}")).unwrap_or_default();
            out.findings.push(
                Finding::new(
                    PasteCode::PercentEncoded,
                    format!("Decoded {escapes} percent-escape(s) such as %2E{label}."),
                )
                .fix("The token was URL-encoded on its way here; send the decoded form (a JWT never needs escaping).")
                .at(whole(&candidate.text)),
            );
        }
    }
    out
}

/// Strips quotes, `Authorization:` and `Bearer ` layers, in any order and as often as they appear.
fn unwrap_layers(text: &mut Spanned, findings: &mut Vec<Finding>) {
    let mut bearers = 0;
    let mut bearer_loc = None;
    for _ in 0..16 {
        let before = text.len();
        if let (Some(open), Some(close)) = (text.first(), text.last())
            && text.len() >= 2
            && matches!((open, close), ('"', '"') | ('\'', '\'') | ('`', '`') | ('“', '”') | ('‘', '’') | ('«', '»'))
        {
            let loc = whole(text);
            *text = text.slice(1, text.len() - 1);
            text.trim();
            findings.push(
                Finding::new(PasteCode::Quotes, format!("Removed the quotes {open}…{close} around the token."))
                    .fix("Quotes are not part of a token; a server receiving them rejects the token. Send it without quotes (check how your code builds the header).")
                    .at(loc),
            );
        }
        if text.strip_prefix_ignore_case("authorization") {
            let mut rest = text.clone();
            rest.trim();
            if rest.first() == Some(':') {
                *text = rest.slice(1, rest.len());
                text.trim();
                findings.push(
                    Finding::new(PasteCode::HeaderLine, "Removed the header name `Authorization:`.")
                        .at(Location::part(Part::Input)),
                );
            } else {
                // Not a header line after all: put the word back.
                return;
            }
        }
        let start = text.start_or(0);
        let unstripped = text.clone();
        if text.strip_prefix_ignore_case("bearer") {
            if text.first().is_some_and(char::is_whitespace) {
                text.trim();
                bearers += 1;
                bearer_loc.get_or_insert(start);
            } else {
                // "Bearer" glued to something else: leave it for the decoder to report.
                *text = unstripped;
            }
        }
        if text.len() == before {
            break;
        }
    }
    let loc = bearer_loc.map_or_else(|| Location::part(Part::Input), |s| Location::span(Part::Input, s, s + 6));
    if bearers == 1 {
        findings.push(
            Finding::new(
                PasteCode::BearerPrefix,
                "Removed the `Bearer ` prefix: it is the authorization scheme, not part of the token.",
            )
            .at(loc),
        );
    } else if bearers > 1 {
        findings.push(
            Finding::new(PasteCode::BearerDoubled, format!("The `Bearer ` prefix appears {bearers} times."))
                .fix("Your client adds `Bearer ` to a value that already has it. Send `Authorization: Bearer <token>` with the prefix exactly once.")
                .at(loc),
        );
    }
}

/// [`extract`] for a paste that also holds a service's error message (an HTTP response, a log, a JSON error body):
/// the tokens are those [`extract`] finds in text, in a token response or in a URL; otherwise only the compact
/// tokens inside the text (`eyJ…`), so the message itself is never decoded as a token. A paste of the message alone
/// yields no candidate and no finding.
#[must_use]
pub fn extract_mixed(input: &str, limits: &Limits) -> Extraction {
    let out = extract(input, limits);
    let kept = [PasteCode::TokenInText, PasteCode::TokenResponse, PasteCode::Url];
    // A DPoP request (its headers read by `http::scan`) is read as the DPoP path reads it, message or not.
    if out.http.is_some() || out.findings.iter().any(|f| kept.iter().any(|c| f.code == *c)) {
        return out;
    }
    let text = Spanned::new(input);
    let found = tokens_in_text(&text);
    let mut mixed = Extraction::default();
    if found.is_empty() {
        return mixed;
    }
    mixed.findings.push(
        Finding::new(
            PasteCode::TokenInText,
            format!(
                "Took {} from the text around the service's message; the rest was ignored.",
                if found.len() == 1 { "the token" } else { "the tokens" }
            ),
        )
        .at(whole(&text)),
    );
    let several = found.len() > 1;
    for (i, piece) in found.into_iter().enumerate() {
        mixed.candidates.push(Candidate {
            label: several.then(|| format!("token {}", i + 1)),
            text: piece,
            json: false,
        });
    }
    mixed.header_value = header_value(input, &mixed);
    mixed
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with('#')
        || lower.starts_with('?')
        || (lower.contains('=') && ["id_token=", "access_token=", "code=", "error="].iter().any(|p| lower.contains(p)))
}

fn url_input(text: &Spanned, out: &mut Extraction) {
    // Parameters come from the query and the fragment alike (implicit flow uses the fragment).
    let chars = text.chars();
    let params_start = chars.iter().position(|&(c, _)| c == '?' || c == '#').map_or(0, |i| i + 1);
    let params = text.slice(params_start, text.len());
    let mut found: Vec<(String, Spanned)> = Vec::new();
    for pair in params.split('&').into_iter().flat_map(|p| p.split('#')).flat_map(|p| p.split('?')) {
        let eq = pair.chars().iter().position(|&(c, _)| c == '=');
        let Some(eq) = eq else { continue };
        let key = pair.slice(0, eq).text();
        let mut value = pair.slice(eq + 1, pair.len());
        // `+` is a space in form encoding; tokens never contain it, so only decode escapes here.
        value.percent_decode();
        found.push((key, value));
    }
    let value_of = |name: &str| found.iter().find(|(k, _)| k == name).map(|(_, v)| v.text());
    let mut tokens = Vec::new();
    for (key, value) in &found {
        if TOKEN_FIELDS.contains(&key.as_str()) && !value.is_empty() {
            tokens.push(Candidate { label: Some(key.clone()), text: value.clone(), json: false });
        }
    }
    if let Some(error) = value_of("error") {
        let description =
            value_of("error_description").map(|d| format!(": {}", d.replace('+', " "))).unwrap_or_default();
        out.findings.push(
            Finding::new(PasteCode::OAuthError, format!("The URL carries an OAuth error `{error}`{description}."))
                .fix("The sign-in failed before any token was issued. Fix the cause the error names (often a scope or redirect URI the app client does not allow) and sign in again.")
                .at(whole(text)),
        );
    }
    if tokens.is_empty() {
        if value_of("code").is_some() {
            out.findings.push(
                Finding::new(PasteCode::AuthorizationCode, "This URL carries an authorization code (`code=`), not a token.")
                    .fix("A code is a one-time ticket: your app exchanges it at the token endpoint (Cognito: POST /oauth2/token with grant_type=authorization_code) for the ID, access and refresh tokens. Inspect those tokens instead.")
                    .at(whole(text)),
            );
        } else if value_of("error").is_none() {
            // A URL without token parameters: let the decoder explain what it is.
            out.candidates.push(Candidate { label: None, text: text.clone(), json: false });
        }
        return;
    }
    let names: Vec<&str> = tokens.iter().filter_map(|t| t.label.as_deref()).collect();
    out.findings.push(
        Finding::new(PasteCode::Url, format!("Took {} from the URL's parameters.", names.join(" and ")))
            .at(whole(text)),
    );
    out.candidates.extend(tokens);
}

fn json_input(text: Spanned, limits: &Limits, out: &mut Extraction) {
    let raw = text.text();
    let Ok(Some(Value::Object(object))) = crate::json::parse_within(&raw, limits, "The input") else {
        // Not a valid JSON object: decode it as a (broken) JWS JSON serialization so the JSON error is reported.
        out.candidates.push(Candidate { label: None, text, json: true });
        return;
    };
    let jws = object.contains_key("payload") && (object.contains_key("signature") || object.contains_key("signatures"));
    if jws || object.contains_key("ciphertext") {
        out.candidates.push(Candidate { label: None, text, json: true });
        return;
    }
    if object.contains_key("keys") || object.contains_key("kty") {
        out.findings.push(
            Finding::new(PasteCode::KeyNotToken, "This is a JSON Web Key (or key set), not a token.")
                .fix("Paste the token here and the key in the key field to verify the token's signature.")
                .at(whole(&text)),
        );
        return;
    }
    let members = crate::json::string_members(&text);
    let mut next = 0;
    let mut found = Vec::new();
    for (key, value) in &object {
        let Value::String(value) = value else { continue };
        if !(TOKEN_FIELDS.contains(&key.as_str()) || value.matches('.').count() >= 2 && value.starts_with("eyJ")) {
            continue;
        }
        let spanned = crate::json::member_value(&members, key, value, &mut next);
        found.push(Candidate { label: Some(key.clone()), text: spanned, json: false });
    }
    if found.is_empty() {
        out.candidates.push(Candidate { label: None, text, json: true });
        return;
    }
    let names: Vec<&str> = found.iter().filter_map(|t| t.label.as_deref()).collect();
    out.findings.push(
        Finding::new(PasteCode::TokenResponse, format!("Took {} from the JSON token response.", names.join(", ")))
            .at(whole(&text)),
    );
    out.candidates.extend(found);
}

fn looks_like_compact(text: &str) -> bool {
    let dots = text.matches('.').count();
    (dots == 2 || dots == 4) && text.len() > 10
}

/// The cleanups that show the paste was an `Authorization` header value rather than a bare token.
const HEADER_SIGNS: &[PasteCode] = &[
    PasteCode::BearerPrefix,
    PasteCode::BearerDoubled,
    PasteCode::HeaderLine,
    PasteCode::Quotes,
    PasteCode::InnerWhitespace,
];

/// The header value as sent, when the paste is or holds one with a single token: the paste itself (without the
/// header name, and without the line breaks around it, which copying adds), or the value after `Authorization:`
/// inside a command or request dump, up to its closing quote or the end of its line.
fn header_value(input: &str, out: &Extraction) -> Option<String> {
    if out.candidates.len() != 1 || out.candidates.iter().any(|c| c.json || c.label.is_some()) {
        return None;
    }
    let lower = input.to_ascii_lowercase();
    if out.findings.iter().any(|f| f.code == PasteCode::TokenInText) {
        let at = lower.find("authorization:")?;
        let quote = input.get(..at).and_then(|b| b.chars().next_back()).filter(|c| matches!(c, '"' | '\''));
        let rest = input.get(at + "authorization:".len()..)?;
        let end = rest.find(|c| Some(c) == quote || c == '\n').unwrap_or(rest.len());
        return rest.get(..end).map(|v| v.trim_start().to_owned());
    }
    if !out.findings.iter().any(|f| HEADER_SIGNS.iter().any(|c| f.code == *c)) {
        return None;
    }
    let value = input.trim();
    let value = match value.get(..14) {
        Some(name) if name.eq_ignore_ascii_case("authorization:") => value.get(14..).unwrap_or_default().trim_start(),
        _ => value,
    };
    Some(value.to_owned())
}

/// Whether a character can be part of a compact token (base64url and dots, and the `~` of an SD-JWT).
fn token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~')
}

/// A DPoP request: the access token from `Authorization` and the proof from `DPoP`, in input order, labelled.
fn dpop_headers(mut found: HttpPaste, out: &mut Extraction) {
    let mut pieces: Vec<(Spanned, &str, bool)> = Vec::new();
    if let Some(token) = &found.authorization {
        pieces.push((token.clone(), "access_token", true));
    }
    if let Some(proof) = &found.proof {
        pieces.push((proof.clone(), "DPoP proof", false));
    }
    pieces.sort_by_key(|(text, _, _)| text.start_or(0));
    for (index, (text, label, access)) in pieces.into_iter().enumerate() {
        if access {
            found.access_token = Some(index);
        } else {
            found.proof_token = Some(index);
        }
        out.candidates.push(Candidate { label: Some(label.to_owned()), text, json: false });
    }
    let scheme = found.scheme.clone().unwrap_or_default();
    let message = match (&found.authorization, &found.proof) {
        (Some(_), Some(_)) => {
            format!("Took the access token from `Authorization: {scheme}` and the proof from the `DPoP` header.")
        }
        (Some(_), None) => format!("Took the access token from `Authorization: {scheme}`."),
        _ => "Took the proof from the `DPoP` header.".to_owned(),
    };
    out.findings.push(Finding::new(DpopCode::Headers, message).at(Location::part(Part::Input)));
    out.header_value = found.authorization.as_ref().map(|t| format!("{scheme} {}", t.text()));
    out.http = Some(found);
}

/// Compact JWTs inside other text: runs of token characters that start like a JOSE header (`eyJ`, the base64url of
/// `{"`) and have two or four dots.
fn tokens_in_text(text: &Spanned) -> Vec<Spanned> {
    let chars = text.chars();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars.get(i..i + 3).is_some_and(|w| w.iter().map(|(c, _)| *c).eq("eyJ".chars()))
            && (i == 0 || chars.get(i - 1).is_some_and(|(c, _)| !token_char(*c)));
        if !starts {
            i += 1;
            continue;
        }
        let end = chars.get(i..).map_or(i, |rest| i + rest.iter().take_while(|(c, _)| token_char(*c)).count());
        let run = text.slice(i, end);
        if looks_like_compact(&run.text()) {
            found.push(run);
        }
        i = end.max(i + 1);
    }
    found
}

fn plain_input(mut text: Spanned, out: &mut Extraction) {
    if !text.any(char::is_whitespace) {
        out.candidates.push(Candidate { label: None, text, json: false });
        return;
    }
    // Text around the token (a curl command, a log line, a request dump), not just line breaks inside a wrapped
    // copy: a wrapped copy holds nothing but token characters.
    if !text.chars().iter().all(|(c, _)| token_char(*c) || c.is_whitespace()) {
        let found = tokens_in_text(&text);
        if !found.is_empty() {
            out.findings.push(
                Finding::new(
                    PasteCode::TokenInText,
                    format!(
                        "Took {} from the text around {}; the rest was ignored.",
                        if found.len() == 1 { "the token" } else { "the tokens" },
                        if found.len() == 1 { "it" } else { "them" }
                    ),
                )
                .at(whole(&text)),
            );
            let several = found.len() > 1;
            for (i, piece) in found.into_iter().enumerate() {
                out.candidates.push(Candidate {
                    label: several.then(|| format!("token {}", i + 1)),
                    text: piece,
                    json: false,
                });
            }
            return;
        }
    }
    let pieces: Vec<Spanned> = text
        .split(' ')
        .into_iter()
        .flat_map(|p| p.split('\n'))
        .flat_map(|p| p.split('\t'))
        .flat_map(|p| p.split('\r'))
        .filter(|p| !p.is_empty())
        .collect();
    // Several tokens when at least two pieces are whole tokens: a wrapped copy of one token never is (its two or four
    // dots are spread over the lines). A piece that is not a whole token (a log's last line cut short) is still
    // inspected, as a token of its own, and says what is wrong with it; joining it to the others would answer with
    // one token of thousands of segments.
    if pieces.iter().filter(|p| looks_like_compact(&p.text())).take(2).count() == 2 {
        out.findings.push(
            Finding::new(
                PasteCode::SeveralTokens,
                format!("The input holds {} tokens; each is inspected.", pieces.len()),
            )
            .at(whole(&text)),
        );
        for (i, piece) in pieces.into_iter().enumerate() {
            out.candidates.push(Candidate { label: Some(format!("token {}", i + 1)), text: piece, json: false });
        }
        return;
    }
    let loc = whole(&text);
    let removed = text.remove_where(char::is_whitespace);
    out.findings.push(
        Finding::new(PasteCode::InnerWhitespace, format!("Removed {removed} space(s) or line break(s) inside the token (a wrapped copy?)."))
            .fix("A token never contains whitespace; a server receiving it this way rejects it. Copy it from the source again, on one line.")
            .at(loc),
    );
    out.candidates.push(Candidate { label: None, text, json: false });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_t(input: &str) -> Extraction {
        extract(input, &Limits::default())
    }

    fn codes(e: &Extraction) -> Vec<&'static str> {
        e.findings.iter().map(Finding::code).collect()
    }

    /// A token inside a curl command, a curl -v dump or a log line is found, and the header value as sent is kept.
    #[test]
    fn tokens_inside_other_text() {
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        let curl = format!("curl -s -H \"Authorization: Bearer {token}\" https://api.example.com/items");
        let e = extract_t(&curl);
        assert_eq!(only(&e), token);
        assert!(codes(&e).contains(&"PASTE_TOKEN_IN_TEXT"), "{:?}", codes(&e));
        assert_eq!(e.header_value.as_deref(), Some(format!("Bearer {token}").as_str()));
        let single = format!("curl -H 'Authorization: Bearer Bearer {token}' https://x");
        assert_eq!(extract_t(&single).header_value.as_deref(), Some(format!("Bearer Bearer {token}").as_str()));
        let dump = format!("> GET /items HTTP/1.1\n> Host: api\n> Authorization: Bearer {token}\n>");
        assert_eq!(only(&extract_t(&dump)), token);
        assert_eq!(extract_t(&dump).header_value.as_deref(), Some(format!("Bearer {token}").as_str()));
        let log = format!("level=info msg=\"request\" token={token} status=401");
        let e = extract_t(&log);
        assert_eq!(only(&e), token);
        assert_eq!(e.header_value, None, "a log line is not a header value");
        // A wrapped copy (token characters only) is still one token with the whitespace removed.
        let (a, b) = token.split_at(20);
        let e = extract_t(&format!("{a}\n{b}"));
        assert_eq!(only(&e), token);
        assert!(!codes(&e).contains(&"PASTE_TOKEN_IN_TEXT"));
        assert!(codes(&e).contains(&"PASTE_INNER_WHITESPACE"));
        // Lines of whole tokens with the last one cut short (a log copied in part): each line is a token, the cut one
        // too (its decoding says what is wrong), not one token of every line joined.
        let e = extract_t(&format!("{token}\n{token}\n{a}"));
        let texts: Vec<String> = e.candidates.iter().map(|c| c.text.text()).collect();
        assert_eq!(texts, [token, token, a]);
        assert!(codes(&e).contains(&"PASTE_SEVERAL_TOKENS") && !codes(&e).contains(&"PASTE_INNER_WHITESPACE"));
        // One whole token and a fragment are still read as a wrapped copy.
        assert_eq!(extract_t(&format!("{token}\n{a}")).candidates.len(), 1);
    }

    /// The paste as a header value: only when it shows signs of one, without the header name and the line breaks
    /// around it.
    #[test]
    fn header_value_as_pasted() {
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        assert_eq!(extract_t(token).header_value, None);
        assert_eq!(
            extract_t(&format!("{token}\n")).header_value,
            None,
            "a trailing line break alone comes from copying"
        );
        assert_eq!(
            extract_t(&format!("Bearer Bearer {token}\n")).header_value.as_deref(),
            Some(format!("Bearer Bearer {token}").as_str())
        );
        assert_eq!(
            extract_t(&format!("Authorization: Bearer {token}")).header_value.as_deref(),
            Some(format!("Bearer {token}").as_str())
        );
        assert_eq!(extract_t(&format!("\"{token}\"")).header_value.as_deref(), Some(format!("\"{token}\"").as_str()));
        assert_eq!(extract_t(&format!(r#"{{"access_token":"{token}"}}"#)).header_value, None);
    }

    fn only(e: &Extraction) -> String {
        assert_eq!(e.candidates.len(), 1, "{e:?}");
        e.candidates[0].text.text()
    }

    /// A token response field written with JSON escapes still maps to its bytes in the input (found by the property
    /// test: the escaped value used to be placed at the start of the input, splitting a multi-byte character).
    #[test]
    fn token_response_values_keep_their_offsets() {
        let input = r#"{"¡d_token":"eyJhIjoxfQ.eyJhIjoxfQ.x","access_token":"a\bc"}"#;
        let e = extract_t(input);
        let access = e.candidates.iter().find(|c| c.label.as_deref() == Some("access_token")).map(|c| &c.text);
        let (start, end) = access.and_then(Spanned::range).unwrap_or_default();
        assert_eq!(&input[start..end], r"a\bc");
        let id = e.candidates.iter().find(|c| c.label.as_deref() == Some("¡d_token")).and_then(|c| c.text.range());
        let (start, end) = id.unwrap_or_default();
        assert_eq!(&input[start..end], "eyJhIjoxfQ.eyJhIjoxfQ.x");
    }

    /// With a service's message in the paste, only the tokens in it are candidates; the message alone is none.
    #[test]
    fn mixed_pastes_take_only_the_tokens() {
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        let limits = Limits::default();
        let alone = extract_mixed("HTTP/1.1 401 Unauthorized\n\n{\"message\":\"Unauthorized\"}", &limits);
        assert!(alone.candidates.is_empty() && alone.findings.is_empty(), "{alone:?}");
        let body = extract_mixed(&format!("{{\"message\":\"Unauthorized\"}}\n{token}"), &limits);
        assert_eq!(only(&body), token);
        assert_eq!(codes(&body), ["PASTE_TOKEN_IN_TEXT"]);
        let curl =
            extract_mixed(&format!("curl -H 'Authorization: Bearer {token}' https://x\nJwt is expired"), &limits);
        assert_eq!(only(&curl), token);
        assert_eq!(curl.header_value.as_deref(), Some(format!("Bearer {token}").as_str()));
        let response = extract_mixed(&format!("{{\"error\":\"invalid_token\",\"access_token\":\"{token}\"}}"), &limits);
        assert_eq!(codes(&response), ["PASTE_TOKEN_RESPONSE"]);
    }

    #[test]
    fn plain_token_is_untouched() {
        let e = extract_t("a.b.c");
        assert_eq!(only(&e), "a.b.c");
        assert!(e.findings.is_empty());
    }

    #[test]
    fn bearer_doubled_and_quotes() {
        let e = extract_t(" \"Bearer Bearer a.b.c\"\n");
        assert_eq!(only(&e), "a.b.c");
        assert_eq!(codes(&e), ["PASTE_SURROUNDING_WHITESPACE", "PASTE_QUOTES", "PASTE_BEARER_DOUBLED"]);
    }

    #[test]
    fn header_line() {
        let e = extract_t("Authorization: Bearer a.b.c");
        assert_eq!(only(&e), "a.b.c");
        assert_eq!(codes(&e), ["PASTE_HEADER_LINE", "PASTE_BEARER_PREFIX"]);
        assert_eq!(e.candidates[0].text.range(), Some((22, 27)));
    }

    #[test]
    fn bearer_glued_is_kept() {
        let e = extract_t("Bearereyj.a.b");
        assert_eq!(only(&e), "Bearereyj.a.b");
    }

    #[test]
    fn url_fragment_tokens_are_labelled() {
        let e = extract_t("https://app/cb#id_token=a.b.c&access_token=d.e.f&expires_in=3600");
        let labels: Vec<_> = e.candidates.iter().map(|c| (c.label.clone().unwrap(), c.text.text())).collect();
        assert_eq!(labels, [("id_token".into(), "a.b.c".into()), ("access_token".into(), "d.e.f".into())]);
        assert_eq!(codes(&e), ["PASTE_URL"]);
    }

    #[test]
    fn code_url_is_explained() {
        let e = extract_t("https://app/cb?code=abc-123&state=x");
        assert!(e.candidates.is_empty());
        assert_eq!(codes(&e), ["PASTE_AUTHORIZATION_CODE"]);
    }

    /// A DPoP request: the access token and the proof as two labelled candidates, in input order, with their
    /// offsets; a `Bearer` header with a DPoP header too; an SD-JWT inside a curl command keeps its `~` parts.
    #[test]
    fn dpop_headers_and_sd_jwt_in_text() {
        let at = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        let proof = "eyJ0eXAiOiJkcG9wK2p3dCJ9.eyJodG0iOiJHRVQifQ.c2ln";
        let input = format!("DPoP: {proof}\nAuthorization: DPoP {at}\n");
        let e = extract_t(&input);
        let found: Vec<(Option<String>, String)> =
            e.candidates.iter().map(|c| (c.label.clone(), c.text.text())).collect();
        assert_eq!(found, [(Some("DPoP proof".into()), proof.into()), (Some("access_token".into()), at.into())]);
        assert_eq!(codes(&e), ["DPOP_HEADERS"]);
        let http = e.http.unwrap_or_default();
        assert_eq!((http.proof_token, http.access_token), (Some(0), Some(1)));
        let (start, end) = e.candidates[1].text.range().unwrap_or_default();
        assert_eq!(&input[start..end], at);
        assert_eq!(e.header_value.as_deref(), Some(format!("DPoP {at}").as_str()));
        let bearer = extract_t(&format!("curl -H 'Authorization: Bearer {at}' -H 'DPoP: {proof}' https://x"));
        assert_eq!(bearer.candidates.len(), 2);
        assert_eq!(bearer.http.and_then(|h| h.scheme).as_deref(), Some("Bearer"));
        // Without a DPoP header or scheme, nothing changes: the existing paths answer.
        assert!(extract_t(&format!("Authorization: Bearer {at}")).http.is_none());
        let sd = format!("{at}~WyJzIiwibiIsInYiXQ~");
        assert_eq!(only(&extract_t(&format!("curl -H \"X-Credential: {sd}\" https://x"))), sd);
    }

    #[test]
    fn empty_input() {
        assert_eq!(codes(&extract_t(" \n ")), ["INPUT_EMPTY"]);
    }
}
