//! HTTP context in a paste: the headers DPoP (RFC 9449) is carried in, and the request they belong to.
//!
//! A DPoP request sends two tokens: the access token in `Authorization: DPoP <token>` and the proof in
//! `DPoP: <proof>`. People paste them as header lines (in any order), as `curl -H` options, or as a raw request
//! (`GET /path HTTP/1.1`, `Host:`), which also gives the method and URL the proof must name. A response's
//! `WWW-Authenticate: DPoP error="use_dpop_nonce"` and `DPoP-Nonce` are read too. Only what is found is reported;
//! the checks are made above (`crate::proof`).

use crate::spanned::Spanned;

/// The HTTP context of a paste, as far as DPoP needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpPaste {
    /// The `Authorization` scheme as sent (`DPoP`, `Bearer`), when the paste holds the header.
    pub scheme: Option<String>,
    /// The token after the scheme.
    pub authorization: Option<Spanned>,
    /// The `DPoP` header's value: the proof.
    pub proof: Option<Spanned>,
    /// The request's method, from a request line or a curl command.
    pub method: Option<String>,
    /// The request's URL, from a request line and `Host` or a curl command.
    pub url: Option<String>,
    /// The URL was built from a request line and `Host`, which do not say the scheme: `https` was assumed.
    pub url_assumed_https: bool,
    /// The `DPoP-Nonce` header's value (the server's nonce).
    pub dpop_nonce: Option<String>,
    /// The paste holds `WWW-Authenticate: DPoP … error="use_dpop_nonce"`.
    pub use_dpop_nonce: bool,
    /// Index of the access token among the candidates, once extracted.
    pub access_token: Option<usize>,
    /// Index of the proof among the candidates, once extracted.
    pub proof_token: Option<usize>,
}

impl HttpPaste {
    /// True when the paste is a DPoP request: a `DPoP` header, or the `DPoP` authorization scheme.
    #[must_use]
    pub fn is_dpop(&self) -> bool {
        self.proof.is_some() || self.scheme.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("dpop"))
    }

    /// True when anything DPoP needs was found.
    #[must_use]
    pub fn found_anything(&self) -> bool {
        self.is_dpop() || self.use_dpop_nonce || self.dpop_nonce.is_some()
    }
}

/// Every value of header `name` (lowercase, without the colon): where the header name stands at the start of a line,
/// after a quote (curl `-H "…"`) or after a space or `>`/`<` (curl `-v` dumps); the value runs to the quote that
/// opened it or to the end of the line.
fn header_values(input: &str, lower: &str, name: &str) -> Vec<Spanned> {
    let needle = format!("{name}:");
    let bytes = input.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = lower.get(from..).and_then(|rest| rest.find(&needle)) {
        let at = from + found;
        from = at + needle.len();
        let before = at.checked_sub(1).and_then(|i| bytes.get(i)).copied();
        if !before.is_none_or(|b| matches!(b, b'\n' | b'\r' | b'"' | b'\'' | b' ' | b'\t' | b'>' | b'<')) {
            continue;
        }
        let quote = before.filter(|b| matches!(b, b'"' | b'\''));
        let rest = input.get(from..).unwrap_or_default();
        let start = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let value = rest.get(start..).unwrap_or_default();
        let end = value.find(|c: char| c == '\n' || c == '\r' || quote.is_some_and(|q| c == char::from(q)));
        let value = value.get(..end.unwrap_or(value.len())).unwrap_or_default().trim_end();
        out.push(Spanned::at(value, from + start));
    }
    out
}

/// Splits `DPoP <token>` into the scheme and the token.
fn scheme_and_token(value: &Spanned) -> Option<(String, Spanned)> {
    let chars = value.chars();
    let space = chars.iter().position(|(c, _)| c.is_whitespace())?;
    let scheme = value.slice(0, space).text();
    let mut token = value.slice(space, value.len());
    token.trim();
    (!token.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then_some((scheme, token))
}

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// The method and target of a request line (`GET /path HTTP/1.1`, curl `-v`'s `> GET …` too).
fn request_line(input: &str) -> Option<(String, String)> {
    input.lines().find_map(|line| {
        let line = line.trim_start_matches(['>', ' ', '\t']);
        let mut words = line.split_whitespace();
        let (method, target, version) = (words.next()?, words.next()?, words.next()?);
        (METHODS.contains(&method) && version.starts_with("HTTP/")).then(|| (method.to_owned(), target.to_owned()))
    })
}

/// The method and URL of a curl command: `-X`/`--request` (else `POST` with a body, `GET` without), and its first
/// `http(s)://` argument.
fn curl_request(input: &str) -> Option<(String, String)> {
    let words: Vec<&str> = input.split_whitespace().collect();
    if !words.contains(&"curl") {
        return None;
    }
    let unquote = |w: &str| w.trim_matches(['"', '\'']).to_owned();
    let url = words.iter().map(|w| unquote(w)).find(|w| w.starts_with("http://") || w.starts_with("https://"))?;
    let explicit = words.windows(2).find(|w| matches!(w.first(), Some(&"-X" | &"--request"))).and_then(|w| w.get(1));
    let body = words.iter().any(|w| matches!(*w, "-d" | "--data" | "--data-raw" | "--data-binary" | "--json"));
    let method = explicit.map_or_else(|| if body { "POST".to_owned() } else { "GET".to_owned() }, |m| unquote(m));
    Some((method.to_ascii_uppercase(), url))
}

/// What the paste says about an HTTP exchange carrying DPoP.
#[must_use]
pub fn scan(input: &str) -> HttpPaste {
    let lower = input.to_ascii_lowercase();
    let mut out = HttpPaste::default();
    if !lower.contains("dpop") {
        return out;
    }
    let authorization = header_values(input, &lower, "authorization").into_iter().find_map(|v| scheme_and_token(&v));
    let bare = || {
        let mut whole = Spanned::new(input);
        whole.trim();
        scheme_and_token(&whole).filter(|(s, t)| s.eq_ignore_ascii_case("dpop") && !t.any(char::is_whitespace))
    };
    if let Some((scheme, token)) = authorization.or_else(bare) {
        out.scheme = Some(scheme);
        out.authorization = Some(token);
    }
    out.proof = header_values(input, &lower, "dpop").into_iter().find(|v| !v.is_empty());
    out.dpop_nonce = header_values(input, &lower, "dpop-nonce").into_iter().next().map(|v| v.text());
    out.use_dpop_nonce = header_values(input, &lower, "www-authenticate").iter().any(|v| {
        let v = v.text().to_ascii_lowercase();
        v.starts_with("dpop") && v.contains("use_dpop_nonce")
    });
    if let Some((method, target)) = request_line(input) {
        out.method = Some(method);
        if target.starts_with("http://") || target.starts_with("https://") {
            out.url = Some(target);
        } else if let Some(host) = header_values(input, &lower, "host").first() {
            out.url = Some(format!("https://{}{target}", host.text()));
            out.url_assumed_https = true;
        }
    } else if let Some((method, url)) = curl_request(input) {
        out.method = Some(method);
        out.url = Some(url);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_any_form() {
        let at = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        let proof = "eyJ0eXAiOiJkcG9wK2p3dCJ9.eyJodG0iOiJHRVQifQ.c2ln";
        let lines = format!("DPoP: {proof}\nAuthorization: DPoP {at}\n");
        let h = scan(&lines);
        assert_eq!(h.scheme.as_deref(), Some("DPoP"));
        assert_eq!(h.authorization.map(|t| t.text()).as_deref(), Some(at));
        let p = h.proof.unwrap_or_default();
        assert_eq!(p.text(), proof);
        assert_eq!(p.range().map(|(s, _)| s), Some(6));
        let curl =
            format!("curl -X POST -H 'Authorization: DPoP {at}' -H \"DPoP: {proof}\" 'https://api.example/r?q=1'");
        let h = scan(&curl);
        assert_eq!((h.method.as_deref(), h.url.as_deref()), (Some("POST"), Some("https://api.example/r?q=1")));
        assert_eq!(h.proof.map(|t| t.text()).as_deref(), Some(proof));
        let raw = format!(
            "GET /resource?x=1 HTTP/1.1\r\nHost: server.example.com\r\nAuthorization: DPoP {at}\r\nDPoP: {proof}\r\n"
        );
        let h = scan(&raw);
        assert_eq!(h.url.as_deref(), Some("https://server.example.com/resource?x=1"));
        assert!(h.url_assumed_https && h.is_dpop());
        let nonce = "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP error=\"use_dpop_nonce\", error_description=\"x\"\nDPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v\n";
        let h = scan(nonce);
        assert!(h.use_dpop_nonce && !h.is_dpop());
        assert_eq!(h.dpop_nonce.as_deref(), Some("eyJ7S_zG.eyJH0-Z.HX4w-7v"));
        assert_eq!(scan(&format!("DPoP {at}")).authorization.map(|t| t.text()).as_deref(), Some(at));
        assert!(!scan(&format!("Authorization: Bearer {at}")).found_anything());
        // A header name inside another word is not a header.
        assert!(scan(&format!("X-DPoP: {proof}")).proof.is_none());
    }
}
